package warden.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import warden.kernel.api.Access;
import warden.kernel.api.Criticality;
import warden.kernel.api.Monitor;
import warden.kernel.api.MonitorCall;
import warden.kernel.api.PartitionState;
import warden.kernel.api.Status;
import warden.kernel.api.SystemImage;
import warden.kernel.api.SystemImageBuilder;
import warden.kernel.port.Console;
import warden.kernel.port.CpuContext;
import warden.kernel.port.GuestMemory;
import warden.kernel.port.InterruptController;
import warden.kernel.port.Platform;
import warden.kernel.port.ProtectionUnit;
import warden.kernel.port.Timer;

/**
 * What boot asks of the port, exactly: the monitor reserved first, one slot per partition, every
 * owned line routed with its core, priority and criticality, each vCPU's first context at its
 * entry point; and a port error at any step ends boot with that error, nothing sealed.
 */
class KernelBootProgramsTest {
    /** Records routes and protection calls; fails the route of one line or one protection step. */
    private static final class Port implements Platform, InterruptController, ProtectionUnit {
        final FakePlatform fake = new FakePlatform(2);
        final List<String> calls = new ArrayList<>();
        int failLine;
        String failStep = "";

        @Override public String targetName() { return "boot-port"; }
        @Override public int coreCount() { return fake.coreCount(); }
        @Override public CpuContext cpu() { return fake; }
        @Override public ProtectionUnit protection() { return this; }
        @Override public InterruptController interrupts() { return this; }
        @Override public Timer timer() { return fake; }
        @Override public Console console() { return fake; }
        @Override public GuestMemory memory() { return fake; }
        @Override public warden.kernel.port.SignatureEngine signatures() { return fake.signatures(); }
        @Override public warden.kernel.port.SnapshotStore snapshots() { return fake; }
        @Override public int lineCount() { return fake.lineCount(); }

        @Override
        public int route(int line, int core, int priority, boolean critical) {
            calls.add("route " + line + " core " + core + " prio " + priority + (critical ? " critical" : ""));
            return line == failLine ? Status.FAILED : fake.route(line, core, priority, critical);
        }

        @Override public int claim(int core) { return fake.claim(core); }
        @Override public void complete(int core, int line) { fake.complete(core, line); }
        @Override public int setEnabled(int line, boolean enabled) { return fake.setEnabled(line, enabled); }

        private int step(String s, int ok) {
            calls.add(s);
            return failStep.equals(s) ? Status.NO_SPACE : ok;
        }

        @Override
        public int protectMonitor(long base, long size) {
            return step("monitor", fake.protectMonitor(base, size));
        }

        @Override
        public int beginSlot(int slot) {
            return step("slot " + slot, fake.beginSlot(slot));
        }

        @Override
        public int addRegion(int slot, long base, long size, int perms) {
            return step("region " + slot + " " + Long.toHexString(base), fake.addRegion(slot, base, size, perms));
        }

        @Override public int activate(int core, int slot) { return fake.activate(core, slot); }
        @Override public int refusal() { return fake.refusal(); }
    }

    /** rtos (critical, core 0, lines 1 and 20) and linux (QM, cores 0-1, lines 30 and 127 on core 1). */
    private static SystemImage image() {
        SystemImageBuilder b = SystemImage.builder(2).monitor(Images.MON, 0x20_0000L);
        int rtos = b.partition("rtos", Criticality.ASIL_C, 0b01, Images.RTOS_RAM, 0, false);
        b.region(rtos, Images.RTOS_RAM, 0x40_0000L, Access.ALL);
        b.device(rtos, "can0", 0x1001_0000L, 0x1000);
        b.line(rtos, 1, 0, 3);
        b.line(rtos, Images.CAN_LINE, 0, 7);
        int linux = b.partition("linux", Criticality.QM, 0b11, Images.LINUX_RAM, 0, false);
        b.region(linux, Images.LINUX_RAM, 0x100_0000L, Access.ALL);
        b.line(linux, Images.NIC_LINE, 0, 1);
        b.line(linux, SystemImage.LINES_MAX - 1, 1, 2);
        return b.build();
    }

