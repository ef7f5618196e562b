package warden.launcher.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import warden.kernel.api.ChannelLayout;
import warden.kernel.api.SystemImage;

/**
 * Reads the {@code channels:} list: each channel's name, sender ({@code from}), receiver
 * ({@code to}), slot size (1..1514 bytes), slot count (1..1024), doorbell (a line or {@code none},
 * the default), full-ring policy ({@code drop}, the default, or {@code overwrite}) and protection
 * (data id 0..2^32-1, required; maxAge, default 100 ms; counterWindow 1..255, default 1).
 *
 * [impl->dsn~config.channels~2]
 */
final class ChannelReader {
    /** Default maximum age / receive timeout. */
    static final long DEFAULT_MAX_AGE_NS = 100_000_000L;
    private static final long DATA_ID_MAX = 0xFFFF_FFFFL;
    private static final int WINDOW_MAX = 255;

    private final Nodes nodes;

    ChannelReader(Nodes nodes) {
        this.nodes = nodes;
    }

    /** @return the channels, or null when a problem was recorded. */
    List<ChannelSpec> read(Node n) {
        List<Node> items = nodes.list(n, "channels", 0, SystemImage.CHANNELS_MAX);
        if (items == null) {
            return null;
        }
        List<ChannelSpec> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) { // at most CHANNELS_MAX
            out.add(channel(items.get(i), "channels[" + i + "]"));
        }
        return out.contains(null) ? null : out;
    }

    private ChannelSpec channel(Node n, String path) {
        Map<String, Node> f = nodes.mapping(n, path, "channel");
        if (f == null) {
            return null;
        }
        Node nameNode = nodes.required(f, "name", n, path);
        String name = nameNode == null ? null : new FieldReader(nodes).name(nameNode, path + ".name");
        String from = text(f, "from", n, path);
        String to = text(f, "to", n, path);
        Node size = nodes.required(f, "slotSize", n, path);
        Node count = nodes.required(f, "slots", n, path);
        Integer slotSize = size == null ? null
                : nodes.smallInt(size, path + ".slotSize", 1, ChannelLayout.SLOT_SIZE_MAX);
        Integer slots = count == null ? null : nodes.smallInt(count, path + ".slots", 1, ChannelLayout.SLOTS_MAX);
        Integer doorbell = f.containsKey("doorbell") ? doorbell(f.get("doorbell"), path + ".doorbell")
                : Integer.valueOf(ChannelLayout.NO_DOORBELL);
        Integer full = f.containsKey("full") ? full(f.get("full"), path + ".full")
                : Integer.valueOf(ChannelLayout.FULL_DROP);
        Node prot = nodes.required(f, "protection", n, path);
        long[] p = prot == null ? null : protection(prot, path + ".protection");
        if (name == null || from == null || to == null || slotSize == null || slots == null || doorbell == null
                || full == null || p == null) {
            return null;
        }
        return new ChannelSpec(name, from, to, slotSize, slots, doorbell, full, p[0], p[1], (int) p[2], (int) p[3],
                nodes.loc(n, path), locs(f, path));
    }

    private String text(Map<String, Node> f, String key, Node parent, String path) {
        Node v = nodes.required(f, key, parent, path);
        return v == null ? null : nodes.string(v, path + "." + key);
    }

    private Integer doorbell(Node n, String path) {
        if (n instanceof ScalarNode s && "none".equals(s.getValue())) {
            return ChannelLayout.NO_DOORBELL;
        }
        return nodes.smallInt(n, path, 1, SystemImage.LINES_MAX - 1);
    }

    private Integer full(Node n, String path) {
        String v = nodes.string(n, path);
        if (v == null) {
            return null;
        }
        if (!"drop".equals(v) && !"overwrite".equals(v)) {
            nodes.error(n, path, "unknown full-ring policy '" + v + "': expected drop or overwrite");
            return null;
        }
        return "drop".equals(v) ? ChannelLayout.FULL_DROP : ChannelLayout.FULL_OVERWRITE;
    }

    /** @return data id, max age in ns, counter window and CRC width, or null. */
    private long[] protection(Node n, String path) {
        Map<String, Node> f = nodes.mapping(n, path, "channelProtection");
        if (f == null) {
            return null;
        }
        Node id = nodes.required(f, "dataId", n, path);
        java.math.BigInteger dataId = id == null ? null : nodes.integer(id, path + ".dataId",
                java.math.BigInteger.ZERO, java.math.BigInteger.valueOf(DATA_ID_MAX));
        Long age = f.containsKey("maxAge") ? nodes.duration(f.get("maxAge"), path + ".maxAge")
                : Long.valueOf(DEFAULT_MAX_AGE_NS);
        Integer window = f.containsKey("counterWindow")
                ? nodes.smallInt(f.get("counterWindow"), path + ".counterWindow", 1, WINDOW_MAX) : Integer.valueOf(1);
        Integer crc = f.containsKey("crc") ? crc(f.get("crc"), path + ".crc") : Integer.valueOf(ChannelLayout.CRC32);
        if (dataId == null || age == null || window == null || crc == null) {
            return null;
        }
        if (age == 0) {
            nodes.error(f.get("maxAge"), path + ".maxAge", "maxAge must be greater than 0");
            return null;
        }
        return new long[] {dataId.longValue(), age, window, crc};
    }

    /** @return the CRC width, 32 or 64, or null after a located error. [impl->dsn~config.channels~2] */
    private Integer crc(Node n, String path) {
        String v = n instanceof ScalarNode s ? s.getValue() : null;
        if (!"32".equals(v) && !"64".equals(v)) {
            nodes.error(n, path, (v == null ? "a CRC width must be a number" : "unknown CRC width '" + v + "'")
                    + ": expected 32 (CRC-32P4, 24-byte header) or 64 (CRC-64, 32-byte header)");
            return null;
        }
        return "64".equals(v) ? ChannelLayout.CRC64 : ChannelLayout.CRC32;
    }

    private Map<String, Loc> locs(Map<String, Node> f, String path) {
        Map<String, Loc> out = new HashMap<>();
        for (Map.Entry<String, Node> e : f.entrySet()) { // at most the 8 keys of a channel
            out.put(e.getKey(), nodes.loc(e.getValue(), path + "." + e.getKey()));
        }
        Node prot = f.get("protection");
        if (prot instanceof org.yaml.snakeyaml.nodes.MappingNode m) {
            for (org.yaml.snakeyaml.nodes.NodeTuple t : m.getValue()) { // at most 4 keys
                if (t.getKeyNode() instanceof ScalarNode k) {
                    String key = "protection." + k.getValue();
                    out.put(key, nodes.loc(t.getValueNode(), path + "." + key));
                }
            }
        }
        return out;
    }
}
