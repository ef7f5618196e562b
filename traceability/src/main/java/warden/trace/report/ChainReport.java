package warden.trace.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import warden.trace.importer.TestResults;
import warden.trace.link.ItemTrace;
import warden.trace.link.Trace;
import warden.trace.model.Tag;

/**
 * The chain view, written to {@code chains/} beside {@code index.html}: one page per chain, rooted
 * at each hazard (and at each item no hazard reaches), showing every level down to the code
 * locations, tests, verdicts, coverage and own mutation scores, each level with its verdict and
 * worst figures rolled up ({@link ChainView}); and the way back: {@code files.html} (each source
 * file's impl tags to the items they implement) and {@code tests.html} (each test method to the
 * items it verifies), with {@code index.html} listing the chains. The index pages filter by ASIL and
 * status with inline script; every page is self-contained well-formed XHTML with inline CSS and
 * fetches nothing, and all links are relative.
 */
public final class ChainReport {
    /** The directory, under the report directory, the chain view is written to. */
    public static final String DIR = "chains";

    private static final String CSS = "body{font:14px/1.4 system-ui,sans-serif;margin:0 2em 3em;color:#222}"
            + "table{border-collapse:collapse;margin:.3em 0}td,th{border:1px solid #ccc;padding:2px 6px;"
            + "vertical-align:top;text-align:left}th{background:#eee}code{font-size:12px}"
            + "ul.chain,ul.chain ul{list-style:none;padding-left:1.6em;border-left:1px dotted #999;margin:0}"
            + "ul.chain{padding-left:0;border:0}li{margin:.4em 0}.head{padding:2px 4px;background:#f4f4f4}"
            + ".type{display:inline-block;min-width:9em;font-weight:bold}.ev{margin:.2em 0 .2em 1em;font-size:13px}"
            + ".passed{color:#060}.failed,.missing{color:#b00;font-weight:bold}.none,.skipped{color:#a60}"
            + ".hidden{display:none}nav{padding:.5em 0;border-bottom:1px solid #ccc}"
            + "@media print{nav select,nav input{display:none}a{color:inherit;text-decoration:none}"
            + ".head,tr{page-break-inside:avoid}body{margin:0}}";
    private static final String JS = "function f(){var a=document.getElementById('fa').value,"
            + "s=document.getElementById('fs').value;"
            + "document.querySelectorAll('tr[data-asil]').forEach(function(e){"
            + "e.classList.toggle('hidden',!((!a||e.dataset.asil===a)&&(!s||e.dataset.status===s)));});"
            + "document.querySelectorAll('section[data-group]').forEach(function(g){"
            + "g.classList.toggle('hidden',!g.querySelector('tr[data-asil]:not(.hidden)'));});}";
    private static final Map<String, String> LEVELS = Map.of("haz", "Hazard", "sg", "Safety goal",
            "fsr", "Functional safety req.", "tsr", "Technical safety req.", "req", "Software req.",
            "dsn", "Design", "feat", "Feature", "aou", "Assumption of use", "anom", "Anomaly");

    private ChainReport() {
    }

    /**
     * Renders the chain view.
     *
     * @return the pages by file name (relative to {@code chains/}), in a fixed order
     *
     * [impl->dsn~trace.report.chains~1]
     */
    public static Map<String, String> render(Trace t) {
        ChainView v = ChainView.of(t);
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("index.html", index(v));
        pages.put("files.html", files(v));
        pages.put("tests.html", tests(v));
        for (String root : v.roots) {
            pages.put(ChainView.page(root), chain(v, root));
        }
        return pages;
    }

    private static void head(StringBuilder b, String title, boolean script) {
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/><title>")
                .append(Text.xml(title)).append("</title><style>").append(CSS).append("</style>");
        if (script) {
            b.append("<script>//<![CDATA[\n").append(JS).append("\n//]]></script>");
        }
        b.append("</head><body>\n<nav><a href=\"index.html\">Chains</a> &#183; <a href=\"files.html\">By source file")
                .append("</a> &#183; <a href=\"tests.html\">By test</a> &#183; ")
                .append("<a href=\"../index.html\">Trace report</a>");
        if (script) {
            HtmlReport.selects(b.append(" &#183; Filter: "));
        }
        b.append("</nav>\n<h1>").append(Text.xml(title)).append("</h1>\n");
    }

