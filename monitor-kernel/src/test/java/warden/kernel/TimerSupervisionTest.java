package warden.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import warden.kernel.api.Access;
import warden.kernel.api.Counter;
import warden.kernel.api.Criticality;
import warden.kernel.api.EventKind;
import warden.kernel.api.HealthAction;
import warden.kernel.api.Monitor;
import warden.kernel.api.MonitorCall;
import warden.kernel.api.Status;
import warden.kernel.api.SystemImage;
import warden.kernel.api.SystemImageBuilder;
import warden.kernel.port.Timer;
import warden.kernel.api.EventRecords;
import warden.kernel.sched.VirtualTimers;

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
        entryOnCore1(d + VirtualTimers.TIMER_SLACK_NS);
        assertEquals(0, m.counter(Counter.TIMER_FAULTS), "exactly the slack late is still on time");
        entryOnCore1(d + VirtualTimers.TIMER_SLACK_NS + 1);
        assertEquals(1, m.counter(Counter.TIMER_FAULTS));
        long s = rig.last(EventKind.TIMER_FAULT);
        EventRecords log = m.eventRecords();
        assertEquals(0, log.core(s), "the faulty core");
        assertEquals(VirtualTimers.TIMER_SLACK_NS + 1, log.a(s), "how late");
        assertEquals(d, log.b(s), "the deadline it missed");
        assertEquals(d, f.deadline[0], "the comparator is written again");
        entryOnCore1(d + 2 * VirtualTimers.TIMER_SLACK_NS);
        assertEquals(1, m.counter(Counter.TIMER_FAULTS), "one fault is reported once");
        f.now[0] = d + VirtualTimers.TIMER_SLACK_NS + 500;
        m.onTimer(0);
        long r = rig.last(EventKind.TIMER_RECOVERED);
        assertEquals(0, log.core(r));
        assertEquals(499, log.a(r), "time from the detection to the timer entry");
    }

    // [utest->dsn~kernel.timer-supervision~1]
    @Test
    void theNextCoreIsProgrammedToWakeWhenTheCoreItWatchesWouldBeLate() {
        long d = armCore0(1_000_000);
        assertEquals(d + VirtualTimers.TIMER_SLACK_NS + 1, f.deadline[1],
                "core 1 watches core 0; it has no deadline of its own");
        f.deadline[0] = Timer.NEVER;
        f.now[1] = d + VirtualTimers.TIMER_SLACK_NS + 1;
        m.onTimer(1); // the watch fires: no other entry was needed
        assertEquals(1, m.counter(Counter.TIMER_FAULTS));
        assertEquals(0, m.eventRecords().core(rig.last(EventKind.TIMER_FAULT)));
        assertEquals(d, f.deadline[0], "re-armed");
        assertEquals(Timer.NEVER, f.deadline[1], "no watch on a core whose fault is known: core 1 sleeps");
        f.now[0] = d + VirtualTimers.TIMER_SLACK_NS + 10;
        m.onTimer(0);
        assertEquals(0, m.eventRecords().core(rig.last(EventKind.TIMER_RECOVERED)));
        assertEquals(Timer.NEVER, f.deadline[0], "the rtos restarted with no boot timeout: core 0 has no deadline");
        assertEquals(Timer.NEVER, f.deadline[1], "so core 1 watches nothing");
    }

    // [utest->dsn~kernel.timer-supervision~1]
    @Test
    void aCoreWhoseTimerFiresOnTimeCostsItsWatcherNoEntry() {
        long d = armCore0(1_000_000);
        f.now[0] = d - 1_000;
        m.onMonitorCall(0, MonitorCall.HEARTBEAT); // re-armed before it fired: the watch moves with it
        assertEquals(d - 1_000 + WATCHDOG + VirtualTimers.TIMER_SLACK_NS + 1, f.deadline[1]);
        assertEquals(0, m.counter(Counter.TIMER_FAULTS));
    }

    // [utest->dsn~kernel.timer-supervision~1]
    @Test
    void aRecoveryOnACoreWhoseClockIsBehindTheDetectingCoreIsNotLoggedBeforeTheDetection() {
        long d = armCore0(1_000_000);
        f.deadline[0] = Timer.NEVER;
        long detected = d + VirtualTimers.TIMER_SLACK_NS + 50;
        entryOnCore1(detected);
        f.now[0] = detected - 400; // core 0 runs its quantum behind core 1
        m.onTimer(0);
        long r = rig.last(EventKind.TIMER_RECOVERED);
        assertEquals(detected, m.eventRecords().time(r));
        assertEquals(0, m.eventRecords().a(r));
    }

    // [utest->dsn~kernel.timer-supervision~1]
    @Test
    void aTimerThatFiresOnTimeOrADeadlineWrittenLateIsNoFault() {
        long d = armCore0(1_000_000);
        f.now[0] = d;
        m.onTimer(0); // fired on time; the rtos missed its heartbeat, so it restarts: core 0 is programmed anew
        entryOnCore1(d + 10 * VirtualTimers.TIMER_SLACK_NS);
        assertEquals(0, m.counter(Counter.TIMER_FAULTS), "a fired timer is not supervised until written again");

        rig.at(50_000_000);
        f.args[0] = 40_000_000; // linux on core 1 asks for a timer already in the past
        m.onMonitorCall(1, MonitorCall.SET_TIMER);
        entryOnCore1(50_000_000 + VirtualTimers.TIMER_SLACK_NS);
        assertEquals(0, m.counter(Counter.TIMER_FAULTS), "a past deadline is due from the moment it is written");
        entryOnCore1(50_000_000 + VirtualTimers.TIMER_SLACK_NS + 1);
        assertEquals(1, m.counter(Counter.TIMER_FAULTS), "and late once the slack has passed since the write");
        assertEquals(1, m.eventRecords().core(rig.last(EventKind.TIMER_FAULT)));
        assertEquals(VirtualTimers.TIMER_SLACK_NS + 1, m.eventRecords().a(rig.last(EventKind.TIMER_FAULT)));
    }

    // [utest->dsn~kernel.timer-supervision~1]
    @Test
    void aRecoveredCoreIsSupervisedAgainAndItsRecoveryIsLoggedOnce() {
        long d = armCore0(1_000_000);
        f.deadline[0] = Timer.NEVER;
        entryOnCore1(d + VirtualTimers.TIMER_SLACK_NS + 1);
        f.now[0] = d + VirtualTimers.TIMER_SLACK_NS + 2;
        m.onTimer(0);
        f.now[0] = d + VirtualTimers.TIMER_SLACK_NS + 3;
        m.onTimer(0);
        assertEquals(1, rig.count(EventKind.TIMER_RECOVERED), "one recovery per fault");
        long d2 = armCore0(10_000_000);
        f.deadline[0] = Timer.NEVER;
        entryOnCore1(d2 + VirtualTimers.TIMER_SLACK_NS + 1);
        assertEquals(2, m.counter(Counter.TIMER_FAULTS), "a second fault of the same core is found too");
    }

    /** The check reads the entering core's clock: an entry on a core outside the image is refused before it. */
    // [utest->dsn~kernel.timer-supervision~1]
    @Test
    void onlyAnEntryOnACoreOfTheImageChecksTheTimersAgainstItsClock() {
        long d = armCore0(1_000_000);
        f.deadline[0] = Timer.NEVER;
        rig.at(d + VirtualTimers.TIMER_SLACK_NS + 1);
        for (int core : new int[] {-1, 2}) {
            assertEquals(Status.BAD_STATE, m.onTimer(core));
            assertEquals(Status.BAD_STATE, m.onExternalInterrupt(core));
        }
        assertEquals(0, m.counter(Counter.TIMER_FAULTS), "no clock of a core outside the image is read");
        assertEquals(Timer.NEVER, f.deadline[0]);
        entryOnCore1(d + VirtualTimers.TIMER_SLACK_NS + 1);
        assertEquals(1, m.counter(Counter.TIMER_FAULTS), "the next accepted entry checks");
        assertEquals(d, f.deadline[0]);
    }

    /** @return a booted and started kernel on {@code on}. */
    private static Monitor started(FakePlatform on, SystemImageBuilder b) {
        Monitor k = Warden.create(on);
        assertEquals(Status.OK, k.boot(b.build()));
        assertEquals(Status.OK, k.start());
        return k;
    }

    /** One core, one ASIL-C partition "solo" with the given watchdog period. */
    private static SystemImageBuilder solo(long watchdog) {
        SystemImageBuilder b = SystemImage.builder(1).monitor(Images.MON, 0x20_0000L);
        int p = b.partition("solo", Criticality.ASIL_C, 0b1, Images.RTOS_RAM, watchdog, false);
        b.region(p, Images.RTOS_RAM, 0x40_0000L, Access.ALL);
        return b;
    }

    // [utest->dsn~kernel.timer-supervision~1]
    @Test
    void aSingleCoreSystemHasNoWatchOnItsComparator() {
        FakePlatform one = new FakePlatform(1);
        Monitor solo = started(one, solo(WATCHDOG));
        one.now[0] = 2_000;
        solo.onMonitorCall(0, MonitorCall.HEARTBEAT);
        assertEquals(2_000 + WATCHDOG, one.deadline[0], "its own watchdog only: no core watches itself");
    }

    /**
     * On one core, a comparator that lost its deadline is found by the core's own next entry (a
     * late monitor call) and written again; there is no other core whose watch would change.
     */
    // [utest->dsn~kernel.timer-supervision~1]
    @Test
    void aSingleCoresLostDeadlineIsFoundAtItsOwnNextEntryAndReArmed() {
        FakePlatform one = new FakePlatform(1);
        Monitor solo = started(one, solo(WATCHDOG));
        one.now[0] = 2_000;
        solo.onMonitorCall(0, MonitorCall.HEARTBEAT);
        one.deadline[0] = Timer.NEVER; // the upset
        one.now[0] = 2_000 + WATCHDOG + VirtualTimers.TIMER_SLACK_NS + 1;
        solo.onMonitorCall(0, MonitorCall.VERSION);
        assertEquals(1, solo.counter(Counter.TIMER_FAULTS));
        assertEquals(2_000 + WATCHDOG, one.deadline[0], "written again");
    }

    // [utest->dsn~kernel.timer-supervision~1]
    @Test
    void aSingleCoreSystemWritesEvenTheFarthestDeadlineAsItIs() {
        FakePlatform one = new FakePlatform(1);
        Monitor solo = started(one, solo(0));
        one.now[0] = 2_000;
        one.args[0] = Timer.NEVER - 1;
        assertEquals(Status.OK, solo.onMonitorCall(0, MonitorCall.SET_TIMER));
        assertEquals(Timer.NEVER - 1, one.deadline[0], "no watch of itself is added to its own deadline");
    }

    // [utest->dsn~kernel.timer-supervision~1]
    @Test
    void withThreeCoresEachCoreWatchesTheOneBeforeItAndCoreZeroWatchesTheLast() {
        SystemImageBuilder b = SystemImage.builder(3).monitor(Images.MON, 0x20_0000L);
        int rtos = b.partition("rtos", Criticality.ASIL_C, 0b001, Images.RTOS_RAM, WATCHDOG, false);
        b.region(rtos, Images.RTOS_RAM, 0x40_0000L, Access.ALL);
        int linux = b.partition("linux", Criticality.QM, 0b111, Images.LINUX_RAM, 0, false);
        b.region(linux, Images.LINUX_RAM, 0x100_0000L, Access.ALL);
        FakePlatform three = new FakePlatform(3);
        Monitor k = started(three, b);
        Arrays.fill(three.now, 1_000_000);
        k.onMonitorCall(0, MonitorCall.HEARTBEAT);
        long d = 1_000_000 + WATCHDOG;
        assertEquals(d, three.deadline[0]);
        assertEquals(d + VirtualTimers.TIMER_SLACK_NS + 1, three.deadline[1], "core 1 watches core 0");
        assertEquals(Timer.NEVER, three.deadline[2], "core 2 watches core 1, which has no deadline");
        long e = 2_000_000;
        three.args[0] = e;
        k.onMonitorCall(2, MonitorCall.SET_TIMER); // linux on core 2
        assertEquals(e, three.deadline[2]);
        assertEquals(e + VirtualTimers.TIMER_SLACK_NS + 1, three.deadline[0], "core 0 watches core 2, the last");
        assertEquals(d + VirtualTimers.TIMER_SLACK_NS + 1, three.deadline[1]);
        three.deadline[2] = Timer.NEVER; // core 2's comparator loses its deadline
        three.now[0] = e + VirtualTimers.TIMER_SLACK_NS + 1;
        k.onTimer(0); // core 0's watch fires
        assertEquals(1, k.counter(Counter.TIMER_FAULTS));
        KernelRigEvents.assertHas(k, EventKind.TIMER_FAULT, SystemImage.NO_PARTITION,
                VirtualTimers.TIMER_SLACK_NS + 1, e);
        assertEquals(e, three.deadline[2], "re-armed");
    }

    // [utest->dsn~kernel.timer-supervision~1]
    @Test
    void aComparatorIsWrittenOnlyWhenWhatItMustHoldChangesSoALostValueIsLeftToTheCheck() {
        long d = armCore0(1_000_000);
        f.deadline[0] = Timer.NEVER; // core 0's comparator loses its deadline
        rig.at(d - 2_000);
        f.args[0] = d + 1_000_000;
        m.onMonitorCall(1, MonitorCall.SET_TIMER); // linux on core 1, which core 0 watches: later than core 0's own
        assertEquals(d + VirtualTimers.TIMER_SLACK_NS + 1, f.deadline[1], "core 1 still wakes for its watch of core 0");
        assertEquals(Timer.NEVER, f.deadline[0], "core 0 must hold d as before: it is not written again");
        entryOnCore1(d + VirtualTimers.TIMER_SLACK_NS + 1);
        assertEquals(1, m.counter(Counter.TIMER_FAULTS), "the check finds it");
        assertEquals(d, f.deadline[0]);
    }

    // [utest->dsn~kernel.timer-supervision~1]
    // [utest->dsn~kernel.timer.multiplex~1]
    @Test
    void reprogrammingACoreWithItsSameEarliestDeadlineAfterItWasDueDoesNotPostponeTheCheck() {
        long d = armCore0(1_000_000); // the rtos's watchdog
        assertEquals(d + VirtualTimers.TIMER_SLACK_NS + 1, f.deadline[1], "core 1 watches core 0");
        rig.at(2_000_000);
        f.args[0] = d + 1_000_000;
        m.onMonitorCall(0, MonitorCall.SET_TIMER); // the rtos's virtual timer, after its watchdog
        assertEquals(d, f.deadline[0], "the earliest deadline of the core is programmed");
        f.deadline[0] = Timer.NEVER; // core 0's comparator loses it
        rig.at(d + 100);
        f.args[0] = d + 2_000_000;
        m.onMonitorCall(0, MonitorCall.SET_TIMER); // the earliest deadline is still d
        assertEquals(0, m.counter(Counter.TIMER_FAULTS), "within the slack");
        entryOnCore1(d + VirtualTimers.TIMER_SLACK_NS + 1);
        assertEquals(1, m.counter(Counter.TIMER_FAULTS), "due at d, not at the reprogramming");
        long s = rig.last(EventKind.TIMER_FAULT);
        assertEquals(VirtualTimers.TIMER_SLACK_NS + 1, m.eventRecords().a(s));
        assertEquals(d, m.eventRecords().b(s));
        assertEquals(d, f.deadline[0]);
    }

    // [utest->dsn~kernel.timer-supervision~1]
    // [utest->dsn~kernel.context-integrity~1]
    @Test
    void oneEntryEndsWithBothTheSavedContextReportAndTheTimerCheck() {
        long d = armCore0(1_000_000);
        assertEquals(Status.OK, m.upsetSavedContext(1, 0, 0, 3)); // linux's saved context on core 0
        f.deadline[0] = Timer.NEVER; // and core 0's comparator loses the rtos's watchdog
        rig.at(d + VirtualTimers.TIMER_SLACK_NS + 1);
        assertEquals(Status.OK, m.onMonitorCall(0, MonitorCall.YIELD)); // the rtos yields: linux would be restored
        assertEquals(1, m.counter(Counter.CONTEXT_FAULTS));
        KernelRigEvents.assertHas(m, EventKind.FAILURE_DETECTED, 1, HealthAction.REASON_CONTEXT, HealthAction.RESTART);
        assertEquals(1, m.restarts(1), "linux's policy ran before the entry returned");
        assertEquals(1, m.running(0), "linux runs on core 0 from a fresh context");
        assertEquals(Images.LINUX_RAM, f.regs[0][0]);
        assertEquals(1, m.counter(Counter.TIMER_FAULTS), "and core 0's own lost deadline was found by the same entry");
        assertEquals(0, m.eventRecords().core(rig.last(EventKind.TIMER_FAULT)));
        assertEquals(d, f.deadline[0]);
    }

    // [utest->dsn~kernel.timer-supervision~1]
    @Test
    void aFarDeadlineOnTheWatchedCoreDoesNotOverflowTheWatchersComparatorIntoThePast() {
        rig.at(1_000);
        long[] far = {Timer.NEVER - 1, Timer.NEVER - VirtualTimers.TIMER_SLACK_NS,
                Timer.NEVER - VirtualTimers.TIMER_SLACK_NS - 1};
        for (long d : far) {
            f.args[0] = d;
            assertEquals(Status.OK, m.onMonitorCall(1, MonitorCall.SET_TIMER), "linux (QM) on core 1 sets " + d);
            assertEquals(d, f.deadline[1]);
            assertTrue(f.deadline[0] > 1_000, "core 0, where the rtos runs and which watches core 1, is not made"
                    + " to fire at once: " + f.deadline[0] + " for " + d);
        }
        assertEquals(Timer.NEVER, f.deadline[0], "the last watch, one slack plus one before NEVER, ends at NEVER");
    }
}
