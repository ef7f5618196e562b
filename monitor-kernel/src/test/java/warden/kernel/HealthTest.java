package warden.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import warden.kernel.api.Counter;
import warden.kernel.api.EventKind;
import warden.kernel.api.HealthAction;
import warden.kernel.api.Monitor;
import warden.kernel.api.MonitorCall;
import warden.kernel.api.PartitionState;
import warden.kernel.api.Status;
import warden.kernel.api.SystemImage;
import warden.kernel.api.SystemImageBuilder;
import warden.kernel.api.EventRecords;

class HealthTest {
    private FakePlatform f;
    private Monitor m;

    private void boot(SystemImageBuilder b) {
        f = new FakePlatform(2);
        m = Warden.create(f);
        assertEquals(Status.OK, m.boot(b.build()));
        assertEquals(Status.OK, m.start());
    }

    private void at(long t) {
        f.now[0] = t;
        f.now[1] = t;
    }

    private void heartbeat(int core) {
        m.onMonitorCall(core, MonitorCall.HEARTBEAT);
    }

    private List<String> events() {
        List<String> out = new ArrayList<>();
        EventRecords log = m.eventRecords();
        for (long s = log.oldest(); s < log.sequence(); s++) {
            out.add(EventKind.name(log.kind(s)) + " p" + log.partition(s) + " @" + log.time(s));
        }
        return out;
    }

    // [utest->dsn~health.watchdog~1]
    // [utest->dsn~health.restart~1]
    @Test
    void aMissedHeartbeatRestartsThePartitionAndItsNextHeartbeatMarksTheRecovery() {
        SystemImageBuilder b = Images.shared();
        boot(b);
        at(1_000_000);
        heartbeat(0);
        assertEquals(1_000_000 + 5_000_000, f.deadline[0], "rtos watchdog 5 ms armed on its home core");
        at(6_000_000);
        m.onTimer(0);
        assertEquals(1, m.restarts(0), events().toString());
        assertEquals(PartitionState.BOOTING, m.partitionState(0));
        assertEquals(0, m.running(0), "the restarted critical partition runs at once");
        assertEquals(Images.RTOS_RAM, f.regs[0][0], "from a fresh context at its entry");
        at(7_500_000);
        heartbeat(0);
        assertEquals(PartitionState.RUNNING, m.partitionState(0));
        EventRecords log = m.eventRecords();
        long last = log.sequence() - 1;
        assertEquals(EventKind.PARTITION_RECOVERED, log.kind(last));
        assertEquals(1_500_000, log.a(last), "recovery time from detection to the first heartbeat");
        assertTrue(events().contains("failure-detected p0 @6000000"), events().toString());
    }

    private long lastRecoveryTime() {
        EventRecords log = m.eventRecords();
        for (long s = log.sequence() - 1; s >= log.oldest(); s--) {
            if (log.kind(s) == EventKind.PARTITION_RECOVERED) {
                return log.a(s);
            }
        }
        throw new AssertionError("no recovery logged: " + events());
    }

    /** A QM partition on both cores with a 1 ms watchdog kept on core 0, next to the RTOS on core 0. */
    private SystemImageBuilder qmOnBothCores() {
        SystemImageBuilder b = SystemImage.builder(2).monitor(Images.MON, 0x20_0000L);
        int rtos = b.partition("rtos", warden.kernel.api.Criticality.ASIL_C, 0b01, Images.RTOS_RAM, 0, false);
        b.region(rtos, Images.RTOS_RAM, 0x40_0000L, warden.kernel.api.Access.ALL);
        int qm = b.partition("qm", warden.kernel.api.Criticality.QM, 0b11, Images.LINUX_RAM, 1_000_000, false);
        b.region(qm, Images.LINUX_RAM, 0x100_0000L, warden.kernel.api.Access.ALL);
        return b;
    }

    // The emulator runs its cores decoupled within a step: core 0 detects the failure at its time,
    // then core 1, whose clock is still behind, sees the restarted partition's first heartbeat.
    // [utest->dsn~health.recovery-time~1]
    @Test
    void aHeartbeatOnACoreWhoseClockLagsTheDetectionNeverGivesANegativeRecoveryTime() {
        boot(qmOnBothCores());
        at(100_000);
        assertEquals(1, m.running(1), "the QM partition runs on core 1");
        heartbeat(1);
        f.now[0] = 1_100_000;
        f.now[1] = 1_080_000;
        m.onTimer(0);
        assertEquals(1, m.restarts(1), events().toString());
        assertEquals(1, m.running(1), "the restarted QM partition runs on core 1 again");
        heartbeat(1);
        assertEquals(0, lastRecoveryTime(), events().toString());
        assertEquals(PartitionState.RUNNING, m.partitionState(1));
    }

