package warden.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import warden.launcher.config.DefaultSystem;
import warden.launcher.config.DescriptionLoader;
import warden.launcher.config.DescriptionValidator;
import warden.launcher.config.LoadResult;
import warden.launcher.config.Problem;
import warden.launcher.config.SystemDescription;
import warden.launcher.run.RunResult;
import warden.launcher.run.SystemRun;
import warden.launcher.run.Targets;
import warden.x86.X86Machine;
import warden.x86.X86Target;

/**
 * The system scenarios on x86 (SMM + SMRR, no VT-x): the default system runs and passes its
 * checks; the probe's denied accesses are dropped or answered with the fixed value and logged;
 * the same seed gives the same run; a description asking for isolation x86 cannot give is refused.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class X86ScenarioTest {
    private static SystemDescription valid(LoadResult r) {
        assertTrue(r.ok(), r.problems().toString());
        List<Problem> problems = DescriptionValidator.validate(r.description(), new X86Target());
        assertEquals(List.of(), problems);
        return r.description();
    }

    private static SystemRun run(SystemDescription d, long seed) {
        try {
            SystemRun run = new SystemRun(d, Targets.get("x86"), d.run().durationNs(), seed, false).boot();
            run.run();
            return run;
        } catch (SystemRun.BootRefused e) {
            throw new AssertionError(e);
        }
    }

    // [utest->dsn~x86.metrics~1]
    // [utest->dsn~x86.port~1]
    @Test
    void the_run_report_gives_the_rich_os_stall_per_smi_on_every_core_and_the_safety_tick_lateness() {
        RunResult r = result(valid(DefaultSystem.load("x86")), 42);
        for (int c = 0; c < 4; c++) {
            int core = c;
            var stall = r.targetMetrics().stream().filter(m -> m.name().equals("smi-stall") && m.core() == core)
                    .findFirst().orElseThrow();
            assertTrue(stall.count() > 50 && stall.minNs() > 0 && stall.maxNs() < 100_000, stall.toString());
        }
        var tick = r.targetMetrics().stream().filter(m -> m.name().equals("safety-tick-latency")).findFirst()
                .orElseThrow();
        assertTrue(tick.count() > 50 && tick.maxNs() >= tick.minNs(), tick.toString());
        String json = warden.launcher.report.RunReportJson.write(r);
        assertTrue(json.contains("\"name\": \"smi-stall\""), json);
    }

    private static RunResult result(SystemDescription d, long seed) {
        try {
            return new SystemRun(d, Targets.get("x86"), d.run().durationNs(), seed, false).boot().run();
        } catch (SystemRun.BootRefused e) {
            throw new AssertionError(e);
        }
    }

    // [utest->dsn~x86.port~1]
    @Test
    void the_default_system_passes_every_check_on_x86_and_every_core_stalls_per_smi() {
        SystemDescription d = valid(DefaultSystem.load("x86"));
        RunResult r = result(d, d.run().seed());
        assertTrue(r.passed(), r.checks().toString());
        assertEquals("x86", r.target());
        X86Machine m = (X86Machine) run(d, d.run().seed()).board();
        assertTrue(m.smiCount() > 0);
        for (int c = 0; c < 4; c++) {
            assertTrue(m.stalls().count(c) > 0, "core " + c);
            assertTrue(m.stalls().maxNs(c) < 100_000, "published guidance: SMI latency above ~100 us is bad");
        }
        assertTrue(m.tickLatency().count(0) > 50, "the safety partition's ticks arrive through the SMI timer");
    }

    // [utest->dsn~run.probe-dropped~1]
    // [utest->dsn~x86.isolation-rules~1]
    // [utest->dsn~x86.port~1]
    @Test
    void denied_probe_accesses_are_dropped_or_read_all_ones_and_the_kernel_logs_each() {
        SystemDescription d = valid(DescriptionLoader.load(Systems.fixture("x86-probe.yaml")));
        RunResult r = result(d, d.run().seed());
        assertEquals(9, r.probes().size());
        for (RunResult.ProbeResult p : r.probes()) {
            if (p.expected().equals("allowed")) {
                assertEquals("allowed", p.outcome(), p.toString());
                continue;
            }
            boolean logged = r.violations().stream().anyMatch(v -> v.kind().equals("access-violation")
                    && "probe".equals(v.partition()) && v.address() == p.address());
            assertTrue(logged, "the kernel logged the denial: " + p);
            assertEquals("denied", p.outcome(), "the report shows the denial: " + p);
            assertTrue(p.asExpected(), p.toString());
        }
        assertFalse(r.probes().stream().anyMatch(p -> p.address() == 0xC000_1000L && !p.outcome().equals("allowed")),
                "outside SMRAM nothing stops the rich OS (uart2 is its own here)");
    }

    // [utest->dsn~x86.port~1]
    @Test
    void the_same_seed_gives_the_same_run_and_another_seed_another() {
        SystemDescription d = valid(DefaultSystem.load("x86"));
        RunResult a = result(d, 42);
        RunResult b = result(d, 42);
        assertEquals(a, b);
        assertNotEquals(a, result(d, 43));
    }

    // [utest->dsn~config.check.isolation~2]
    // [utest->dsn~x86.isolation-rules~1]
    // [utest->dsn~x86.port~1]
    @Test
    void two_non_critical_partitions_are_refused_with_a_located_error() {
        LoadResult r = DescriptionLoader.load(Systems.fixture("x86-two-rich.yaml"));
        assertTrue(r.ok(), r.problems().toString());
        List<Problem> problems = DescriptionValidator.validate(r.description(), new X86Target());
        assertEquals(1, problems.size(), problems.toString());
        Problem p = problems.get(0);
        assertEquals("partitions[2].criticality", p.path());
        assertTrue(p.message().contains("cannot keep non-critical partitions 'linux' and 'other' apart"), p.message());
        assertTrue(p.line() > 0);
    }

    /**
     * Regression: seed 42, ~553 ms. The rich OS's OUT 0B2h (SET_TIMER) raised an SMI whose handler ran
     * past the safety partition's SMI-timer deadline, so the same SMI took the tick and switched the
     * core to the RTOS in SMM; the rich OS's model then issued its next call (YIELD), which the monitor
     * took as the RTOS's: the RTOS yielded with its tick unseen, missed a 1 ms deadline and was restarted.
     */
    // [utest->dsn~x86.port~1]
    @Test
    void a_one_second_default_system_run_with_seed_42_meets_every_critical_deadline() {
        SystemDescription d = valid(DefaultSystem.load("x86"));
        RunResult r;
        try {
            r = new SystemRun(d, Targets.get("x86"), 1_000_000_000L, 42, false).boot().run();
        } catch (SystemRun.BootRefused e) {
            throw new AssertionError(e);
        }
        RunResult.PartitionResult rtos = Systems.partition(r, "rtos");
        assertEquals(0, rtos.deadlineMisses(), rtos.toString());
        assertEquals(0, rtos.restarts(), r.events().toString());
        assertFalse(r.events().stream().anyMatch(e -> "failure-detected".equals(e.kind())), r.events().toString());
        assertTrue(r.passed(), r.checks().toString());
    }

    /**
     * Regression: a QM line raised twice before the rich OS (or the monitor, while the RTOS ran)
     * took the first was merged into its single IRR bit in the local APIC, so one raise was neither
     * delivered nor held (seeds 1, 3, 4, 5 lost 1-2 nic0 interrupts). Each merged raise is now counted
     * and requested again when the vector leaves the IRR.
     */
    // [utest->dsn~x86.port~1]
    @Test
    void a_two_second_default_system_run_loses_no_interrupt_for_seeds_1_to_5() {
        SystemDescription d = valid(DefaultSystem.load("x86"));
        for (long seed = 1; seed <= 5; seed++) {
            RunResult r;
            try {
                r = new SystemRun(d, Targets.get("x86"), 2_000_000_000L, seed, false).boot().run();
            } catch (SystemRun.BootRefused e) {
                throw new AssertionError(e);
            }
            RunResult.Check lost = r.checks().stream().filter(c -> c.name().equals("no-interrupt-lost"))
                    .findFirst().orElseThrow();
            assertTrue(lost.passed(), "seed " + seed + ": " + lost);
        }
    }
}
