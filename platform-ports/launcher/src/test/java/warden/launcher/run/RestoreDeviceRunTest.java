package warden.launcher.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import warden.emu.Bus;
import warden.emu.Engine;
import warden.emu.FaultModel;
import warden.emu.Faultable;
import warden.emu.dev.can.CanController;
import warden.launcher.config.DescriptionLoader;
import warden.launcher.config.LoadResult;
import warden.launcher.config.SystemDescription;

/**
 * The default system on every target with the RTOS snapshotted at boot and healed by restore: just
 * before it hangs, its failing software takes its CAN controller off the bus, clears its interrupt
 * enables and opens a filter; the restore puts the controller back as it was at the snapshot.
 */
class RestoreDeviceRunTest {
    private static final long HANG_AT = 50_000_000L;
    private static final int[] REGISTERS = {CanController.CTRL, CanController.BTR, CanController.IE,
        CanController.FILTER, CanController.FILTER + 4};

    /** Reads can0's registers at HANG_AT - 2, scrambles them at HANG_AT - 1, hangs the RTOS at HANG_AT. */
    private static final class Scramble implements Engine.Source {
        private final SystemRun run;
        private final long can0;
        private final long[] before = new long[REGISTERS.length];
        private long at = HANG_AT - 2;

        Scramble(SystemRun run, long can0) {
            this.run = run;
            this.can0 = can0;
        }

        @Override public long nextEventNs() { return at; }

        @Override
        public void fire(long nowNs) {
            Bus bus = run.board().bus();
            if (at == HANG_AT - 2) {
                for (int i = 0; i < REGISTERS.length; i++) {
                    before[i] = read(bus, can0 + REGISTERS[i], nowNs);
                }
            } else if (at == HANG_AT - 1) {
                bus.write(can0 + CanController.CTRL, 4, CanController.CTRL_INIT, nowNs);
                bus.write(can0 + CanController.BTR, 4, 0x0003_0001, nowNs);
                bus.write(can0 + CanController.FILTER, 4, CanController.FILTER_ENABLE, nowNs);
                bus.write(can0 + CanController.FILTER + 4, 4, 0, nowNs);
                bus.write(can0 + CanController.IE, 4, 0, nowNs);
            } else {
                ((Faultable) run.executor(0, 0)).inject(FaultModel.HANG, 0, nowNs);
            }
            at = at == HANG_AT ? Long.MAX_VALUE : at + 1;
        }
    }

    private static long read(Bus bus, long address, long nowNs) {
        assertEquals(Bus.OK, bus.read(address, 4, nowNs));
        return bus.lastValue();
    }

    // [utest->dsn~port.device-kept-state~1] [utest->dsn~can.kept-state~1]
    @Test
    void theRtosCanControllerComesBackAsItWasAtTheSnapshot() throws Exception {
        for (String target : List.of("riscv", "arm", "x86")) {
            LoadResult l = DescriptionLoader.parse(RestoreRunTest.restoring(target), "restore.yaml");
            assertTrue(l.problems().isEmpty(), l.problems().toString());
            SystemDescription d = l.description();
            long can0 = Targets.get(target).description().device("can0").base();
            SystemRun run = new SystemRun(d, Targets.get(target), 100_000_000L, 42, false);
            Scramble s = new Scramble(run, can0);
            RunResult r = run.boot(s).run();
            assertEquals(1, r.events().stream().filter(e -> e.kind().equals("partition-restored")).count(),
                    target + " " + r.events());
            long now = 100_000_000L;
            long[] after = new long[REGISTERS.length];
            for (int i = 0; i < REGISTERS.length; i++) {
                after[i] = read(run.board().bus(), can0 + REGISTERS[i], now);
            }
            assertEquals(java.util.Arrays.toString(s.before), java.util.Arrays.toString(after), target);
            assertNotEquals(0x0003_0001L, after[1], target + ": the scrambled bit timing is gone");
        }
    }
}
