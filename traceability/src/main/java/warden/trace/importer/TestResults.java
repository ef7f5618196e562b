package warden.trace.importer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import warden.trace.importer.xml.Xml;
import warden.trace.model.TraceInputException;

/**
 * Test verdicts from Surefire {@code TEST-*.xml} files, one per test method ({@code class#method});
 * the invocations of a parameterised or property test fold into one verdict, the worst of them.
 *
 * [impl->dsn~trace.verdicts~1]
 */
public final class TestResults {
    /** A test method's verdict: how many invocations ran and the first failure message. */
    public record Verdict(String test, String status, int runs, String message) {
        /** @return true when the test ran and passed. */
        public boolean passed() {
            return status.equals("passed");
        }

        /** @return the first line of the message, at most 200 characters. */
        public String firstLine() {
            String l = message.strip().lines().findFirst().orElse("");
            return l.length() > 200 ? l.substring(0, 200) + "..." : l;
        }
    }

    private final Map<String, Verdict> byTest = new TreeMap<>();
    private final Map<String, List<String>> byClass = new HashMap<>();
    private final Map<String, int[]> tallies = new HashMap<>();
    private int files;

    /** @return the verdict of {@code class#method}, or null when no report has it. */
    public Verdict verdict(String test) {
        return byTest.get(test);
    }

    /** @return the test methods of a class and of its nested classes. */
    public List<String> testsOf(String className) {
        List<String> out = new ArrayList<>(byClass.getOrDefault(className, List.of()));
        for (Map.Entry<String, List<String>> e : byClass.entrySet()) {
            if (e.getKey().startsWith(className + "$")) {
                out.addAll(e.getValue());
            }
        }
        return out;
    }

    /** @return how many report files were read. */
    public int files() {
        return files;
    }

    /** @return the number of distinct test methods. */
    public int size() {
        return byTest.size();
    }

    /** Reads one Surefire report. */
    void read(Path file, String rel) throws TraceInputException {
        apply(parse(Xml.bytes(file, rel), rel));
    }

    /**
     * Parses one Surefire report without touching any verdict (so reports can be parsed in
     * parallel and applied in a fixed order).
     *
     * @return the report's events: test key, event (passed, failed or skipped), message
     */
    public static List<String[]> parse(byte[] bytes, String rel) throws TraceInputException {
        return Xml.read(bytes, rel, Events::new).events;
    }

    /** Adds a parsed report's events, in their order. */
    public void apply(List<String[]> events) {
        files++;
        for (String[] e : events) {
            add(e[0], e[1], e[2]);
        }
    }

    /** The events of one report, collected while it is read. */
    private static final class Events implements Xml.Handler {
        final List<String[]> events = new ArrayList<>();
        private String current;

        @Override
        public void start(Xml.Cursor r) {
            String el = r.localName();
            if (el.equals("testcase")) {
                current = key(Xml.attr(r, "classname", ""), Xml.attr(r, "name", ""));
                events.add(new String[] {current, "passed", ""});
            } else if (current != null && (el.equals("failure") || el.equals("error") || el.equals("skipped"))) {
                events.add(new String[] {current, el.equals("skipped") ? "skipped" : "failed",
                    Xml.attr(r, "message", el)});
            }
        }
    }

    /**
     * @return {@code class#method} with parameters and invocation index dropped, and the execution
     *         suffix Surefire adds to the class name of a named execution ({@code Foo(epsilon)}); a
     *         name without parameters or index (a jqwik {@code @Label}, which may hold spaces) is
     *         kept whole
     *
     * [impl->dsn~trace.tests~2]
     */
    public static String key(String className, String name) {
        int paren = className.indexOf('(');
        if (paren > 0) {
            className = className.substring(0, paren);
        }
        int cut = name.length();
        for (int i = 0; i < name.length(); i++) { // bounded by the name
            char c = name.charAt(i);
            if (c == '(' || c == '[') {
                cut = i;
                break;
            }
        }
        return className + "#" + name.substring(0, cut).strip();
    }

    private void add(String test, String event, String message) {
        int[] c = tallies.get(test);
        if (c == null) {
            c = new int[3];
            tallies.put(test, c);
            byClass.computeIfAbsent(test.substring(0, test.indexOf('#')), k -> new ArrayList<>()).add(test);
        }
        c[event.equals("passed") ? 0 : event.equals("failed") ? 1 : 2]++;
        Verdict old = byTest.get(test);
        String msg = old == null || old.message().isEmpty() ? message : old.message();
        int passed = c[0] - c[1] - c[2];
        String status = c[1] > 0 ? "failed" : passed > 0 ? "passed" : "skipped";
        byTest.put(test, new Verdict(test, status, c[0], msg));
    }
}
