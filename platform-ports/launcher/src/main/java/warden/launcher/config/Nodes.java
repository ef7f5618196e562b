package warden.launcher.config;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Typed, located access to a composed YAML node tree. Every reader either returns a value or
 * records a {@link Problem} at the node (file:line:column and field path) and returns null; none
 * throws. Mappings are read strictly: unknown and duplicate keys are problems.
 *
 * [impl->dsn~config.locations~1]
 * [impl->dsn~config.types~1]
 */
final class Nodes {
    private final String file;
    private final List<Problem> problems = new ArrayList<>();

    private final java.nio.file.Path baseDir;

    Nodes(String file) {
        this(file, null);
    }

    /** @param baseDir where relative file names in the description resolve; null: the working directory */
    Nodes(String file, java.nio.file.Path baseDir) {
        this.file = file;
        this.baseDir = baseDir;
    }

    /**
     * Reads a binary file named in the description (relative to its directory), of 1 to
     * {@code max} bytes. @return its bytes, or null after recording the problem.
     */
    /** @return whether {@code name} (relative to the description) names an existing file. */
    boolean exists(String name) {
        java.nio.file.Path p = baseDir == null ? java.nio.file.Path.of(name) : baseDir.resolve(name);
        return java.nio.file.Files.isRegularFile(p);
    }

    byte[] readImage(Node n, String path, String name, int max) {
        java.nio.file.Path p = baseDir == null ? java.nio.file.Path.of(name) : baseDir.resolve(name);
        try {
            long size = java.nio.file.Files.size(p);
            if (size < 1 || size > max) {
                error(n, path, "image file '" + p + "' has " + size + " bytes; an image has 1 byte to " + max
                        + " bytes");
                return null;
            }
            return java.nio.file.Files.readAllBytes(p);
        } catch (java.io.IOException | RuntimeException e) {
            error(n, path, "cannot read image file '" + p + "': " + (e instanceof java.nio.file.NoSuchFileException
                    ? "no such file" : e.getMessage()));
            return null;
        }
    }

    List<Problem> problems() {
        return problems;
    }

    Loc loc(Node n, String path) {
        return new Loc(file, n.getStartMark().getLine() + 1, n.getStartMark().getColumn() + 1, path);
    }

    void error(Node n, String path, String message) {
        problems.add(loc(n, path).problem(message));
    }

