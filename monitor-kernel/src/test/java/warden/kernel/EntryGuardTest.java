package warden.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import warden.kernel.api.Access;
import warden.kernel.api.Counter;
import warden.kernel.api.EventKind;
import warden.kernel.api.Monitor;
import warden.kernel.api.MonitorCall;
import warden.kernel.api.Status;
import warden.kernel.api.EventRecords;

/**
 * Each entry's own work, from its guard to its counters and records: refused before boot and on
 * a core outside the image (nothing counted, logged or asked of the port), then exactly what it
 * does when accepted.
 */
class EntryGuardTest {
    /** The first id past the known ones. */
    private static final int UNKNOWN_ID = MonitorCall.COUNT;

    private FakePlatform f;
    private Monitor m;

    private void boot() {
        f = new FakePlatform(2);
        m = Warden.create(f);
        assertEquals(Status.OK, m.boot(Images.shared().build()));
        assertEquals(Status.OK, m.start());
    }

    private void unbooted() {
        f = new FakePlatform(2);
        m = Warden.create(f);
    }

    private long[] counters() {
        long[] c = new long[Counter.COUNT];
        for (int i = 0; i < Counter.COUNT; i++) {
            c[i] = m.counter(i);
        }
        return c;
    }

    private void assertNothingMoved(long[] counters, long events, int portCalls, String what) {
        assertEquals(Arrays.toString(counters), Arrays.toString(counters()), what);
        assertEquals(events, m.eventRecords().sequence(), what);
        assertEquals(portCalls, f.log.size(), what);
    }

    private int call(int core, int id, long... args) {
        Arrays.fill(f.args, 0);
        System.arraycopy(args, 0, f.args, 0, args.length);
        return m.onMonitorCall(core, id);
    }

    // [utest->dsn~kernel.entries~1] [utest->dsn~kernel.mcall.unknown~1] [utest->dsn~kernel.mcall.decode-invoke~1]
    // [utest->dsn~kernel.phases~1]
    @Test
    void aMonitorCallIsRefusedOutsideTheMissionThenUnknownDeniedAndGoodCallsAreCountedApart() {
        unbooted();
        assertEquals(Status.BAD_STATE, call(0, UNKNOWN_ID));
        assertNothingMoved(new long[Counter.COUNT], 0, 0, "before boot");
        boot();
        long[] before = counters();
        int port = f.log.size();
        for (int core : new int[] {-1, 2}) {
            assertEquals(Status.BAD_STATE, call(core, UNKNOWN_ID));
        }
        assertNothingMoved(before, 0, port, "cores outside the image");
        f.now[1] = 500;
        f.lastStatus = 99;
        assertEquals(Status.NOT_SUPPORTED, call(1, UNKNOWN_ID));
        assertEquals(Status.NOT_SUPPORTED, f.lastStatus, "the guard gets NOT_SUPPORTED");
        assertEquals(0, f.lastValue);
        assertEquals(1, m.counter(Counter.MONITOR_CALLS));
        assertEquals(1, m.counter(Counter.UNKNOWN_CALLS));
        assertEquals(0, m.counter(Counter.DENIED_CALLS));
        assertEquals(1, m.counter(Counter.KERNEL_ENTRIES));
        EventRecords log = m.eventRecords();
        assertEquals(1, log.sequence());
        assertEquals(EventKind.UNKNOWN_CALL, log.kind(0));
        assertEquals(500, log.time(0));
        assertEquals(1, log.partition(0));
        assertEquals(1, log.core(0));
        assertEquals(UNKNOWN_ID, log.a(0));
        assertEquals(0, log.b(0));
        assertEquals(Status.DENIED, call(1, MonitorCall.PARTITION_INFO, 0), "linux may not read the rtos");
        assertEquals(2, m.counter(Counter.MONITOR_CALLS));
        assertEquals(1, m.counter(Counter.UNKNOWN_CALLS), "a known call is not unknown");
        assertEquals(1, m.counter(Counter.DENIED_CALLS));
        assertEquals(EventKind.DENIED_CALL, log.kind(1));
        assertEquals(MonitorCall.PARTITION_INFO, log.a(1));
        assertEquals(Status.DENIED, log.b(1));
        assertEquals(Status.OK, call(1, MonitorCall.VERSION));
        assertEquals(MonitorCall.ABI_VERSION, f.lastValue);
        assertEquals(3, m.counter(Counter.MONITOR_CALLS));
        assertEquals(1, m.counter(Counter.DENIED_CALLS), "a good call is not denied");
        assertEquals(2, log.sequence(), "and not logged");
    }

