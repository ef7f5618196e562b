package warden.launcher.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import warden.emu.Engine;
import warden.emu.FaultModel;
import warden.emu.Faultable;
import warden.kernel.api.PartitionState;
import warden.launcher.config.DefaultSystem;
import warden.launcher.config.SystemDescription;

/** The golden image on an emulated board: written by the run, checked and copied by the kernel. */
class GoldenImageRunTest {
    private static final long RUN_NS = 200_000_000L;

    /** At 100 ms: optionally flips a byte of linux's golden image in the store, then crashes linux. */
    private static final class CorruptThenCrash implements Engine.Source {
        private final SystemRun run;
        private final boolean corrupt;
        private long at = 100_000_000L;

        CorruptThenCrash(SystemRun run, boolean corrupt) {
            this.run = run;
            this.corrupt = corrupt;
        }

        @Override
        public long nextEventNs() {
            return at;
        }

        @Override
        public void fire(long nowNs) {
            at = Long.MAX_VALUE;
            long store = run.image().imageStore(1);
            if (corrupt) {
                int b = run.board().platform().memory().readByte(store + 123);
                run.board().platform().memory().writeByte(store + 123, b ^ 0x04);
            }
            ((Faultable) run.executor(1, 0)).inject(FaultModel.CRASH, 0, nowNs);
        }
    }

    private static RunResult run(String target, boolean corrupt) throws SystemRun.BootRefused {
        SystemDescription d = DefaultSystem.load(target).description(); // x86: without its channels
        SystemRun r = new SystemRun(d, Targets.get(target), RUN_NS, 42, false);
        return r.boot(new CorruptThenCrash(r, corrupt)).run();
    }

    private static List<String> kinds(RunResult r, String partition) {
        return r.events().stream().filter(e -> partition.equals(e.partition())).map(RunResult.MonitorEvent::kind)
                .toList();
    }

    // [utest->dsn~config.image~1]
    // [utest->dsn~health.golden-image~1]
    @Test
    void aCrashWithASoundImageRestartsAndTheImageInTheStoreIsTheDescriptionsOnEveryTarget() throws Exception {
        for (String target : Targets.NAMES) {
            RunResult r = run(target, false);
            List<String> linux = kinds(r, "linux");
            assertTrue(linux.contains("partition-restarted") && linux.contains("partition-recovered"), target + " "
                    + linux);
            assertTrue(!linux.contains("image-corrupt"), target + " " + linux);
        }
    }

    // [utest->dsn~health.golden-image~1]
    @Test
    void aCrashWithACorruptedGoldenImageIsNotRestartedButStopped() throws Exception {
        RunResult r = run("riscv", true);
        List<String> linux = kinds(r, "linux");
        assertTrue(linux.contains("image-corrupt"), linux.toString());
        assertTrue(!linux.contains("partition-restarted"), linux.toString());
        assertTrue(linux.contains("partition-stopped"), "QM escalation is stop: " + linux);
        assertEquals(PartitionState.name(PartitionState.STOPPED), r.partitions().get(1).state());
        assertEquals(0, r.partitions().get(0).deadlineMisses(), "the rtos keeps running");
    }
}
