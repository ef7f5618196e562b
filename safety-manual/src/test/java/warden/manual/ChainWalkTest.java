package warden.manual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report checks on a real trace report: the trace engine's own fixture (a hazard down to two
 * design items, with Surefire, JaCoCo and PIT reports) traced by the engine in a JVM of its own,
 * then walked in Chromium; and the same report with one link of the chain broken at a time.
 */
class ChainWalkTest {
    private static final Path FIXTURES = Path.of("../traceability/src/test/resources/fixtures");

    @TempDir
    static Path tmp;
    private static DevTools browser;

    @BeforeAll
    static void start() {
        browser = DevTools.launch(Chromium.ensure(System.getProperty("warden.chromium", ""),
                tmp.resolve("apt-get.log")), tmp.resolve("work"));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    /** @return the report directory of the fixture traced into {@code tmp/name} */
    private static Path report(String name) throws IOException, InterruptedException {
        Path root = tmp.resolve(name);
        for (String part : List.of("good", "chain")) {
            Path from = FIXTURES.resolve(part);
            try (Stream<Path> files = Files.walk(from)) {
                for (Path p : files.filter(Files::isRegularFile).toList()) {
                    String rel = from.relativize(p).toString().replaceFirst("\\.java\\.txt$", ".java");
                    Files.createDirectories(root.resolve(rel).getParent());
                    Files.copy(p, root.resolve(rel), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        String cp = System.getProperty("java.class.path") + File.pathSeparator
                + System.getProperty("jdk.module.path", "");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", cp,
                "warden.trace.TraceMain", "--root", root.toString(), "--out", root.resolve("out").toString(), "--quiet")
                .redirectErrorStream(true).redirectOutput(root.resolve("trace.log").toFile()).start();
        assertTrue(p.waitFor(2, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), () -> read(root.resolve("trace.log")));
        return root.resolve("out");
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static void replace(Path file, String from, String to) throws IOException {
        String s = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(s.contains(from), () -> file + " has no " + from);
        Files.writeString(file, s.replace(from, to), StandardCharsets.UTF_8);
    }

    private static List<String> check(Path report) {
        BrowserCheck c = new BrowserCheck(browser);
        c.report(report);
        return c.finish();
    }

    // [utest->dsn~manual.browser-check~1]
    @Test
    void oneChainIsWalkedFromTheHazardToItsOwnMutationScoreAndBack() throws Exception {
        Path out = report("good");
        ChainWalk w = new ChainWalk(browser, out.resolve("chains/index.html").toUri().toString());
        assertEquals(List.of(), w.walk());
        assertEquals(List.of("haz~wrong~1", "sg~safe~1", "fsr~detect~1", "tsr~check~1", "req~arith~1", "dsn~alpha~1"),
                w.walked);
        assertEquals(List.of(), check(out));
    }

    // [utest->dsn~manual.browser-check~1]
    @Test
    void aTestIndexThatDoesNotLeadBackToTheItemIsAFinding() throws Exception {
        Path out = report("no-way-back");
        replace(out.resolve("chains/tests.html"), "<code>dsn~alpha~1</code></a>", "<code>dsn~alpha</code></a>");
        List<String> f = check(out);
        assertTrue(f.stream().anyMatch(x -> x.contains("tests.html#t-") && x.endsWith(
                ": the section the chain's Tests: link opens does not list dsn~alpha~1")), f::toString);
    }

    // [utest->dsn~manual.browser-check~1]
    @Test
    void aReportWhoseItemDoesNotLinkUpIsAFinding() throws Exception {
        Path out = report("no-way-up");
        replace(out.resolve("index.html"), "<dt>Covers (up)</dt>", "<dt>Covers</dt>");
        List<String> f = check(out);
        assertTrue(f.contains("the chain walk stopped: on " + out.resolve("index.html").toUri() + " nothing to "
                + "click: the link to req~arith~1 under \"Covers (up)\" in the section of dsn~alpha~1 is missing or "
                + "not shown"), f::toString);
    }

    // [utest->dsn~manual.browser-check~1]
    @Test
    void aChainWithoutAMutationScoreIsAFindingWhenTheReportHasMutationData() throws Exception {
        Path out = report("no-score");
        Path page = out.resolve("chains/haz_7ewrong_7e1.html");
        String s = Files.readString(page, StandardCharsets.UTF_8).replaceAll("own mutation score [0-9.]+ %",
                "own mutation score - ");
        Files.writeString(page, s, StandardCharsets.UTF_8);
        List<String> f = check(out);
        assertTrue(f.stream().anyMatch(x -> x.endsWith("chains/index.html: no hazard's chain reaches a Hazard, "
                + "Safety goal, Functional safety req., Technical safety req., Software req., Design path whose "
                + "design item shows code, tests, a verdict, a number for its line coverage and a number for its "
                + "own mutation score")), f::toString);
    }
}
