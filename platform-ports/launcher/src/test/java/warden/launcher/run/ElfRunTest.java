package warden.launcher.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import warden.launcher.config.DescriptionLoader;
import warden.launcher.config.LoadResult;

/** The documented {@code kind: elf} examples, run as {@code ./warden run} runs them. */
class ElfRunTest {
    static final Path EXAMPLES = Path.of("../../docs/examples");

    static RunResult run(String file) throws Exception {
        LoadResult l = DescriptionLoader.load(EXAMPLES.resolve(file));
        assertTrue(l.ok(), l.problems().toString());
        return new SystemRun(l.description(), Targets.get("riscv"), 100_000_000L, 42, false).boot().run();
    }

    // [utest->dsn~run.elf~1]
    // [utest->dsn~riscv.elf.executor~1]
    @Test
    void theRealBinaryBootsHeartbeatsOnItsSbiTimerAndEveryCheckHolds() throws Exception {
        RunResult r = run("riscv-elf.yaml");
        RunResult.PartitionResult g = r.partitions().get(0);
        assertEquals("elf", g.workload());
        assertTrue(g.bootTimeNs() > 0 && g.bootTimeNs() < 10_000_000L, "booted within 10 ms: " + g.bootTimeNs());
        assertEquals(0, g.restarts(), "its 5 ms watchdog never fired: a heartbeat on every 1 ms timer interrupt");
        assertTrue(r.console().stream().anyMatch(c -> c.partition().equals("sbi-guest")
                && c.text().equals("sbi-guest: hart 0 up")), r.console().toString());
        assertTrue(r.passed(), r.checks().toString());
        assertEquals(r.toString(), run("riscv-elf.yaml").toString(), "deterministic");
    }

    // [utest->dsn~run.elf~1]
    // [utest->dsn~riscv.sbi.redirect~1]
    @Test
    void theCrasherIsRestartedByTheMonitorAfterEachRealIllegalInstruction() throws Exception {
        RunResult r = run("riscv-elf-crash.yaml");
        List<RunResult.MonitorEvent> crasher = r.events().stream().filter(e -> "crasher".equals(e.partition()))
                .toList();
        long crashes = crasher.stream().filter(e -> e.kind().equals("failure-detected")
                && e.detail().startsWith("crash")).count();
        assertEquals(33, crashes, "one crash every 3 ms of a 100 ms run: " + crasher);
        assertEquals(33, r.partitions().get(0).restarts());
        assertEquals(33, r.counters().stream().filter(c -> c.name().equals("illegalInstructions")).findFirst()
                .orElseThrow().value(), "each one an illegal-instruction trap the kernel counted: " + r.counters());
        long boots = r.console().stream().filter(c -> c.text().equals("sbi-guest: hart 0 up")).count();
        assertEquals(34, boots, "the binary and its device tree reloaded each time");
        assertTrue(r.passed(), r.checks().toString());
    }
}