    // [utest->dsn~kernel.deny-by-default~1]
    // [utest->dsn~kernel.boot~1]
    @Test
    void bootReservesTheMonitorThenEachSlotThenRoutesEveryOwnedLine() {
        Port port = new Port();
        Monitor m = Warden.create(port);
        assertEquals(Status.OK, m.boot(image()));
        assertEquals(List.of("monitor", "slot 0", "region 0 80400000", "region 0 10010000", "slot 1",
                "region 1 81000000",
                "route 1 core 0 prio 3 critical", "route 20 core 0 prio 7 critical", "route 30 core 0 prio 1",
                "route 127 core 1 prio 2"), port.calls);
        assertTrue(m.sealed());
    }

    // [utest->dsn~kernel.boot~1]
    @Test
    void aFailedRouteEndsBootWithItsErrorAndRoutesNothingAfterIt() {
        Port port = new Port();
        port.failLine = Images.CAN_LINE;
        Monitor m = Warden.create(port);
        assertEquals(Status.FAILED, m.boot(image()));
        assertEquals("route 20 core 0 prio 7 critical", port.calls.get(port.calls.size() - 1));
        assertFalse(m.sealed());
        assertEquals(Status.BAD_STATE, m.start());
        assertEquals(Status.BAD_STATE, m.onTimer(0));
    }

    // [utest->dsn~kernel.deny-by-default~1]
    // [utest->dsn~kernel.boot~1]
    @Test
    void aFailedProtectionStepEndsBootWithItsErrorBeforeAnyRoute() {
        for (String step : List.of("monitor", "slot 0", "region 0 10010000", "slot 1", "region 1 81000000")) {
            Port port = new Port();
            port.failStep = step;
            Monitor m = Warden.create(port);
            assertEquals(Status.NO_SPACE, m.boot(image()), step);
            assertEquals(step, port.calls.get(port.calls.size() - 1), "nothing after the failed step");
            assertFalse(m.sealed(), step);
        }
    }

    // [utest->dsn~kernel.boot~1]
    // [utest->dsn~kernel.phases~1]
    @Test
    void everyVcpuStartsAtItsEntryPointAndNoPartitionHasBootedYet() {
        Port port = new Port();
        Monitor m = Warden.create(port);
        assertEquals(Status.OK, m.boot(image()));
        for (int p = 0; p < 2; p++) {
            assertEquals(-1, m.bootTimeNs(p));
            assertEquals(-1, m.lastHeartbeatNs(p));
            assertEquals(0, m.restarts(p));
            assertEquals(PartitionState.BOOTING, m.partitionState(p));
        }
        assertEquals(Status.OK, m.start());
        assertArrayEquals(new long[] {Images.RTOS_RAM, 0, 0, 0}, port.fake.regs[0]);
        assertArrayEquals(new long[] {Images.LINUX_RAM, 1, 1, 0}, port.fake.regs[1]);
        m.onMonitorCall(0, MonitorCall.YIELD);
        assertEquals(1, m.running(0));
        assertArrayEquals(new long[] {Images.LINUX_RAM, 1, 0, 0}, port.fake.regs[0], "linux's own vCPU of core 0");
    }

    // [utest->dsn~kernel.boot~1]
    // [utest->dsn~kernel.phases~1]
    @Test
    void bootWithABadImageChangesNothingAndASealedKernelRefusesASecondImage() {
        Port port = new Port();
        Monitor m = Warden.create(port);
        assertEquals(Status.INVALID_PARAM, m.boot(SystemImage.builder(2).monitor(Images.MON, 0x1000).build()));
        assertEquals(List.of(), port.calls, "the check runs before anything is programmed");
        assertEquals(Status.OK, m.boot(image()));
        int n = port.calls.size();
        assertEquals(Status.BAD_STATE, m.boot(image()));
        assertEquals(n, port.calls.size(), "nothing is programmed again");
    }
}
