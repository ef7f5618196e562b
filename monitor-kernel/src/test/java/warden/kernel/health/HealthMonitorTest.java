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
import warden.kernel.port.Timer;

/**
 * The health monitor on its own, over a real scheduler and a fake port, with two partitions homed
 * on core 0 and one on core 1 that owns an interrupt line routed to core 1: how watchdogs and
 * storm masks share each core's monitor timer, how failures are detected and logged, and what the
 * safe state records.
 */
class HealthMonitorTest extends HealthFixture {
    private static final long WINDOW = 1_000_000L;
    private static final int NIC = 30;
    private static final long[] ENTRY = {0x9000_0000L, 0xA000_0000L, 0xB000_0000L};

    /**
     * p0 (ASIL-B, core 0, watchdog 1000), p1 (QM, core 1, watchdog 2000, owns line NIC on core 1)
     * and p2 (QM, core 0, watchdog 3000).
     */
    private static SystemImageBuilder image() {
        SystemImageBuilder b = SystemImage.builder(2).monitor(0x8000_0000L, 0x1000);
        int[] level = {Criticality.ASIL_B, Criticality.QM, Criticality.QM};
        int[] mask = {0b01, 0b10, 0b01};
        for (int p = 0; p < 3; p++) {
            b.partition("p" + p, level[p], mask[p], ENTRY[p], 1_000L * (p + 1), false);
            b.region(p, ENTRY[p], 0x1000, Access.ALL);
        }
        b.line(1, NIC, 1, 1);
        return b;
    }

    /**
     * Starts with p1's interrupt limit at 2 per 500 ns window and {@code onFailure} as its action,
     * and storms line NIC: interrupts at 100 and 200, so the line is masked until 600.
     */
    private void startAndStorm(int onFailure) {
        SystemImageBuilder b = image();
        b.health(1, 0, 0, 500, 3, onFailure, HealthAction.STOP);
        b.irqLimit(1, 2);
        start(b);
        h.heartbeat(1, 0);
        h.interrupt(1, NIC, 1, 100);
        assertFalse(f.lineMasked[NIC], "one interrupt is below the limit");
        h.interrupt(1, NIC, 1, 200);
        assertTrue(f.lineMasked[NIC], "the second reaches the limit of 2");
    }

    /** @return the records of {@code kind}, as "p&lt;partition&gt; @&lt;time&gt; a/b". */
    private List<String> records(int kind) {
        List<String> out = new ArrayList<>();
        for (long s = log.oldest(); s < log.sequence(); s++) {
            if (log.kind(s) == kind) {
                out.add("p" + log.partition(s) + " @" + log.time(s) + " " + log.a(s) + "/" + log.b(s));
            }
        }
        return out;
    }

    // [utest->dsn~health.watchdog~1]
    // [utest->dsn~health.irq-storm~1]
    @Test
    void aCoresTimerHoldsTheEarliestOfItsOwnPartitionsWatchdogsAndOfItsOwnLinesMasks() {
        startAndStorm(HealthAction.RESTART);
        assertEquals(600, h.deadline(1), "the mask ends with the window (100 + 500), before p1's watchdog (2000)");
        assertEquals(600, f.deadline[1], "and core 1's monitor timer is programmed with it");
        h.heartbeat(0, 250);
        h.heartbeat(2, 250);
        assertEquals(1_250, h.deadline(0), "p0's watchdog is the earlier of the two homed on core 0, and core 1's line"
                + " is no deadline of core 0");
        assertEquals(1_250, f.deadline[0]);

        h.expire(1, 599);
        assertTrue(f.lineMasked[NIC], "still masked one nanosecond before the window ends");
        h.expire(1, 600);
        assertFalse(f.lineMasked[NIC], "unmasked by core 1's timer at the window's end");
        assertEquals(2_000, h.deadline(1), "then core 1 waits for p1's watchdog again");
        assertEquals(2_000, f.deadline[1]);
        assertEquals(List.of("p1 @200 30/2"), records(EventKind.INTERRUPT_STORM));
        assertEquals(List.of("p1 @600 30/400"), records(EventKind.LINE_RESTORED));
        assertEquals(List.of(), records(EventKind.FAILURE_DETECTED), "a storm is no failure");

        h.expire(0, 1_250);
        h.expire(1, 2_000);
        assertEquals(List.of("p0 @1250 1/0", "p1 @2000 1/0"), records(EventKind.FAILURE_DETECTED),
                "each watchdog expires on its own core's timer, p2's (3250) not yet");
    }