    // [utest->dsn~kernel.entries~1] [utest->dsn~kernel.fault.access~1]
    // [utest->dsn~kernel.phases~1]
    @Test
    void faultsAreRefusedOutsideTheMissionThenCountedLoggedAndRedirected() {
        unbooted();
        assertEquals(Status.BAD_STATE, m.onAccessFault(0, Access.WRITE, 0x1000));
        assertEquals(Status.BAD_STATE, m.onIllegalInstruction(0, 0x1000));
        assertNothingMoved(new long[Counter.COUNT], 0, 0, "before boot");
        boot();
        long[] before = counters();
        int port = f.log.size();
        for (int core : new int[] {-1, 2}) {
            assertEquals(Status.BAD_STATE, m.onAccessFault(core, Access.WRITE, 0x1000));
            assertEquals(Status.BAD_STATE, m.onIllegalInstruction(core, 0x1000));
        }
        assertNothingMoved(before, 0, port, "cores outside the image");
        f.now[0] = 300;
        assertEquals(Status.OK, m.onAccessFault(0, Access.WRITE, 0x1234_5678L));
        assertEquals(1, m.counter(Counter.ACCESS_FAULTS));
        assertEquals(0, m.counter(Counter.ILLEGAL_INSTRUCTIONS));
        assertEquals(1, m.counter(Counter.KERNEL_ENTRIES));
        assertEquals("redirect 0", f.log.get(f.log.size() - 1));
        EventRecords log = m.eventRecords();
        assertEquals(1, log.sequence(), "one fault is no storm: only its own record");
        assertEquals(EventKind.ACCESS_VIOLATION, log.kind(0));
        assertEquals(300, log.time(0));
        assertEquals(0, log.partition(0));
        assertEquals(0, log.core(0));
        assertEquals(0x1234_5678L, log.a(0));
        assertEquals(Access.WRITE, log.b(0));
        assertEquals(0, m.counter(Counter.FAILURES_DETECTED));
    }

    // [utest->dsn~kernel.entries~1] [utest->dsn~kernel.timer.multiplex~1]
    // [utest->dsn~kernel.phases~1]
    @Test
    void aTimerEntryIsRefusedOutsideTheMissionThenExpiresAndReschedules() {
        unbooted();
        assertEquals(Status.BAD_STATE, m.onTimer(0));
        assertNothingMoved(new long[Counter.COUNT], 0, 0, "before boot");
        boot();
        long[] before = counters();
        int port = f.log.size();
        for (int core : new int[] {-1, 2}) {
            assertEquals(Status.BAD_STATE, m.onTimer(core));
        }
        assertNothingMoved(before, 0, port, "cores outside the image");
        f.now[1] = 1_000;
        assertEquals(Status.OK, call(1, MonitorCall.SET_TIMER, 1_000));
        assertEquals(1_000, f.deadline[1]);
        assertEquals(Status.OK, m.onTimer(1));
        assertEquals(2, m.counter(Counter.KERNEL_ENTRIES));
        assertEquals(1, m.counter(Counter.TIMER_EXPIRIES));
        assertEquals(1, f.delivered.size());
        assertEquals("[1, 1, 0]", Arrays.toString(f.delivered.get(0)), "linux's timer, delivered on core 1");
        assertTrue(f.deadline[1] > 1_000, "nothing else is due");
    }

    // [utest->dsn~kernel.entries~1] [utest->dsn~kernel.irq.route~1]
    // [utest->dsn~kernel.phases~1]
    @Test
    void anExternalInterruptIsRefusedOutsideTheMissionThenClaimedAndDelivered() {
        unbooted();
        assertEquals(Status.BAD_STATE, m.onExternalInterrupt(0));
        assertNothingMoved(new long[Counter.COUNT], 0, 0, "before boot");
        boot();
        long[] before = counters();
        int port = f.log.size();
        f.pending[Images.CAN_LINE] = true;
        for (int core : new int[] {-1, 2}) {
            assertEquals(Status.BAD_STATE, m.onExternalInterrupt(core));
        }
        assertNothingMoved(before, 0, port, "cores outside the image");
        assertTrue(f.pending[Images.CAN_LINE], "nothing was claimed");
        assertEquals(Status.OK, m.onExternalInterrupt(0));
        assertEquals(1, m.counter(Counter.KERNEL_ENTRIES));
        assertEquals(1, m.counter(Counter.INTERRUPTS));
        assertEquals(1, m.counter(Counter.DELIVERED_INTERRUPTS));
        assertEquals(0, m.counter(Counter.SPURIOUS_INTERRUPTS));
        assertEquals("[0, 0, " + Images.CAN_LINE + "]", Arrays.toString(f.delivered.get(0)), "to the rtos, at once");
    }
}
