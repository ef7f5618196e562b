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

    // [utest->dsn~kernel.event-log~1]
    @Test
    void theRingKeepsTheNewestRecordsAndCountsWhatWasOverwritten() {
        EventLog log = new EventLog();
        int n = EventLog.CAPACITY + 10;
        for (int i = 0; i < n; i++) {
            log.append(i * 10L, 1 + i % 7, i % 3, i % 2, i, -i);
        }
        assertEquals(n, log.sequence());
        assertEquals(10, log.dropped());
        assertEquals(10, log.oldest());
        assertEquals(100, log.time(10));
        assertEquals(10, log.a(10));
        assertEquals(-(n - 1), log.b(n - 1));
        assertEquals((n - 1) % 3, log.partition(n - 1));
        assertEquals(1 + (n - 1) % 7, log.kind(n - 1));
    }

    // [utest->dsn~kernel.event-log~1]
    @Test
    void anEmptyLogHoldsNothing() {
        EventLog log = new EventLog();
        assertEquals(0, log.sequence());
        assertEquals(0, log.dropped());
        assertEquals(0, log.oldest());
    }

    // [utest->dsn~kernel.event-log~1]
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
}
