package warden.launcher.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;
import warden.kernel.api.Criticality;

/**
 * Reads a partition's interrupt routing overrides {line, core, priority}; core defaults to the
 * partition's first core, priority to {@link #CRITICAL_PRIORITY} for a critical partition and
 * {@link #QM_PRIORITY} for QM.
 *
 * [impl->dsn~config.defaults~1]
 */
final class LineReader {
    /** Default priority of a line routed to a critical (ASIL A-D) partition. */
    static final int CRITICAL_PRIORITY = 7;
    /** Default priority of a line routed to a QM partition. */
    static final int QM_PRIORITY = 1;
    static final int PRIORITY_MAX = 7;
    static final int LINE_ID_MAX = 1 << 16;

    private final Nodes nodes;

    LineReader(Nodes nodes) {
        this.nodes = nodes;
    }

    /** @return the default priority of a device's line for a partition of this criticality. */
    static int defaultPriority(int criticality) {
        return Criticality.isCritical(criticality) ? CRITICAL_PRIORITY : QM_PRIORITY;
    }

    List<LineSpec> read(Node n, String path, int firstCore, int criticality) {
        List<Node> items = nodes.list(n, path, 0, PartitionReader.LIST_MAX);
        if (items == null) {
            return null;
        }
        List<LineSpec> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) { // at most LIST_MAX
            out.add(line(items.get(i), path + "[" + i + "]", firstCore, criticality));
        }
        return out.contains(null) ? null : out;
    }

    private LineSpec line(Node n, String path, int firstCore, int criticality) {
        Map<String, Node> f = nodes.mapping(n, path, "line");
        if (f == null) {
            return null;
        }
        Node lineNode = nodes.required(f, "line", n, path);
        Integer line = lineNode == null ? null : nodes.smallInt(lineNode, path + ".line", 0, LINE_ID_MAX);
        Integer core = f.containsKey("core")
                ? nodes.smallInt(f.get("core"), path + ".core", 0, PartitionReader.CORE_ID_MAX)
                : Integer.valueOf(firstCore);
        Integer prio = f.containsKey("priority")
                ? nodes.smallInt(f.get("priority"), path + ".priority", 1, PRIORITY_MAX)
                : Integer.valueOf(defaultPriority(criticality));
        if (line == null || core == null || prio == null) {
            return null;
        }
        return new LineSpec(line, core, prio, nodes.loc(n, path));
    }
}
