package warden.manual;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The trace engine's outputs ({@code target/trace/} at the repository root): its summary and
 * open findings from {@code trace.json}, and its AsciiDoc includes for requirement coverage,
 * verdicts and own mutation scores, copied as they are, or a visible note when absent.
 *
 * [impl->dsn~manual.verification~1]
 */
final class TraceEvidence {
    static final String DIR = "target/trace/";
    private static final String HOW = "The trace engine (module `traceability`) writes it in the `verify` phase "
            + "of a full build: `./mvnw -B verify` from the repository root.";

    private TraceEvidence() {
    }

    /** Writes the trace includes from the default directory {@value #DIR}. */
    static void write(Evidence ev) {
        write(ev, DIR);
    }

    /**
     * Writes trace-summary.adoc, trace-item-verdicts.adoc and the three copied includes from the
     * trace engine's directory {@code dir} (as {@link Evidence#where} gives it, ending in '/').
     */
    static void write(Evidence ev, String dir) {
        String what = "Trace engine report (JSON)";
        String json = ev.read("trace.json", what, dir + "trace.json");
        Map<String, Object> root = null;
        if (json != null) {
            try {
                root = Json.object(Json.parse(json));
            } catch (IllegalArgumentException e) {
                ev.record("trace.json", what, dir + "trace.json", false, "malformed: " + e.getMessage());
                System.err.println("generate: " + dir + "trace.json: not JSON: " + e.getMessage());
            }
        }
        ev.write("trace-summary.adoc", root == null ? Adoc.missing("trace engine report", dir + "trace.json", HOW)
                : summary(ev, root));
        ev.write("trace-item-verdicts.adoc", root == null
                ? Adoc.missing("verdicts per requirement", dir + "trace.json", HOW) : itemVerdicts(root));
        copy(ev, dir, "trace-coverage.adoc", "Requirement coverage table (trace engine)");
        copy(ev, dir, "trace-verdicts.adoc", "Verifying tests and verdicts table (trace engine)");
        mutation(ev, dir, root != null && Boolean.TRUE.equals(Json.object(root.get("summary")).get("mutationData")));
    }

    private static void mutation(Evidence ev, String dir, boolean mutationData) {
        String file = dir + "trace-mutation.adoc";
        String mut = ev.read("trace-mutation.adoc", "Own mutation scores table (trace engine)", file);
        String what = "Mutation scores per requirement";
        if (mut == null) {
            ev.write("trace-mutation.adoc", Adoc.missing("own mutation scores per requirement", file, HOW));
        } else if (!mutationData) {
            ev.record("trace.mutation", what, file, false, "the trace had no PIT data (run with -Pmutation)");
            ev.write("trace-mutation.adoc", Adoc.missing("own mutation scores per requirement (the trace engine "
                    + "found no PIT mutations.xml)", "*/target/pit-reports/mutations.xml",
                    "Run `./mvnw -B -T 2 verify -Pmutation`.") + "\n" + ids(mut));
        } else {
            ev.record("trace.mutation", what, file, true, "present");
            ev.write("trace-mutation.adoc", ids(mut));
        }
    }

    private static void copy(Evidence ev, String dir, String name, String what) {
        String text = ev.read(name, what, dir + name);
        ev.write(name, text == null ? Adoc.missing(what, dir + name, HOW) : ids(text));
    }

    /**
     * @return the engine's AsciiDoc with each {@code ~} of an item id written {@code {tilde}}, so that
     * {@code dsn~a~1} is not rendered as a subscript, and {@code (C)} escaped, so that a decomposed ASIL
     * such as {@code ASIL-C(C)} is not rendered as a copyright sign; nothing else changes.
     *
     * [impl->dsn~manual.render-check~1]
     */
    static String ids(String adoc) {
        return adoc.replace("~", "{tilde}").replace("(C)", "\\(C)").replace("(D)", "\\(D)");
    }

    static String summary(Evidence ev, Map<String, Object> root) {
        Map<String, Object> s = Json.object(root.get("summary"));
        List<Object> findings = Json.list(root.get("findings"));
        boolean passed = Boolean.TRUE.equals(root.get("passed"));
        ev.figure("trace.json", Json.str(s.get("items")) + " items, " + findings.size() + " findings, gates "
                + (passed ? "passed" : "FAILED"));
        Adoc.Table t = new Adoc.Table("Trace engine summary (trace.json)", "3,2", "Figure", "Value");
        t.row("Gates", passed ? "passed" : "*failed* (see the open findings below)");
        t.row("Spec items", Json.str(s.get("items")));
        t.row("Coverage tags in code and tests", Json.str(s.get("tags")));
        t.row("Test methods with verdicts", Json.str(s.get("testMethods")));
        t.row("Mutants linked to items", Json.str(s.get("mutants"))
                + (Boolean.TRUE.equals(s.get("mutationData")) ? "" : " (*no mutation data in this build*)"));
        t.row("Coverage data", Boolean.TRUE.equals(s.get("coverageData")) ? "present" : "*absent in this build*");
        t.row("Reviewed equivalent mutants", "" + Json.list(root.get("equivalentMutants")).size());
        t.row("Untagged-code waivers", "" + Json.list(root.get("untaggedCodeWaivers")).size());
        Map<String, Integer> byGate = new TreeMap<>();
        for (Object o : findings) {
            byGate.merge(Json.str(Json.object(o).get("gate")), 1, Integer::sum);
        }
        StringBuilder b = new StringBuilder(t.toString());
        if (!byGate.isEmpty()) {
            Adoc.Table g = new Adoc.Table("Open trace findings by gate", "3,1,6", "Gate", "Findings", "First finding");
            for (Map.Entry<String, Integer> e : byGate.entrySet()) {
                String first = "";
                for (Object o : findings) {
                    Map<String, Object> f = Json.object(o);
                    if (e.getKey().equals(Json.str(f.get("gate")))) {
                        first = Json.str(f.get("location")) + ": " + Json.str(f.get("message"));
                        break;
                    }
                }
                g.row(Adoc.code(e.getKey()), "" + e.getValue(), Adoc.cell(first));
            }
            b.append('\n').append(g);
        }
        return b.toString();
    }

    /** One row per item that has verifying tests: how many passed, failed, are missing. */
    static String itemVerdicts(Map<String, Object> root) {
        Adoc.Table t = new Adoc.Table("Verdicts per requirement (from trace.json)", "5,1,1,1,1,1", "Item", "ASIL",
                "Tests", "Passed", "Failed", "Missing or skipped");
        for (Object o : Json.list(root.get("items"))) {
            Map<String, Object> it = Json.object(o);
            List<Object> tests = Json.list(it.get("tests"));
            if (tests.isEmpty()) {
                continue;
            }
            int pass = 0;
            int fail = 0;
            for (Object x : tests) {
                String v = Json.str(Json.object(x).get("verdict"));
                if (v.equals("passed")) {
                    pass++;
                } else if (v.equals("failed")) {
                    fail++;
                }
            }
            int miss = tests.size() - pass - fail;
            t.row(Adoc.code(Json.str(it.get("id"))), Adoc.cell(Json.str(it.get("asil"))), "" + tests.size(),
                    "" + pass, fail == 0 ? "0" : "*" + fail + "*", miss == 0 ? "0" : "*" + miss + "*");
        }
        return t.size() == 0 ? "No item of the trace has verifying tests with results.\n" : t.toString();
    }
}
