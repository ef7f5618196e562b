package warden.manual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The browser check's driver in a real headless Chromium (installed by {@link Chromium} when it is
 * missing) on small generated pages: each kind of fault it must see, and clean pages that pass.
 */
class BrowserCheckTest {
    @TempDir
    static Path dir;
    private static DevTools browser;

    @BeforeAll
    static void start() {
        Path chromium = Chromium.ensure(System.getProperty("warden.chromium", ""), dir.resolve("apt-get.log"));
        browser = DevTools.launch(chromium, dir.resolve("work"));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    private static String page(String name, String body) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"/><title>t</title></head><body>"
                + body + "</body></html>\n", StandardCharsets.UTF_8);
        return p.toUri().toString();
    }

    private static List<String> check(String url) {
        BrowserCheck c = new BrowserCheck(browser);
        c.visit(url);
        return c.finish();
    }

    private static void assertFound(List<String> findings, String url, String what) {
        assertTrue(findings.stream().anyMatch(f -> f.startsWith(url + ": ") && f.contains(what)),
                () -> "no finding '" + what + "' on " + url + " in " + findings);
    }

    // [utest->dsn~manual.browser-check~1]
    @Test
    void aBrokenLinkAConsoleErrorAndAnHttpImageAreEachAFindingNamingThePage() throws IOException {
        String url = page("faults.html", "<p id=\"here\">text</p><a href=\"#nowhere\">a</a> <a href=\"#here\">b</a>"
                + "<a href=\"gone.html\">c</a><script>console.error('the script failed')</script>"
                + "<img src=\"http://example.invalid/logo.png\" alt=\"logo\"/>");
        List<String> f = check(url);
        assertFound(f, url, "the link #nowhere names no element of the page");
        assertFound(f, url, "the link gone.html names a file that does not exist");
        assertFound(f, url, "console error: the script failed");
        assertFound(f, url, "a request leaving the file: http://example.invalid/logo.png");
        assertFound(f, url, "an image that does not show: http://example.invalid/logo.png");
        assertTrue(f.stream().noneMatch(x -> x.contains("#here")), f::toString);
    }

    // [utest->dsn~manual.browser-check~1]
    @Test
    void anUncaughtExceptionAndAMissingLocalFileAreFindings() throws IOException {
        String url = page("throws.html", "<img src=\"missing.png\" alt=\"m\"/><script>null.property;</script>");
        List<String> f = check(url);
        assertFound(f, url, "uncaught exception: TypeError");
        assertFound(f, url, "a load failed: " + dir.resolve("missing.png").toUri());
    }

    // [utest->dsn~manual.browser-check~1]
    @Test
    void aLinkToAnotherPagesMissingElementIsAFinding() throws IOException {
        String target = page("target.html", "<h2 id=\"s-1\">one</h2>");
        String url = page("links.html", "<a href=\"target.html#s-1\">ok</a> <a href=\"target.html#s-2\">bad</a>");
        List<String> f = check(url);
        assertEquals(List.of(url + ": the link " + target + "#s-2 names no element of its page"), f);
    }

    // [utest->dsn~manual.browser-check~1]
    @Test
    void aCleanPagePasses() throws IOException {
        page("other.html", "<p id=\"x\">x</p>");
        String url = page("clean.html", "<h1 id=\"top\">t</h1><a href=\"#top\">top</a> <a href=\"other.html#x\">x</a>"
                + " <a href=\"https://www.iso.org/standard/68388.html\">ISO 26262-6</a>"
                + "<img alt=\"dot\" src=\"data:image/gif;base64,"
                + "R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7\"/>"
                + "<script>console.log('fine');</script>");
        assertEquals(List.of(), check(url));
    }

    private static final String ROWS = "<select id=\"fa\" onchange=\"f()\"><option value=\"\">all</option>"
            + "<option>QM</option><option>C</option></select><table>"
            + "<tr data-asil=\"C\"><td>c1</td></tr><tr data-asil=\"QM\"><td>q</td></tr>"
            + "<tr data-asil=\"C\"><td>c2</td></tr>"
            + "</table>";

    // [utest->dsn~manual.browser-check~1]
    @Test
    void anAsilFilterThatFiltersNothingIsAFinding() throws IOException {
        String url = page("nofilter.html", "<script>function f(){}</script>" + ROWS);
        BrowserCheck c = new BrowserCheck(browser);
        c.filter(url);
        assertEquals(List.of(url + ": the ASIL filter C shows 3 rows, 1 of another ASIL; 2 rows have ASIL C"),
                c.finish());
        String none = page("noselect.html", "<p>no filter</p>");
        c.filter(none);
        assertEquals(List.of(none + ": no ASIL filter (select #fa)"), c.finish());
    }

    // [utest->dsn~manual.browser-check~1]
    @Test
    void aWorkingAsilFilterPasses() throws IOException {
        String url = page("filter.html", "<style>.hidden{display:none}</style><script>function f(){var a=document."
                + "getElementById('fa').value;document.querySelectorAll('tr[data-asil]').forEach(function(e){"
                + "e.classList.toggle('hidden',!!a&&e.dataset.asil!==a);});}</script>" + ROWS);
        BrowserCheck c = new BrowserCheck(browser);
        c.filter(url);
        assertEquals(List.of(), c.finish());
    }
}