    // [utest->dsn~health.watchdog~1]
    // [utest->dsn~health.irq-storm~1]
    @Test
    void aPartitionStoppedWhileItsLineIsMaskedLeavesOnlyTheMasksEndOnItsCoresTimer() {
        startAndStorm(HealthAction.STOP);
        h.failure(1, HealthAction.REASON_REPORTED, 300);
        assertEquals(PartitionState.STOPPED, table.state(1));
        assertEquals(600, h.deadline(1), "p1's watchdog is off; its line's mask still ends at 600");
        h.heartbeat(1, 400);
        assertEquals(600, h.deadline(1), "even a heartbeat the monitor is still given for p1 arms no watchdog");
        h.expire(1, 600);
        assertFalse(f.lineMasked[NIC], "the line is restored although its owner is stopped");
        assertEquals(Timer.NEVER, h.deadline(1), "nothing is left on core 1's timer");
        assertEquals(Timer.NEVER, f.deadline[1]);
        h.expire(1, 10_000);
        assertEquals(1, counters[Counter.FAILURES_DETECTED], "a stopped partition's watchdog never expires");
    }

    // [utest->dsn~health.irq-storm~1]
    @Test
    void anInterruptThatStillArrivesWhileItsLineIsMaskedCountsNoSecondStormAndTheNextWindowCountsAfresh() {
        startAndStorm(HealthAction.RESTART);
        h.interrupt(1, NIC, 1, 300);
        assertEquals(1, counters[Counter.INTERRUPT_STORMS], "one storm per window");
        assertEquals(List.of("p1 @200 30/2"), records(EventKind.INTERRUPT_STORM));
        assertEquals(600, h.deadline(1), "the mask still ends with the window");
        h.expire(1, 600);
        assertFalse(f.lineMasked[NIC]);
        h.interrupt(1, NIC, 1, 700);
        assertFalse(f.lineMasked[NIC], "the first interrupt after the unmask opens a new window");
        h.interrupt(1, NIC, 1, 800);
        assertTrue(f.lineMasked[NIC]);
        assertEquals(2, counters[Counter.INTERRUPT_STORMS]);
        assertEquals(1_200, h.deadline(1), "masked until the new window (700 + 500) ends");
        assertEquals(0, table.restarts(1), "a storm is no failure of the partition");
    }

    // [utest->dsn~health.detect~1]
    // [utest->dsn~health.policy~1]
    @Test
    void eachDetectedFailureIsCountedAndLoggedWithItsReasonAndTheActionTaken() {
        SystemImageBuilder b = image();
        b.health(0, 0, 2, WINDOW, 0, HealthAction.STOP, HealthAction.SAFE_STATE);
        b.health(1, 0, 0, WINDOW, 1, HealthAction.RESTART, HealthAction.STOP);
        start(b);
        for (int i = 1; i <= 10; i++) {
            h.accessFault(1, i);
        }
        assertEquals(0, counters[Counter.FAILURES_DETECTED], "p1 has no fault limit: its faults are no storm");
        h.accessFault(0, 20);
        h.accessFault(0, 21);
        assertEquals(0, counters[Counter.FAILURES_DETECTED], "two faults are within p0's limit of 2");
        h.accessFault(0, 22);
        assertEquals(1, counters[Counter.FAILURES_DETECTED], "the third is a fault storm");
        assertFalse(h.inSafeState(), "p0 takes its stop action: no restart was needed, so nothing escalates");
        h.failure(1, HealthAction.REASON_CRASH, 30);
        h.failure(1, HealthAction.REASON_REPORTED, 30 + WINDOW);
        h.failure(1, HealthAction.REASON_WATCHDOG, 31 + WINDOW);
        assertEquals(4, counters[Counter.FAILURES_DETECTED]);
        h.failure(1, HealthAction.REASON_CRASH, 32 + WINDOW);
        assertEquals(4, counters[Counter.FAILURES_DETECTED], "a stopped partition is not detected again");
        assertEquals(List.of(
                "p0 @22 3/1",             // fault storm: stop
                "p1 @30 2/0",             // crash: restart
                "p1 @1000030 4/0",        // reported, in a new window: restart again
                "p1 @1000031 1/1"),       // watchdog, second in that window: escalated to stop
                records(EventKind.FAILURE_DETECTED));
        assertEquals(2, table.restarts(1));
        assertEquals(PartitionState.STOPPED, table.state(0));
        assertEquals(PartitionState.STOPPED, table.state(1));
    }