    // [utest->dsn~health.recovery-time~1]
    @Test
    void theRecoveryTimeIsMeasuredFromTheFailureThatCausedTheLastRestart() {
        boot(qmOnBothCores());
        at(100_000);
        m.onMonitorCall(1, MonitorCall.REPORT_FAILURE);
        at(300_000);
        m.onMonitorCall(1, MonitorCall.REPORT_FAILURE);
        assertEquals(2, m.restarts(1), events().toString());
        at(350_000);
        heartbeat(1);
        assertEquals(50_000, lastRecoveryTime(), "from the second failure, not the first: " + events());
    }

    // [utest->dsn~health.policy~1]
    @Test
    void restartsBeyondTheLimitEscalateToStopForAQmPartition() {
        SystemImageBuilder b = Images.shared();
        b.health(1, 0, 0, 1_000_000_000L, 2, HealthAction.RESTART, HealthAction.STOP);
        boot(b);
        at(10);
        for (int i = 0; i < 3; i++) {
            m.onMonitorCall(1, MonitorCall.REPORT_FAILURE);
        }
        assertEquals(2, m.restarts(1));
        assertEquals(PartitionState.STOPPED, m.partitionState(1));
        assertEquals(-1, m.running(1), "linux is off core 1");
        assertFalse(m.inSafeState());
        assertEquals(PartitionState.BOOTING, m.partitionState(0), "rtos untouched");
        assertEquals(3, m.counter(Counter.FAILURES_DETECTED));
    }

    // [utest->dsn~health.safe-state~1]
    @Test
    void aCriticalPartitionThatKeepsFailingBringsTheSystemToItsSafeState() {
        SystemImageBuilder b = Images.shared();
        b.health(0, 0, 0, 1_000_000_000L, 1, HealthAction.RESTART, HealthAction.SAFE_STATE);
        boot(b);
        m.onIllegalInstruction(0, 0x8040_0000L);
        assertEquals(1, m.restarts(0));
        m.onIllegalInstruction(0, 0x8040_0000L);
        assertTrue(m.inSafeState());
        assertEquals(PartitionState.STOPPED, m.partitionState(0));
        assertEquals(PartitionState.STOPPED, m.partitionState(1));
        assertEquals(-1, m.running(0));
        assertEquals(-1, m.running(1));
        assertEquals(Status.BAD_STATE, m.onMonitorCall(0, MonitorCall.VERSION), "nothing runs in the safe state");
        assertTrue(events().contains("safe-state p0 @0"), events().toString());
    }

    // [utest->dsn~health.detect~1]
    @Test
    void aStormOfAccessFaultsIsAFailureButOccasionalFaultsAreNot() {
        SystemImageBuilder b = Images.shared();
        b.health(1, 0, 3, 1_000_000L, 5, HealthAction.RESTART, HealthAction.STOP);
        boot(b);
        for (int i = 0; i < 3; i++) {
            at(i * 400_000L);
            m.onAccessFault(1, 1, 0x8000_0000L);
        }
        assertEquals(0, m.restarts(1), "3 faults in a 1 ms window are within the limit");
        at(1_300_000);
        m.onAccessFault(1, 1, 0x8000_0000L);
        assertEquals(0, m.restarts(1), "a new window started");
        for (int i = 0; i < 3; i++) {
            m.onAccessFault(1, 1, 0x8000_0000L);
        }
        assertEquals(1, m.restarts(1), "the fifth fault in one window is a storm");
    }

    // [utest->dsn~health.watchdog~1]
    @Test
    void aPartitionThatNeverBootsIsCaughtByItsBootTimeout() {
        SystemImageBuilder b = Images.shared();
        b.health(0, 2_000_000, 0, 1_000_000_000L, 3, HealthAction.RESTART, HealthAction.SAFE_STATE);
        boot(b);
        assertEquals(2_000_000, f.deadline[0]);
        at(2_000_000);
        m.onTimer(0);
        assertEquals(1, m.restarts(0));
        assertEquals(4_000_000, f.deadline[0], "the boot timeout is armed again from the restart");
    }
}
