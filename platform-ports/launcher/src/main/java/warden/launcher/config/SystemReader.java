package warden.launcher.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads the document root: target, monitor memory, partitions, device stimuli, channels, mediated
 * devices and run settings, applying the defaults (no target, platform monitor memory, no stimuli,
 * no channels, no mediated devices, 100 ms, seed 1).
 *
 * [impl->dsn~config.defaults~1]
 */
final class SystemReader {
    static final List<String> TARGETS = List.of("riscv", "arm", "x86");
    static final int PARTITIONS_MAX = 16;
    static final int STIMULI_MAX = 64;
    /** Largest standard (11-bit) CAN identifier a stimulus's {@code id} may give. */
    static final int CAN_STD_ID_MAX = 0x7FF;
    /** Largest extended (29-bit) CAN identifier. */
    static final int CAN_EXT_ID_MAX = 0x1FFF_FFFF;

    private final Nodes nodes;

    SystemReader(Nodes nodes) {
        this.nodes = nodes;
    }

    /** @return the description, or null when a problem was recorded. */
    SystemDescription read(Node root) {
        Map<String, Node> f = nodes.mapping(root, "", "system");
        if (f == null) {
            return null;
        }
        Loc loc = nodes.loc(root, "");
        String target = f.containsKey("target") ? target(f.get("target")) : null;
        MonitorSpec monitor = f.containsKey("monitor") ? monitor(f.get("monitor")) : null;
        List<PartitionSpec> partitions = partitions(nodes.required(f, "partitions", root, ""));
        RunSpec run = f.containsKey("run") ? run(f.get("run"))
                : new RunSpec(RunSpec.DEFAULT_DURATION_NS, RunSpec.DEFAULT_SEED, loc.field("run"));
        List<StimulusSpec> stimuli = f.containsKey("devices")
                ? stimuli(f.get("devices"), 0L) : List.of();
        List<ChannelSpec> channels = f.containsKey("channels")
                ? new ChannelReader(nodes).read(f.get("channels")) : List.of();
        List<MediatedSpec> mediated = f.containsKey("mediated")
                ? new MediatedReader(nodes).read(f.get("mediated")) : List.of();
        List<UpdateSpec> updates = f.containsKey("updates")
                ? new UpdateReader(nodes).read(f.get("updates")) : List.of();
        if (!nodes.problems().isEmpty() || partitions == null || stimuli == null || run == null || channels == null
                || mediated == null || updates == null) {
            return null;
        }
        return new SystemDescription(loc.file(), target, monitor, partitions, stimuli, run, loc, channels, mediated,
                updates);
    }

    private String target(Node n) {
        String t = nodes.string(n, "target");
        if (t != null && !TARGETS.contains(t)) {
            nodes.error(n, "target", "unknown target '" + t + "': expected riscv, arm or x86");
            return null;
        }
        return t;
    }

    private MonitorSpec monitor(Node n) {
        Map<String, Node> f = nodes.mapping(n, "monitor", "monitor");
        if (f == null) {
            return null;
        }
        Node mem = nodes.required(f, "memory", n, "monitor");
        Map<String, Node> m = mem == null ? null : nodes.mapping(mem, "monitor.memory", "memoryRange");
        if (m == null) {
            return null;
        }
        Node base = nodes.required(m, "base", mem, "monitor.memory");
        Node size = nodes.required(m, "size", mem, "monitor.memory");
        Long b = base == null ? null : nodes.address(base, "monitor.memory.base");
        Long s = size == null ? null : nodes.size(size, "monitor.memory.size");
        return b == null || s == null ? null : new MonitorSpec(b, s, nodes.loc(mem, "monitor.memory"));
    }

    private List<PartitionSpec> partitions(Node n) {
        List<Node> items = n == null ? null : nodes.list(n, "partitions", 1, PARTITIONS_MAX);
        if (items == null) {
            return null;
        }
        List<PartitionSpec> out = new ArrayList<>();
        PartitionReader reader = new PartitionReader(nodes);
        for (int i = 0; i < items.size(); i++) { // at most PARTITIONS_MAX
            out.add(reader.read(items.get(i), "partitions[" + i + "]"));
        }
        return out.contains(null) ? null : out;
    }

    private List<StimulusSpec> stimuli(Node n, long defaultSeed) {
        List<Node> items = nodes.list(n, "devices", 0, STIMULI_MAX);
        if (items == null) {
            return null;
        }
        List<StimulusSpec> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) { // at most STIMULI_MAX
            out.add(stimulus(items.get(i), "devices[" + i + "]", defaultSeed));
        }
        return out.contains(null) ? null : out;
    }

    // [impl->dsn~config.stimulus-kind~1]
    private StimulusSpec stimulus(Node n, String path, long defaultSeed) {
        Map<String, Node> f = nodes.mapping(n, path, "stimulus");
        if (f == null) {
            return null;
        }
        Node name = nodes.required(f, "name", n, path);
        String device = name == null ? null : nodes.string(name, path + ".name");
        Long period = f.containsKey("period") ? nodes.duration(f.get("period"), path + ".period") : Long.valueOf(0L);
        Long mean = f.containsKey("meanInterval")
                ? nodes.duration(f.get("meanInterval"), path + ".meanInterval") : Long.valueOf(0L);
        Long seed = f.containsKey("seed") ? nodes.longValue(f.get("seed"), path + ".seed") : Long.valueOf(defaultSeed);
        // a CAN frame's identifier, standard or extended [impl->dsn~config.stimulus-can-id~2]
        // [impl->dsn~config.stimulus-can-extended~1]
        Boolean extended = f.containsKey("extended") ? nodes.bool(f.get("extended"), path + ".extended")
                : Boolean.FALSE;
        Integer canId = f.containsKey("id") ? nodes.smallInt(f.get("id"), path + ".id", 0,
                Boolean.TRUE.equals(extended) ? CAN_EXT_ID_MAX : CAN_STD_ID_MAX) : null;
        if (device == null || period == null || mean == null || seed == null || extended == null
                || f.containsKey("id") && canId == null) {
            return null;
        }
        if ((period > 0) == (mean > 0)) {
            nodes.error(n, path, "give exactly one of 'period' or 'meanInterval', greater than 0");
            return null;
        }
        return new StimulusSpec(device, period, mean, seed, canId, extended, nodes.loc(n, path));
    }

    private RunSpec run(Node n) {
        Map<String, Node> f = nodes.mapping(n, "run", "run");
        if (f == null) {
            return null;
        }
        Long duration = f.containsKey("duration") ? nodes.duration(f.get("duration"), "run.duration")
                : Long.valueOf(RunSpec.DEFAULT_DURATION_NS);
        Long seed = f.containsKey("seed") ? nodes.longValue(f.get("seed"), "run.seed")
                : Long.valueOf(RunSpec.DEFAULT_SEED);
        if (duration != null && duration == 0) {
            nodes.error(f.get("duration"), "run.duration", "duration must be greater than 0");
            return null;
        }
        return duration == null || seed == null ? null : new RunSpec(duration, seed, nodes.loc(n, "run"));
    }
}
