package warden.manual;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * One JSON evidence file another module wrote, read and checked before any table uses it: a file
 * that is absent, unreadable, not JSON, or not the report expected (another schema, target, seed)
 * is an {@link Unusable} naming the file and what is wrong, which the caller records as missing
 * evidence. Nothing here throws anything else for a bad file.
 */
final class EvidenceFile {
    /** A file the manual cannot use: where it is (as the manual shows it) and what is wrong with it. */
    static final class Unusable extends Exception {
        private static final long serialVersionUID = 1L;
        private final String where;
        private final String problem;

        Unusable(String where, String problem) {
            super(where + ": " + problem);
            this.where = where;
            this.problem = problem;
        }

        String where() {
            return where;
        }

        String problem() {
            return problem;
        }
    }

    private final String where;
    private final Map<String, Object> root;

    private EvidenceFile(String where, Map<String, Object> root) {
        this.where = where;
        this.root = root;
    }

    /** Reads a JSON object from {@code file} and checks that its {@code schema} is {@code schema}. */
    static EvidenceFile read(Evidence ev, Path file, String schema) throws Unusable {
        String where = ev.where(file);
        if (!Files.isRegularFile(file)) {
            throw new Unusable(where, "not found");
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException e) {
            throw new Unusable(where, "unreadable: " + e.getMessage());
        }
        Object value;
        try {
            value = Json.parse(text);
        } catch (IllegalArgumentException e) {
            throw new Unusable(where, "not JSON: " + e.getMessage());
        }
        if (!(value instanceof Map)) {
            throw new Unusable(where, "not JSON: an object expected, the file holds " + kind(value));
        }
        EvidenceFile f = new EvidenceFile(where, Json.object(value));
        f.expect("schema", schema);
        return f;
    }

    private static String kind(Object v) {
        return v == null ? "null" : v instanceof java.util.List ? "an array" : "a " + v.getClass().getSimpleName();
    }

    Map<String, Object> root() {
        return root;
    }

    String where() {
        return where;
    }

    /** @throws Unusable unless the top-level field {@code name} reads as {@code wanted}. */
    EvidenceFile expect(String name, String wanted) throws Unusable {
        String found = Json.str(root.get(name));
        if (!found.equals(wanted)) {
            throw new Unusable(where, "\"" + name + "\" is " + (root.containsKey(name) ? "\"" + found + "\"" : "absent")
                    + ", \"" + wanted + "\" expected");
        }
        return this;
    }

    /** @return the top-level field {@code name} as a number at least {@code min}. @throws Unusable otherwise */
    long number(String name, long min) throws Unusable {
        Object v = root.get(name);
        if (!(v instanceof Long n) || n < min) {
            throw new Unusable(where, "\"" + name + "\" is " + (v == null ? "absent" : "\"" + v + "\"")
                    + ", an integer of at least " + min + " expected");
        }
        return n;
    }

    /** @return the top-level field {@code name} as a string. @throws Unusable when it is not one */
    String text(String name) throws Unusable {
        if (!(root.get(name) instanceof String s)) {
            throw new Unusable(where, "\"" + name + "\" is absent or not a string");
        }
        return s;
    }
}
