package warden.launcher.config;

import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads a partition's {@code snapshot} block: {@code at} (a list of {@code boot} and at most one
 * time), {@code period} (a duration &gt; 0) and {@code onRequestBy} (a partition's name); at least
 * one of them.
 *
 * [impl->dsn~config.snapshot~1]
 */
final class SnapshotReader {
    private final Nodes nodes;

    SnapshotReader(Nodes nodes) {
        this.nodes = nodes;
    }

    /** @return the snapshot settings, or null when {@code n} is null (no block) or after recording problems. */
    SnapshotSpec read(Node n, String path) {
        Map<String, Node> f = n == null ? null : nodes.mapping(n, path, "snapshot");
        if (f == null) {
            return null;
        }
        if (f.isEmpty()) {
            nodes.error(n, path, "a snapshot needs 'at', 'period' or 'onRequestBy': when is it taken?");
            return null;
        }
        long[] at = {0, -1}; // boot (0/1), one-shot time
        if (f.containsKey("at") && !at(f.get("at"), path + ".at", at)) {
            return null;
        }
        Long period = f.containsKey("period") ? nodes.duration(f.get("period"), path + ".period") : Long.valueOf(0);
        if (period == null) {
            return null;
        }
        if (f.containsKey("period") && period <= 0) {
            nodes.error(f.get("period"), path + ".period", "period must be greater than 0");
            return null;
        }
        String by = f.containsKey("onRequestBy") ? nodes.string(f.get("onRequestBy"), path + ".onRequestBy") : null;
        if (f.containsKey("onRequestBy") && by == null) {
            return null;
        }
        Loc byLoc = by == null ? nodes.loc(n, path) : nodes.loc(f.get("onRequestBy"), path + ".onRequestBy");
        return new SnapshotSpec(at[0] == 1, at[1], period, by, nodes.loc(n, path), byLoc);
    }

    /** Reads {@code at}: boot and at most one time into out[0] (1 for boot) and out[1]. @return false on a problem */
    private boolean at(Node n, String path, long[] out) {
        List<Node> items = nodes.list(n, path, 1, 2);
        if (items == null) {
            return false;
        }
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            String p = path + "[" + i + "]";
            if (item instanceof ScalarNode s && "boot".equals(s.getValue())) {
                out[0] = 1;
                continue;
            }
            Long t = nodes.duration(item, p);
            if (t == null) {
                return false;
            }
            if (out[1] >= 0) {
                nodes.error(item, p, "at most one time in 'at' (besides boot); use 'period' for more");
                return false;
            }
            out[1] = t;
        }
        return true;
    }
}
