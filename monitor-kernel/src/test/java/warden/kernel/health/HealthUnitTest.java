package warden.kernel.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import warden.kernel.api.Access;
import warden.kernel.api.Counter;
import warden.kernel.api.Criticality;
import warden.kernel.api.EventKind;
import warden.kernel.api.HealthAction;
import warden.kernel.api.PartitionState;
import warden.kernel.api.SystemImage;
import warden.kernel.api.SystemImageBuilder;
import warden.kernel.api.VcpuState;
import warden.kernel.port.Timer;
import warden.kernel.sched.VirtualTimers;

/**
 * The health monitor on its own, over a real scheduler and a fake port: watchdogs per home core,
 * windows, the recovery policy and its escalation, with the exact records each step logs.
 */
class HealthUnitTest extends HealthFixture {
    private static final long WINDOW = 1_000_000L;
    private static final long ENTRY0 = 0x9000_0000L;
    private static final long ENTRY1 = 0xA000_0000L;

    /** p0 (ASIL-B, core 0, watchdog 1000) and p1 (QM, core 1 only, watchdog 2000). */
    private SystemImageBuilder image() {
        SystemImageBuilder b = SystemImage.builder(2).monitor(0x8000_0000L, 0x1000);
        int p0 = b.partition("p0", Criticality.ASIL_B, 0b01, ENTRY0, 1_000, false);
        b.region(p0, ENTRY0, 0x1000, Access.ALL);
        int p1 = b.partition("p1", Criticality.QM, 0b10, ENTRY1, 2_000, false);
        b.region(p1, ENTRY1, 0x1000, Access.ALL);
        return b;
    }

    private List<String> events() {
        List<String> out = new ArrayList<>();
        for (long s = log.oldest(); s < log.sequence(); s++) {
            out.add(EventKind.name(log.kind(s)) + " p" + log.partition(s) + " c" + log.core(s) + " @" + log.time(s)
                    + " " + log.a(s) + "/" + log.b(s));
        }
        return out;
    }

    // [utest->dsn~health.policy~1]
    @Test
    void noRecoveryIsLoggedForAPartitionThatNeverFailed() {
        start(image());
        assertEquals(Timer.NEVER, f.deadline[0], "no boot timeouts, no heartbeat yet");
        h.heartbeat(0, 10);
        assertEquals(List.of(), events());
        assertEquals(1_010, f.deadline[0]);
        assertEquals(1_010 + VirtualTimers.TIMER_SLACK_NS + 1, f.deadline[1],
                "core 1 has nothing armed but its watch of core 0");
        assertEquals(1_010, h.deadline(0));
        assertEquals(Timer.NEVER, h.deadline(1));
    }

    // [utest->dsn~health.watchdog~1]
    @Test
    void aPartitionWithoutAWatchdogArmsNothing() {
        SystemImageBuilder noDog = SystemImage.builder(2).monitor(0x8000_0000L, 0x1000);
        int p0 = noDog.partition("p0", Criticality.QM, 0b01, ENTRY0, 0, false);
        noDog.region(p0, ENTRY0, 0x1000, Access.ALL);
        int p1 = noDog.partition("p1", Criticality.QM, 0b10, ENTRY1, 0, false);
        noDog.region(p1, ENTRY1, 0x1000, Access.ALL);
        start(noDog);
        h.heartbeat(0, 50);
        assertEquals(Timer.NEVER, f.deadline[0]);
        assertEquals(Timer.NEVER, h.deadline(0));
    }

