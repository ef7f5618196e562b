package warden.trace.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark: 20,000 synthetic items traced in this JVM with every link, verdict and mutant,
 * and the cold mode, which runs the command line in fresh processes. No timing is asserted: the
 * figures are the benchmark's output (README, traceability section), not a unit test's verdict.
 */
class BenchTest {
    @TempDir
    Path tmp;

    // [utest->dsn~trace.bench~1]
    @Test
    void twentyThousandItemsAreTracedWithEveryTagVerdictAndMutant() throws Exception {
        TraceBench.Result r = TraceBench.run(tmp, 20_000, 1, true, System.out);
        System.out.printf("bench: %s%n", r);
        assertEquals(20_000, r.items());
        assertEquals(30_000, r.tags());
        assertEquals(30_000, r.mutants());
        assertEquals(0, r.errors());
        assertEquals(0, r.findings());
        assertTrue(Files.size(tmp.resolve("out/index.html")) > 1_000_000, "the HTML report of 20,000 items");
    }

    // [utest->dsn~trace.bench.cold~1]
    @Test
    void theColdModeRunsTheCommandLineInFreshProcessesTakingTurns() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        List<TraceBench.Timed> timed = TraceBench.cold(tmp, 200, 2, null,
                new PrintStream(log, true, StandardCharsets.UTF_8));
        String out = log.toString(StandardCharsets.UTF_8);
        assertEquals(3, timed.size(), out);
        for (TraceBench.Timed t : timed) {
            assertEquals(List.of(0, 0), t.exits(), t.name() + ": " + out);
            assertEquals(2, t.ms().size());
            assertTrue(t.best() > 0 && t.best() <= t.median(), t.toString());
            assertTrue(out.contains(t.name()), out);
        }
        assertTrue(timed.get(0).command().containsAll(TraceBench.COLD_FLAGS), timed.get(0).command().toString());
        assertTrue(Files.isRegularFile(tmp.resolve("out/index.html")), "the reports run wrote its reports");
        assertTrue(Files.readString(tmp.resolve("bench-0.log")).contains("Trace gates: passed"));
    }
}