    private static String label(String rolled) {
        return switch (rolled) {
            case "passed" -> "verified";
            case "none" -> "unverified";
            case "failed" -> "FAILED";
            default -> rolled;
        };
    }

    private static String level(String type) {
        return LEVELS.getOrDefault(type, type);
    }

    /** A link to an item's first appearance in the chain view. */
    private static StringBuilder itemLink(StringBuilder b, ChainView v, String id) {
        String x = Text.xml(id);
        return b.append("<a href=\"").append(v.home.get(id)).append("#i-").append(ChainView.slug(id))
                .append("\"><code>").append(x).append("</code></a>");
    }

    private static StringBuilder rowAttrs(StringBuilder b, ItemTrace it) {
        return b.append("<tr data-asil=\"").append(it.asil.letter()).append("\" data-status=\"")
                .append(Text.xml(it.item.status())).append("\">");
    }

    private static StringBuilder verdictCell(StringBuilder b, String rolled) {
        return b.append("<td class=\"").append(rolled).append("\">").append(label(rolled)).append("</td>");
    }

    private static String index(ChainView v) {
        StringBuilder b = new StringBuilder(1 << 14);
        head(b, "Warden requirement chains", true);
        b.append("<p>One page per chain: from each hazard (then each item no hazard reaches) down to the code, ")
                .append("tests, verdicts, coverage and own mutation scores. An item is verified only if it and every ")
                .append("item below it are; the worst figures are the lowest at or below the item. Rejected items ")
                .append("are not rolled up.</p>\n<table><tr><th>Chain root</th><th>Level</th><th>Title</th>")
                .append("<th>ASIL</th>")
                .append("<th>Status</th><th>Rolled verdict</th><th>Worst lines</th><th>Worst branches</th>")
                .append("<th>Worst own score</th></tr>\n");
        for (String root : v.roots) {
            ItemTrace it = v.trace.items.get(root);
            double[] w = v.worst.get(root);
            rowAttrs(b, it).append("<td><a href=\"").append(ChainView.page(root)).append("\"><code>")
                    .append(Text.xml(root)).append("</code></a></td><td>").append(level(it.item.type()))
                    .append("</td><td>").append(Text.xml(it.item.title())).append("</td><td>").append(it.asil)
                    .append("</td><td>").append(Text.xml(it.item.status())).append("</td>");
            verdictCell(b, v.rolled.get(root)).append("<td>").append(Text.pct(w[0])).append("</td><td>")
                    .append(Text.pct(w[1])).append("</td><td>").append(Text.pct(w[2])).append("</td></tr>\n");
        }
        return b.append("</table>\n</body></html>\n").toString();
    }

    /**
     * {@code files.html}: each source file with impl tags, its tags' lines and the items they implement.
     *
     * [impl->dsn~trace.report.chain-index~1]
     */
    private static String files(ChainView v) {
        Map<String, List<Tag>> byFile = new TreeMap<>();
        Map<Tag, ItemTrace> itemOf = new java.util.IdentityHashMap<>();
        for (ItemTrace it : v.trace.items.values()) {
            for (Tag tag : it.impl) {
                byFile.computeIfAbsent(tag.file(), k -> new ArrayList<>()).add(tag);
                itemOf.put(tag, it);
            }
        }
        StringBuilder b = new StringBuilder(1 << 16);
        head(b, "Source files to requirements", true);
        b.append("<p>").append(byFile.size()).append(" files whose tags implement items.</p>\n");
        for (Map.Entry<String, List<Tag>> e : byFile.entrySet()) {
            List<Tag> tags = new ArrayList<>(e.getValue());
            tags.sort(java.util.Comparator.comparingInt(Tag::line).thenComparing(Tag::id));
            b.append("<section data-group=\"f\" id=\"f-").append(ChainView.slug(e.getKey())).append("\"><h2><code>")
                    .append(Text.xml(e.getKey())).append("</code></h2>\n<table><tr><th>Line</th><th>Scope</th>")
                    .append("<th>Implements</th><th>ASIL</th><th>Status</th><th>Rolled verdict</th></tr>\n");
            for (Tag tag : tags) {
                ItemTrace it = itemOf.get(tag);
                rowAttrs(b, it).append("<td>").append(tag.line()).append("</td><td><code>")
                        .append(Text.xml(tag.target())).append("</code></td><td>");
                itemLink(b, v, it.id()).append("</td><td>").append(it.asil).append("</td><td>")
                        .append(Text.xml(it.item.status())).append("</td>");
                verdictCell(b, v.rolled.get(it.id())).append("</tr>\n");
            }
            b.append("</table></section>\n");
        }
        return b.append("</body></html>\n").toString();
    }