    // [utest->dsn~health.watchdog~1]
    @Test
    void eachCoresTimerServesOnlyThePartitionsHomedThere() {
        start(image());
        h.heartbeat(0, 0);
        h.heartbeat(1, 0);
        assertEquals(1_000, f.deadline[0]);
        assertEquals(2_000, f.deadline[1]);
        h.expire(1, 1_500);
        assertEquals(0, table.restarts(0), "p0 is homed on core 0: core 1's timer does not fail it");
        assertEquals(0, table.restarts(1), "p1 is not due yet");
        h.expire(0, 999);
        assertEquals(0, table.restarts(0), "one before its deadline");
        h.expire(0, 1_000);
        assertEquals(1, table.restarts(0), "at its deadline");
        assertEquals(0, table.restarts(1));
        assertTrue(events().contains("failure-detected p0 c0 @1000 1/0"), events().toString());
    }

    // [utest->dsn~health.restart~1]
    // [utest->dsn~health.policy~1]
    // [utest->dsn~health.recovery-time~1]
    @Test
    void aRestartIsCountedLoggedAndRecoveredFromTheDetectionOfTheFailureThatCausedIt() {
        start(image());
        h.failure(1, HealthAction.REASON_REPORTED, 0);
        h.failure(1, HealthAction.REASON_REPORTED, 10);
        assertEquals(2, table.restarts(1));
        assertEquals(2, counters[Counter.RESTARTS]);
        assertEquals(2, counters[Counter.FAILURES_DETECTED]);
        assertEquals(PartitionState.BOOTING, table.state(1));
        assertEquals(1, sched.running(1), "restarted and running again");
        assertEquals(ENTRY1, f.regs[1][0], "from its entry");
        h.heartbeat(1, 30);
        assertEquals(List.of("failure-detected p1 c1 @0 4/0", "partition-restarted p1 c1 @0 1/1",
                "failure-detected p1 c1 @10 4/0", "partition-restarted p1 c1 @10 2/2",
                "partition-recovered p1 c1 @30 20/2"), events());
        h.heartbeat(1, 40);
        assertEquals(5, log.sequence(), "recovered once");
    }

    // [utest->dsn~health.recovery-time~1]
    // [utest->dsn~health.restart~1]
    @Test
    void aFailureDetectedAtTimeZeroIsRecoveredFromAtTheFirstHeartbeat() {
        start(image());
        h.failure(1, HealthAction.REASON_REPORTED, 0);
        h.heartbeat(1, 0);
        assertEquals(List.of("failure-detected p1 c1 @0 4/0", "partition-restarted p1 c1 @0 1/1",
                "partition-recovered p1 c1 @0 0/1"), events());
    }

    // [utest->dsn~health.restart~1]
    // [utest->dsn~health.policy~1]
    @Test
    void restartsAreCountedPerWindow() {
        SystemImageBuilder b = image();
        b.health(1, 0, 0, WINDOW, 1, HealthAction.RESTART, HealthAction.STOP);
        start(b);
        h.failure(1, HealthAction.REASON_REPORTED, 5);
        assertEquals(1, table.restarts(1));
        h.failure(1, HealthAction.REASON_REPORTED, 5 + WINDOW);
        assertEquals(2, table.restarts(1), "a new window allows another restart");
        assertEquals(PartitionState.BOOTING, table.state(1));
        h.failure(1, HealthAction.REASON_REPORTED, 6 + WINDOW);
        assertEquals(PartitionState.STOPPED, table.state(1), "the second in one window escalates");
    }

    // [utest->dsn~health.detect~1]
    // [utest->dsn~health.policy~1]
    @Test
    void aFaultStormNeedsMoreThanTheLimitWithinOneWindow() {
        SystemImageBuilder b = image();
        b.health(1, 0, 1, WINDOW, 3, HealthAction.RESTART, HealthAction.STOP);
        start(b);
        h.accessFault(1, 0);
        h.accessFault(1, WINDOW);
        assertEquals(0, table.restarts(1), "the second fault opened a new window");
        h.accessFault(1, WINDOW + 1);
        assertEquals(1, table.restarts(1));
        assertTrue(events().contains("failure-detected p1 c1 @1000001 3/0"), events().toString());
        h.accessFault(1, WINDOW + 2);
        assertEquals(1, table.restarts(1), "the count starts again after a storm");
    }