    /**
     * @return the values of a mapping by key, after rejecting keys outside {@code Keys.of(def)}
     *         and duplicate keys; null when the node is not a mapping.
     */
    // [impl->dsn~config.strict-keys~1]
    // [impl->dsn~config.duplicate-keys~1]
    Map<String, Node> mapping(Node n, String path, String def) {
        if (!(n instanceof MappingNode m)) {
            error(n, path, "expected a mapping, found " + describe(n));
            return null;
        }
        List<String> allowed = Keys.of(def);
        Map<String, Node> fields = new LinkedHashMap<>();
        Map<String, Node> keyNodes = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                error(t.getKeyNode(), path, "expected a plain key, found " + describe(t.getKeyNode()));
                continue;
            }
            String key = k.getValue();
            String keyPath = path.isEmpty() ? key : path + "." + key;
            if (!allowed.contains(key)) {
                error(k, keyPath, "unknown key '" + key + "' (expected one of: "
                        + String.join(", ", allowed) + ")");
            } else if (keyNodes.containsKey(key)) {
                error(k, keyPath, "duplicate key '" + key + "' (first at line "
                        + (keyNodes.get(key).getStartMark().getLine() + 1) + ")");
            } else {
                keyNodes.put(key, k);
                fields.put(key, t.getValueNode());
            }
        }
        return fields;
    }

    /** @return the value of a required key, or null after a "missing required key" problem. */
    Node required(Map<String, Node> fields, String key, Node parent, String path) {
        Node v = fields.get(key);
        if (v == null) {
            error(parent, path, "missing required key '" + key + "'");
        }
        return v;
    }

    /** @return the elements of a list of min..max entries, or null. */
    List<Node> list(Node n, String path, int min, int max) {
        if (!(n instanceof SequenceNode s)) {
            error(n, path, "expected a list, found " + describe(n));
            return null;
        }
        int count = s.getValue().size();
        if (count < min || count > max) {
            error(n, path, "expected " + min + " to " + max + " entries, found " + count);
            return null;
        }
        return s.getValue();
    }

    /** @return the text of a string scalar, or null. */
    String string(Node n, String path) {
        if (n instanceof ScalarNode s && s.getTag().equals(Tag.STR)) {
            return s.getValue();
        }
        error(n, path, "expected a string, found " + describe(n));
        return null;
    }

    /** @return the value of a boolean scalar (true or false only), or null. */
    Boolean bool(Node n, String path) {
        if (n instanceof ScalarNode s && s.getTag().equals(Tag.BOOL)) {
            String v = s.getValue();
            if (v.equals("true") || v.equals("false")) {
                return Boolean.valueOf(v);
            }
        }
        error(n, path, "expected true or false, found " + describe(n));
        return null;
    }

    /** @return an integer scalar within [min, max], or null. */
    BigInteger integer(Node n, String path, BigInteger min, BigInteger max) {
        BigInteger v = null;
        if (n instanceof ScalarNode s && s.getTag().equals(Tag.INT)) {
            v = Units.integer(s.getValue());
            if (v == null) {
                error(n, path, "unsupported integer form '" + s.getValue()
                        + "' (use decimal without leading zeros, 0x hex or 0b binary)");
                return null;
            }
        }
        if (v == null) {
            error(n, path, "expected an integer, found " + describe(n));
        } else if (v.compareTo(min) < 0 || v.compareTo(max) > 0) {
            error(n, path, "value " + ((ScalarNode) n).getValue() + " outside " + min + ".." + max);
            v = null;
        }
        return v;
    }

    Integer smallInt(Node n, String path, int min, int max) {
        BigInteger v = integer(n, path, BigInteger.valueOf(min), BigInteger.valueOf(max));
        return v == null ? null : v.intValueExact();
    }

    Long longValue(Node n, String path) {
        BigInteger v = integer(n, path, BigInteger.valueOf(Long.MIN_VALUE),
                BigInteger.valueOf(Long.MAX_VALUE));
        return v == null ? null : v.longValueExact();
    }

    /** @return a physical address in [0, 2^56), or null. */
    Long address(Node n, String path) {
        BigInteger v = integer(n, path, BigInteger.ZERO, Units.ADDRESS_LIMIT.subtract(BigInteger.ONE));
        return v == null ? null : v.longValueExact();
    }

    /** @return a size in bytes: an integer or integer + B/KiB/MiB/GiB/K/M/G, at most 2^56; or null. */
    Long size(Node n, String path) {
        if (n instanceof ScalarNode s && s.getTag().equals(Tag.STR)) {
            Long v = Units.size(s.getValue());
            if (v == null) {
                error(n, path, "invalid size '" + s.getValue()
                        + "': expected an integer with optional unit B, KiB, MiB, GiB (K, M, G), at most 2^56");
            }
            return v;
        }
        BigInteger v = integer(n, path, BigInteger.ZERO, Units.ADDRESS_LIMIT);
        return v == null ? null : v.longValueExact();
    }

    /** @return a duration in ns: an integer (ns) or integer + ns/us/ms/s; or null. */
    // [impl->dsn~config.units~1]
    Long duration(Node n, String path) {
        if (n instanceof ScalarNode s && s.getTag().equals(Tag.STR)) {
            Long v = Units.duration(s.getValue());
            if (v == null && Units.durationForm(s.getValue())) {
                error(n, path, "duration '" + s.getValue() + "' is too large (at most 2^63-1 ns)");
            } else if (v == null) {
                error(n, path, "invalid duration '" + s.getValue()
                        + "': expected an integer with unit ns, us, ms or s");
            }
            return v;
        }
        return longValue(n, path) == null ? null : nonNegative(n, path);
    }

    private Long nonNegative(Node n, String path) {
        BigInteger v = Units.integer(((ScalarNode) n).getValue());
        if (v.signum() < 0) {
            error(n, path, "invalid duration '" + v + "': must not be negative");
            return null;
        }
        return v.longValueExact();
    }

    /** @return a short description of a node for "expected X, found Y" messages. */
    static String describe(Node n) {
        if (n instanceof MappingNode) {
            return "a mapping";
        }
        if (n instanceof SequenceNode) {
            return "a list";
        }
        ScalarNode s = (ScalarNode) n;
        Tag t = s.getTag();
        String kind = t.equals(Tag.STR) ? "string" : t.equals(Tag.INT) ? "integer"
                : t.equals(Tag.BOOL) ? "boolean" : t.equals(Tag.FLOAT) ? "number"
                : t.equals(Tag.NULL) ? null : "scalar";
        return kind == null ? "nothing" : "the " + kind + " '" + s.getValue() + "'";
    }
}
