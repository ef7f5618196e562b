package warden.kernel.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import warden.kernel.FakePlatform;
import warden.kernel.log.EventLog;
import warden.kernel.api.Access;
import warden.kernel.api.Counter;
import warden.kernel.api.Criticality;
import warden.kernel.api.EventKind;
import warden.kernel.api.SystemImage;
import warden.kernel.api.SystemImageBuilder;
import warden.kernel.port.ProtectionUnit;
import warden.kernel.port.Timer;
import warden.kernel.api.ImageCheckCode;
import warden.kernel.boot.ImageCheck;
import warden.kernel.sched.VirtualTimers;
import warden.kernel.sched.HeldInterrupts;
import warden.kernel.api.VcpuState;

/**
 * The scheduler on its own over a fake port: slot order, what runs after each event, held
 * interrupts and timer expiries, the world switch and the stop, start and restart paths.
 */
class SchedulerTest {
    private static final long RAM = 0x9000_0000L;

    private FakePlatform f;
    private final long[] counters = new long[Counter.COUNT];
    private final EventLog log = new EventLog();
    private Scheduler s;

    /** qm0 (QM, cores 0-1), b1 (ASIL-B, core 0), qm2 (QM, core 0): core 0 slots b1, qm0, qm2. */
    private void three() {
        SystemImageBuilder b = SystemImage.builder(2).monitor(0x8000_0000L, 0x1000);
        int[] level = {Criticality.QM, Criticality.ASIL_B, Criticality.QM};
        int[] mask = {0b11, 0b01, 0b01};
        for (int i = 0; i < 3; i++) {
            int p = b.partition("p" + i, level[i], mask[i], RAM + i * 0x1000L, 0, false);
            b.region(p, RAM + i * 0x1000L, 0x1000, Access.ALL);
        }
        start(b.build(), 2);
    }

    private void start(SystemImage img, int cores) {
        f = new FakePlatform(cores);
        s = new Scheduler(img, f, f, f, counters, log);
        for (int c = 0; c < cores; c++) {
            s.reschedule(c);
        }
    }

    private List<Integer> deliveredLines() {
        List<Integer> out = new ArrayList<>();
        for (int[] d : f.delivered) {
            out.add(d[2]);
        }
        return out;
    }

    // [utest->dsn~kernel.sched.critical-first~1]
    @Test
    void slotsAreOrderedByCriticalityThenIndexAndForeignCoresHaveNoVcpu() {
        three();
        assertEquals(3, s.vcpus().slotCount(0));
        assertEquals(1, s.vcpus().slotCount(1));
        assertEquals(1, s.vcpus().slot(0, 0));
        assertEquals(0, s.vcpus().slot(0, 1));
        assertEquals(2, s.vcpus().slot(0, 2));
        assertEquals(0, s.vcpus().slot(1, 0));
        assertEquals(VcpuState.READY, s.state(0, 1));
        assertEquals(VcpuState.NONE, s.state(1, 1), "b1 does not run on core 1");
        assertEquals(VcpuState.NONE, s.state(2, 1));
        assertEquals(1, s.running(0));
        assertEquals(0, s.running(1));
        assertEquals(RAM + 0x1000, f.regs[0][0], "b1's context at its entry");
        assertEquals(1, f.regs[0][1]);
    }

    // [utest->dsn~kernel.sched.critical-first~1]
    @Test
    void theNextSlotRunsOnlyWhileEveryMoreCriticalOneWaits() {
        three();
        s.yield(0);
        assertEquals(0, s.running(0));
        s.yield(0);
        assertEquals(2, s.running(0));
        s.vcpus().wake(1, 0);
        s.reschedule(0);
        assertEquals(1, s.running(0), "b1 preempts at once");
        s.yield(0);
        assertEquals(2, s.running(0), "qm0 still waits");
        s.yield(0);
        assertEquals(SystemImage.NO_PARTITION, s.running(0));
        assertEquals(ProtectionUnit.NO_SLOT, f.activeSlot[0]);
        assertEquals(-1, f.bound[0]);
        s.yield(0);
        assertEquals(SystemImage.NO_PARTITION, s.running(0), "yield on an idle core keeps it idle");
        assertEquals(VcpuState.WAITING, s.state(2, 0));
    }

