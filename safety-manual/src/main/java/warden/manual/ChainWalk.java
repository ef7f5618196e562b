package warden.manual;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Follows one requirement chain of the trace report's chain view in the browser, with the mouse:
 * from the chain index to a hazard's page, down that page to a design item whose path from the
 * hazard passes a safety goal, a functional and a technical safety requirement and a software
 * requirement, and which shows code, tests, its verdict, coverage and its own mutation score (a
 * number when the report has mutation data); then back: its code location to {@code files.html}
 * and from that file to the item, a test to {@code tests.html} and from that test to the item, and
 * from the item to the full report, up its "Covers (up)" links to the hazard again.
 *
 * [impl->dsn~manual.browser-check~1]
 */
final class ChainWalk {
    /** The levels a chain passes, in the chain view's words, hazard first. */
    static final List<String> LEVELS = List.of("Hazard", "Safety goal", "Functional safety req.",
            "Technical safety req.", "Software req.", "Design");
    /** Script: the first design item of the page with a full path and all its evidence, or null. */
    private static final String FIND = "(function(want,needScore,needLines){var heads=[].slice.call("
            + "document.querySelectorAll('div.head'));for(var k=0;k<heads.length;k++){var h=heads[k];"
            + "if(h.querySelector('.type').textContent!==want[want.length-1])continue;var li=h.parentElement;"
            + "var ev=[].slice.call(li.children).filter(function(c){return c.classList.contains('ev');})"
            + ".map(function(c){return c.textContent;});var code=ev.filter(function(t){return t.indexOf('Code:')===0;})"
            + "[0],tests=ev.filter(function(t){return t.indexOf('Tests:')===0;})[0],verdict=ev.filter(function(t){"
            + "return t.indexOf('Verdict:')===0;})[0];if(!code||!tests||!verdict)continue;"
            + "if(!/coverage: lines .*branches .*own mutation score /.test(verdict))continue;"
            + "if(needScore&&!/own mutation score [0-9.]+ %/.test(verdict))continue;"
            + "if(needLines&&!/coverage: lines [0-9.]+ %/.test(verdict))continue;var path=[],e=li;"
            + "while(e&&e.tagName){"
            + "if(e.tagName==='LI'){var hd=[].slice.call(e.children).filter(function(c){"
            + "return c.classList.contains('head');})[0];if(hd){path.unshift([hd.querySelector('.type').textContent,"
            + "hd.querySelector('code').textContent,hd.id]);}}e=e.parentElement;}var i=0;"
            + "path.forEach(function(p){if(i<want.length&&p[0]===want[i])i++;});"
            + "if(i===want.length&&path[0][0]===want[0])return {path:path,verdict:verdict};}return null;})";

    private final DevTools browser;
    private final String index;
    private final List<String> findings = new ArrayList<>();
    /** The ids of the chain walked, hazard first (empty before a walk or when none was found). */
    final List<String> walked = new ArrayList<>();
    /** What the walk found: a figure for the own mutation score and the line coverage, or only their places. */
    String required = "";

    /**
     * @param browser the browser to walk in
     * @param index the file URL of the chain view's {@code index.html}
     */
    ChainWalk(DevTools browser, String index) {
        this.browser = browser;
        this.index = index;
    }

    /**
     * Walks one chain down and back.
     *
     * @return the findings (none when the walk succeeded)
     * @throws IllegalStateException when a link to follow is missing, covered or leads nowhere
     */
    List<String> walk() {
        browser.open(index);
        String summary = summary();
        boolean mutation = summary.contains("mutation gate on");
        boolean coverage = summary.contains("coverage data: yes");
        required = "the walked design item shows " + (mutation ? "a figure" : "no figure (the report has no mutation "
                + "data)") + " for its own mutation score and " + (coverage ? "a figure" : "none (no coverage data)")
                + " for its line coverage";
        Map<String, Object> chain = find(mutation, coverage);
        if (chain.isEmpty()) {
            findings.add(index + ": no hazard's chain reaches a " + String.join(", ", LEVELS) + " path whose design "
                    + "item shows code, tests, a verdict, " + (coverage ? "a number for " : "")
                    + "its line coverage and " + (mutation ? "a number for " : "") + "its own mutation score");
            return findings;
        }
        List<Object> path = Json.list(chain.get("path"));
        List<Object> design = Json.list(path.get(path.size() - 1));
        String item = Json.str(design.get(1));
        String anchor = Json.str(design.get(2));
        String chainPage = browser.page().replaceFirst("#.*", "");
        for (Object p : path) {
            walked.add(Json.str(Json.list(p).get(1)));
        }
        System.out.println("browser-check: chain " + String.join(" > ", walked) + ": "
                + Json.str(chain.get("verdict")).strip());
        back(chainPage, item, anchor, "Code:", "files.html#f-");
        back(chainPage, item, anchor, "Tests:", "tests.html#t-");
        up(path, chainPage, anchor);
        return findings;
    }