    // [utest->dsn~health.safe-state~1]
    @Test
    void theSafeStateRecordsThePartitionWhoseFailureCausedItAndStopsEveryPartition() {
        SystemImageBuilder b = image();
        b.health(1, 0, 0, WINDOW, 0, HealthAction.RESTART, HealthAction.SAFE_STATE);
        start(b);
        assertFalse(h.inSafeState());
        assertEquals(SystemImage.NO_PARTITION, h.safeStateCause());
        h.failure(1, HealthAction.REASON_REPORTED, 5);
        assertTrue(h.inSafeState());
        assertEquals(1, h.safeStateCause(), "p1's escalation brought the system to its safe state");
        assertEquals(List.of("p1 @5 1/0"), records(EventKind.SAFE_STATE));
        for (int p = 0; p < 3; p++) {
            assertEquals(PartitionState.STOPPED, table.state(p), "p" + p);
        }
        assertEquals(-1, sched.running(0), "every core is idle");
        assertEquals(-1, sched.running(1));
    }

    // [utest->dsn~kernel.protection-check~1]
    @Test
    void aRefusedSlotReportedAfterTheSafeStateWasEnteredInTheSameEntryChangesNothing() {
        SystemImageBuilder b = image();
        b.health(0, 0, 0, WINDOW, 3, HealthAction.SAFE_STATE, HealthAction.SAFE_STATE);
        start(b);
        h.failure(0, HealthAction.REASON_REPORTED, 100);
        assertTrue(h.inSafeState());
        assertEquals(1, counters[Counter.FAILURES_DETECTED]);
        long events = log.sequence();
        h.protectionFault(1, 150);
        assertEquals(events, log.sequence(), "no second failure or safe-state event");
        assertEquals(1, counters[Counter.FAILURES_DETECTED], "not counted twice");
        assertEquals(0, h.safeStateCause(), "the safe state keeps its first cause");
    }

    // [utest->dsn~kernel.protection-check~1]
    @Test
    void aRefusedSlotFailsItsPartitionWithReasonProtectionAndActionSafeStateWhateverItsPolicy() {
        SystemImageBuilder b = image();
        b.health(1, 0, 0, WINDOW, 3, HealthAction.RESTART, HealthAction.STOP);
        start(b);
        h.protectionFault(1, 150);
        assertTrue(h.inSafeState());
        assertEquals(1, h.safeStateCause());
        assertEquals(1, counters[Counter.FAILURES_DETECTED]);
        long first = log.oldest();
        long d = -1;
        for (long q = first; q < log.sequence(); q++) {
            if (log.kind(q) == EventKind.FAILURE_DETECTED) {
                d = q;
            }
        }
        assertTrue(d >= 0, "failure logged");
        assertEquals(1, log.partition(d));
        assertEquals(1, log.core(d), "on the partition's home core");
        assertEquals(HealthAction.REASON_PROTECTION, log.a(d));
        assertEquals(HealthAction.SAFE_STATE, log.b(d));
        assertEquals(150, log.time(d));
        for (int p = 0; p < 3; p++) {
            assertEquals(PartitionState.STOPPED, table.state(p), "p" + p + " stopped");
        }
    }
}
