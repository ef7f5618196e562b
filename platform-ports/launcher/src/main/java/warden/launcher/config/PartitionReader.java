package warden.launcher.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads one partition mapping, applying its defaults: not privileged, entry at the base of the
 * first region, a generated 4 KiB golden image loaded at the entry point, digest = SHA-256 of the
 * image, no watchdog, no devices, no overrides.
 *
 * [impl->dsn~config.defaults~1]
 */
final class PartitionReader {
    static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,31}");
    static final int REGIONS_MAX = 8;
    static final int LIST_MAX = 64;
    static final int CORE_ID_MAX = 1023;
    /** Room kept in an ELF partition's golden image for its device tree. */
    static final int ELF_TREE_ROOM = 16 << 10;

    private final Nodes nodes;
    private final FieldReader fields;

    PartitionReader(Nodes nodes) {
        this.nodes = nodes;
        this.fields = new FieldReader(nodes);
    }

    /** @return the partition, or null after recording problems. */
    PartitionSpec read(Node n, String path) {
        Map<String, Node> f = nodes.mapping(n, path, "partition");
        if (f == null) {
            return null;
        }
        Node nameNode = nodes.required(f, "name", n, path);
        String name = nameNode == null ? null : fields.name(nameNode, path + ".name");
        Node critNode = nodes.required(f, "criticality", n, path);
        Integer crit = critNode == null ? null : criticality(critNode, path + ".criticality");
        Node coresNode = nodes.required(f, "cores", n, path);
        List<Integer> cores = coresNode == null ? null : cores(coresNode, path + ".cores");
        Boolean privileged = f.containsKey("privileged")
                ? nodes.bool(f.get("privileged"), path + ".privileged") : Boolean.FALSE;
        Long watchdog = f.containsKey("watchdog") ? nodes.duration(f.get("watchdog"), path + ".watchdog")
                : Long.valueOf(0L);
        Node memNode = nodes.required(f, "memory", n, path);
        List<RegionSpec> memory = memNode == null ? null : regions(memNode, path + ".memory");
        Long entry = f.containsKey("entry") ? nodes.address(f.get("entry"), path + ".entry")
                : memory == null ? null : memory.get(0).base();
        ImageSpec image = name == null || entry == null ? null : f.containsKey("image")
                ? image(f.get("image"), path + ".image", name, entry)
                : new ImageSpec(ImageSpec.generated(name, ImageSpec.DEFAULT_SIZE), entry, null, nodes.loc(n, path));
        byte[] digest = image == null ? null : f.containsKey("digest")
                ? digest(f.get("digest"), path + ".digest", image) : sha256(image.content());
        List<String> devices = f.containsKey("devices") ? devices(f.get("devices"), path + ".devices") : List.of();
        List<LineSpec> lines = f.containsKey("interrupts") && cores != null && crit != null
                ? new LineReader(nodes).read(f.get("interrupts"), path + ".interrupts", cores.get(0), crit)
                : List.of();
        HealthSpec health = crit == null ? null : f.containsKey("health")
                ? new HealthReader(nodes).read(f.get("health"), path + ".health", crit)
                : HealthSpec.defaults(crit, nodes.loc(n, path));
        WorkloadSpec wl = workload(f, n, path, entry);
        SnapshotSpec snapshot = new SnapshotReader(nodes).read(f.get("snapshot"), path + ".snapshot");
        if (anyNull(name, crit, cores, privileged, watchdog, memory, entry, image, digest, devices, lines, wl,
                health) || f.containsKey("snapshot") && snapshot == null) {
            return null;
        }
        return new PartitionSpec(name, crit, cores, privileged, entry, image, digest, watchdog, memory,
                devices, lines, wl, health, nodes.loc(n, path), fieldLocs(f, path), snapshot);
    }

    /** @return the workload, null after recording problems (also those of an ELF workload's partition fields). */
    private WorkloadSpec workload(Map<String, Node> f, Node n, String path, Long entry) {
        Node wlNode = nodes.required(f, "workload", n, path);
        WorkloadSpec wl = wlNode == null ? null : new WorkloadReader(nodes).read(wlNode, path + ".workload");
        return wl instanceof ElfSpec e && !elfFieldsAllowed(f, e, entry, path) ? null : wl;
    }

    /**
     * An ELF workload brings its own golden image and entry point: {@code image} and {@code digest}
     * are refused, and a given {@code entry} must be the ELF's.
     *
     * [impl->dsn~config.workload.elf~1]
     */
    private boolean elfFieldsAllowed(Map<String, Node> f, ElfSpec e, Long entry, String path) {
        boolean ok = true;
        for (String key : new String[] {"image", "digest"}) {
            if (f.containsKey(key)) {
                nodes.error(f.get(key), path + "." + key, "a kind: elf workload brings its own golden image (the"
                        + " ELF's segments and the partition's device tree, checked with workload.sha256): remove '"
                        + key + "'");
                ok = false;
            }
        }
        long[] span = warden.riscv.ElfPartition.span(e.elf());
        if (span[1] - span[0] > warden.kernel.api.SystemImage.IMAGE_BYTES_MAX - ELF_TREE_ROOM) {
            nodes.error(f.get("workload"), path + ".workload.file", "the segments of '" + e.file() + "' span "
                    + (span[1] - span[0]) + " bytes from " + Fmt.hex(span[0]) + "; a golden image holds at most "
                    + (warden.kernel.api.SystemImage.IMAGE_BYTES_MAX - ELF_TREE_ROOM)
                    + " bytes of them (the rest is room for the device tree)");
            return false;
        }
        if (f.containsKey("entry") && entry != null && entry != e.elf().entry()) {
            nodes.error(f.get("entry"), path + ".entry", "entry " + Fmt.hex(entry) + " is not the entry point "
                    + Fmt.hex(e.elf().entry()) + " of '" + e.file() + "': leave 'entry' out or give the ELF's");
            ok = false;
        }
        return ok;
    }

    /** Locations of the fields that checks point at: cores, cores[i], devices[i], entry. */
    private Map<String, Loc> fieldLocs(Map<String, Node> f, String path) {
        Map<String, Loc> out = new java.util.HashMap<>();
        for (String key : new String[] {"cores", "devices", "entry"}) {
            Node node = f.get(key);
            if (node == null) {
                continue;
            }
            out.put(key, nodes.loc(node, path + "." + key));
            if (node instanceof org.yaml.snakeyaml.nodes.SequenceNode seq) {
                List<Node> items = seq.getValue();
                for (int i = 0; i < items.size() && i < LIST_MAX; i++) {
                    String k = key + "[" + i + "]";
                    out.put(k, nodes.loc(items.get(i), path + "." + k));
                }
            }
        }
        return out;
    }

    private static boolean anyNull(Object... values) {
        for (Object v : values) {
            if (v == null) {
                return true;
            }
        }
        return false;
    }

    // [impl->dsn~config.criticality~1]
    private Integer criticality(Node n, String path) {
        String text = n instanceof ScalarNode s ? s.getValue() : null;
        int level = text == null ? -1 : CriticalityText.parse(text);
        if (text == null) {
            nodes.error(n, path, "expected a criticality, found " + Nodes.describe(n));
            return null;
        }
        if (level < 0) {
            nodes.error(n, path, "unknown criticality '" + text
                    + "': expected QM, ASIL-A, ASIL-B, ASIL-C or ASIL-D");
            return null;
        }
        return level;
    }

    private List<Integer> cores(Node n, String path) {
        List<Node> items = nodes.list(n, path, 1, LIST_MAX);
        if (items == null) {
            return null;
        }
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) { // at most LIST_MAX
            Integer c = nodes.smallInt(items.get(i), path + "[" + i + "]", 0, CORE_ID_MAX);
            if (c != null && out.contains(c)) {
                nodes.error(items.get(i), path + "[" + i + "]", "core " + c + " is listed twice");
                return null;
            }
            out.add(c);
        }
        return out.contains(null) ? null : out;
    }

    private List<RegionSpec> regions(Node n, String path) {
        List<Node> items = nodes.list(n, path, 1, REGIONS_MAX);
        if (items == null) {
            return null;
        }
        List<RegionSpec> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) { // at most REGIONS_MAX
            out.add(fields.region(items.get(i), path + "[" + i + "]"));
        }
        return out.contains(null) ? null : out;
    }

    private List<String> devices(Node n, String path) {
        List<Node> items = nodes.list(n, path, 0, LIST_MAX);
        if (items == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) { // at most LIST_MAX
            out.add(nodes.string(items.get(i), path + "[" + i + "]"));
        }
        return out.contains(null) ? null : out;
    }

    /** A given digest must be the image's: the kernel would refuse to boot it otherwise. */
    private byte[] digest(Node n, String path, ImageSpec image) {
        String text = n instanceof ScalarNode s ? s.getValue() : null;
        if (text == null || !text.matches("[0-9a-fA-F]{64}")) {
            nodes.error(n, path, "expected a SHA-256 digest of 64 hex digits, found " + Nodes.describe(n));
            return null;
        }
        byte[] given = HexFormat.of().parseHex(text);
        byte[] actual = sha256(image.content());
        if (!MessageDigest.isEqual(given, actual)) {
            nodes.error(n, path, "digest " + text.toLowerCase(java.util.Locale.ROOT)
                    + " is not the SHA-256 of the golden image ("
                    + (image.source() == null ? "generated, " : image.source() + ", ") + image.size()
                    + " bytes), which is "
                    + HexFormat.of().formatHex(actual));
            return null;
        }
        return given;
    }

    /**
     * Reads {@code image: {file, size, load}}: the bytes of {@code file} (relative to the
     * description's directory), or {@code size} generated bytes (default 4 KiB); {@code load}
     * defaults to the entry point.
     *
     * [impl->dsn~config.image~1]
     */
    private ImageSpec image(Node n, String path, String name, long entry) {
        Map<String, Node> f = nodes.mapping(n, path, "image");
        if (f == null) {
            return null;
        }
        Long load = f.containsKey("load") ? nodes.address(f.get("load"), path + ".load") : Long.valueOf(entry);
        if (f.containsKey("file") && f.containsKey("size")) {
            nodes.error(f.get("size"), path + ".size", "give either file or size, not both: a file's size is its own");
            return null;
        }
        if (f.containsKey("file")) {
            String file = nodes.string(f.get("file"), path + ".file");
            byte[] bytes = file == null ? null : nodes.readImage(f.get("file"), path + ".file", file,
                    warden.kernel.api.SystemImage.IMAGE_BYTES_MAX);
            return bytes == null || load == null ? null : new ImageSpec(bytes, load, file, nodes.loc(n, path));
        }
        Long size = f.containsKey("size") ? nodes.size(f.get("size"), path + ".size")
                : Long.valueOf(ImageSpec.DEFAULT_SIZE);
        if (size == null || load == null) {
            return null;
        }
        if (size < 1 || size > warden.kernel.api.SystemImage.IMAGE_BYTES_MAX) {
            nodes.error(f.get("size"), path + ".size", "an image has 1 byte to 1 MiB, found " + size + " bytes");
            return null;
        }
        return new ImageSpec(ImageSpec.generated(name, (int) (long) size), load, null, nodes.loc(n, path));
    }

    /** @return SHA-256 of the bytes: a partition's digest. */
    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** @return SHA-256 of the UTF-8 bytes of text. */
    static byte[] sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }
}
