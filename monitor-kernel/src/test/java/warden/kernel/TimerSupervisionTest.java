package warden.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import warden.kernel.api.Counter;
import warden.kernel.api.EventKind;
import warden.kernel.api.Monitor;
import warden.kernel.api.MonitorCall;
import warden.kernel.core.EventLog;
import warden.kernel.core.Scheduler;
import warden.kernel.port.Timer;

/** A core's monitor timer that does not fire is found from any core's entry, re-armed, and its recovery logged. */
class TimerSupervisionTest {
    private static final long WATCHDOG = 5_000_000;
    private final KernelRig rig = new KernelRig(Images.shared());
    private final FakePlatform f = rig.f;
    private final Monitor m = rig.m;

    /** The rtos heartbeats at t on core 0: core 0's comparator holds t + 5 ms (its watchdog). */
    private long armCore0(long t) {
        rig.at(t);
        m.onMonitorCall(0, MonitorCall.HEARTBEAT);
        assertEquals(t + WATCHDOG, f.deadline[0]);
        return t + WATCHDOG;
    }

    /** An entry on core 1 at time t: a spurious external interrupt, which changes nothing else. */
    private void entryOnCore1(long t) {
        f.now[1] = t;
        m.onExternalInterrupt(1);
    }

    // [utest->dsn~kernel.timer-supervision~1]
    @Test
    void aComparatorThatLostItsDeadlineIsFoundReArmedAndItsRecoveryLogged() {
        long d = armCore0(1_000_000);
        f.deadline[0] = Timer.NEVER; // the upset: core 0's comparator no longer holds the deadline
        entryOnCore1(d + Scheduler.TIMER_SLACK_NS);
        assertEquals(0, m.counter(Counter.TIMER_FAULTS), "exactly the slack late is still on time");
        entryOnCore1(d + Scheduler.TIMER_SLACK_NS + 1);
        assertEquals(1, m.counter(Counter.TIMER_FAULTS));
        long s = rig.last(EventKind.TIMER_FAULT);
        EventLog log = m.events();
        assertEquals(0, log.core(s), "the faulty core");
        assertEquals(Scheduler.TIMER_SLACK_NS + 1, log.a(s), "how late");
        assertEquals(d, log.b(s), "the deadline it missed");
        assertEquals(d, f.deadline[0], "the comparator is written again");
        entryOnCore1(d + 2 * Scheduler.TIMER_SLACK_NS);
        assertEquals(1, m.counter(Counter.TIMER_FAULTS), "one fault is reported once");
        f.now[0] = d + Scheduler.TIMER_SLACK_NS + 500;
        m.onTimer(0);
        long r = rig.last(EventKind.TIMER_RECOVERED);
        assertEquals(0, log.core(r));
        assertEquals(499, log.a(r), "time from the detection to the timer entry");
    }

    // [utest->dsn~kernel.timer-supervision~1]
    @Test
    void theNextCoreIsProgrammedToWakeWhenTheCoreItWatchesWouldBeLate() {
        long d = armCore0(1_000_000);
        assertEquals(d + Scheduler.TIMER_SLACK_NS + 1, f.deadline[1], "core 1 watches core 0; it has no deadline of its own");
        f.deadline[0] = Timer.NEVER;
        f.now[1] = d + Scheduler.TIMER_SLACK_NS + 1;
        m.onTimer(1); // the watch fires: no other entry was needed
        assertEquals(1, m.counter(Counter.TIMER_FAULTS));
        assertEquals(0, m.events().core(rig.last(EventKind.TIMER_FAULT)));
        assertEquals(d, f.deadline[0], "re-armed");
        assertEquals(Timer.NEVER, f.deadline[1], "no watch on a core whose fault is known: core 1 sleeps");
        f.now[0] = d + Scheduler.TIMER_SLACK_NS + 10;
        m.onTimer(0);
        assertEquals(0, m.events().core(rig.last(EventKind.TIMER_RECOVERED)));
        assertEquals(Timer.NEVER, f.deadline[0], "the rtos restarted with no boot timeout: core 0 has no deadline");
        assertEquals(Timer.NEVER, f.deadline[1], "so core 1 watches nothing");
    }

