package warden.trace.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import warden.trace.Fixture;
import warden.trace.link.Trace;

/** The chain view: one page per chain from each hazard, the indexes back from files and tests, all offline. */
class ChainReportTest {
    private static final String HAZARD_PAGE = "haz_7ewrong_7e1.html";

    @TempDir
    Path tmp;

    private Path chains(String... overlays) {
        String[] all = new String[overlays.length + 1];
        all[0] = "chain";
        System.arraycopy(overlays, 0, all, 1, overlays.length);
        Fixture.Run r = Fixture.run(Fixture.prepare(tmp, all));
        assertTrue(r.exit() == 0 || r.exit() == 1, r.all());
        return tmp.resolve("out").resolve(ChainReport.DIR);
    }

    private static Document xml(Path p) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(p.toFile());
    }

    private static List<Path> pages(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }

    private static Set<String> ids(Document d) {
        Set<String> out = new HashSet<>();
        NodeList all = d.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            String id = ((Element) all.item(i)).getAttribute("id");
            if (!id.isEmpty()) {
                out.add(id);
            }
        }
        return out;
    }

    private static List<String> refs(Document d) {
        List<String> out = new ArrayList<>();
        NodeList all = d.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            for (String a : List.of("href", "src", "action", "data")) {
                if (e.hasAttribute(a)) {
                    out.add(e.getAttribute(a));
                }
            }
        }
        return out;
    }

    // [utest->dsn~trace.report.chain-index~1]
    @Test
    void everyRelativeLinkOfEveryPageResolvesAndNothingIsFetched() throws Exception {
        Path dir = chains();
        List<Path> pages = pages(dir);
        assertTrue(pages.size() >= 5, pages.toString()); // index, files, tests, the hazard's and the loose chain
        Map<Path, Set<String>> idsOf = new HashMap<>();
        int links = 0;
        for (Path page : pages) {
            String text = Files.readString(page);
            assertFalse(text.contains("http://") || text.contains("https://"), page + " names a web resource");
            assertFalse(text.contains("<link") || text.contains("@import") || text.contains("url(")
                    || text.contains("fetch(") || text.contains("XMLHttpRequest"), page + " loads something");
            for (String ref : refs(xml(page))) {
                assertFalse(ref.contains(":") || ref.startsWith("/") || ref.startsWith("//"), page + ": " + ref);
                int hash = ref.indexOf('#');
                String file = hash < 0 ? ref : ref.substring(0, hash);
                Path target = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
                assertTrue(Files.isRegularFile(target), page.getFileName() + ": " + ref + " names no file");
                if (hash >= 0) {
                    Set<String> ids = idsOf.get(target);
                    if (ids == null) {
                        ids = ids(xml(target));
                        idsOf.put(target, ids);
                    }
                    assertTrue(ids.contains(ref.substring(hash + 1)),
                            page.getFileName() + ": " + ref + " names no anchor");
                }
                links++;
            }
        }
        assertTrue(links > 20, "links checked: " + links);
        String files = Files.readString(dir.resolve("files.html"));
        assertTrue(files.contains("mod/src/main/java/demo/Alpha.java") && files.contains("id=\"fa\"")
                && files.contains("id=\"fs\"") && files.contains("data-asil=\"C\" data-status=\"approved\""), files);
        String tests = Files.readString(dir.resolve("tests.html"));
        assertTrue(tests.contains("demo.AlphaTest#twiceDoubles") && tests.contains("href=\"" + HAZARD_PAGE
                + "#i-dsn_7ealpha_7e1\""), tests);
    }

    // [utest->dsn~trace.report.chains~1]
    @Test
    void aKnownChainShowsEachLevelInOrderDownToTheMutationScore() throws Exception {
        Path dir = chains();
        String page = Files.readString(dir.resolve(HAZARD_PAGE));
        int at = 0;
        for (String step : List.of("id=\"i-haz_7ewrong_7e1\"", "id=\"i-sg_7esafe_7e1\"", "id=\"i-fsr_7edetect_7e1\"",
                "Verification method: fault injection", "id=\"i-tsr_7echeck_7e1\"", "id=\"i-req_7earith_7e1\"",
                "id=\"i-dsn_7ealpha_7e1\"", "Code: ", "mod/src/main/java/demo/Alpha.java:3", "Tests: ",
                "demo.AlphaTest#twiceDoubles", "Verdict: <span class=\"passed\">passed", "coverage: lines ",
                "branches ", "own mutation score ")) {
            int next = page.indexOf(step, at);
            assertTrue(next >= at, "'" + step + "' after offset " + at + " in\n" + page);
            at = next + step.length();
        }
        assertTrue(page.contains("Rolled: <b class=\"passed\">verified</b>"), page);
        String loose = Files.readString(dir.resolve("req_7eloose_7e1.html"));
        assertTrue(loose.contains("id=\"i-dsn_7ebeta_7e1\""), "a requirement no hazard reaches has its own chain");
        assertFalse(loose.contains("dsn~alpha~1"), loose);
        String index = Files.readString(dir.resolve("index.html"));
        assertTrue(index.indexOf(HAZARD_PAGE) < index.indexOf("req_7eloose_7e1.html"), "hazards come first");
    }

    // [utest->dsn~trace.report.chains~1]
    @Test
    void aFailedTestsVerdictRollsUpToItsHazard() throws Exception {
        Path dir = chains("failing-test");
        String page = Files.readString(dir.resolve(HAZARD_PAGE));
        String hazard = page.substring(page.indexOf("id=\"i-haz_7ewrong_7e1\""));
        assertTrue(hazard.startsWith("id=\"i-haz_7ewrong_7e1\"") && hazard.substring(0, hazard.indexOf("</div>"))
                .contains("Rolled: <b class=\"failed\">FAILED</b>"), hazard);
        for (String level : List.of("sg_7esafe", "fsr_7edetect", "tsr_7echeck", "req_7earith", "dsn_7ealpha")) {
            String head = page.substring(page.indexOf("id=\"i-" + level));
            assertTrue(head.substring(0, head.indexOf("</div>")).contains("FAILED"), level + ": " + head);
        }
        String beta = page.substring(page.indexOf("id=\"i-dsn_7ebeta_7e1\""));
        assertTrue(beta.substring(0, beta.indexOf("</div>")).contains("verified"), "the sibling stays verified");
        String loose = Files.readString(dir.resolve("req_7eloose_7e1.html"));
        assertTrue(loose.contains("Rolled verdict <b class=\"passed\">verified</b>"), "the other chain stays verified");
        String index = Files.readString(dir.resolve("index.html"));
        assertTrue(index.contains("<td class=\"failed\">FAILED</td>"), index);
    }

    // [utest->dsn~trace.report.chains~1]
    @Test
    void everyItemHasAHomeAndTheWorstScoreBelowIsTheLowest() throws Exception {
        Path root = Fixture.prepare(tmp, "chain", "mutation-score");
        Trace t = Fixture.trace(root);
        ChainView v = ChainView.of(t);
        for (String id : t.items.keySet()) {
            assertTrue(v.home.containsKey(id), id);
        }
        double lowest = -1;
        for (var it : t.items.values()) {
            double s = it.mutationScore();
            if (s >= 0 && (lowest < 0 || s < lowest)) {
                lowest = s;
            }
        }
        assertTrue(lowest >= 0, "the fixture has scores");
        assertEquals(lowest, v.worst.get("haz~wrong~1")[2]);
        assertEquals(List.of("haz~wrong~1", "req~loose~1"), v.roots);
        assertEquals(ChainReport.render(t), ChainReport.render(Fixture.trace(root)), "same input, same pages");
    }
}
