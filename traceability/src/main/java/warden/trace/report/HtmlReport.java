package warden.trace.report;

import java.util.List;
import warden.trace.importer.ReviewedList;
import warden.trace.link.ItemTrace;
import warden.trace.link.Trace;
import warden.trace.model.Finding;

/**
 * {@code index.html}: one self-contained page (inline CSS and script, nothing fetched) an auditor
 * opens offline. Summary, findings, filters by ASIL, status and type, the matrix down (item to
 * covering items, code, tests, coverage, mutation score) and up (item to the items it covers),
 * the reviewed lists, and one section per item with its evidence ({@link HtmlItem}).
 *
 * [impl->dsn~trace.report.html~2]
 */
public final class HtmlReport {
    private static final String CSS = "body{font:14px/1.4 system-ui,sans-serif;margin:0 2em 4em;color:#222}"
            + "table{border-collapse:collapse;margin:.5em 0;width:100%}td,th{border:1px solid #ccc;padding:2px 6px;"
            + "vertical-align:top;text-align:left}th{background:#eee;position:sticky;top:0}code{font-size:12px}"
            + ".passed{color:#060}.failed,.missing{color:#b00;font-weight:bold}.none,.skipped{color:#a60}"
            + "section.item{border-top:2px solid #888;margin-top:1.5em}nav{position:sticky;top:0;background:#fff;"
            + "padding:.5em 0;border-bottom:1px solid #ccc;z-index:2}.bad{background:#fdd}.low{color:#b00}"
            + "dt{font-weight:bold;float:left;width:11em;clear:left}dd{margin-left:12em}"
            + ".hidden{display:none}";
    private static final String JS = "function f(){var a=document.getElementById('fa').value,"
            + "s=document.getElementById('fs').value,t=document.getElementById('ft').value,"
            + "q=document.getElementById('fq').value.toLowerCase();"
            + "document.querySelectorAll('[data-id]').forEach(function(e){var ok=(!a||e.dataset.asil===a)&&"
            + "(!s||e.dataset.status===s)&&(!t||e.dataset.type===t)&&(!q||e.dataset.id.toLowerCase().indexOf(q)>=0);"
            + "e.classList.toggle('hidden',!ok);});}";

    private HtmlReport() {
    }

    /** @return the whole report as one string. */
    public static String render(Trace t) {
        StringBuilder b = new StringBuilder(1 << 20);
        render(t, b, Spill.KEEP);
        return b.toString();
    }

    /** Renders into {@code b}, handing it to {@code spill} between items. */
    static void render(Trace t, StringBuilder b, Spill spill) {
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/><title>Warden trace</title>")
                .append("<style>").append(CSS).append("</style><script>//<![CDATA[\n").append(JS)
                .append("\n//]]></script></head><body>\n");
        b.append("<h1>Warden trace report</h1>\n");
        summary(b, t);
        findings(b, t);
        spill.check(b);
        filters(b, t);
        matrixDown(b, t, spill);
        matrixUp(b, t, spill);
        lists(b, t);
        b.append("<h2 id=\"items\">Items</h2>\n");
        for (ItemTrace it : t.items.values()) {
            HtmlItem.render(b, t, it);
            spill.check(b);
        }
        b.append("</body></html>\n");
    }

    private static void summary(StringBuilder b, Trace t) {
        b.append("<p>Gates: <b class=\"").append(t.passed() ? "passed\">passed" : "failed\">FAILED")
                .append("</b>. ").append(t.items.size()).append(" items, ").append(t.tags.size()).append(" tags, ")
                .append(t.results.size()).append(" test methods with verdicts, ").append(t.mutants.size())
                .append(" mutants (").append(t.hasMutations() ? "mutation gate on" : "no mutation data: gate off")
                .append("), coverage data: ").append(t.hasCoverage() ? "yes" : "none").append(".</p>\n");
        b.append("<p><a href=\"#findings\">Findings</a> &#183; <a href=\"#down\">Matrix down</a> &#183; ")
                .append("<a href=\"#up\">Matrix up</a> &#183; <a href=\"#lists\">Reviewed lists</a> &#183; ")
                .append("<a href=\"#items\">Items</a></p>\n");
    }

    private static void findings(StringBuilder b, Trace t) {
        b.append("<h2 id=\"findings\">Findings (").append(t.findings.size()).append(")</h2>\n");
        if (t.findings.isEmpty()) {
            b.append("<p class=\"passed\">Every gate passed.</p>\n");
        } else {
            b.append("<table><tr><th>Gate</th><th>Where</th><th>Why</th></tr>\n");
            for (Finding f : t.findings) {
                b.append("<tr class=\"bad\"><td>").append(Text.xml(f.gate())).append("</td><td><code>")
                        .append(Text.xml(f.location())).append("</code></td><td>").append(Text.xml(f.message()))
                        .append("</td></tr>\n");
            }
            b.append("</table>\n");
        }
        for (String w : t.warnings) {
            b.append("<p class=\"none\">Note: ").append(Text.xml(w)).append("</p>\n");
        }
    }

    private static void filters(StringBuilder b, Trace t) {
        selects(b.append("<nav>Filter: "));
        b.append(" type <select id=\"ft\" onchange=\"f()\"><option value=\"\">all</option>");
        t.items.values().stream().map(i -> i.item.type()).distinct().sorted()
                .forEach(ty -> b.append("<option>").append(Text.xml(ty)).append("</option>"));
        b.append("</select> id <input id=\"fq\" oninput=\"f()\" size=\"30\"/></nav>\n");
    }