    /**
     * {@code tests.html}: each verifying test method, its verdict and the items it verifies.
     *
     * [impl->dsn~trace.report.chain-index~1]
     */
    private static String tests(ChainView v) {
        Map<String, List<ItemTrace>> byTest = new TreeMap<>();
        Map<String, TestResults.Verdict> verdictOf = new TreeMap<>();
        for (ItemTrace it : v.trace.items.values()) {
            for (int i = 0; i < it.testMethods.size(); i++) {
                String m = it.testMethods.get(i);
                List<ItemTrace> items = byTest.computeIfAbsent(m, k -> new ArrayList<>());
                if (!items.contains(it)) {
                    items.add(it);
                }
                if (it.verdicts.get(i) != null) {
                    verdictOf.put(m, it.verdicts.get(i));
                }
            }
        }
        StringBuilder b = new StringBuilder(1 << 16);
        head(b, "Tests to requirements", true);
        b.append("<p>").append(byTest.size()).append(" test methods verify items.</p>\n");
        for (Map.Entry<String, List<ItemTrace>> e : byTest.entrySet()) {
            TestResults.Verdict tv = verdictOf.get(e.getKey());
            String status = tv == null ? "missing" : tv.status();
            b.append("<section data-group=\"t\" id=\"t-").append(ChainView.slug(e.getKey())).append("\"><h2><code>")
                    .append(Text.xml(e.getKey())).append("</code> <span class=\"").append(Text.xml(status))
                    .append("\">")
                    .append(Text.xml(status)).append("</span></h2>\n");
            if (tv != null && !tv.passed() && !tv.firstLine().isEmpty()) {
                b.append("<p><code>").append(Text.xml(tv.firstLine())).append("</code></p>\n");
            }
            b.append("<table><tr><th>Verifies</th><th>ASIL</th><th>Status</th><th>Rolled verdict</th></tr>\n");
            for (ItemTrace it : e.getValue()) {
                rowAttrs(b, it).append("<td>");
                itemLink(b, v, it.id()).append("</td><td>").append(it.asil).append("</td><td>")
                        .append(Text.xml(it.item.status())).append("</td>");
                verdictCell(b, v.rolled.get(it.id())).append("</tr>\n");
            }
            b.append("</table></section>\n");
        }
        return b.append("</body></html>\n").toString();
    }

    /** One chain's page: the tree below its root, each item expanded at its first appearance. */
    private static String chain(ChainView v, String root) {
        ItemTrace r = v.trace.items.get(root);
        StringBuilder b = new StringBuilder(1 << 14);
        head(b, "Chain of " + root, false);
        b.append("<p>").append(level(r.item.type())).append(": ").append(Text.xml(r.item.title()))
                .append(". Rolled verdict <b class=\"").append(v.rolled.get(root)).append("\">")
                .append(label(v.rolled.get(root))).append("</b>. An item is verified only if it and every item ")
                .append("below it are; the worst figures are the lowest at or below it. Later appearances of an item ")
                .append("link to its first.</p>\n<ul class=\"chain\">\n");
        Set<String> shown = new HashSet<>();
        node(b, v, r, shown, new HashSet<>());
        return b.append("</ul>\n</body></html>\n").toString();
    }

