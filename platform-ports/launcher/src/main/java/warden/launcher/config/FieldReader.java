package warden.launcher.config;

import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;
import warden.kernel.api.Access;

/**
 * Reads the small shared shapes of the format: names, memory regions and access permission sets.
 *
 * [impl->dsn~config.types~1]
 */
final class FieldReader {
    private final Nodes nodes;

    FieldReader(Nodes nodes) {
        this.nodes = nodes;
    }

    /** @return a name matching {@code [a-z][a-z0-9-]{0,31}}, or null. */
    String name(Node n, String path) {
        String s = nodes.string(n, path);
        if (s != null && !PartitionReader.NAME.matcher(s).matches()) {
            nodes.error(n, path, "invalid name '" + s
                    + "': expected a lower-case letter, then up to 31 of a-z, 0-9 and '-'");
            return null;
        }
        return s;
    }

    /** @return a region {name, base, size, access}, all required, or null. */
    RegionSpec region(Node n, String path) {
        Map<String, Node> f = nodes.mapping(n, path, "region");
        if (f == null) {
            return null;
        }
        Node name = nodes.required(f, "name", n, path);
        Node base = nodes.required(f, "base", n, path);
        Node size = nodes.required(f, "size", n, path);
        Node access = nodes.required(f, "access", n, path);
        String nm = name == null ? null : name(name, path + ".name");
        Long b = base == null ? null : nodes.address(base, path + ".base");
        Long s = size == null ? null : nodes.size(size, path + ".size");
        Integer a = access == null ? null : perms(access, path + ".access");
        if (nm == null || b == null || s == null || a == null) {
            return null;
        }
        return new RegionSpec(nm, b, s, a, nodes.loc(n, path));
    }

    /** @return Access bits for "r", "rw", "rx", "rwx" or "x"; "w" and "wx" are refused. */
    // [impl->dsn~config.access~1]
    Integer perms(Node n, String path) {
        String s = nodes.string(n, path);
        if (s == null) {
            return null;
        }
        switch (s) {
            case "r": return Access.READ;
            case "rw": return Access.READ | Access.WRITE;
            case "rx": return Access.READ | Access.EXECUTE;
            case "rwx": return Access.ALL;
            case "x": return Access.EXECUTE;
            case "w", "wx":
                nodes.error(n, path, "access '" + s + "' grants write without read, which RISC-V PMP"
                        + " reserves: use '" + s.replace("w", "rw") + "'");
                return null;
            default:
                nodes.error(n, path, "invalid access '" + s
                        + "': expected r, rw, rx, rwx or x (a non-empty subset of r, w, x in that order)");
                return null;
        }
    }
}
