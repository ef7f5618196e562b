package warden.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import warden.kernel.api.EventKind;
import warden.kernel.api.HealthAction;
import warden.kernel.api.MonitorCall;
import warden.kernel.api.PartitionState;
import warden.kernel.api.Status;
import warden.kernel.api.SystemImage;
import warden.kernel.api.SystemImageBuilder;
import warden.kernel.port.Timer;

/** Recovery through the kernel's entries: restarts with fresh contexts, and the safe state. */
class HealthRecoveryTest {
    private static final long RTOS_PC = Images.RTOS_RAM + 0x100;
    private static final long LINUX_PC = Images.LINUX_RAM + 0x200;

    private KernelRig rig;

    /**
     * The guests have run: rtos (core 0) and linux (core 1) are at other instructions with other
     * register values than at their entries, and linux has its virtual timer set on core 1.
     */
    private void guestsProgress(long linuxTimer) {
        rig.f.regs[0] = new long[] {RTOS_PC, 0, 0, 11};
        rig.f.regs[1] = new long[] {LINUX_PC, 1, 1, 22};
        rig.f.args[0] = linuxTimer;
        assertEquals(Status.OK, rig.m.onMonitorCall(1, MonitorCall.SET_TIMER));
        assertEquals(linuxTimer, rig.f.deadline[1]);
    }

    /** Linux was restarted (restart number n): fresh contexts for it, rtos untouched on core 0. */
    private void assertLinuxRestartedAlone(int n) {
        assertEquals(n, rig.m.restarts(1));
        assertEquals(PartitionState.BOOTING, rig.m.partitionState(1));
        assertEquals(1, rig.m.running(1), "linux runs again on core 1");
        assertArrayEquals(new long[] {Images.LINUX_RAM, 1, 1, 0}, rig.f.regs[1], "from a fresh context at its entry");
        assertEquals(0, rig.m.running(0));
        assertArrayEquals(new long[] {RTOS_PC, 0, 0, 11}, rig.f.regs[0],
                "rtos keeps running on the core it shares with linux, its live registers untouched");
        assertEquals(Timer.NEVER, rig.f.deadline[1], "linux's virtual timer went with its live state");
    }

    // [utest->dsn~health.restart~1]
    @Test
    void aRestartGivesThePartitionFreshContextsAndLeavesTheOtherPartitionRunningWhetherAfterAFailureOrOnRequest() {
        rig = new KernelRig(Images.shared());
        assertEquals(0, rig.m.running(0));
        assertEquals(1, rig.m.running(1));
        rig.at(1_000);
        guestsProgress(5_000_000);
        rig.m.onIllegalInstruction(1, LINUX_PC);
        assertLinuxRestartedAlone(1);

        rig.at(2_000);
        guestsProgress(6_000_000);
        rig.m.onMonitorCall(1, MonitorCall.PARTITION_RESET);
        assertLinuxRestartedAlone(2);
        assertEquals(1, rig.count(EventKind.FAILURE_DETECTED), "the requested restart is no failure");
        assertEquals(2, rig.count(EventKind.PARTITION_RESTARTED));
    }

    // [utest->dsn~health.restart~1]
    // [utest->dsn~health.watchdog~1]
    @Test
    void aRestartedPartitionIsBootingUnderItsBootTimeoutUntilItsNextHeartbeatMarksTheRecovery() {
        SystemImageBuilder b = Images.shared();
        b.health(1, 2_000_000, 0, 1_000_000_000L, 3, HealthAction.RESTART, HealthAction.STOP);
        rig = new KernelRig(b);
        rig.at(1_000);
        rig.m.onMonitorCall(1, MonitorCall.HEARTBEAT);
        assertEquals(PartitionState.RUNNING, rig.m.partitionState(1));
        assertEquals(Timer.NEVER, rig.f.deadline[0],
                "linux has no watchdog period: its heartbeat disarms the boot timeout");
        rig.at(1_500_000);
        rig.m.onIllegalInstruction(1, LINUX_PC);
        assertEquals(PartitionState.BOOTING, rig.m.partitionState(1));
        assertEquals(3_500_000, rig.f.deadline[0], "the boot timeout is armed again on linux's home core");
        rig.at(2_000_000);
        rig.m.onMonitorCall(1, MonitorCall.HEARTBEAT);
        assertEquals(PartitionState.RUNNING, rig.m.partitionState(1));
        KernelRigEvents.assertHas(rig.m, EventKind.PARTITION_RECOVERED, 1, 500_000, 1);
        assertEquals(Timer.NEVER, rig.f.deadline[0]);
    }

    // [utest->dsn~health.safe-state~1]
    @Test
    void theSafeStateIsReportedOnlyOnceAnEscalationHasStoppedEveryPartitionAndIdledEveryCore() {
        assertFalse(Warden.create(new FakePlatform(2)).inSafeState(), "a kernel that has not booted");
        SystemImageBuilder b = Images.shared();
        b.health(0, 0, 0, 1_000_000_000L, 0, HealthAction.RESTART, HealthAction.SAFE_STATE);
        b.health(1, 0, 0, 1_000_000_000L, 0, HealthAction.STOP, HealthAction.STOP);
        rig = new KernelRig(b);
        assertFalse(rig.m.inSafeState());
        rig.m.onMonitorCall(1, MonitorCall.REPORT_FAILURE);
        assertEquals(PartitionState.STOPPED, rig.m.partitionState(1));
        assertFalse(rig.m.inSafeState(), "stopping a QM partition is not the safe state");
        assertEquals(0, rig.m.running(0), "rtos runs on");

        rig.m.onIllegalInstruction(0, RTOS_PC);
        assertTrue(rig.m.inSafeState(), "rtos may not restart: its escalation is the safe state");
        assertEquals(1, rig.count(EventKind.SAFE_STATE));
        for (int c = 0; c < 2; c++) {
            assertEquals(PartitionState.STOPPED, rig.m.partitionState(c), "partition " + c);
            assertEquals(-1, rig.m.running(c), "core " + c);
            assertEquals(-1, rig.f.bound[c], "core " + c + " idles");
            assertEquals(Status.BAD_STATE, rig.m.onMonitorCall(c, MonitorCall.VERSION),
                    "no call is answered on core " + c);
        }
    }
}
