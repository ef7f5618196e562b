package warden.launcher.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import warden.emu.Engine;
import warden.emu.FaultModel;
import warden.emu.Faultable;
import warden.emu.guest.RtosGuest;
import warden.kernel.api.RestorePoint;
import warden.launcher.config.DefaultSystem;
import warden.launcher.config.DescriptionLoader;
import warden.launcher.config.DescriptionValidator;
import warden.launcher.config.LoadResult;
import warden.launcher.config.SystemDescription;

/**
 * The default system on every target with the RTOS snapshotted at boot and healed by restore: it
 * hangs at 50 ms, its watchdog detects it, the monitor restores it from the boot snapshot (pages
 * written since, contexts, the guest's kept state), and it runs again without booting; with a
 * corrupted snapshot store it is restarted from its golden image instead.
 */
class RestoreRunTest {
    private static final long HANG_AT = 50_000_000L;

    /** Hangs the RTOS (partition 0, core 0) at HANG_AT. */
    private static final class Hang implements Engine.Source {
        private final SystemRun run;
        private long at = HANG_AT;

        Hang(SystemRun run) {
            this.run = run;
        }

        @Override public long nextEventNs() { return at; }

        @Override
        public void fire(long nowNs) {
            ((Faultable) run.executor(0, 0)).inject(FaultModel.HANG, 0, nowNs);
            at = Long.MAX_VALUE;
        }
    }

    /**
     * Just before the hang, on riscv: writes the RTOS's first page (so a restore must copy it back)
     * and flips a bit of that page in the store (the RTOS's snapshot is the store's first).
     */
    private static final class Corrupt implements Engine.Source {
        private final SystemRun run;
        private long at = HANG_AT - 1;

        Corrupt(SystemRun run) {
            this.run = run;
        }

        @Override public long nextEventNs() { return at; }

        @Override
        public void fire(long nowNs) {
            warden.riscv.RiscvMachine m = (warden.riscv.RiscvMachine) run.board();
            m.bus().writeRamByte(0x8040_0000L + 100, 0x5A);
            m.snapshotStore().store().writeByte(7, m.snapshotStore().store().readByte(7) ^ 0x40);
            at = Long.MAX_VALUE;
        }
    }

    static String restoring(String target) {
        return DefaultSystem.text(target).replace(
                "    health: {bootTimeout: 10ms, faultLimit: 8, window: 1s, restarts: 3, escalate: safe-state}\n",
                "    health: {bootTimeout: 10ms, faultLimit: 8, window: 1s, restarts: 3, onFailure: restore,"
                        + " escalate: safe-state}\n    snapshot: {at: [boot]}\n");
    }

    static SystemRun boot(String text, String target) throws Exception {
        return boot(text, target, false);
    }

    static SystemRun boot(String text, String target, boolean corrupt) throws Exception {
        LoadResult l = DescriptionLoader.parse(text, "restore.yaml");
        assertTrue(l.problems().isEmpty(), l.problems().toString());
        SystemDescription d = l.description();
        assertEquals(List.of(), DescriptionValidator.validate(d, Targets.get(target)), target);
        SystemRun run = new SystemRun(d, Targets.get(target), 100_000_000L, 42, false);
        return corrupt ? run.boot(new Hang(run), new Corrupt(run)) : run.boot(new Hang(run));
    }

    private static List<RunResult.MonitorEvent> events(RunResult r, String kind) {
        return r.events().stream().filter(e -> e.kind().equals(kind)).toList();
    }

    // [utest->dsn~kernel.snapshot.restore~1]
    // [utest->dsn~port.snapshot-store~1]
    // [utest->dsn~emu.kept-state~1]
    @Test
    void aHungRtosIsRestoredFromItsBootSnapshotOnEveryTarget() throws Exception {
        for (String target : List.of("riscv", "arm", "x86")) {
            SystemRun run = boot(restoring(target), target);
            RunResult r = run.run();
            assertEquals(1, events(r, "snapshot-taken").size(), target + ": the boot snapshot");
            assertEquals(1, events(r, "partition-restored").size(), target + " " + r.events());
            assertEquals(0, events(r, "partition-restarted").size(), target);
            assertEquals(1, events(r, "partition-recovered").size(), target + ": it sent a heartbeat again");
            assertEquals(1, run.monitor().snapshotStat(0, RestorePoint.RESTORES), target);
            assertTrue(run.monitor().snapshotStat(0, RestorePoint.RESTORE_NS) > 0, target + ": time charged");
            RtosGuest rtos = (RtosGuest) run.executor(0, 0);
            assertTrue(rtos.booted(), target);
            assertTrue(rtos.jobs(0) > 90, target + ": the control task runs after the restore: " + rtos.jobs(0));
        }
    }

    // [utest->dsn~kernel.snapshot.fallback~1]
    @Test
    void aCorruptedStoreMakesTheHealingARestartFromTheGoldenImage() throws Exception {
        SystemRun run = boot(restoring("riscv"), "riscv", true);
        RunResult r = run.run();
        assertEquals(1, events(r, "snapshot-corrupt").size(), r.events().toString());
        assertEquals(1, events(r, "partition-restarted").size());
        assertEquals(0, events(r, "partition-restored").size());
    }
}
