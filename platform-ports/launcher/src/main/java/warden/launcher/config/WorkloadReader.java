package warden.launcher.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import warden.kernel.api.Access;

/**
 * Reads a workload mapping: its {@code kind} selects which keys are allowed (rtos, rich-os, probe
 * or hostile). Boot work and probe start default to 0, a task's deadline to its period.
 *
 * [impl->dsn~config.workload-kind~2]
 */
final class WorkloadReader {
    static final int TASKS_MAX = 16;
    static final int ACCESSES_MAX = 256;
    static final int HOSTILE_OPS_MAX = 100_000;
    static final int MIX_MAX = 1000;
    /** Largest ELF file a workload may name (its loaded image must still fit a golden image). */
    static final int ELF_BYTES_MAX = 4 << 20;
    /** The largest Linux kernel Image a description may name. */
    static final int LINUX_BYTES_MAX = 64 << 20;

    private final Nodes nodes;

    WorkloadReader(Nodes nodes) {
        this.nodes = nodes;
    }

    WorkloadSpec read(Node n, String path) {
        if (!(n instanceof MappingNode m)) {
            nodes.error(n, path, "expected a mapping, found " + Nodes.describe(n));
            return null;
        }
        Node kind = null;
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("kind")) {
                kind = t.getValueNode();
            }
        }
        if (kind == null) {
            nodes.error(n, path, "missing required key 'kind' (rtos, rich-os, probe, hostile, elf or linux)");
            return null;
        }
        String k = nodes.string(kind, path + ".kind");
        if (k == null) {
            return null;
        }
        switch (k) {
            case "rtos": return rtos(n, path);
            case "rich-os": return richOs(n, path);
            case "probe": return probe(n, path);
            case "hostile": return hostile(n, path);
            case "elf": return elf(n, path);
            case "linux": return linux(n, path);
            default:
                nodes.error(kind, path + ".kind", "unknown workload kind '" + k
                        + "': expected rtos, rich-os, probe, hostile, elf or linux");
                return null;
        }
    }

    /**
     * Reads {@code kind: elf}: {@code file} (relative to the description) must exist, hold at most
     * {@link #ELF_BYTES_MAX} bytes, have the SHA-256 given as {@code sha256} (64 hex digits) and be a
     * 64-bit little-endian RISC-V executable ({@link ElfImage}); each problem is located at its key.
     *
     * [impl->dsn~config.workload.elf~1]
     */
    private ElfSpec elf(Node n, String path) {
        Map<String, Node> f = nodes.mapping(n, path, "elf");
        if (f == null) {
            return null;
        }
        Node fileNode = nodes.required(f, "file", n, path);
        Node shaNode = nodes.required(f, "sha256", n, path);
        String file = fileNode == null ? null : nodes.string(fileNode, path + ".file");
        String sha = shaNode == null ? null : nodes.string(shaNode, path + ".sha256");
        if (sha != null && !sha.matches("[0-9a-fA-F]{64}")) {
            nodes.error(shaNode, path + ".sha256", "expected a SHA-256 digest of 64 hex digits, found '" + sha + "'");
            return null;
        }
        byte[] bytes = file == null ? null : nodes.readImage(fileNode, path + ".file", file, ELF_BYTES_MAX);
        if (bytes == null || sha == null) {
            return null;
        }
        String actual = java.util.HexFormat.of().formatHex(PartitionReader.sha256(bytes));
        if (!actual.equalsIgnoreCase(sha)) {
            nodes.error(shaNode, path + ".sha256", "sha256 " + sha.toLowerCase(java.util.Locale.ROOT)
                    + " is not the SHA-256 of '" + file + "' (" + bytes.length + " bytes), which is " + actual);
            return null;
        }
        try {
            return new ElfSpec(file, warden.riscv.cpu.ElfImage.parse(bytes), null, nodes.loc(n, path));
        } catch (warden.riscv.cpu.ElfImage.BadElf | RuntimeException e) {
            nodes.error(fileNode, path + ".file", "'" + file + "': " + e.getMessage());
            return null;
        }
    }

    /**
     * Reads {@code kind: linux}: {@code image} names a RISC-V Linux kernel Image (relative to the
     * description; a leading {@code ~/.cache/} is the user's cache directory, {@code $XDG_CACHE_HOME}
     * when set, where tools/linux/build.sh puts it); a missing file is a located error that names the
     * command that builds it. {@code sha256} is optional (a locally built kernel has no fixed digest),
     * {@code bootargs} is the kernel command line.
     *
     * [impl->dsn~config.workload.linux~1]
     */
    private LinuxSpec linux(Node n, String path) {
        Map<String, Node> f = nodes.mapping(n, path, "linux");
        if (f == null) {
            return null;
        }
        Node imageNode = nodes.required(f, "image", n, path);
        String file = imageNode == null ? null : nodes.string(imageNode, path + ".image");
        if (file == null) {
            return null;
        }
        String sha = f.containsKey("sha256") ? nodes.string(f.get("sha256"), path + ".sha256") : null;
        String bootargs = f.containsKey("bootargs") ? nodes.string(f.get("bootargs"), path + ".bootargs")
                : LinuxSpec.DEFAULT_BOOTARGS;
        String resolved = cachePath(file);
        if (!nodes.exists(resolved)) {
            nodes.error(imageNode, path + ".image", "no Linux kernel image at '" + resolved
                    + "': build it once with tools/linux/build.sh (it installs Debian's linux-source-6.1 and"
                    + " riscv64 cross compiler and caches the Image there)");
            return null;
        }
        byte[] bytes = nodes.readImage(imageNode, path + ".image", resolved, LINUX_BYTES_MAX);
        if (bytes == null || bootargs == null) {
            return null;
        }
        String actual = java.util.HexFormat.of().formatHex(PartitionReader.sha256(bytes));
        if (sha != null && !actual.equalsIgnoreCase(sha)) {
            nodes.error(f.get("sha256"), path + ".sha256", "sha256 " + sha + " is not the SHA-256 of '" + resolved
                    + "', which is " + actual);
            return null;
        }
        try {
            return new LinuxSpec(file, warden.riscv.LinuxImage.parse(bytes), bootargs, null, nodes.loc(n, path));
        } catch (warden.riscv.LinuxImage.BadImage e) {
            nodes.error(imageNode, path + ".image", "'" + resolved + "': " + e.getMessage());
            return null;
        }
    }

    /** @return {@code file} with a leading "~/.cache/" as the user's cache directory and "~/" as home. */
    static String cachePath(String file) {
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (file.startsWith("~/.cache/") && xdg != null && !xdg.isEmpty()) {
            return xdg + file.substring("~/.cache".length());
        }
        return file.startsWith("~/") ? System.getProperty("user.home") + file.substring(1) : file;
    }

    private Long durationOr(Map<String, Node> f, String key, String path, Long dflt) {
        return f.containsKey(key) ? nodes.duration(f.get(key), path + "." + key) : dflt;
    }

    private Long requiredDuration(Map<String, Node> f, String key, Node parent, String path) {
        Node v = nodes.required(f, key, parent, path);
        return v == null ? null : nodes.duration(v, path + "." + key);
    }

    private RtosSpec rtos(Node n, String path) {
        Map<String, Node> f = nodes.mapping(n, path, "rtos");
        Long boot = durationOr(f, "boot", path, 0L);
        Long tick = requiredDuration(f, "tick", n, path);
        Node tasksNode = nodes.required(f, "tasks", n, path);
        List<Node> items = tasksNode == null ? null : nodes.list(tasksNode, path + ".tasks", 1, TASKS_MAX);
        List<TaskSpec> tasks = new ArrayList<>();
        for (int i = 0; items != null && i < items.size(); i++) { // at most TASKS_MAX
            tasks.add(task(items.get(i), path + ".tasks[" + i + "]"));
        }
        IsrSpec isr = f.containsKey("isr") ? isr(f.get("isr"), path + ".isr") : null;
        if (boot == null || tick == null || items == null || tasks.contains(null)
                || (f.containsKey("isr") && isr == null)) {
            return null;
        }
        return new RtosSpec(boot, tick, tasks, isr, nodes.loc(n, path));
    }

    private TaskSpec task(Node n, String path) {
        Map<String, Node> f = nodes.mapping(n, path, "task");
        if (f == null) {
            return null;
        }
        Node nameNode = nodes.required(f, "name", n, path);
        String name = nameNode == null ? null : new FieldReader(nodes).name(nameNode, path + ".name");
        Long period = requiredDuration(f, "period", n, path);
        Long wcet = requiredDuration(f, "wcet", n, path);
        Long deadline = durationOr(f, "deadline", path, period);
        if (name == null || period == null || wcet == null || deadline == null) {
            return null;
        }
        return new TaskSpec(name, period, wcet, deadline, nodes.loc(n, path));
    }

    private IsrSpec isr(Node n, String path) {
        Map<String, Node> f = nodes.mapping(n, path, "isr");
        if (f == null) {
            return null;
        }
        Node dev = nodes.required(f, "device", n, path);
        String device = dev == null ? null : nodes.string(dev, path + ".device");
        Long work = requiredDuration(f, "work", n, path);
        return device == null || work == null ? null : new IsrSpec(device, work, nodes.loc(n, path));
    }

    private RichOsSpec richOs(Node n, String path) {
        Map<String, Node> f = nodes.mapping(n, path, "richOs");
        Long boot = durationOr(f, "boot", path, 0L);
        Long tick = requiredDuration(f, "tick", n, path);
        long[] burst = range(nodes.required(f, "burst", n, path), path + ".burst");
        long[] idle = range(nodes.required(f, "idle", n, path), path + ".idle");
        IsrSpec isr = f.containsKey("isr") ? isr(f.get("isr"), path + ".isr") : null;
        CanTxSpec canTx = f.containsKey("canTx") ? canTx(f.get("canTx"), path + ".canTx") : null;
        if (boot == null || tick == null || burst == null || idle == null
                || (f.containsKey("isr") && isr == null) || (f.containsKey("canTx") && canTx == null)) {
            return null;
        }
        return new RichOsSpec(boot, tick, burst[0], burst[1], idle[0], idle[1], isr, nodes.loc(n, path), canTx);
    }

    /** [impl->dsn~emu.guest.can-mediated~1] */
    private CanTxSpec canTx(Node n, String path) {
        Map<String, Node> f = nodes.mapping(n, path, "canTx");
        if (f == null) {
            return null;
        }
        Node dev = nodes.required(f, "device", n, path);
        String device = dev == null ? null : nodes.string(dev, path + ".device");
        Node mb = nodes.required(f, "mailbox", n, path);
        Integer mailbox = mb == null ? null : nodes.smallInt(mb, path + ".mailbox", 0,
                warden.emu.dev.can.CanController.MAILBOXES - 1);
        Node idn = nodes.required(f, "id", n, path);
        Integer id = idn == null ? null : nodes.smallInt(idn, path + ".id", 0, SystemReader.CAN_STD_ID_MAX);
        Long period = requiredDuration(f, "period", n, path);
        if (period != null && period == 0) {
            nodes.error(f.get("period"), path + ".period", "period must be greater than 0");
            return null;
        }
        return device == null || mailbox == null || id == null || period == null ? null
                : new CanTxSpec(device, mailbox, id, period, nodes.loc(n, path));
    }

    private long[] range(Node n, String path) {
        Map<String, Node> f = n == null ? null : nodes.mapping(n, path, "range");
        if (f == null) {
            return null;
        }
        Long min = requiredDuration(f, "min", n, path);
        Long max = requiredDuration(f, "max", n, path);
        return min == null || max == null ? null : new long[] {min, max};
    }

    private ProbeSpec probe(Node n, String path) {
        Map<String, Node> f = nodes.mapping(n, path, "probe");
        Long start = durationOr(f, "start", path, 0L);
        Node accNode = nodes.required(f, "accesses", n, path);
        List<Node> items = accNode == null ? null : nodes.list(accNode, path + ".accesses", 1, ACCESSES_MAX);
        List<ProbeAccess> accesses = new ArrayList<>();
        for (int i = 0; items != null && i < items.size(); i++) { // at most ACCESSES_MAX
            accesses.add(access(items.get(i), path + ".accesses[" + i + "]"));
        }
        if (start == null || items == null || accesses.contains(null)) {
            return null;
        }
        return new ProbeSpec(start, accesses, nodes.loc(n, path));
    }

    /** [impl->dsn~config.workload.hostile~1] */
    private HostileSpec hostile(Node n, String path) {
        Map<String, Node> f = nodes.mapping(n, path, "hostile");
        Long start = durationOr(f, "start", path, 0L);
        Long period = requiredDuration(f, "period", n, path);
        Node opsNode = nodes.required(f, "operations", n, path);
        Integer ops = opsNode == null ? null : nodes.smallInt(opsNode, path + ".operations", 1, HOSTILE_OPS_MAX);
        int[] mix = f.containsKey("mix") ? mix(f.get("mix"), path + ".mix") : new int[] {1, 1, 1, 1};
        Long seed = f.containsKey("seed") ? nodes.longValue(f.get("seed"), path + ".seed") : null;
        if (start == null || period == null || ops == null || mix == null || (f.containsKey("seed") && seed == null)) {
            return null;
        }
        return new HostileSpec(start, period, ops, mix, seed, nodes.loc(n, path));
    }

    private int[] mix(Node n, String path) {
        Map<String, Node> f = nodes.mapping(n, path, "hostileMix");
        if (f == null) {
            return null;
        }
        List<String> keys = Keys.of("hostileMix");
        int[] mix = new int[keys.size()];
        boolean ok = true;
        for (int i = 0; i < mix.length; i++) { // four kinds
            String key = keys.get(i);
            Integer w = f.containsKey(key) ? nodes.smallInt(f.get(key), path + "." + key, 0, MIX_MAX)
                    : Integer.valueOf(HostileSpec.DEFAULT_WEIGHT);
            ok &= w != null;
            mix[i] = w == null ? 0 : w;
        }
        return ok ? mix : null;
    }

    private ProbeAccess access(Node n, String path) {
        Map<String, Node> f = nodes.mapping(n, path, "probeAccess");
        if (f == null) {
            return null;
        }
        Node a = nodes.required(f, "address", n, path);
        Node s = nodes.required(f, "size", n, path);
        Node k = nodes.required(f, "access", n, path);
        Long address = a == null ? null : nodes.address(a, path + ".address");
        Integer size = s == null ? null : nodes.smallInt(s, path + ".size", 0, Integer.MAX_VALUE);
        Integer kind = k == null ? null : oneOf(k, path + ".access",
                List.of("read", "write", "execute"), List.of(Access.READ, Access.WRITE, Access.EXECUTE));
        String expect = f.containsKey("expect") ? expect(f.get("expect"), path + ".expect") : "";
        if (address == null || size == null || kind == null || expect == null) {
            return null;
        }
        return new ProbeAccess(address, size, kind, expect.isEmpty() ? null : expect, nodes.loc(n, path));
    }

    private String expect(Node n, String path) {
        Integer i = oneOf(n, path, List.of("allowed", "denied"), List.of(0, 1));
        return i == null ? null : i == 0 ? "allowed" : "denied";
    }

    private Integer oneOf(Node n, String path, List<String> words, List<Integer> values) {
        String s = nodes.string(n, path);
        int i = s == null ? -1 : words.indexOf(s);
        if (s != null && i < 0) {
            nodes.error(n, path, "invalid value '" + s + "': expected " + String.join(", ", words));
        }
        return i < 0 ? null : values.get(i);
    }
}