    /** @return the first full chain, found by opening each hazard's page from the index; empty if none */
    private Map<String, Object> find(boolean mutation, boolean coverage) {
        browser.open(index);
        List<Object> hazards = Json.list(browser.eval("[].slice.call(document.querySelectorAll('tr[data-asil]'))"
                + ".filter(function(r){return r.cells[1].textContent==='Hazard';}).map(function(r){"
                + "return r.cells[0].textContent;})"));
        for (Object h : hazards) {
            browser.open(index);
            browser.click(linkWithCode("tr[data-asil] td:first-child", Json.str(h)), "the link to the chain of " + h);
            Map<String, Object> chain = Json.object(browser.eval(FIND + "(" + Json.write(LEVELS) + "," + mutation
                    + "," + coverage + ")"));
            if (!chain.isEmpty()) {
                return chain;
            }
        }
        return Map.of();
    }

    /** @return the full report's summary line, reached with the chain index's link to it */
    private String summary() {
        browser.click("document.querySelector('nav a[href=\"../index.html\"]')", "the link to the trace report");
        return Json.str(browser.eval("document.querySelector('p').textContent"));
    }

    /** @return a script expression: the link under {@code scope} whose code text is {@code id} */
    private static String linkWithCode(String scope, String id) {
        return "[].slice.call(document.querySelectorAll(" + Json.write(scope + " a") + ")).filter(function(a){"
                + "return a.textContent===" + Json.write(id) + ";})[0]";
    }

    /**
     * From the design item on its chain page, follows its first link in the evidence line starting
     * with {@code line} to the index page, and from there the link back to the item.
     */
    private void back(String chainPage, String item, String anchor, String line, String prefix) {
        browser.open(chainPage + "#" + anchor);
        String there = browser.click("[].slice.call(document.getElementById(" + Json.write(anchor)
                + ").parentElement.children).filter(function(c){return c.classList.contains('ev')&&"
                + "c.textContent.indexOf(" + Json.write(line) + ")===0;})[0].querySelector('a[href^=\""
                + prefix + "\"]')", "the first link in the " + line + " line of " + item);
        String section = there.substring(there.indexOf('#') + 1);
        Object lists = browser.eval("(function(){var s=document.getElementById(" + Json.write(section)
                + ");return !!s&&s.getClientRects().length>0&&[].slice.call(s.querySelectorAll('a')).some("
                + "function(a){return a.textContent===" + Json.write(item) + ";});})()");
        if (!Boolean.TRUE.equals(lists)) {
            findings.add(there + ": the section the chain's " + line + " link opens does not list " + item);
            return;
        }
        String back = browser.click("[].slice.call(document.getElementById(" + Json.write(section)
                + ").querySelectorAll('a')).filter(function(a){return a.textContent===" + Json.write(item)
                + ";})[0]", "the link back to " + item);
        Object found = browser.eval("(function(){var h=document.getElementById(location.hash.slice(1));"
                + "return !!h&&h.querySelector('code').textContent;})()");
        if (!item.equals(found)) {
            findings.add(there + ": the way back to " + item + " leads to " + back + ", which shows " + found);
        }
    }

    /** From the design item to the full report and up its "Covers (up)" links along the chain to the hazard. */
    private void up(List<Object> path, String chainPage, String anchor) {
        String at = Json.str(Json.list(path.get(path.size() - 1)).get(1));
        browser.open(chainPage + "#" + anchor);
        browser.click("document.getElementById(" + Json.write(anchor)
                + ").querySelector('a[href^=\"../index.html#\"]')", "the link of " + at + " to the full report");
        for (int i = path.size() - 2; i >= 0; i--) {
            String next = Json.str(Json.list(path.get(i)).get(1));
            if (!shown(at)) {
                findings.add(browser.page() + ": the report's section of " + at + " is missing or hidden");
                return;
            }
            browser.click("(function(){var s=document.getElementById(" + Json.write(at) + ");var dt=[].slice.call("
                    + "s.querySelectorAll('dt')).filter(function(d){return d.textContent==='Covers (up)';})[0];"
                    + "return dt&&[].slice.call(dt.nextElementSibling.querySelectorAll('a')).filter(function(a){"
                    + "return a.textContent===" + Json.write(next) + ";})[0];})()", "the link to " + next
                    + " under \"Covers (up)\" in the section of " + at);
            at = next;
        }
        if (!shown(at)) {
            findings.add(browser.page() + ": the report's section of " + at + " is missing or hidden");
        }
    }

    private boolean shown(String id) {
        return Boolean.TRUE.equals(browser.eval("(function(){var s=document.getElementById(" + Json.write(id)
                + ");return !!s&&s.getClientRects().length>0&&location.hash==='#'+" + Json.write(id) + ";})()"));
    }
}
