package warden.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import warden.kernel.api.Counter;
import warden.kernel.api.EventKind;
import warden.kernel.api.Monitor;
import warden.kernel.api.MonitorCall;
import warden.kernel.log.EventLog;
import warden.kernel.api.EventRecords;

class EventLogTest {

    // [utest->dsn~kernel.event-log~2]
    @Test
    void theRingKeepsTheNewestRecordsAndCountsWhatWasOverwritten() {
        EventLog log = new EventLog();
        int n = EventLog.CAPACITY + 10;
        for (int i = 0; i < n; i++) {
            log.append(i * 10L, 1 + i % 4, i % 3, i % 2, i, -i); // diagnostic kinds only
        }
        assertEquals(n, log.sequence());
        assertEquals(10, log.dropped());
        assertEquals(10, log.oldest());
        assertEquals(100, log.time(10));
        assertEquals(10, log.a(10));
        assertEquals(-(n - 1), log.b(n - 1));
        assertEquals((n - 1) % 3, log.partition(n - 1));
        assertEquals(1 + (n - 1) % 4, log.kind(n - 1));
    }

    /** Which kinds are safety records: the boot, every kind from a detected failure on, but not a device refusal. */
    // [utest->dsn~kernel.event-log~2] [utest->dsn~kernel.device.denial-log~1]
    @Test
    void safetyRecordsAreTheBootAndTheFailureKindsButNotADeviceRefusal() {
        assertEquals(true, EventLog.safety(EventKind.PARTITION_BOOTED));
        assertEquals(false, EventLog.safety(EventKind.ACCESS_VIOLATION));
        assertEquals(false, EventLog.safety(EventKind.PENDING_OVERFLOW));
        assertEquals(true, EventLog.safety(EventKind.FAILURE_DETECTED));
        assertEquals(true, EventLog.safety(EventKind.CHANNEL_FAILURE));
        assertEquals(false, EventLog.safety(EventKind.DEVICE_DENIED));
        assertEquals(false, EventLog.safety(EventKind.UPDATE_REFUSED), "a flood of refused update calls");
        assertEquals(true, EventLog.safety(EventKind.UPDATE_ROLLED_BACK));
        assertEquals(true, EventLog.safety(EventKind.UPDATE_VERIFIED));
    }

    // [utest->dsn~kernel.event-log~2]
    @Test
    void anEmptyLogHoldsNothing() {
        EventLog log = new EventLog();
        assertEquals(0, log.sequence());
        assertEquals(0, log.dropped());
        assertEquals(0, log.oldest());
    }

    // [utest->dsn~kernel.event-log~2]
    @Test
    void theKernelLogsItsEventsWithTheCoresTimeAndKeepsCountingWhatTheFullRingOverwrote() {
        KernelRig rig = new KernelRig(Images.shared());
        FakePlatform f = rig.f;
        Monitor m = rig.m;
        int n = EventLog.CAPACITY + 6;
        for (int i = 0; i < n; i++) {
            f.now[1] = 1_000 + i;
            m.onMonitorCall(1, MonitorCall.UNKNOWN);
        }
        EventRecords log = m.eventRecords();
        assertEquals(n, log.sequence());
        assertEquals(6, log.dropped(), "the six oldest records were overwritten");
        assertEquals(6, log.oldest());
        assertEquals(1_006, log.time(6), "stamped with core 1's time when it was logged");
        assertEquals(1_000 + n - 1, log.time(n - 1));
        assertEquals(EventKind.UNKNOWN_CALL, log.kind(n - 1));
        assertEquals(1, log.partition(n - 1));
        assertEquals(1, log.core(n - 1));
        assertEquals(n, m.counter(Counter.UNKNOWN_CALLS), "the counter still counts every event the ring dropped");
    }

