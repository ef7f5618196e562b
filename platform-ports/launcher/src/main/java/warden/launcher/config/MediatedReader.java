package warden.launcher.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;
import warden.kernel.api.Access;
import warden.kernel.api.DeviceAcl;

/**
 * Reads the {@code mediated} section: up to 16 devices, each with 1 to 64 access-control entries
 * {@code {partition, register, access, mask, range, rate}}. What needs no platform is checked here,
 * each at its field: register a name or a byte offset up to 0xFFFF, access r, w or rw, mask and range
 * within 32 bits with min &lt;= max, rate {@code N/duration} with N &gt; 0 and a duration &gt; 0.
 *
 * [impl->dsn~config.mediated~1] [impl->dsn~config.check.mediated~1]
 */
final class MediatedReader {
    static final int DEVICES_MAX = 16;
    private final Nodes nodes;

    MediatedReader(Nodes nodes) {
        this.nodes = nodes;
    }

    /** @return the mediated devices, or null when a problem was recorded. */
    List<MediatedSpec> read(Node n) {
        List<Node> items = nodes.list(n, "mediated", 0, DEVICES_MAX);
        if (items == null) {
            return null;
        }
        List<MediatedSpec> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) { // at most DEVICES_MAX
            out.add(device(items.get(i), "mediated[" + i + "]"));
        }
        return out.contains(null) ? null : out;
    }

    private MediatedSpec device(Node n, String path) {
        Map<String, Node> f = nodes.mapping(n, path, "mediated");
        if (f == null) {
            return null;
        }
        Node dev = nodes.required(f, "device", n, path);
        String device = dev == null ? null : nodes.string(dev, path + ".device");
        Node acl = nodes.required(f, "acl", n, path);
        List<Node> items = acl == null ? null : nodes.list(acl, path + ".acl", 1, DeviceAcl.ENTRIES_MAX);
        if (device == null || items == null) {
            return null;
        }
        List<AclEntrySpec> entries = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) { // at most ENTRIES_MAX
            entries.add(entry(items.get(i), path + ".acl[" + i + "]"));
        }
        return entries.contains(null) ? null : new MediatedSpec(device, entries, nodes.loc(n, path));
    }

    private AclEntrySpec entry(Node n, String path) {
        Map<String, Node> f = nodes.mapping(n, path, "aclEntry");
        if (f == null) {
            return null;
        }
        Node pn = nodes.required(f, "partition", n, path);
        String partition = pn == null ? null : nodes.string(pn, path + ".partition");
        Node rn = nodes.required(f, "register", n, path);
        Object register = rn == null ? null : register(rn, path + ".register");
        Node an = nodes.required(f, "access", n, path);
        Integer access = an == null ? null : access(an, path + ".access");
        Long mask = f.containsKey("mask") ? word(f.get("mask"), path + ".mask") : Long.valueOf(AclEntrySpec.ALL);
        long[] range = f.containsKey("range") ? range(f.get("range"), path + ".range")
                : new long[] {0, AclEntrySpec.ALL};
        long[] rate = f.containsKey("rate") ? rate(f.get("rate"), path + ".rate") : new long[] {0, 0};
        Long preset = f.containsKey("preset") ? word(f.get("preset"), path + ".preset") : Long.valueOf(-1);
        if (partition == null || register == null || access == null || mask == null || range == null || rate == null
                || preset == null) {
            return null;
        }
        boolean named = register instanceof String;
        return new AclEntrySpec(partition, named ? (String) register : null, named ? -1 : (Integer) register, access,
                mask, range[0], range[1], (int) rate[0], rate[1], f.containsKey("mask") || f.containsKey("range"),
                preset, nodes.loc(n, path));
    }

    /** @return a register name (String) or byte offset (Integer), or null. */
    private Object register(Node n, String path) {
        if (n instanceof ScalarNode s && s.getTag().equals(Tag.STR)) {
            return s.getValue();
        }
        return nodes.smallInt(n, path, 0, DeviceAcl.OFFSET_MAX);
    }

    private Integer access(Node n, String path) {
        String a = nodes.string(n, path);
        if (a == null) {
            return null;
        }
        switch (a) {
            case "r": return Access.READ;
            case "w": return Access.WRITE;
            case "rw": return Access.READ | Access.WRITE;
            default:
                nodes.error(n, path, "access '" + a + "': expected r, w or rw");
                return null;
        }
    }

    private Long word(Node n, String path) {
        java.math.BigInteger v = nodes.integer(n, path, java.math.BigInteger.ZERO,
                java.math.BigInteger.valueOf(AclEntrySpec.ALL));
        return v == null ? null : v.longValueExact();
    }

    private long[] range(Node n, String path) {
        List<Node> two = nodes.list(n, path, 2, 2);
        Long min = two == null ? null : word(two.get(0), path + "[0]");
        Long max = two == null ? null : word(two.get(1), path + "[1]");
        if (min == null || max == null) {
            return null;
        }
        if (min > max) {
            nodes.error(n, path, "range [" + Fmt.hex(min) + ", " + Fmt.hex(max) + "] is empty: its minimum is above"
                    + " its maximum");
            return null;
        }
        return new long[] {min, max};
    }

    /** @return {count, window ns} of "N/duration", or null. */
    private long[] rate(Node n, String path) {
        String text = nodes.string(n, path);
        if (text == null) {
            return null;
        }
        int slash = text.indexOf('/');
        String count = slash < 0 ? "" : text.substring(0, slash).trim();
        Long window = slash < 0 ? null : Units.duration(text.substring(slash + 1).trim());
        if (!count.matches("[0-9]{1,9}") || window == null) {
            nodes.error(n, path, "rate '" + text + "': expected accesses per window, such as 100/1s");
            return null;
        }
        long c = Long.parseLong(count);
        if (c == 0 || window == 0) {
            nodes.error(n, path, "rate '" + text + "' allows nothing: give at least 1 access per window longer"
                    + " than 0 (leave 'rate' out for no limit, or the entry out for no access)");
            return null;
        }
        return new long[] {c, window};
    }
}
