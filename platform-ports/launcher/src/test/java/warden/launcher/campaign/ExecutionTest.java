package warden.launcher.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import warden.launcher.config.DefaultSystem;
import warden.launcher.config.SystemDescription;
import warden.launcher.run.Targets;

class ExecutionTest {
    private static final long RUN_NS = 30_000_000L;

    private static Campaign campaign() throws Exception {
        SystemDescription d = DefaultSystem.load().description();
        return new Campaign(d, Targets.get("riscv"), 5, RUN_NS);
    }

    /** Lines written to the stream, each with the time it was written. */
    private static final class TimedLines extends PrintStream {
        final List<Long> times = new ArrayList<>();
        final List<String> lines = new ArrayList<>();

        TimedLines() {
            super(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        }

        @Override
        public PrintStream printf(String format, Object... args) {
            times.add(System.nanoTime());
            lines.add(String.format(format, args).trim());
            return this;
        }
    }

    // [utest->dsn~campaign.bounded~1]
    @Test
    void aCampaignOfTenMillionFaultsStartsAtOnceWithAFewRunsInFlight() throws Exception {
        Campaign c = campaign();
        List<RunOutcome> got = new ArrayList<>();
        Execution e = new Execution(c, 10_000_000, 0, 1, 2);
        boolean complete = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> e.run(got::add, () -> got.size() >= 6), "no queue of ten million runs is built first");
        assertFalse(complete);
        assertTrue(got.size() >= 6, "" + got.size());
        assertTrue(e.maxInFlight() <= 4, "at most two runs per worker at once: " + e.maxInFlight());
        for (RunOutcome o : got.subList(0, 3)) {
            assertEquals(c.runOne(o.index()), o, "run " + o.index() + " is the run the seed and its index make");
        }
    }

    // [utest->dsn~campaign.progress~1]
    @Test
    void progressLinesComeEveryTwoSecondsWithRateAndTimeLeft() throws Exception {
        Campaign c = campaign();
        TimedLines err = new TimedLines();
        long start = System.nanoTime();
        List<RunOutcome> got = new ArrayList<>();
        new Execution(c, 1_000_000, 0, 1, 1).progress(err).run(got::add, () -> System.nanoTime() - start > 7e9);
        assertTrue(err.lines.size() >= 3, "at least three lines in 7 s: " + err.lines);
        Pattern line = Pattern.compile(
                "campaign: (\\d+)/1000000 runs, [0-9.]+ s, ([0-9.]+) runs/s, time left (\\d+ s|unknown)");
        long previous = start;
        for (int i = 0; i < err.lines.size(); i++) {
            Matcher m = line.matcher(err.lines.get(i));
            assertTrue(m.matches(), err.lines.get(i));
            long gap = err.times.get(i) - previous;
            assertTrue(gap < 4e9, "a line at least every few seconds: " + gap / 1e9 + " s before " + err.lines.get(i));
            previous = err.times.get(i);
        }
        Matcher last = line.matcher(err.lines.get(err.lines.size() - 1));
        assertTrue(last.matches());
        assertEquals(got.size(), Integer.parseInt(last.group(1)), "the last line counts every run done");
        double rate = Double.parseDouble(last.group(2));
        assertTrue(rate > 0, last.group());
        assertTrue(got.size() > 0, "runs were done in 7 s");
        long left = Long.parseLong(last.group(3).replace(" s", ""));
        double remaining = 1_000_000 - got.size();
        assertTrue(rate > 0.005 && left >= remaining / (rate + 0.005) - 1 && left <= remaining / (rate - 0.005) + 1,
                "time left is what is left at that rate (printed to 0.01 runs/s): " + last.group());
    }

    // [utest->dsn~campaign.resume~1]
    @Test
    void runsAlreadyDoneAreSkipped() throws Exception {
        Campaign c = campaign();
        List<RunOutcome> got = new ArrayList<>();
        Execution e = new Execution(c, 9, 1, 2, 1).skipping(Set.of(1, 5, 6));
        assertTrue(e.run(got::add, () -> false));
        assertEquals(List.of(3, 7), got.stream().map(RunOutcome::index).sorted().toList());
        assertEquals(4, e.sliceSize());
    }
}
