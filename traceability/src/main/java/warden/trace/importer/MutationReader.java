package warden.trace.importer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamException;
import warden.trace.importer.xml.Xml;
import warden.trace.model.InputError;
import warden.trace.model.Mutant;
import warden.trace.model.TraceInputException;

/**
 * Reads PIT's {@code mutations.xml}. With {@code fullMutationMatrix} each mutant lists every killing,
 * succeeding and covering test (JUnit Platform unique ids, jqwik included); test names become
 * {@code class#method} keys, the same as {@link TestResults}.
 *
 * [impl->dsn~trace.mutations~1]
 */
public final class MutationReader {
    private static final String[] CLASS_SEGMENTS = {"[class:", "[nested-class:"};
    private static final String[] METHOD_SEGMENTS = {"[method:", "[property:", "[test-template:", "[test-factory:",
        "[example:"};

    private MutationReader() {
    }

    /** @return the mutants of one report. */
    static List<Mutant> read(Path file, String rel) throws TraceInputException {
        return parse(Xml.bytes(file, rel), rel);
    }

    /**
     * @return the mutants of one report given as its bytes
     * @throws TraceInputException when the report is not well-formed, or was written without
     *     {@code fullMutationMatrix}: PIT then names one killing test per mutant (a {@code killingTest}
     *     element), the first to fail, so a mutant killed by an item's own test after another item's
     *     test would count against the item
     */
    public static List<Mutant> parse(byte[] bytes, String rel) throws TraceInputException {
        Mutants m = Xml.read(bytes, rel, Mutants::new);
        if (m.firstKillerOnly) {
            throw new TraceInputException(new InputError(rel, 0, "written without PIT's fullMutationMatrix (one"
                    + " killing test per mutant); own mutation scores need every killing test: set"
                    + " <fullMutationMatrix>true</fullMutationMatrix> and the XML output format"));
        }
        return m.out;
    }

    /** The mutants of one report, collected while it is read. */
    private static final class Mutants implements Xml.Handler {
        final List<Mutant> out = new ArrayList<>();
        /** A mutant named a single killing test: the report is not a full mutation matrix. */
        boolean firstKillerOnly;
        /** Test names seen in this report and their keys: a matrix names the same tests again and again. */
        private final Map<String, String> keys = new HashMap<>();
        /** The mutator names seen (one string each, not one per mutant). */
        private final Map<String, String> names = new HashMap<>();

        @Override
        public void start(Xml.Cursor r) throws XMLStreamException {
            if (r.localName().equals("mutation")) {
                out.add(mutant(r));
            }
        }

        private Mutant mutant(Xml.Cursor r) throws XMLStreamException {
            String status = Xml.attr(r, "status", "UNKNOWN");
            String[] f = new String[7];
            List<List<String>> tests = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            int depth = 1;
            while (depth > 0 && r.hasNext()) { // bounded by the element
                int ev = r.next();
                if (ev == Xml.END_ELEMENT) {
                    depth--;
                } else if (ev == Xml.START_ELEMENT && !field(r, f, tests)) {
                    depth++;
                }
            }
            int line = f[3] == null ? 0 : Integer.parseInt(f[3].trim());
            return new Mutant(f[0], f[1], f[2], line, String.valueOf(f[4]), String.valueOf(f[5]), status,
                    tests.get(0), tests.get(1), tests.get(2));
        }

        private boolean field(Xml.Cursor r, String[] f, List<List<String>> tests) throws XMLStreamException {
            String name = r.localName();
            int slot = switch (name) {
                case "mutatedClass" -> 0;
                case "mutatedMethod" -> 1;
                case "sourceFile" -> 2;
                case "lineNumber" -> 3;
                case "mutator" -> 4;
                case "description" -> 5;
                default -> -1;
            };
            int list = switch (name) {
                case "killingTests" -> 0;
                case "killingTest" -> {
                    firstKillerOnly = true;
                    yield 0;
                }
                case "succeedingTests" -> 1;
                case "coveringTests" -> 2;
                default -> -1;
            };
            if (slot >= 0) {
                String v = Xml.text(r);
                f[slot] = slot == 4 || slot == 5 ? names.computeIfAbsent(v, k -> k) : v;
            } else if (list >= 0) {
                tests(Xml.text(r), tests.get(list));
            } else {
                return false;
            }
            return true;
        }

        private void tests(String text, List<String> into) {
            if (text.isEmpty()) {
                return;
            }
            int from = 0;
            while (from <= text.length()) { // one name per turn, bounded by the text
                int bar = text.indexOf('|', from);
                int to = bar < 0 ? text.length() : bar;
                String t = text.substring(from, to).trim();
                String k = keys.computeIfAbsent(t, n -> {
                    String key = testKey(n);
                    return key == null ? "" : key;
                });
                if (!k.isEmpty() && !into.contains(k)) {
                    into.add(k);
                }
                if (bar < 0 || bar == text.length() - 1) {
                    break; // a trailing | adds no name (as String.split drops trailing empty strings)
                }
                from = bar + 1;
            }
        }
    }

    /** @return {@code class#method} for a PIT test name, or null when it names none. */
    static String testKey(String name) {
        String cls = null;
        int i = 0;
        while (true) { // bounded by the name: each turn moves past a class segment
            int[] seg = segment(name, i, CLASS_SEGMENTS, ']');
            if (seg == null) {
                break;
            }
            String c = name.substring(seg[0], seg[1]);
            cls = cls == null ? c : cls + "$" + c;
            i = seg[1] + 1;
        }
        if (cls != null) {
            int[] m = segment(name, 0, METHOD_SEGMENTS, '(');
            return m == null ? null : cls + "#" + name.substring(m[0], m[1]);
        }
        int paren = name.indexOf('(');
        String head = paren < 0 ? name : name.substring(0, paren);
        int dot = head.lastIndexOf('.');
        return dot <= 0 ? null : head.substring(0, dot) + "#" + head.substring(dot + 1);
    }

    /**
     * Finds the first {@code [kind:value]} segment at or after {@code from} whose kind is one of
     * {@code kinds}, with a non-empty value of characters other than {@code ]} (and {@code stop}).
     *
     * @return the value's start and end, or null
     */
    private static int[] segment(String name, int from, String[] kinds, char stop) {
        for (int i = name.indexOf('[', from); i >= 0; i = name.indexOf('[', i + 1)) { // bounded by the name
            for (String k : kinds) {
                if (name.startsWith(k, i)) {
                    int s = i + k.length();
                    int e = s;
                    while (e < name.length() && name.charAt(e) != ']' && name.charAt(e) != stop) { // bounded
                        e++;
                    }
                    boolean closed = stop == ']' ? e < name.length() : true;
                    if (e > s && closed) {
                        return new int[] {s, e};
                    }
                }
            }
        }
        return null;
    }
}
