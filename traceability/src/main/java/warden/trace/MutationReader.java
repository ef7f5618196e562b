package warden.trace;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads PIT's {@code mutations.xml}. With {@code fullMutationMatrix} each mutant lists every killing,
 * succeeding and covering test (JUnit Platform unique ids, jqwik included); test names become
 * {@code class#method} keys, the same as {@link TestResults}.
 *
 * [impl->dsn~trace.mutations~1]
 */
final class MutationReader {
    private static final Pattern CLASS = Pattern.compile("\\[(?:class|nested-class):([^\\]]+)\\]");
    private static final Pattern METHOD = Pattern.compile(
            "\\[(?:method|property|test-template|test-factory|example):([^\\]\\(]+)");

    private MutationReader() {
    }

    /** @return the mutants of one report. */
    static List<Mutant> read(Path file, String rel) throws TraceInputException {
        List<Mutant> out = new ArrayList<>();
        Xml.read(file, rel, r -> {
            if (r.getLocalName().equals("mutation")) {
                out.add(mutant(r));
            }
        });
        return out;
    }

    private static Mutant mutant(XMLStreamReader r) throws XMLStreamException {
        String status = Xml.attr(r, "status", "UNKNOWN");
        String[] f = new String[7];
        List<List<String>> tests = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        int depth = 1;
        while (depth > 0 && r.hasNext()) { // bounded by the element
            int ev = r.next();
            if (ev == XMLStreamReader.END_ELEMENT) {
                depth--;
            } else if (ev == XMLStreamReader.START_ELEMENT && !field(r, f, tests)) {
                depth++;
            }
        }
        int line = f[3] == null ? 0 : Integer.parseInt(f[3].trim());
        return new Mutant(f[0], f[1], f[2], line, String.valueOf(f[4]), String.valueOf(f[5]), status,
                tests.get(0), tests.get(1), tests.get(2));
    }

    private static boolean field(XMLStreamReader r, String[] f, List<List<String>> tests) throws XMLStreamException {
        String name = r.getLocalName();
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
            case "killingTests", "killingTest" -> 0;
            case "succeedingTests" -> 1;
            case "coveringTests" -> 2;
            default -> -1;
        };
        if (slot >= 0) {
            f[slot] = Xml.text(r);
        } else if (list >= 0) {
            tests(Xml.text(r), tests.get(list));
        } else {
            return false;
        }
        return true;
    }

    private static void tests(String text, List<String> into) {
        if (text.isEmpty()) {
            return;
        }
        for (String t : text.split("\\|")) {
            String k = testKey(t.trim());
            if (k != null && !into.contains(k)) {
                into.add(k);
            }
        }
    }

    /** @return {@code class#method} for a PIT test name, or null when it names none. */
    static String testKey(String name) {
        Matcher c = CLASS.matcher(name);
        String cls = null;
        while (c.find()) { // bounded by the name
            cls = cls == null ? c.group(1) : cls + "$" + c.group(1);
        }
        Matcher m = METHOD.matcher(name);
        if (cls != null) {
            return m.find() ? cls + "#" + m.group(1) : null;
        }
        int paren = name.indexOf('(');
        String head = paren < 0 ? name : name.substring(0, paren);
        int dot = head.lastIndexOf('.');
        return dot <= 0 ? null : head.substring(0, dot) + "#" + head.substring(dot + 1);
    }
}
