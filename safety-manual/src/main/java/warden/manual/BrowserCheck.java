package warden.manual;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The trace report and the HTML manual as a reader sees them: opened offline, from their files, in
 * headless Chromium ({@link Chromium}, driven by {@link DevTools}). On every page of the report
 * ({@code index.html}, {@code chains/*.html}) and on the manual, every link to a fragment resolves
 * to an element of its page, every relative link to a file that exists (and to an element of it),
 * every image shows, and no console error, failed load or request leaving {@code file:} occurs. On
 * the report, the ASIL filter of each page that has one shows exactly the rows of the chosen ASIL
 * and all of them again when cleared, and {@link ChainWalk} follows one chain with the mouse from a
 * hazard to a design item's code, tests, verdict, coverage and own mutation score, and back.
 *
 * <p>{@code BrowserCheck --report DIR --manual FILE [--chromium FILE] [--work DIR]}: each finding
 * names the page; exit 1 on any, 2 when the files or the browser are missing.
 *
 * [impl->dsn~manual.browser-check~1]
 */
public final class BrowserCheck {
    /** Script: the ids of the page, its links (attribute and resolved URL) and the images that do not show. */
    static final String LINKS = "(function(){var ids=[];document.querySelectorAll('[id]').forEach(function(e){"
            + "ids.push(e.id);});document.querySelectorAll('a[name]').forEach(function(e){ids.push(e.name);});"
            + "var links=[];document.querySelectorAll('a[href],area[href]').forEach(function(e){"
            + "links.push([e.getAttribute('href'),e.href]);});var bad=[];document.querySelectorAll('img').forEach("
            + "function(e){if(!e.complete||!e.naturalWidth){bad.push((e.getAttribute('src')||'').slice(0,80));}});"
            + "return {ids:ids,links:links,images:bad};})()";
    /** Script: sets the ASIL filter to {@code %s} as a change of the select and reports the rows it shows. */
    static final String FILTER = "(function(v){var s=document.getElementById('fa');if(!s)return null;s.value=v;"
            + "s.dispatchEvent(new Event('change',{bubbles:true}));var rows=[].slice.call(document.querySelectorAll("
            + "'[data-asil]')),shown=rows.filter(function(e){return e.getClientRects().length>0;});"
            + "var opts=[].slice.call(s.options).map(function(o){return o.value;});"
            + "var groups=[].slice.call(document.querySelectorAll('[data-group]')).filter(function(g){"
            + "return g.getClientRects().length>0&&![].slice.call(g.querySelectorAll('[data-asil]')).some("
            + "function(e){return e.getClientRects().length>0;});}).length;"
            + "return {total:rows.length,shown:shown.length,wanted:rows.filter(function(e){"
            + "return e.dataset.asil===v;}).length,wrong:shown.filter(function(e){return v&&e.dataset.asil!==v;})"
            + ".length,unlisted:rows.filter(function(e){return opts.indexOf(e.dataset.asil)<0;}).length,"
            + "emptyGroups:groups};})(%s)";

    private final DevTools browser;
    private final List<String> findings = new ArrayList<>();
    /** The ids of every page visited, by file URL without fragment. */
    private final Map<String, Set<String>> ids = new LinkedHashMap<>();
    /** Links to another file's fragment, checked once every page is known: from page, to URL. */
    private final List<String[]> later = new ArrayList<>();
    private int pages;
    private int links;
    private String walk = "";

    BrowserCheck(DevTools browser) {
        this.browser = browser;
    }

    public static void main(String[] args) {
        Map<String, String> a = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i], args[i + 1]);
        }
        if (args.length % 2 != 0 || !a.containsKey("--report") || !a.containsKey("--manual")
                || !Set.of("--report", "--manual", "--chromium", "--work").containsAll(a.keySet())) {
            System.err.println("browser-check: usage: BrowserCheck --report DIR --manual FILE [--chromium FILE] "
                    + "[--work DIR]");
            System.exit(2);
            return;
        }
        Path report = Path.of(a.get("--report")).toAbsolutePath().normalize();
        Path manual = Path.of(a.get("--manual")).toAbsolutePath().normalize();
        Path work = Path.of(a.getOrDefault("--work", "target/browser-check")).toAbsolutePath();
        for (Path p : List.of(report.resolve("index.html"), report.resolve("chains/index.html"), manual)) {
            if (!Files.isRegularFile(p)) {
                System.err.println("browser-check: cannot read " + p + " (build the report and the manual first)");
                System.exit(2);
                return;
            }
        }
        System.exit(run(report, manual, work, a.getOrDefault("--chromium", "")));
    }

    /** @return the exit code: 0 passed, 1 findings, 2 no browser */
    private static int run(Path report, Path manual, Path work, String given) {
        long t0 = System.nanoTime();
        Path chromium;
        try {
            chromium = Chromium.ensure(given, work.resolve("apt-get.log"));
        } catch (IllegalStateException e) {
            System.err.println("browser-check: no browser for the browser check: " + e.getMessage());
            return 2;
        }
        long t1 = System.nanoTime();
        List<String> found;
        String passed;
        try (DevTools d = DevTools.launch(chromium, work)) {
            BrowserCheck c = new BrowserCheck(d);
            c.report(report);
            c.manual(manual);
            found = c.finish();
            passed = String.format("browser-check: %d pages of the trace report and the manual opened offline in %s "
                    + "in %.1f s (finding or installing it: %.1f s): all %d links resolve, every image shows, the ASIL "
                    + "filters and one chain from hazard to design and back work (%s), no console error, failed "
                    + "load or request leaving file:", c.pages, chromium, (System.nanoTime() - t1) / 1e9,
                    (t1 - t0) / 1e9, c.links, c.walk);
        } catch (IllegalStateException e) {
            System.err.println("browser-check: " + e.getMessage());
            return 2;
        }
        for (String f : found) {
            System.err.println("browser-check: " + f);
        }
        if (!found.isEmpty()) {
            System.err.printf("browser-check: %d finding(s) in the trace report %s and the manual %s%n", found.size(),
                    report, manual);
            return 1;
        }
        System.out.println(passed);
        return 0;
    }

    /** Checks the report in {@code dir}: every page's links and problems, the filters and one chain. */
    void report(Path dir) {
        String chains = dir.resolve("chains/index.html").toUri().toString();
        String index = dir.resolve("index.html").toUri().toString();
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir.resolve("chains"))) {
            s.filter(p -> p.toString().endsWith(".html")).sorted().forEach(files::add);
        } catch (java.io.IOException e) {
            findings.add(dir.resolve("chains") + ": cannot list: " + e.getMessage());
        }
        files.add(dir.resolve("index.html"));
        for (Path f : files) {
            visit(f.toUri().toString());
        }
        for (String page : List.of(index, chains, dir.resolve("chains/files.html").toUri().toString(),
                dir.resolve("chains/tests.html").toUri().toString())) {
            filter(page);
        }
        try {
            ChainWalk w = new ChainWalk(browser, chains);
            findings.addAll(w.walk());
            walk = w.required;
        } catch (IllegalStateException e) {
            findings.add("the chain walk stopped: " + e.getMessage());
        }
    }

    /** Checks the HTML manual: links, images, problems. */
    void manual(Path file) {
        visit(file.toUri().toString());
    }

    /** @return every finding since the last call: the checks' and the browser's problems, each once */
    List<String> finish() {
        for (String[] l : later) {
            String target = l[1];
            int hash = target.indexOf('#');
            String doc = target.substring(0, hash);
            if (!ids.containsKey(doc) && exists(doc)) {
                visit(doc);
            }
            Set<String> there = ids.get(doc);
            String fragment = decode(target.substring(hash + 1));
            if (there != null && !there.contains(fragment)) {
                findings.add(l[0] + ": the link " + target + " names no element of its page");
            }
        }
        later.clear();
        Set<String> all = new LinkedHashSet<>(findings);
        findings.clear();
        all.addAll(browser.takeProblems());
        return new ArrayList<>(all);
    }

    /** Opens a page, collects its ids and checks its links and images. */
    void visit(String url) {
        pages++;
        if (!browser.open(url)) {
            ids.put(url, Set.of());
            return;
        }
        Map<String, Object> r = Json.object(browser.eval(LINKS));
        Set<String> here = new HashSet<>();
        for (Object o : Json.list(r.get("ids"))) {
            here.add(Json.str(o));
        }
        ids.put(url, here);
        for (Object img : Json.list(r.get("images"))) {
            findings.add(url + ": an image that does not show: " + img);
        }
        for (Object o : Json.list(r.get("links"))) {
            List<Object> l = Json.list(o);
            link(url, Json.str(l.get(0)), Json.str(l.get(1)), here);
        }
    }

    private void link(String page, String raw, String resolved, Set<String> here) {
        links++;
        if (raw.startsWith("#")) {
            if (!here.contains(decode(raw.substring(1)))) {
                findings.add(page + ": the link " + raw + " names no element of the page");
            }
            return;
        }
        if (!resolved.startsWith("file:")) {
            return; // a link to elsewhere (https:, mailto:) fetches nothing until followed
        }
        int hash = resolved.indexOf('#');
        String doc = hash < 0 ? resolved : resolved.substring(0, hash);
        if (!exists(doc)) {
            findings.add(page + ": the link " + raw + " names a file that does not exist: " + doc);
        } else if (hash >= 0) {
            later.add(new String[] {page, resolved});
        }
    }

    private static boolean exists(String fileUrl) {
        try {
            return Files.isRegularFile(Path.of(URI.create(fileUrl)));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String decode(String fragment) {
        try {
            return URLDecoder.decode(fragment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return fragment;
        }
    }

    /** Filters {@code page} by one ASIL and back to all, checking the rows it shows. */
    void filter(String page) {
        if (!browser.open(page)) {
            return;
        }
        Map<String, Object> all = Json.object(browser.eval(String.format(FILTER, "''")));
        if (all.isEmpty()) {
            findings.add(page + ": no ASIL filter (select #fa)");
            return;
        }
        String asil = "C";
        Map<String, Object> c = Json.object(browser.eval(String.format(FILTER, "'" + asil + "'")));
        long wanted = Json.num(c.get("wanted"), -1);
        if (wanted == 0) {
            findings.add(page + ": no row has ASIL " + asil + " to filter by");
        }
        if (Json.num(c.get("shown"), -1) != wanted || Json.num(c.get("wrong"), -1) != 0) {
            findings.add(page + ": the ASIL filter " + asil + " shows " + c.get("shown") + " rows, " + c.get("wrong")
                    + " of another ASIL; " + wanted + " rows have ASIL " + asil);
        }
        if (Json.num(c.get("emptyGroups"), -1) != 0) {
            findings.add(page + ": the ASIL filter " + asil + " leaves " + c.get("emptyGroups") + " sections shown "
                    + "without a row");
        }
        if (Json.num(c.get("unlisted"), -1) != 0) {
            findings.add(page + ": " + c.get("unlisted") + " rows have an ASIL the filter does not offer");
        }
        Map<String, Object> back = Json.object(browser.eval(String.format(FILTER, "''")));
        if (Json.num(back.get("shown"), -1) != Json.num(back.get("total"), -2)) {
            findings.add(page + ": cleared, the ASIL filter shows " + back.get("shown") + " of " + back.get("total")
                    + " rows");
        }
    }
}
