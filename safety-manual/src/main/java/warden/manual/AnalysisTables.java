package warden.manual;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The fault-tree include: a summary per approved safety goal, then for each goal its tree as an SVG
 * picture written beside the includes, its minimal cut sets, and one table of every single-point cut
 * set with the mechanism whose failure mode it is.
 *
 * [impl->dsn~manual.fault-trees~1]
 */
final class AnalysisTables {
    private AnalysisTables() {
    }

    static String trees(Evidence ev, AnalysisFile a, FaultTree t, Map<String, SpecFile.Item> items) {
        List<AnalysisFile.Row> tops = a.rows(AnalysisFile.TREES, 0);
        Adoc.Table sum = new Adoc.Table("Fault trees per approved safety goal", "3,1,1,1,1", "Safety goal",
                "Top gate", "Basic events", "Minimal cut sets", "Single-point cut sets");
        Adoc.Table single = new Adoc.Table("Single-point cut sets: one failure mode violates the goal", "3,1,3,2,4",
                "Safety goal", "Row", "Mechanism", "Mode", "Residual (FMEA)");
        StringBuilder body = new StringBuilder();
        for (AnalysisFile.Row top : tops) {
            String goal = top.cell(0);
            List<List<String>> cuts = t.cutSets(top.cell(1));
            int singles = 0;
            for (List<String> c : cuts) {
                if (c.size() == 1) {
                    singles++;
                    AnalysisFile.Row r = t.basic.get(c.get(0));
                    single.row(Adoc.code(goal), Adoc.cell(c.get(0)), Adoc.code(r.cell(1)), Adoc.cell(r.cell(2)),
                            Adoc.cell(r.cell(7)));
                }
            }
            sum.row(Adoc.code(goal), Adoc.cell(top.cell(1)), "" + t.basicEvents(top.cell(1)).size(), "" + cuts.size(),
                    "" + singles);
            body.append(tree(ev, t, top, title(items, goal), cuts));
        }
        return sum + "\n" + single + "\n" + body;
    }

    private static String title(Map<String, SpecFile.Item> items, String goal) {
        SpecFile.Item i = items.get(goal);
        return i == null ? goal : i.title();
    }

    private static String tree(Evidence ev, FaultTree t, AnalysisFile.Row top, String title, List<List<String>> cuts) {
        String goal = top.cell(0);
        String name = "fta-" + goal.substring(goal.indexOf('~') + 1, goal.lastIndexOf('~')).replaceAll("[^a-z0-9]+",
                "-") + ".svg";
        StringBuilder b = new StringBuilder("\n==== ").append(Adoc.cell(title)).append("\n\n");
        if (!t.gates.containsKey(top.cell(1)) || cuts.isEmpty()) {
            return b.append("The fault tree of ").append(Adoc.code(goal))
                    .append(" cannot be drawn: the analysis has findings (see above).\n").toString();
        }
        try {
            Files.writeString(ev.out().resolve(name), FaultTreeSvg.draw(t, top.cell(1), "Fault tree: " + title
                    + " (" + goal + ") violated"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        b.append("Top event: ").append(Adoc.code(goal)).append(" violated (gate ").append(top.cell(1))
                .append(").\n\n.Fault tree of ").append(Adoc.code(goal)).append("\nimage::").append(name)
                .append("[Fault tree of ").append(goal.replace("~", "{tilde}")).append(",width=100%]\n\n");
        Adoc.Table c = new Adoc.Table("Minimal cut sets of " + goal.replace("~", "{tilde}"), "1,1,3,5", "#", "Order",
                "Basic events (FMEA rows)", "Mechanisms");
        int n = 1;
        for (List<String> cut : cuts) {
            StringBuilder mech = new StringBuilder();
            for (String e : cut) {
                AnalysisFile.Row r = t.basic.get(e);
                mech.append(mech.length() == 0 ? "" : " +\n").append(Adoc.code(r.cell(1))).append(' ')
                        .append(Adoc.cell(r.cell(2)));
            }
            c.row("" + n++, "" + cut.size(), Adoc.cell(String.join(" AND ", cut)), mech.toString());
        }
        return b.append(c).toString();
    }
}
