package warden.verification.rules;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import warden.launcher.config.DefaultSystem;
import warden.launcher.run.RunResult;
import warden.launcher.run.SystemRun;
import warden.launcher.run.Targets;

/**
 * Soak run of the whole emulated default system under Epsilon GC (no collection at all) with a
 * small heap: it completes, its checks hold, and the heap it used is published
 * ({@code epsilon-soak.txt}). Run by the surefire execution epsilon-soak (argLine in
 * verification/pom.xml); in any other JVM it still runs, and says which collector it had.
 */
@Tag("epsilon")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EpsilonSoakTest {
    static final long SECONDS = 2;

    // [utest->dsn~rj.runtime-zero-alloc~1]
    @Test
    void the_default_system_runs_two_seconds_of_virtual_time_without_a_garbage_collector() throws Exception {
        String gcs = "";
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcs += gc.getName() + " ";
        }
        SystemRun run = new SystemRun(DefaultSystem.load().description(), Targets.get("riscv"),
                SECONDS * 1_000_000_000L, 42, false).boot();
        RunResult r = run.run();
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        String text = "riscv default system, " + SECONDS + " s virtual, collectors [" + gcs.trim() + "], max heap "
                + heap.getMax() / (1024 * 1024) + " MiB: heap used at end " + heap.getUsed() / 1024 + " KiB, passed "
                + r.passed() + ", engine steps " + run.engine().steps() + "\n";
        System.out.print(text);
        for (RunResult.Check c : r.checks()) {
            text += "  check " + c.name() + ": " + (c.passed() ? "ok" : "FAILED") + " (" + c.detail() + ")\n";
        }
        Rules.write("epsilon-soak.txt", text);
        assertTrue(run.engine().steps() > 0, "the engine ran");
        assertTrue(r.checks().stream().filter(c -> c.name().startsWith("critical-")).allMatch(RunResult.Check::passed),
                "the critical partitions' checks hold: " + r.checks());
    }
}
