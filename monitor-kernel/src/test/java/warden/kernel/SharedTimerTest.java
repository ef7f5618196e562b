package warden.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import warden.kernel.api.Counter;
import warden.kernel.api.EventKind;
import warden.kernel.api.HealthAction;
import warden.kernel.api.Monitor;
import warden.kernel.api.MonitorCall;
import warden.kernel.api.Status;
import warden.kernel.port.Timer;

/** The monitor's own deadlines (the watchdogs) and the partitions' virtual timers share each core's timer. */
class SharedTimerTest {
    private final KernelRig rig = new KernelRig(Images.shared());
    private final FakePlatform f = rig.f;
    private final Monitor m = rig.m;

    // [utest->dsn~kernel.timer.multiplex~1]
    @Test
    void theWatchdogAndAVirtualTimerShareTheCoresTimerAndEachExpiryServesWhatIsDue() {
        rig.at(1_000_000);
        m.onMonitorCall(0, MonitorCall.HEARTBEAT); // the rtos's watchdog on core 0: due at 6 ms
        m.onMonitorCall(0, MonitorCall.YIELD);
        assertEquals(1, m.running(0), "linux runs on core 0 while the rtos waits");
        f.args[0] = 8_000_000;
        assertEquals(Status.OK, m.onMonitorCall(0, MonitorCall.SET_TIMER));
        assertEquals(6_000_000, f.deadline[0], "the earliest: the watchdog");
        rig.at(6_000_000);
        assertEquals(Status.OK, m.onTimer(0));
        KernelRigEvents.assertHas(m, EventKind.FAILURE_DETECTED, 0, HealthAction.REASON_WATCHDOG, HealthAction.RESTART);
        assertEquals(0, m.running(0), "the restarted rtos preempts linux");
        assertEquals(8_000_000, f.deadline[0], "linux's virtual timer is now the earliest");
        assertEquals(0, m.counter(Counter.TIMER_EXPIRIES));
        rig.at(8_000_000);
        assertEquals(Status.OK, m.onTimer(0));
        assertEquals(1, m.counter(Counter.TIMER_EXPIRIES));
        assertEquals(Timer.NEVER, f.deadline[0], "nothing is left on core 0");
        assertEquals(0, m.running(0), "linux's expiry waits while the rtos runs");
        int delivered = f.delivered.size();
        m.onMonitorCall(0, MonitorCall.YIELD);
        assertEquals(1, m.running(0));
        assertEquals("[0, 1, 0]", Arrays.toString(f.delivered.get(delivered)), "linux gets its timer when it runs");
    }
}