    // [utest->dsn~kernel.world-switch~1]
    // [utest->dsn~kernel.sched.critical-first~1]
    @Test
    void aWorldSwitchSavesTheOutgoingContextAndRestoresItLater() {
        three();
        long switches = counters[Counter.WORLD_SWITCHES];
        f.regs[0][3] = 0x5151;
        s.yield(0);
        assertEquals(switches + 1, counters[Counter.WORLD_SWITCHES]);
        assertEquals(0, f.activeSlot[0]);
        assertEquals(RAM, f.regs[0][0], "qm0's own context");
        assertEquals(0, f.regs[0][3]);
        s.vcpus().wake(1, 0);
        s.reschedule(0);
        assertEquals(0x5151, f.regs[0][3], "b1's register came back");
        assertEquals(1, f.activeSlot[0]);
        assertEquals(switches + 2, counters[Counter.WORLD_SWITCHES]);
        s.reschedule(0);
        assertEquals(switches + 2, counters[Counter.WORLD_SWITCHES], "no switch to the one running");
        assertTrue(f.log.contains("save 0 p1"), f.log.toString());
        assertTrue(f.log.contains("save 0 p0"), f.log.toString());
    }

    // [utest->dsn~kernel.sched.hold~1]
    @Test
    void heldInterruptsWaitInArrivalOrderAndTheFifoOverflowIsCountedAndLogged() {
        three();
        s.yield(0);
        assertEquals(0, s.running(0));
        for (int i = 0; i < HeldInterrupts.PENDING_MAX; i++) {
            assertTrue(s.held().hold(2, 0, 1 + i % 100, 7));
        }
        assertEquals(HeldInterrupts.PENDING_MAX, s.held().pendingCount(2, 0));
        assertEquals(false, s.held().hold(2, 0, 99, 7));
        assertEquals(1, counters[Counter.PENDING_OVERFLOWS]);
        assertEquals(HeldInterrupts.PENDING_MAX, counters[Counter.HELD_INTERRUPTS]);
        long last = log.sequence() - 1;
        assertEquals(EventKind.PENDING_OVERFLOW, log.kind(last));
        assertEquals(2, log.partition(last));
        assertEquals(99, log.a(last));
        assertEquals(7, log.time(last));
        s.yield(0);
        assertEquals(2, s.running(0));
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < HeldInterrupts.PENDING_MAX; i++) {
            expected.add(1 + i % 100);
        }
        assertEquals(expected, deliveredLines());
        assertEquals(0, s.held().pendingCount(2, 0));
        assertEquals(HeldInterrupts.PENDING_MAX, counters[Counter.DELIVERED_INTERRUPTS]);
        assertTrue(s.held().hold(2, 0, 5, 8), "the FIFO wraps around");
        assertTrue(s.held().hold(0, 0, 6, 8));
        s.reschedule(0);
        assertEquals(5, f.delivered.get(f.delivered.size() - 1)[2]);
        assertEquals(1, s.held().pendingCount(0, 0), "held for qm0 until it runs");
    }

    // [utest->dsn~kernel.timer.multiplex~1]
    // [utest->dsn~kernel.sched.hold~1]
    @Test
    void aVirtualTimerExpiresAtItsDeadlineAndTheEarliestIsProgrammed() {
        three();
        s.timers().setDeadline(0, 1, 100);
        assertEquals(100, f.deadline[1]);
        s.timers().setDeadline(2, 0, 300);
        s.timers().setDeadline(0, 0, 200);
        assertEquals(200, f.deadline[0]);
        s.timers().expire(1, 99);
        assertEquals(0, counters[Counter.TIMER_EXPIRIES]);
        assertEquals(100, f.deadline[1]);
        s.timers().expire(1, 100);
        assertEquals(1, counters[Counter.TIMER_EXPIRIES]);
        assertEquals(200 + VirtualTimers.TIMER_SLACK_NS + 1, f.deadline[1], "only core 1's watch of core 0 is left");
        s.reschedule(1);
        assertEquals(List.of(0), deliveredLines(), "the timer tick went to qm0 on core 1");
        s.timers().setMonitorDeadline(0, 150);
        assertEquals(150, f.deadline[0], "the monitor's own deadline counts too");
        s.timers().expire(0, 250);
        assertEquals(2, counters[Counter.TIMER_EXPIRIES]);
        assertEquals(150, f.deadline[0], "the monitor's deadline is the health monitor's to clear");
        s.timers().setMonitorDeadline(0, Timer.NEVER);
        assertEquals(300, f.deadline[0]);
    }

    // [utest->dsn~kernel.mcall.vcpu-power~1]
    // [utest->dsn~kernel.timer.multiplex~1]
    @Test
    void aStartedVcpuKicksItsCoreUntilTheCoreHasRescheduled() {
        three();
        s.stopVcpu(0, 1);
        assertEquals(SystemImage.NO_PARTITION, s.running(1));
        assertEquals(VcpuState.STOPPED, s.state(0, 1));
        s.startVcpu(0, 1, RAM + 0x40, 5_000);
        assertEquals(5_000, f.deadline[1]);
        s.timers().expire(1, 4_999);
        assertEquals(5_000, f.deadline[1], "not yet");
        s.timers().expire(1, 5_000);
        assertEquals(Timer.NEVER, f.deadline[1]);
        s.reschedule(1);
        assertEquals(0, s.running(1));
        assertEquals(RAM + 0x40, f.regs[1][0]);
    }

    // [utest->dsn~kernel.mcall.vcpu-power~1]
    // [utest->dsn~kernel.sched.hold~1]
    @Test
    void stoppingAVcpuDropsWhatIsHeldForItAndAnEventDoesNotWakeIt() {
        three();
        s.yield(0);
        s.yield(0);
        assertEquals(2, s.running(0));
        s.held().hold(0, 0, 9, 1);
        s.held().hold(0, 0, 10, 1);
        s.timers().setDeadline(0, 0, 50);
        f.regs[0][3] = 0x77; // qm2's live register state on core 0
        int portCalls = f.log.size();
        s.stopVcpu(0, 0);
        assertEquals(2, counters[Counter.DISCARDED_INTERRUPTS]);
        assertEquals(0, s.held().pendingCount(0, 0));
        assertEquals(2, s.running(0), "qm2 kept its core");
        assertEquals(0x77, f.regs[0][3], "and its live registers: stopping qm0's vCPU did not switch qm2 out");
        assertEquals(portCalls, f.log.size(), f.log.toString());
        s.vcpus().wake(0, 0);
        assertEquals(VcpuState.STOPPED, s.state(0, 0));
        s.timers().expire(0, 60);
        assertEquals(0, counters[Counter.TIMER_EXPIRIES], "its timer was cancelled");
        s.stopVcpu(2, 0);
        assertEquals(SystemImage.NO_PARTITION, s.running(0));
        assertTrue(f.log.contains("idle 0"), f.log.toString());
        assertEquals(ProtectionUnit.NO_SLOT, f.activeSlot[0]);
    }

    // [utest->dsn~health.restart~1]
    @Test
    void aRestartGivesEachOfThePartitionsVcpusAFreshContextAndTouchesNoOtherCore() {
        three();
        assertEquals(0, s.running(1));
        s.stopVcpu(0, 0);
        assertEquals(VcpuState.STOPPED, s.state(0, 0));
        s.held().hold(0, 0, 11, 1);
        f.regs[1][3] = 0x77;
        int restoresBefore = count("restore 1 p0");
        s.restartPartition(0, RAM + 0x80);
        assertEquals(1, counters[Counter.DISCARDED_INTERRUPTS]);
        assertEquals(0, s.held().pendingCount(0, 0), "nothing held for the restarted vCPU");
        assertEquals(0, s.running(1), "running again on core 1");
        assertEquals(RAM + 0x80, f.regs[1][0]);
        assertEquals(0, f.regs[1][3], "nothing of the old state");
        assertEquals(restoresBefore + 1, count("restore 1 p0"));
        assertEquals(0, count("save 1 p0"), "its live state was discarded, not saved");
        assertEquals(1, s.running(0), "b1 still first on core 0");
        assertEquals(VcpuState.READY, s.state(0, 0), "a vCPU stopped before the restart is ready again");
        s.restartPartition(1, RAM + 0x1000);
        assertEquals(VcpuState.NONE, s.state(1, 1), "b1 has no vCPU on core 1 to restart");
        assertEquals(0, s.running(1));
    }

    private int count(String entry) {
        int n = 0;
        for (String e : f.log) {
            n += e.equals(entry) ? 1 : 0;
        }
        return n;
    }

    // [utest->dsn~kernel.timer.multiplex~1]
    // [utest->dsn~kernel.sched.critical-first~1]
    @Test
    void coresFullOfPartitionsScheduleAndIdleWithinTheirTables() {
        int cores = SystemImage.PARTITIONS_MAX / ImageCheck.PARTITIONS_PER_CORE_MAX;
        SystemImageBuilder b = SystemImage.builder(cores).monitor(0x8000_0000L, 0x1000);
        for (int i = 0; i < SystemImage.PARTITIONS_MAX; i++) {
            int p = b.partition("p" + i, Criticality.QM, 1 << (i % cores), RAM + i * 0x1000L, 0, false);
            b.region(p, RAM + i * 0x1000L, 0x1000, Access.ALL);
        }
        SystemImage img = b.build();
        assertEquals(ImageCheckCode.OK, new ImageCheck().check(img, cores));
        start(img, cores);
        int last = cores - 1;
        assertEquals(ImageCheck.PARTITIONS_PER_CORE_MAX, s.vcpus().slotCount(last));
        for (int i = 0; i < ImageCheck.PARTITIONS_PER_CORE_MAX; i++) {
            assertEquals(last + i * cores, s.vcpus().slot(last, i));
            assertEquals(last + i * cores, s.running(last));
            s.yield(last);
        }
        assertEquals(SystemImage.NO_PARTITION, s.running(last));
        s.timers().setDeadline(SystemImage.PARTITIONS_MAX - 1, last, 40);
        assertEquals(40, f.deadline[last]);
        s.timers().expire(last, 40);
        s.reschedule(last);
        assertEquals(SystemImage.PARTITIONS_MAX - 1, s.running(last));
    }

    // [utest->dsn~kernel.sched.critical-first~1]
    @Test
    void aCoreOfferedMorePartitionsThanItsTableHoldsKeepsTheMostCriticalOnes() {
        int n = ImageCheck.PARTITIONS_PER_CORE_MAX + 1;
        SystemImageBuilder b = SystemImage.builder(1).monitor(0x8000_0000L, 0x1000);
        for (int i = 0; i < n; i++) {
            int level = i == n - 1 ? Criticality.ASIL_D : Criticality.QM;
            int p = b.partition("p" + i, level, 0b1, RAM + i * 0x1000L, 0, false);
            b.region(p, RAM + i * 0x1000L, 0x1000, Access.ALL);
        }
        SystemImage img = b.build();
        assertEquals(ImageCheckCode.CORE_OVERCOMMITTED, new ImageCheck().check(img, 1), "boot refuses such an image");
        start(img, 1); // the scheduler's own table stays bounded all the same
        assertEquals(ImageCheck.PARTITIONS_PER_CORE_MAX, s.vcpus().slotCount(0));
        assertEquals(n - 1, s.vcpus().slot(0, 0), "the ASIL-D partition, last by index, is first");
        List<Integer> ran = new ArrayList<>();
        while (s.running(0) != SystemImage.NO_PARTITION) {
            ran.add(s.running(0));
            s.yield(0);
        }
        assertEquals(List.of(n - 1, 0, 1, 2), ran, "the least critical partition last by index has no slot");
    }

    // [utest->dsn~kernel.context-integrity~1]
    // [utest->dsn~kernel.sched.critical-first~1]
    @Test
    void aSavedContextThatFailsItsCheckIsSkippedAndTheNextReadySlotRuns() {
        three();
        s.yield(0);
        s.yield(0);
        assertEquals(2, s.running(0), "b1 and qm0 wait, qm2 runs");
        f.now[0] = 700;
        assertEquals(warden.kernel.api.Status.OK, s.worldSwitch().upsetContext(1, 0, 2, 5));
        int at = f.log.size();
        s.vcpus().wake(1, 0);
        s.vcpus().wake(0, 0);
        s.reschedule(0);
        assertEquals(VcpuState.STOPPED, s.state(1, 0), "b1 leaves scheduling");
        assertEquals(0, s.running(0), "qm0, the next ready slot, runs instead");
        assertEquals(List.of("save 0 p2", "restore 0 p0"), f.log.subList(at, f.log.size()), "b1 is never restored");
        assertEquals(RAM, f.regs[0][0]);
        assertEquals(1, counters[Counter.CONTEXT_FAULTS]);
        long last = log.sequence() - 1;
        assertEquals(EventKind.CONTEXT_CORRUPT, log.kind(last));
        assertEquals(1, log.partition(last));
        assertEquals(0, log.core(last));
        assertEquals(700, log.time(last));
        assertTrue(s.reports().corruptPending());
        assertTrue(s.reports().takeCorrupt(1), "reported once");
        assertEquals(false, s.reports().takeCorrupt(1));
        s.vcpus().wake(1, 0);
        s.yield(0);
        assertEquals(2, s.running(0), "an event does not wake b1 again");
    }

    // [utest->dsn~kernel.world-switch~1]
    // [utest->dsn~kernel.sched.critical-first~1]
    @Test
    void aCoreWithNoReadyVcpuIsLeftIdleWithNoProtectionSlotActive() {
        three();
        s.yield(0);
        s.yield(0);
        assertEquals(2, s.running(0));
        int at = f.log.size();
        s.yield(0);
        assertEquals(SystemImage.NO_PARTITION, s.running(0));
        assertEquals(List.of("save 0 p2", "idle 0"), f.log.subList(at, f.log.size()), "saved, then the core idles");
        assertEquals(ProtectionUnit.NO_SLOT, f.activeSlot[0]);
        s.vcpus().wake(2, 0);
        s.reschedule(0);
        assertEquals(List.of("save 0 p2", "idle 0", "restore 0 p2"), f.log.subList(at, f.log.size()),
                "nothing to save on an idle core");
        assertEquals(2, f.activeSlot[0]);
        s.stopVcpu(2, 0);
        assertEquals(List.of("save 0 p2", "idle 0", "restore 0 p2", "idle 0"), f.log.subList(at, f.log.size()),
                "a stopped vCPU's live state is discarded, not saved");
        assertEquals(ProtectionUnit.NO_SLOT, f.activeSlot[0]);
        assertEquals(SystemImage.NO_PARTITION, s.running(0));
    }
}
