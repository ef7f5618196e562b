package warden.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import warden.kernel.api.Counter;
import warden.kernel.api.Criticality;
import warden.kernel.api.EventKind;
import warden.kernel.api.Monitor;
import warden.kernel.api.MonitorCall;
import warden.kernel.api.PartitionState;
import warden.kernel.api.Status;
import warden.kernel.port.Timer;

class MonitorCallsTest {
    private FakePlatform f;
    private Monitor m;

    @BeforeEach
    void boot() {
        f = new FakePlatform(2);
        m = Warden.create(f);
        assertEquals(Status.OK, m.boot(Images.shared().build()));
        assertEquals(Status.OK, m.start());
    }

    private int call(int core, int id, long... args) {
        java.util.Arrays.fill(f.args, 0);
        System.arraycopy(args, 0, f.args, 0, args.length);
        return m.onMonitorCall(core, id);
    }

    // [utest->dsn~kernel.mcall.unknown~1]
    // [utest->dsn~kernel.mcall.ids~1]
    // [utest->dsn~kernel.status-codes~1]
    @Test
    void anUnknownCallGetsNotSupportedAndIsCountedAndLogged() {
        assertEquals(Status.NOT_SUPPORTED, call(0, MonitorCall.UNKNOWN));
        assertEquals(Status.NOT_SUPPORTED, call(0, 4711));
        assertEquals(Status.NOT_SUPPORTED, f.lastStatus);
        assertEquals(2, m.counter(Counter.UNKNOWN_CALLS));
        assertEquals(EventKind.UNKNOWN_CALL, m.eventRecords().kind(m.eventRecords().sequence() - 1));
        assertEquals("NOT_SUPPORTED", Status.name(Status.NOT_SUPPORTED));
    }

    @Test
    void versionAndTimeAnswerWithTheirValues() {
        assertEquals(Status.OK, call(0, MonitorCall.VERSION));
        assertEquals(MonitorCall.ABI_VERSION, f.lastValue);
        f.now[0] = 12345;
        assertEquals(Status.OK, call(0, MonitorCall.GET_TIME));
        assertEquals(12345, f.lastValue);
    }

    // [utest->dsn~kernel.mcall.heartbeat~1]
    @Test
    void theFirstHeartbeatMarksThePartitionBooted() {
        assertEquals(-1, m.bootTimeNs(0));
        assertEquals(PartitionState.BOOTING, m.partitionState(0));
        f.now[0] = 3_000_000;
        call(0, MonitorCall.HEARTBEAT);
        f.now[0] = 4_000_000;
        call(0, MonitorCall.HEARTBEAT);
        assertEquals(3_000_000, m.bootTimeNs(0));
        assertEquals(4_000_000, m.lastHeartbeatNs(0));
        assertEquals(PartitionState.RUNNING, m.partitionState(0));
    }

    // [utest->dsn~kernel.mcall.console-write~1]
    // [utest->dsn~kernel.mcall.decode-invoke~1]
    @Test
    void consoleWriteReadsOnlyTheCallersOwnReadableMemory() {
        f.memoryBase = Images.RTOS_RAM;
        byte[] text = "hello\n".getBytes();
        System.arraycopy(text, 0, f.memory, 0x100, text.length);
        assertEquals(Status.OK, call(0, MonitorCall.CONSOLE_WRITE, Images.RTOS_RAM + 0x100, text.length));
        assertEquals("hello\n", f.console.toString());
        assertEquals(Status.INVALID_ADDRESS, call(0, MonitorCall.CONSOLE_WRITE, Images.MON, 8), "monitor memory");
        assertEquals(Status.INVALID_ADDRESS, call(0, MonitorCall.CONSOLE_WRITE, Images.LINUX_RAM, 8), "linux memory");
        assertEquals(Status.INVALID_ADDRESS, call(0, MonitorCall.CONSOLE_WRITE, Images.RTOS_RAM + 0x40_0000L - 4, 8),
                "straddles the end of its region");
        assertEquals(Status.INVALID_ADDRESS, call(0, MonitorCall.CONSOLE_WRITE, -8, 8), "negative address");
        assertEquals(Status.INVALID_ADDRESS, call(0, MonitorCall.CONSOLE_WRITE, Long.MAX_VALUE - 2, 8), "wraps");
        assertEquals(Status.INVALID_PARAM, call(0, MonitorCall.CONSOLE_WRITE, Images.RTOS_RAM, 257), "too long");
        assertEquals(Status.INVALID_PARAM, call(0, MonitorCall.CONSOLE_WRITE, Images.RTOS_RAM, -1), "negative length");
        assertEquals("hello\n", f.console.toString(), "nothing printed by refused calls");
        assertEquals(7, m.counter(Counter.DENIED_CALLS));
    }