    // [utest->dsn~kernel.timer-supervision~1]
    @Test
    void aCoreWhoseTimerFiresOnTimeCostsItsWatcherNoEntry() {
        long d = armCore0(1_000_000);
        f.now[0] = d - 1_000;
        m.onMonitorCall(0, MonitorCall.HEARTBEAT); // re-armed before it fired: the watch moves with it
        assertEquals(d - 1_000 + WATCHDOG + Scheduler.TIMER_SLACK_NS + 1, f.deadline[1]);
        assertEquals(0, m.counter(Counter.TIMER_FAULTS));
    }

    // [utest->dsn~kernel.timer-supervision~1]
    @Test
    void aRecoveryOnACoreWhoseClockIsBehindTheDetectingCoreIsNotLoggedBeforeTheDetection() {
        long d = armCore0(1_000_000);
        f.deadline[0] = Timer.NEVER;
        long detected = d + Scheduler.TIMER_SLACK_NS + 50;
        entryOnCore1(detected);
        f.now[0] = detected - 400; // core 0 runs its quantum behind core 1
        m.onTimer(0);
        long r = rig.last(EventKind.TIMER_RECOVERED);
        assertEquals(detected, m.events().time(r));
        assertEquals(0, m.events().a(r));
    }

    // [utest->dsn~kernel.timer-supervision~1]
    @Test
    void aTimerThatFiresOnTimeOrADeadlineWrittenLateIsNoFault() {
        long d = armCore0(1_000_000);
        f.now[0] = d;
        m.onTimer(0); // fired on time; the rtos missed its heartbeat, so it restarts: core 0 is programmed anew
        entryOnCore1(d + 10 * Scheduler.TIMER_SLACK_NS);
        assertEquals(0, m.counter(Counter.TIMER_FAULTS), "a fired timer is not supervised until written again");

        rig.at(50_000_000);
        f.args[0] = 40_000_000; // linux on core 1 asks for a timer already in the past
        m.onMonitorCall(1, MonitorCall.SET_TIMER);
        entryOnCore1(50_000_000 + Scheduler.TIMER_SLACK_NS);
        assertEquals(0, m.counter(Counter.TIMER_FAULTS), "a past deadline is due from the moment it is written");
        entryOnCore1(50_000_000 + Scheduler.TIMER_SLACK_NS + 1);
        assertEquals(1, m.counter(Counter.TIMER_FAULTS), "and late once the slack has passed since the write");
        assertEquals(1, m.events().core(rig.last(EventKind.TIMER_FAULT)));
        assertEquals(Scheduler.TIMER_SLACK_NS + 1, m.events().a(rig.last(EventKind.TIMER_FAULT)));
    }

    // [utest->dsn~kernel.timer-supervision~1]
    @Test
    void aRecoveredCoreIsSupervisedAgainAndItsRecoveryIsLoggedOnce() {
        long d = armCore0(1_000_000);
        f.deadline[0] = Timer.NEVER;
        entryOnCore1(d + Scheduler.TIMER_SLACK_NS + 1);
        f.now[0] = d + Scheduler.TIMER_SLACK_NS + 2;
        m.onTimer(0);
        f.now[0] = d + Scheduler.TIMER_SLACK_NS + 3;
        m.onTimer(0);
        assertEquals(1, rig.count(EventKind.TIMER_RECOVERED), "one recovery per fault");
        long d2 = armCore0(10_000_000);
        f.deadline[0] = Timer.NEVER;
        entryOnCore1(d2 + Scheduler.TIMER_SLACK_NS + 1);
        assertEquals(2, m.counter(Counter.TIMER_FAULTS), "a second fault of the same core is found too");
    }

    // [utest->dsn~kernel.timer-supervision~1]
    @Test
    void aSingleCoreSystemHasNoWatchOnItsComparator() {
        warden.kernel.api.SystemImage.Builder b = warden.kernel.api.SystemImage.builder(1).monitor(Images.MON, 0x20_0000L);
        int p = b.partition("solo", warden.kernel.api.Criticality.ASIL_C, 0b1, Images.RTOS_RAM, WATCHDOG, false);
        b.region(p, Images.RTOS_RAM, 0x40_0000L, warden.kernel.api.Access.ALL);
        FakePlatform one = new FakePlatform(1);
        Monitor solo = new Monitor(one);
        assertEquals(warden.kernel.api.Status.OK, solo.boot(b.build()));
        assertEquals(warden.kernel.api.Status.OK, solo.start());
        one.now[0] = 2_000;
        solo.onMonitorCall(0, MonitorCall.HEARTBEAT);
        assertEquals(2_000 + WATCHDOG, one.deadline[0], "its own watchdog only: no core watches itself");
    }
}
