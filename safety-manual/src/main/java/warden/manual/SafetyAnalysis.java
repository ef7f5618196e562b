package warden.manual;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The software safety analysis chapter's includes, generated from {@code requirements/safety-analysis.md}:
 * the FMEA, the items that are not mechanisms, one fault tree per approved safety goal (an SVG picture,
 * its minimal cut sets, the single-point cut sets with their mechanisms) and the dependent-failure
 * table, plus an attributes include with every count the chapter's prose states. The file is checked
 * first ({@link AnalysisCheck}); its findings are recorded in {@link Evidence#errors()}, which make the
 * generator exit 1.
 *
 * [impl->dsn~manual.safety-analysis~1]
 * [impl->dsn~manual.fault-trees~1]
 * [impl->dsn~manual.dependent-failures~1]
 */
final class SafetyAnalysis {
    static final String HOW = "Write the analysis tables in `" + AnalysisFile.PATH + "` (see its header).";

    private SafetyAnalysis() {
    }

    /** Reads, checks and writes the analysis; {@code asil} is the trace engine's ASIL per item, or null. */
    static void write(Evidence ev, List<SpecFile.Item> specItems, Map<String, String> asil) throws IOException {
        String text = ev.read("analysis", "Software safety analysis (FMEA, FTA, DFA)", AnalysisFile.PATH);
        if (text == null) {
            String m = Adoc.missing("software safety analysis", AnalysisFile.PATH, HOW);
            for (String name : new String[] {"fmea.adoc", "not-mechanisms.adoc", "fta.adoc", "dfa.adoc",
                "analysis-findings.adoc"}) {
                ev.write(name, m);
            }
            ev.write("analysis-attributes.adoc", attributes(null, null, asil != null));
            return;
        }
        AnalysisFile a = AnalysisFile.parse(AnalysisFile.PATH, List.of(text.split("\n", -1)));
        Map<String, SpecFile.Item> items = new HashMap<>();
        for (SpecFile.Item i : specItems) {
            items.put(i.id(), i);
        }
        new AnalysisCheck(a, items, asil, new AnalysisCheck.Tests(ev.root()), Campaigns.design().keySet()).run();
        FaultTree t = FaultTree.of(a);
        t.check();
        Set<String> errors = new LinkedHashSet<>(a.errors);
        errors.forEach(ev::error);
        ev.figure("analysis", a.rows(AnalysisFile.FMEA, 0).size() + " FMEA rows, " + errors.size() + " findings");
        ev.write("fmea.adoc", fmea(a));
        ev.write("not-mechanisms.adoc", notMechanisms(a));
        ev.write("fta.adoc", AnalysisTables.trees(ev, a, t, items));
        ev.write("dfa.adoc", dfa(a));
        ev.write("analysis-findings.adoc", findings(errors, asil != null));
        ev.write("analysis-attributes.adoc", attributes(a, t, asil != null));
    }

    /** @return the ASIL of every item in the trace engine's {@code trace.json} text; null when absent or malformed. */
    static Map<String, String> asil(String traceJson) {
        if (traceJson == null) {
            return null;
        }
        try {
            Map<String, String> out = new HashMap<>();
            for (Object o : Json.list(Json.object(Json.parse(traceJson)).get("items"))) {
                Map<String, Object> i = Json.object(o);
                out.put(Json.str(i.get("id")), Json.str(i.get("asil")));
            }
            return out;
        } catch (IllegalArgumentException | ClassCastException e) {
            return null;
        }
    }

    /** @return the ASIL per item from the trace directory's {@code trace.json}, or null. */
    static Map<String, String> asil(Path traceJson) throws IOException {
        return Files.isRegularFile(traceJson) ? asil(Files.readString(traceJson, StandardCharsets.UTF_8)) : null;
    }

    static String fmea(AnalysisFile a) {
        Adoc.Table t = new Adoc.Table("FMEA of the safety mechanisms (" + AnalysisFile.PATH + ")",
                "1,3,2,4,3,4,4,3", "Row", "Mechanism", "Mode", "Failure", "Goal", "Detection and mitigation",
                "Evidence", "Residual");
        for (AnalysisFile.Row r : a.rows(AnalysisFile.FMEA, 0)) {
            t.row(Adoc.cell(r.cell(0)), Adoc.code(r.cell(1)), Adoc.cell(r.cell(2)), Adoc.cell(r.cell(3)),
                    r.cell(4).equals("-") ? "none (availability)" : Adoc.code(r.cell(4)), Adoc.cell(r.cell(5)),
                    refs(r.cell(6)), Adoc.cell(r.cell(7)));
        }
        return t.toString();
    }

    static String notMechanisms(AnalysisFile a) {
        Adoc.Table t = new Adoc.Table("ASIL C design items of the scope that are not safety mechanisms", "2,5",
                "Item", "Reason");
        for (AnalysisFile.Row r : a.rows(AnalysisFile.NOT_MECHANISMS, 0)) {
            t.row(Adoc.code(r.cell(0)), Adoc.cell(r.cell(1)));
        }
        return t.toString();
    }

    static String dfa(AnalysisFile a) {
        Adoc.Table t = new Adoc.Table("Coupling factors of the decomposition C = QM\\(C) + C\\(C)", "1,3,5,4",
                "Factor", "Coupling", "Independence argument", "Evidence");
        for (AnalysisFile.Row r : a.rows(AnalysisFile.DEPENDENT, 0)) {
            t.row(Adoc.cell(r.cell(0)), Adoc.cell(r.cell(1)), Adoc.cell(r.cell(2)), refs(r.cell(3)));
        }
        return t.toString();
    }

    /** @return the evidence references as monospace, one per line. */
    static String refs(String cell) {
        StringBuilder b = new StringBuilder();
        for (String r : AnalysisFile.refs(cell)) {
            b.append(b.length() == 0 ? "" : " +\n").append(Adoc.code(r));
        }
        return b.length() == 0 ? "-" : b.toString();
    }

    static String findings(Set<String> errors, boolean complete) {
        String scope = complete ? "" : " The completeness of the scope was not checked: the trace engine's "
                + "`trace.json`, which gives each item's ASIL, is absent.";
        if (errors.isEmpty()) {
            return "The build checked the analysis against the spec items, the test sources and the fault campaign's "
                    + "mechanisms and found nothing wrong." + scope + "\n";
        }
        StringBuilder b = new StringBuilder("[WARNING]\n.The safety analysis has findings\n====\n");
        for (String e : errors) {
            b.append("* ").append(Adoc.code(e)).append('\n');
        }
        return b.append(scope).append("\n====\n").toString();
    }

    /** The counts the chapter's prose states, as attributes. */
    static String attributes(AnalysisFile a, FaultTree t, boolean complete) {
        StringBuilder b = new StringBuilder();
        if (a == null) {
            for (String k : new String[] {"fmea-rows", "fmea-mechanisms", "fmea-goal-rows", "fmea-availability-rows",
                "not-mechanism-items", "fta-goals", "fta-gates", "cut-sets", "single-point-cut-sets", "dfa-factors"}) {
                b.append(':').append(k).append(": no\n");
            }
            return b.toString();
        }
        List<AnalysisFile.Row> rows = a.rows(AnalysisFile.FMEA, 0);
        Set<String> mechanisms = new TreeSet<>();
        int goalRows = 0;
        for (AnalysisFile.Row r : rows) {
            mechanisms.add(r.cell(1));
            goalRows += r.cell(4).equals("-") ? 0 : 1;
        }
        int cuts = 0;
        int single = 0;
        for (AnalysisFile.Row r : a.rows(AnalysisFile.TREES, 0)) {
            for (List<String> c : t.cutSets(r.cell(1))) {
                cuts++;
                single += c.size() == 1 ? 1 : 0;
            }
        }
        b.append(":fmea-rows: ").append(rows.size()).append('\n')
                .append(":fmea-mechanisms: ").append(mechanisms.size()).append('\n')
                .append(":fmea-goal-rows: ").append(goalRows).append('\n')
                .append(":fmea-availability-rows: ").append(rows.size() - goalRows).append('\n')
                .append(":not-mechanism-items: ").append(a.rows(AnalysisFile.NOT_MECHANISMS, 0).size()).append('\n')
                .append(":fta-goals: ").append(a.rows(AnalysisFile.TREES, 0).size()).append('\n')
                .append(":fta-gates: ").append(t.gates.size()).append('\n')
                .append(":cut-sets: ").append(cuts).append('\n')
                .append(":single-point-cut-sets: ").append(single).append('\n')
                .append(":dfa-factors: ").append(a.rows(AnalysisFile.DEPENDENT, 0).size()).append('\n');
        return b.toString();
    }
}