    /** Renders an item and, on its first appearance, its evidence and children (depth bounded by the path set). */
    private static void node(StringBuilder b, ChainView v, ItemTrace it, Set<String> shown, Set<String> path) {
        String id = it.id();
        b.append("<li>");
        if (!shown.add(id)) {
            b.append("<span class=\"type\">").append(level(it.item.type())).append("</span> ");
            b.append("<a href=\"#i-").append(ChainView.slug(id)).append("\"><code>").append(Text.xml(id))
                    .append("</code></a> (shown above) <span class=\"").append(v.rolled.get(id)).append("\">")
                    .append(label(v.rolled.get(id))).append("</span></li>\n");
            return;
        }
        nodeHead(b, v, it);
        evidence(b, it);
        List<ItemTrace> kids = v.children(it);
        path.add(id);
        if (!kids.isEmpty()) {
            b.append("<ul>\n");
            for (ItemTrace c : kids) {
                if (path.contains(c.id())) { // a cycle: name it, do not follow it
                    b.append("<li>cycle back to <a href=\"#i-").append(ChainView.slug(c.id())).append("\"><code>")
                            .append(Text.xml(c.id())).append("</code></a></li>\n");
                } else {
                    node(b, v, c, shown, path);
                }
            }
            b.append("</ul>\n");
        }
        path.remove(id);
        b.append("</li>\n");
    }

    private static void nodeHead(StringBuilder b, ChainView v, ItemTrace it) {
        String id = it.id();
        double[] w = v.worst.get(id);
        String rolled = v.rolled.get(id);
        b.append("<div class=\"head\" id=\"i-").append(ChainView.slug(id)).append("\"><span class=\"type\">")
                .append(level(it.item.type())).append("</span> <a href=\"../index.html#").append(Text.xml(id))
                .append("\"><code>").append(Text.xml(id)).append("</code></a> ").append(Text.xml(it.item.title()))
                .append(" &#8212; ").append(it.asil).append(it.asilInherited ? " (inherited)" : "").append(", ")
                .append(Text.xml(it.item.status())).append(". Rolled: <b class=\"").append(rolled).append("\">")
                .append(label(rolled)).append("</b>; worst below: lines ").append(Text.pct(w[0])).append(", branches ")
                .append(Text.pct(w[1])).append(", own score ").append(Text.pct(w[2])).append("</div>\n");
        if (it.item.verification() != null && !it.item.verification().isEmpty()) {
            b.append("<div class=\"ev\">Verification method: ").append(Text.xml(it.item.verification()))
                    .append("</div>\n");
        }
    }

    /** The item's own evidence in chain order: code locations, tests, verdict, coverage, own score. */
    private static void evidence(StringBuilder b, ItemTrace it) {
        if (!it.impl.isEmpty()) {
            b.append("<div class=\"ev\">Code: ");
            for (Tag tag : it.impl) {
                b.append("<a href=\"files.html#f-").append(ChainView.slug(tag.file())).append("\"><code>")
                        .append(Text.xml(tag.location())).append("</code></a> <code>").append(Text.xml(tag.target()))
                        .append("</code>; ");
            }
            b.append("</div>\n");
        }
        if (!it.testMethods.isEmpty()) {
            b.append("<div class=\"ev\">Tests: ");
            for (int i = 0; i < it.testMethods.size(); i++) {
                TestResults.Verdict tv = it.verdicts.get(i);
                String s = tv == null ? "missing" : tv.status();
                b.append("<a href=\"tests.html#t-").append(ChainView.slug(it.testMethods.get(i))).append("\"><code>")
                        .append(Text.xml(it.testMethods.get(i))).append("</code></a> <span class=\"")
                        .append(Text.xml(s)).append("\">").append(Text.xml(s)).append("</span>; ");
            }
            b.append("</div>\n");
        } else if (!it.tests.isEmpty()) {
            b.append("<div class=\"ev\">Tests: ").append(it.tests.size())
                    .append(" test tags, no test method found</div>\n");
        }
        if (!it.impl.isEmpty() || !it.tests.isEmpty()) {
            String own = it.verdict();
            b.append("<div class=\"ev\">Verdict: <span class=\"").append(own).append("\">").append(own)
                    .append("</span>; coverage: lines ").append(Text.pct(it.lineCoverage())).append(" (")
                    .append(it.coverage[1]).append(" of ").append(it.coverage[0]).append("), branches ")
                    .append(Text.pct(it.branchCoverage())).append(" (").append(it.coverage[3]).append(" of ")
                    .append(it.coverage[2]).append("); own mutation score ").append(Text.pct(it.mutationScore()))
                    .append(" (").append(it.mutation[1]).append(" of ").append(it.mutation[0])
                    .append(" killed by its own tests)")
                    .append("</div>\n");
        }
    }
}
