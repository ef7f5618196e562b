package warden.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import warden.kernel.api.Counter;
import warden.kernel.api.Monitor;
import warden.kernel.api.MonitorCall;
import warden.kernel.api.Status;
import warden.kernel.port.Timer;

/**
 * Decode, then invoke, seen from the guest: a call whose decode refuses its arguments answers the
 * decode's status and nothing acts; a call that decoded OK (or has nothing to decode) acts.
 */
class DecodeInvokeTest {
    private FakePlatform f;
    private Monitor m;

    @BeforeEach
    void boot() {
        KernelRig rig = new KernelRig(Images.shared());
        f = rig.f;
        m = rig.m;
    }

    private int call(int core, int id, long... args) {
        Arrays.fill(f.args, 0);
        System.arraycopy(args, 0, f.args, 0, args.length);
        f.lastStatus = 99;
        f.lastValue = 99;
        return m.onMonitorCall(core, id);
    }

    /** Calls id on core with args, expects {@code expected} both returned and answered to the guest. */
    private void assertAnswers(int expected, int core, int id, long... args) {
        String what = MonitorCall.name(id);
        assertEquals(expected, call(core, id, args), what);
        assertEquals(expected, f.lastStatus, what + " answered to the guest");
    }

    // [utest->dsn~kernel.mcall.decode-invoke~1]
    @Test
    void aCallWhoseDecodeRefusesItsArgumentsAnswersThatStatusAndNothingActs() {
        f.memoryBase = Images.RTOS_RAM;
        Arrays.fill(f.memory, 0, 0x100, (byte) 0x5A);
        long[] deadlines = f.deadline.clone();
        int portCalls = f.log.size();
        assertAnswers(Status.INVALID_PARAM, 0, MonitorCall.SET_TIMER, -5);
        assertAnswers(Status.INVALID_PARAM, 0, MonitorCall.VCPU_ON, 1, Images.RTOS_RAM);
        assertAnswers(Status.DENIED, 0, MonitorCall.EVENT_READ, 0, Images.RTOS_RAM);
        assertAnswers(Status.INVALID_ADDRESS, 0, MonitorCall.CONSOLE_WRITE, Images.MON, 8);
        assertAnswers(Status.DENIED, 0, MonitorCall.PARTITION_INFO, 1);
        assertEquals(0, f.lastValue, "no information leaves with a refusal");
        assertEquals(5, m.counter(Counter.DENIED_CALLS));
        assertEquals(Arrays.toString(deadlines), Arrays.toString(f.deadline), "no timer set, no core kicked");
        assertEquals(portCalls, f.log.size(), "no world switch, no protection change");
        assertEquals(0, m.running(0));
        assertEquals(1, m.running(1));
        assertEquals("", f.console.toString(), "nothing printed");
        for (int i = 0; i < 0x100; i++) {
            assertEquals((byte) 0x5A, f.memory[i], "nothing written at " + i);
        }
    }

    // [utest->dsn~kernel.mcall.decode-invoke~1]
    @Test
    void aCallThatDecodedOkActs() {
        assertAnswers(Status.OK, 0, MonitorCall.SET_TIMER, 7_000);
        assertEquals(7_000, f.deadline[0], "the timer is set");
        assertAnswers(Status.OK, 0, MonitorCall.SET_TIMER, -1);
        assertEquals(Timer.NEVER, f.deadline[0], "and cancelled");
        assertAnswers(Status.OK, 1, MonitorCall.VCPU_OFF);
        assertEquals(-1, m.running(1), "core 1 idles");
        assertAnswers(Status.OK, 0, MonitorCall.YIELD);
        assertEquals(1, m.running(0), "linux runs on core 0 while rtos waits");
        f.now[0] = 3_000;
        f.now[1] = 3_000;
        assertAnswers(Status.OK, 0, MonitorCall.VCPU_ON, 1, Images.LINUX_RAM + 0x80);
        assertEquals(3_000, f.deadline[1], "core 1 is kicked to start linux's vCPU");
        assertEquals(0, m.counter(Counter.DENIED_CALLS));
    }

    // [utest->dsn~kernel.mcall.decode-invoke~1]
    @Test
    void callsWithNothingToDecodeActAtOnce() {
        assertAnswers(Status.OK, 1, MonitorCall.PARTITION_RESET);
        assertEquals(1, m.restarts(1), "linux restarted");
        assertEquals(0, m.counter(Counter.FAILURES_DETECTED), "a requested restart is no failure");
        assertAnswers(Status.OK, 1, MonitorCall.REPORT_FAILURE);
        assertEquals(1, m.counter(Counter.FAILURES_DETECTED), "the reported failure is taken");
        assertEquals(0, m.counter(Counter.DENIED_CALLS));
    }
}
