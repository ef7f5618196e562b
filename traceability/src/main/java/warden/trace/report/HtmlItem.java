package warden.trace.report;

import java.util.List;
import warden.trace.importer.ReviewedList;
import warden.trace.importer.TestResults;
import warden.trace.link.ItemTrace;
import warden.trace.link.Metrics;
import warden.trace.link.Trace;
import warden.trace.model.Asil;
import warden.trace.model.Mutant;
import warden.trace.model.SpecItem;
import warden.trace.model.Tag;

/**
 * One item's section of the HTML report: what it says, its ASIL and status, its links up and down,
 * the code that implements it, the tests that verify it with their verdicts, the coverage of its
 * code, its own mutation score and the mutants its own tests did not kill.
 *
 * [impl->dsn~trace.report.html~2]
 */
final class HtmlItem {
    private static final int MUTANTS_SHOWN = 100;

    private HtmlItem() {
    }

    static void render(StringBuilder b, Trace t, ItemTrace it) {
        SpecItem s = it.item;
        HtmlReport.attrs(b.append("<section class=\"item\" id=\"").append(Text.xml(s.id())).append('"'), it)
                .append("><h3>").append(Text.xml(s.title().isEmpty() ? s.id() : s.title())).append(" <code>")
                .append(Text.xml(s.id())).append("</code></h3>\n<dl>");
        field(b, "Defined in", "<code>" + Text.xml(s.location()) + "</code>");
        field(b, "ASIL", it.asil + (it.asilInherited ? " (inherited)" : "")
                + (s.decomposition().isEmpty() ? "" : ", decomposition partner " + links(s.decomposition())));
        field(b, "Status", Text.xml(s.status()));
        field(b, "Text", Text.xml(s.description()));
        if (!s.rationale().isEmpty()) {
            field(b, "Rationale", Text.xml(s.rationale()));
        }
        field(b, "Verification", Text.xml(s.verification().isEmpty() ? String.join(", ", s.needs())
                : s.verification()));
        field(b, "Needs", Text.xml(String.join(", ", s.needs())));
        field(b, "Covers (up)", links(it.up));
        field(b, "Covered by (down)", links(it.down));
        if (!it.dependsOn.isEmpty()) {
            field(b, "Depends on", links(it.dependsOn));
        }
        b.append("</dl>\n");
        tags(b, "Implementing code", it.impl);
        tests(b, it);
        coverage(b, it);
        mutants(b, t, it);
        b.append("</section>\n");
    }

    private static void field(StringBuilder b, String name, String html) {
        b.append("<dt>").append(name).append("</dt><dd>").append(html.isEmpty() ? "&#8212;" : html).append("</dd>");
    }

    private static String links(List<String> ids) {
        StringBuilder b = new StringBuilder();
        for (String id : ids) {
            HtmlReport.link(b, id).append(' ');
        }
        return b.toString();
    }

    private static void tags(StringBuilder b, String head, List<Tag> tags) {
        if (tags.isEmpty()) {
            return;
        }
        b.append("<h4>").append(head).append("</h4><table><tr><th>Tag at</th><th>Scope</th><th>Names</th></tr>");
        for (Tag g : tags) {
            b.append("<tr><td><code>").append(Text.xml(g.location())).append("</code></td><td>").append(g.scope())
                    .append("</td><td><code>").append(Text.xml(g.target())).append("</code></td></tr>");
        }
        b.append("</table>\n");
    }

    private static void tests(StringBuilder b, ItemTrace it) {
        tags(b, "Test tags", it.tests);
        if (it.testMethods.isEmpty()) {
            return;
        }
        b.append("<h4>Verifying tests</h4><table><tr><th>Test</th><th>Verdict</th><th>Runs</th><th>Message</th></tr>");
        for (int i = 0; i < it.testMethods.size(); i++) {
            TestResults.Verdict v = it.verdicts.get(i);
            String st = v == null ? "missing" : v.status();
            b.append("<tr><td><code>").append(Text.xml(it.testMethods.get(i))).append("</code></td><td class=\"")
                    .append(st).append("\">").append(st).append("</td><td>").append(v == null ? 0 : v.runs())
                    .append("</td><td>").append(v == null ? "" : Text.xml(v.firstLine()))
                    .append("</td></tr>");
        }
        b.append("</table>\n");
    }

    private static void coverage(StringBuilder b, ItemTrace it) {
        int[] c = it.coverage;
        if (c[0] == 0) {
            return;
        }
        b.append("<h4>Coverage of its code</h4><p>Lines ").append(c[1]).append('/').append(c[0]).append(" (")
                .append(Text.pct(it.lineCoverage())).append("), branches ").append(c[3]).append('/').append(c[2])
                .append(" (").append(Text.pct(it.branchCoverage())).append(")</p>\n");
    }

    private static void mutants(StringBuilder b, Trace t, ItemTrace it) {
        int[] m = it.mutation;
        if (m[0] + m[5] == 0) {
            return;
        }
        int threshold = t.config.threshold(new Asil(it.asil.level(), -1));
        boolean low = threshold >= 0 && it.mutationScore() >= 0 && it.mutationScore() < threshold;
        b.append("<h4>Mutation</h4><p").append(low ? " class=\"low\"" : "").append(">Own score ")
                .append(Text.pct(it.mutationScore())).append(" (").append(m[1]).append(" of ").append(m[0])
                .append(" killed by its own tests").append(threshold >= 0 ? "; threshold " + threshold + " %" : "")
                .append("); killed only by other items' tests: ").append(m[2]).append("; survived: ").append(m[3])
                .append("; not covered: ").append(m[4]).append("; equivalent (reviewed): ").append(m[5])
                .append("</p>\n");
        b.append("<table><tr><th>Mutant</th><th>Mutator</th><th>Status</th>")
                .append("<th>Killed by, or why equivalent</th></tr>");
        int shown = 0;
        for (int pass = 0; pass < 3; pass++) { // open mutants first, then equivalent ones, then own kills
            for (Mutant mu : it.mutants) {
                ReviewedList.Entry eq = t.equivalentOf.get(mu);
                boolean own = eq == null && Metrics.ownKill(it, mu);
                if ((eq != null ? 1 : own ? 2 : 0) != pass || shown++ >= MUTANTS_SHOWN) {
                    continue;
                }
                String status = eq != null ? "EQUIVALENT (reviewed)" : own ? mu.status() + " (own test)"
                        : mu.detected() ? mu.status() + " (only other items' tests)" : mu.status();
                b.append("<tr><td><code>").append(Text.xml(mu.className() + "#" + mu.method() + ":" + mu.line()))
                        .append("</code> ").append(Text.xml(mu.description())).append("</td><td>")
                        .append(Text.xml(mu.mutatorName())).append("</td><td>").append(Text.xml(status))
                        .append("</td><td>").append(Text.xml(eq != null ? eq.reason() + " (" + eq.file() + ":"
                                + eq.line() + ")" : String.join(", ", mu.killing()))).append("</td></tr>");
            }
        }
        b.append("</table>\n");
        if (shown > MUTANTS_SHOWN) {
            b.append("<p>").append(shown - MUTANTS_SHOWN).append(" more mutants not shown.</p>\n");
        }
    }
}
