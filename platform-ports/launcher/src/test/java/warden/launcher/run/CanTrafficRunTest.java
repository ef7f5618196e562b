package warden.launcher.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import warden.emu.DeviceSpec;
import warden.emu.dev.can.CanBus;
import warden.emu.dev.can.CanController;
import warden.emu.guest.CanDriver;
import warden.emu.guest.ProbeGuest;
import warden.emu.guest.RtosGuest;
import warden.launcher.config.DefaultSystem;
import warden.launcher.config.DescriptionLoader;
import warden.launcher.config.DescriptionValidator;
import warden.launcher.config.LoadResult;
import warden.launcher.config.SystemDescription;

/**
 * On every target, can0's interrupts come from CAN frames: a stimulus node on can0's bus sends
 * them, the board's controller stores them and raises its line, and the RTOS's driver pops each one
 * and acknowledges the interrupt through its own MMIO window; a partition that does not own the
 * controller faults on the window (on x86 outside SMM SMRR drops its accesses and the monitor logs
 * them, without a fault in the guest) and changes nothing in it.
 */
class CanTrafficRunTest {
    private static final List<String> TARGETS = List.of("riscv", "arm", "x86");
    private static final long RUN_NS = 50_000_000L;
    /** Releases at 2, 4, ..., 48 ms; the one at 2 ms waits on the bus until the RTOS's driver joins. */
    private static final long FRAMES = 24;

    private static SystemRun booted(SystemDescription d, String target) throws SystemRun.BootRefused {
        return new SystemRun(d, Targets.get(target), RUN_NS, 42, false).boot();
    }

    // [utest->dsn~can.board-wiring~1]
    // [utest->dsn~run.can-traffic~1]
    // [utest->dsn~emu.guest.can-driver~1]
    @Test
    void theDefaultSystemsCanInterruptsAreFramesTheRtosDriverTakesAndAcknowledges() throws Exception {
        for (String target : TARGETS) {
            SystemRun run = booted(DefaultSystem.load(target).description(), target);
            RunResult r = run.run();
            CanBus bus = run.board().can().bus("can0");
            CanController c = run.board().can().controller("can0");
            RtosGuest rtos = (RtosGuest) run.executor(0, 0);
            CanDriver driver = rtos.canDriver();
            int line = c.line();
            assertEquals(FRAMES, bus.frames(), target);
            assertEquals(FRAMES, c.receivedFrames(), target);
            assertEquals(FRAMES, driver.frames(), target);
            assertEquals(FRAMES, driver.acks(), target);
            assertEquals(FRAMES, rtos.isrHandled(), target);
            assertEquals(FRAMES, run.irqStats().raisedCount(line), target);
            assertEquals(FRAMES, run.irqStats().deliveredCount(line), target);
            assertEquals(0x120, driver.lastId(), target);
            assertEquals(0, driver.faults(), target);
            assertEquals(0, CanProbe.rd(c, CanController.RXSTAT) & 0xFF, target + ": the FIFO is drained");
            assertEquals(0, CanProbe.rd(c, CanController.IR), target + ": RXNE acknowledged, no error flag");
            assertEquals(0, c.tec() + c.rec(), target);
            assertNull(run.board().can().bus("nic0"), target);
            assertTrue(r.checks().stream().allMatch(RunResult.Check::passed), target + " " + r.checks());
        }
    }

    // [utest->dsn~run.can-traffic~1]
    @Test
    void theSameSeedGivesTheSameRunWithCanTrafficOnEveryTarget() throws Exception {
        for (String target : TARGETS) {
            SystemDescription d = DefaultSystem.load(target).description();
            assertEquals(booted(d, target).run(), booted(d, target).run(), target);
        }
    }

    // [utest->dsn~can.board-wiring~1]
    @Test
    void aPartitionThatDoesNotOwnTheControllerFaultsOnItsWindowAndChangesNothing() throws Exception {
        for (String target : TARGETS) {
            DeviceSpec can0 = Targets.get(target).description().device("can0");
            LoadResult l = DescriptionLoader.parse(CanProbe.system(target, can0.base()), "can-probe.yaml");
            assertTrue(l.problems().isEmpty(), target + " " + l.problems());
            assertEquals(List.of(), DescriptionValidator.validate(l.description(), Targets.get(target)), target);
            SystemRun run = booted(l.description(), target);
            run.run();
            ProbeGuest probe = (ProbeGuest) run.executor(1, 1);
            assertNotNull(probe, target);
            // x86 outside SMM: SMRR drops the writes and reads all ones; the guest sees no fault (the
            // x86 limit), the monitor still logs each access
            int expected = target.equals("x86") ? ProbeGuest.ALLOWED : ProbeGuest.DENIED;
            for (int i = 0; i < probe.count(); i++) {
                assertEquals(expected, probe.outcome(i), target + " access " + i);
            }
            CanController c = run.board().can().controller("can0");
            assertEquals(0, CanProbe.rd(c, CanController.CTRL), target + ": still on the bus");
            assertEquals(CanController.IR_RXNE, CanProbe.rd(c, CanController.IE), target);
            RtosGuest rtos = (RtosGuest) run.executor(0, 0);
            assertEquals(c.receivedFrames(), rtos.canDriver().frames(), target);
            assertTrue(c.receivedFrames() > 0, target);
            assertEquals(0x123, rtos.canDriver().lastId(), target);
            assertEquals(probe.count(), run.monitor().counter(warden.kernel.api.Counter.ACCESS_FAULTS),
                    target + ": the monitor logged each access");
        }
    }

    /** The probe system and register reads. */
    static final class CanProbe {
        private CanProbe() {
        }

        static int rd(CanController c, int offset) {
            return (int) c.read(offset, 4, 0);
        }

        private static String access(long address, String kind) {
            return "        - {address: 0x" + Long.toHexString(address) + ", size: 4, access: " + kind + "}\n";
        }

        /** An RTOS owning can0 on core 0 and a QM probe on core 1 that writes CTRL and RXPOP and reads RXSTAT. */
        static String system(String target, long can0) {
            return "target: " + target + "\n"
                    + "partitions:\n"
                    + "  - name: rtos\n"
                    + "    criticality: ASIL-C\n"
                    + "    cores: [0]\n"
                    + "    memory:\n"
                    + "      - {name: ram, base: 0x80400000, size: 4MiB, access: rwx}\n"
                    + "    devices: [uart1, can0]\n"
                    + "    workload:\n"
                    + "      kind: rtos\n"
                    + "      boot: 1ms\n"
                    + "      tick: 1ms\n"
                    + "      tasks:\n"
                    + "        - {name: control, period: 1ms, wcet: 150us}\n"
                    + "      isr: {device: can0, work: 20us}\n"
                    + "  - name: probe\n"
                    + "    criticality: QM\n"
                    + "    cores: [1]\n"
                    + "    memory:\n"
                    + "      - {name: data, base: 0x88100000, size: 64KiB, access: rwx}\n"
                    + "    workload:\n"
                    + "      kind: probe\n"
                    + "      start: 5ms\n"
                    + "      accesses:\n"
                    + access(can0 + CanController.CTRL, "write")
                    + access(can0 + CanController.RXPOP, "write")
                    + access(can0 + CanController.RXSTAT, "read")
                    + "devices:\n"
                    + "  - {name: can0, period: 2ms, id: 0x123}\n";
        }
    }
}