    /** Appends the ASIL ({@code fa}) and status ({@code fs}) filter selects, which call {@code f()}. */
    static void selects(StringBuilder b) {
        b.append("ASIL <select id=\"fa\" onchange=\"f()\"><option value=\"\">all</option>");
        for (String a : List.of("QM", "A", "B", "C", "D")) {
            b.append("<option>").append(a).append("</option>");
        }
        b.append("</select> status <select id=\"fs\" onchange=\"f()\"><option value=\"\">all</option>");
        for (String s : List.of("approved", "proposed", "draft", "rejected")) {
            b.append("<option>").append(s).append("</option>");
        }
        b.append("</select>");
    }

    /** Appends an item's data attributes, which the filters read. */
    static StringBuilder attrs(StringBuilder b, ItemTrace it) {
        return b.append(" data-id=\"").append(Text.xml(it.id())).append("\" data-asil=\"").append(it.asil.letter())
                .append("\" data-status=\"").append(Text.xml(it.item.status())).append("\" data-type=\"")
                .append(Text.xml(it.item.type())).append('"');
    }

    /** Appends a link to an item's section. */
    static StringBuilder link(StringBuilder b, String id) {
        String x = Text.xml(id);
        return b.append("<a href=\"#").append(x).append("\"><code>").append(x).append("</code></a>");
    }

    private static void matrixDown(StringBuilder b, Trace t, Spill spill) {
        b.append("<h2 id=\"down\">Matrix down: item &#8594; covering items, code, tests</h2>\n<table><tr><th>Item</th>")
                .append("<th>ASIL</th><th>Status</th><th>Covered by</th><th>Impl</th><th>Tests</th><th>Verdict</th>")
                .append("<th>Lines</th><th>Branches</th><th>Own mutation score</th></tr>\n");
        for (ItemTrace it : t.items.values()) {
            rowDown(b, it);
            spill.check(b);
        }
        b.append("</table><p>* ASIL inherited from the parents.</p>\n");
    }

    /** One row of the matrix down (a method per row: compiled early, where a long loop stays interpreted). */
    private static void rowDown(StringBuilder b, ItemTrace it) {
        String v = it.verdict();
        attrs(b.append("<tr"), it);
        link(b.append("><td>"), it.id()).append("</td><td>")
                .append(it.asil).append(it.asilInherited ? "*" : "").append("</td><td>")
                .append(Text.xml(it.item.status())).append("</td><td>");
        for (String d : it.down) {
            link(b, d).append(' ');
        }
        b.append("</td><td>").append(it.impl.size()).append("</td><td>").append(it.testMethods.size())
                .append("</td><td class=\"").append(v).append("\">").append(v).append("</td><td>")
                .append(Text.pct(it.lineCoverage())).append("</td><td>").append(Text.pct(it.branchCoverage()))
                .append("</td><td>").append(Text.pct(it.mutationScore())).append("</td></tr>\n");
    }

    private static void matrixUp(StringBuilder b, Trace t, Spill spill) {
        b.append("<h2 id=\"up\">Matrix up: item &#8594; items it covers</h2>\n<table><tr><th>Item</th><th>ASIL</th>")
                .append("<th>Covers</th></tr>\n");
        for (ItemTrace it : t.items.values()) {
            rowUp(b, t, it);
            spill.check(b);
        }
        b.append("</table>\n");
    }

    /** One row of the matrix up. */
    private static void rowUp(StringBuilder b, Trace t, ItemTrace it) {
        attrs(b.append("<tr"), it);
        link(b.append("><td>"), it.id()).append("</td><td>")
                .append(it.asil).append("</td><td>");
        for (String u : it.up) {
            link(b, u).append(" (").append(t.items.get(u).asil).append(") ");
        }
        b.append("</td></tr>\n");
    }

    private static void lists(StringBuilder b, Trace t) {
        b.append("<h2 id=\"lists\">Reviewed lists</h2>\n<h3>Equivalent mutants (excluded from the scores)</h3>\n");
        list(b, t.equivalents, "Class : method : mutator : code");
        b.append("<h3>Class-level test tags (every test of the class verifies the item)</h3>\n");
        list(b, t.classLevel, "Class : item");
        b.append("<h3>Approved items whose chain is deferred (open)</h3>\n");
        list(b, t.deferred, "Item");
        b.append("<h3>ASIL C/D items whose code is not mutated</h3>\n");
        list(b, t.unmutated, "Item");
        b.append("<h3>Untagged code waived for now</h3>\n");
        list(b, t.waivers, "Class or method");
    }

    private static void list(StringBuilder b, List<ReviewedList.Entry> entries, String head) {
        if (entries.isEmpty()) {
            b.append("<p>None.</p>\n");
            return;
        }
        b.append("<table><tr><th>").append(head).append("</th><th>Reason</th><th>Where</th></tr>\n");
        for (ReviewedList.Entry e : entries) {
            b.append("<tr><td><code>").append(Text.xml(e.key())).append("</code></td><td>").append(Text.xml(e.reason()))
                    .append("</td><td>").append(Text.xml(e.file() + ":" + e.line())).append("</td></tr>\n");
        }
        b.append("</table>\n");
    }
}