    /** Issue 14: after a safe state, lost-interrupt records filled the ring and pushed out the safe state. */
    // [utest->dsn~kernel.event-log~2]
    @Test
    void aFloodOfDiagnosticRecordsNeverPushesSafetyRecordsOut() {
        EventLog log = new EventLog();
        log.append(1, EventKind.ACCESS_VIOLATION, 1, 0, 0x100, 2);
        log.append(2, EventKind.FAILURE_DETECTED, 0, 0, 1, 3);
        log.append(3, EventKind.SAFE_STATE, 0, 0, 0, 0);
        int flood = 3 * EventLog.CAPACITY;
        for (int i = 0; i < flood; i++) {
            log.append(10 + i, EventKind.PENDING_OVERFLOW, 0, 0, 20, 0);
        }
        assertEquals(EventLog.CAPACITY + 1, log.sequence(), "the ring filled, overwrote its oldest, then refused");
        assertEquals(1, log.oldest());
        assertEquals(EventKind.FAILURE_DETECTED, log.kind(1));
        assertEquals(EventKind.SAFE_STATE, log.kind(2));
        assertEquals(EventKind.PENDING_OVERFLOW, log.kind(EventLog.CAPACITY));
        long refused = flood - (EventLog.CAPACITY - 3) - 1;
        assertEquals(1, log.droppedOf(EventKind.ACCESS_VIOLATION), "the oldest, a diagnostic record, was overwritten");
        assertEquals(refused, log.droppedOf(EventKind.PENDING_OVERFLOW));
        assertEquals(refused + 1, log.dropped());
        assertEquals(0, log.droppedOf(EventKind.SAFE_STATE));
        assertEquals(0, log.droppedOf(-1));
        assertEquals(0, log.droppedOf(EventLog.KINDS));
    }

    // [utest->dsn~kernel.event-log~2]
    @Test
    void safetyRecordsStillOverwriteTheOldestRecordWhateverItIs() {
        EventLog log = new EventLog();
        for (int i = 0; i < EventLog.CAPACITY; i++) {
            log.append(i, EventKind.PARTITION_BOOTED, 0, 0, 0, 0);
        }
        log.append(5_000, EventKind.TIMER_RECOVERED, 0, 2, 7, 0);
        log.append(5_001, EventKind.DENIED_CALL, 0, 2, 7, 0);
        log.append(5_002, EventKind.SAFE_STATE, 0, 2, 7, 0);
        assertEquals(EventLog.CAPACITY + 2, log.sequence(), "the denied call was refused, not the safe state");
        assertEquals(EventKind.TIMER_RECOVERED, log.kind(EventLog.CAPACITY));
        assertEquals(EventKind.SAFE_STATE, log.kind(EventLog.CAPACITY + 1));
        assertEquals(2, log.droppedOf(EventKind.PARTITION_BOOTED));
        assertEquals(1, log.droppedOf(EventKind.DENIED_CALL));
        assertEquals(3, log.dropped());
        assertEquals(true, EventLog.safety(EventKind.PARTITION_BOOTED));
        assertEquals(false, EventLog.safety(EventKind.PENDING_OVERFLOW));
        assertEquals(true, EventLog.safety(EventKind.FAILURE_DETECTED));
        assertEquals(false, EventLog.safety(EventKind.UNOWNED_INTERRUPT));
    }

    // [utest->dsn~kernel.event-log~2]
    @Test
    void dropsAreCountedUnderTheirOwnKindOnly() {
        EventLog log = new EventLog();
        int top = EventLog.KINDS - 1;
        for (int i = 0; i < EventLog.CAPACITY; i++) {
            log.append(i, 0, 0, 0, 0, 0);
        }
        for (int i = 0; i <= EventLog.CAPACITY; i++) {
            log.append(i, top, 0, 0, 0, 0);
        }
        assertEquals(EventLog.CAPACITY, log.droppedOf(0), "every record of kind 0 was overwritten");
        assertEquals(1, log.droppedOf(top));
        assertEquals(0, log.droppedOf(EventLog.KINDS), "no kind past the table");
        assertEquals(0, log.droppedOf(-1));
        assertEquals(0, log.droppedOf(-EventLog.KINDS));
        assertEquals(EventLog.CAPACITY + 1, log.dropped());
        assertEquals(EventLog.CAPACITY + 1, log.oldest());
    }
}