    // [utest->dsn~health.policy~1]
    // [utest->dsn~health.watchdog~1]
    @Test
    void aStopActionStopsWithoutEscalatingAndDisarmsTheWatchdog() {
        SystemImageBuilder b = image();
        b.health(1, 0, 0, WINDOW, 3, HealthAction.STOP, HealthAction.SAFE_STATE);
        start(b);
        h.heartbeat(1, 0);
        assertEquals(2_000, f.deadline[1]);
        h.failure(1, HealthAction.REASON_CRASH, 100);
        assertEquals(PartitionState.STOPPED, table.state(1));
        assertFalse(h.inSafeState());
        assertEquals(Timer.NEVER, f.deadline[1], "a stopped partition's watchdog is off");
        assertEquals(-1, sched.running(1));
        assertEquals(VcpuState.STOPPED, sched.state(1, 1));
        assertEquals(VcpuState.NONE, sched.state(1, 0), "p1 has no vCPU on core 0, and stopping it makes none");
        assertEquals(List.of("failure-detected p1 c1 @100 2/1", "partition-stopped p1 c1 @100 2/0"), events());
        h.failure(1, HealthAction.REASON_CRASH, 200);
        h.expire(1, Timer.NEVER - 1);
        assertEquals(1, counters[Counter.FAILURES_DETECTED], "a stopped partition fails no more");
        assertEquals(Timer.NEVER, h.deadline(1));
    }

    // [utest->dsn~health.safe-state~1]
    // [utest->dsn~health.detect~1]
    // [utest->dsn~health.policy~1]
    @Test
    void theSafeStateStopsEachPartitionOnceAndThenIgnoresFailures() {
        SystemImageBuilder b = image();
        b.health(0, 0, 0, WINDOW, 0, HealthAction.RESTART, HealthAction.SAFE_STATE);
        b.health(1, 0, 0, WINDOW, 0, HealthAction.STOP, HealthAction.STOP);
        start(b);
        h.failure(1, HealthAction.REASON_REPORTED, 1);
        h.failure(0, HealthAction.REASON_CRASH, 2);
        assertTrue(h.inSafeState());
        assertEquals(0, h.safeStateCause());
        assertEquals(List.of("failure-detected p1 c1 @1 4/1", "partition-stopped p1 c1 @1 4/0",
                "failure-detected p0 c0 @2 2/2", "safe-state p0 c0 @2 0/0", "partition-stopped p0 c0 @2 4/0"),
                events());
        h.failure(0, HealthAction.REASON_CRASH, 3);
        h.requestedRestart(0, 4);
        assertEquals(5, log.sequence());
        assertEquals(0, table.restarts(0));
        assertEquals(-1, sched.running(0));
    }

    // [utest->dsn~kernel.mcall.vcpu-power~1]
    // [utest->dsn~health.restart~1]
    // [utest->dsn~health.policy~1]
    // [utest->dsn~health.watchdog~1]
    @Test
    void aRequestedRestartIsNotAFailureButArmsTheBootTimeoutAgain() {
        SystemImageBuilder b = image();
        b.health(1, 500, 0, WINDOW, 3, HealthAction.RESTART, HealthAction.STOP);
        start(b);
        h.heartbeat(1, 100);
        h.requestedRestart(1, 300);
        assertEquals(1, table.restarts(1));
        assertEquals(1, counters[Counter.RESTARTS]);
        assertEquals(0, counters[Counter.FAILURES_DETECTED]);
        assertEquals(PartitionState.BOOTING, table.state(1));
        assertEquals(800, f.deadline[1], "boot timeout from the restart");
        assertEquals(ENTRY1, f.regs[1][0]);
        assertEquals(List.of("partition-restarted p1 c1 @300 1/0"), events());
        table.stopped(1);
        h.requestedRestart(1, 400);
        assertEquals(1, table.restarts(1), "a stopped partition is not restarted on request");
    }
}