    // [utest->dsn~kernel.mcall.partition-info~1]
    @Test
    void partitionInfoOfAnotherPartitionNeedsPrivilege() {
        assertEquals(Status.OK, call(0, MonitorCall.PARTITION_INFO, -1));
        assertEquals(Criticality.ASIL_C, f.lastValue & 0xff);
        assertEquals(0b01, (f.lastValue >>> 16) & 0xffff);
        assertEquals(Status.OK, call(0, MonitorCall.PARTITION_INFO, 0), "its own index");
        assertEquals(Status.DENIED, call(0, MonitorCall.PARTITION_INFO, 1), "not privileged");
        assertEquals(Status.INVALID_PARAM, call(0, MonitorCall.PARTITION_INFO, 2));
        assertEquals(Status.INVALID_PARAM, call(0, MonitorCall.PARTITION_INFO, -2));
    }

    // [utest->dsn~kernel.timer.multiplex~1]
    @Test
    void virtualTimersOfPartitionsSharingACoreAreMultiplexedOnTheHardwareTimer() {
        assertEquals(Status.OK, call(0, MonitorCall.SET_TIMER, 5_000));
        assertEquals(5_000, f.deadline[0]);
        call(0, MonitorCall.YIELD);
        assertEquals(1, m.running(0), "linux runs while rtos waits");
        call(0, MonitorCall.SET_TIMER, 2_000);
        assertEquals(2_000, f.deadline[0], "the earliest deadline of the core is programmed");
        assertEquals(Status.INVALID_PARAM, call(0, MonitorCall.SET_TIMER, -5));
        f.now[0] = 2_000;
        m.onTimer(0);
        assertEquals(5_000, f.deadline[0]);
        assertEquals(1, m.running(0), "linux's own timer does not switch");
        f.now[0] = 5_000;
        m.onTimer(0);
        assertEquals(0, m.running(0), "rtos's timer preempts linux at once");
        assertEquals(Timer.NEVER, f.deadline[0]);
        int[] last = f.delivered.get(f.delivered.size() - 1);
        assertEquals(0, last[1], "the timer was delivered to rtos");
        assertTrue(m.counter(Counter.TIMER_EXPIRIES) >= 2);
    }

    // [utest->dsn~kernel.fault.access~1]
    @Test
    void anAccessFaultIsLoggedAndRedirectedToTheGuest() {
        assertEquals(Status.OK, m.onAccessFault(0, 1, Images.MON));
        assertEquals(1, m.counter(Counter.ACCESS_FAULTS));
        long s = m.eventRecords().sequence() - 1;
        assertEquals(EventKind.ACCESS_VIOLATION, m.eventRecords().kind(s));
        assertEquals(Images.MON, m.eventRecords().a(s));
        assertEquals(0, m.eventRecords().partition(s));
        assertTrue(f.log.contains("redirect 0"));
        assertEquals(Status.OK, m.onIllegalInstruction(1, 0x1234));
        assertEquals(1, m.counter(Counter.ILLEGAL_INSTRUCTIONS));
    }

    // [utest->dsn~kernel.entries~1]
    @Test
    void entriesOnACoreThatDoesNotExistAreRefused() {
        assertEquals(Status.BAD_STATE, m.onMonitorCall(7, MonitorCall.VERSION));
        assertEquals(Status.BAD_STATE, m.onTimer(-1));
        assertEquals(Status.BAD_STATE, m.onExternalInterrupt(2));
        assertEquals(Status.BAD_STATE, m.onAccessFault(9, 1, 0));
    }
}
