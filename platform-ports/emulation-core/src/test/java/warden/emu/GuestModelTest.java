package warden.emu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import warden.emu.guest.ProbeGuest;
import warden.emu.guest.RichOsGuest;
import warden.emu.guest.RtosGuest;
import warden.kernel.api.Access;

class GuestModelTest {

    /** Runs an RTOS model as if alone on its core, delivering its timer when it expires. */
    private static FakeCpu runAlone(RtosGuest g, long until) {
        return runAlone(g, new FakeCpu(), until);
    }

    private static FakeCpu runAlone(RtosGuest g, FakeCpu cpu, long until) {
        for (int i = 0; i < 100_000 && cpu.time < until; i++) {
            cpu.attached = true;
            cpu.until = until;
            g.run(cpu);
            if (!cpu.attached && cpu.timerDeadline > cpu.time) {
                cpu.time = cpu.timerDeadline;
            }
            if (cpu.timerDeadline >= 0 && cpu.time >= cpu.timerDeadline) {
                cpu.timerDeadline = -1;
                g.onTimer(cpu.time);
            }
        }
        return cpu;
    }

    // [utest->dsn~emu.guest.rtos~2]
    @Test
    void everyReleaseWhileTheRtosIsDownIsAJobAndTheOnesItNeverRanAreMisses() {
        RtosGuest g = new RtosGuest("rtos", 3_000_000, 1_000_000, new String[] {"control"},
                new long[] {1_000_000}, new long[] {100_000}, new long[] {1_000_000}, 0, 0, 0x10000);
        FakeCpu cpu = runAlone(g, 20_500_000);
        assertTrue(g.inject(FaultModel.HANG, 0, cpu.time));
        runAlone(g, cpu, 27_500_000);
        g.restart(cpu.time); // the monitor restarts it; it boots again for 3 ms, up at 30.5 ms
        runAlone(g, cpu, 50_000_000);
        g.finish(50_000_000);
        assertEquals(46, g.jobs(0), "releases at 4, 5, ..., 49 ms, whether the RTOS was up or not");
        assertEquals(9, g.misses(0), "releases at 21..29 ms were never run; the one at 30 ms ran after the reboot");
    }

    // [utest->dsn~emu.guest.rtos~2]
    @Test
    void anRtosStillHungAtTheEndMissesEveryReleaseWhoseDeadlinePassed() {
        RtosGuest g = new RtosGuest("rtos", 0, 1_000_000, new String[] {"control"},
                new long[] {1_000_000}, new long[] {100_000}, new long[] {1_000_000}, 0, 0, 0x10000);
        FakeCpu cpu = runAlone(g, 10_500_000);
        assertTrue(g.inject(FaultModel.HANG, 0, cpu.time));
        runAlone(g, cpu, 20_000_000);
        g.finish(20_000_000);
        assertEquals(19, g.jobs(0), "releases at 1..19 ms");
        assertEquals(8, g.misses(0), "11..18 ms passed their deadlines unrun; 19 ms is still within it");
    }

    // [utest->dsn~emu.guest.rtos~2]
    @Test
    void theRtosBootsThenRunsItsTasksRateMonotonicallyWithoutMisses() {
        RtosGuest g = new RtosGuest("rtos", 3_000_000, 1_000_000, new String[] {"fast", "slow"},
                new long[] {1_000_000, 5_000_000}, new long[] {200_000, 1_000_000}, new long[] {1_000_000, 5_000_000},
                20, 10_000, 0x1000);
        FakeCpu cpu = runAlone(g, 50_000_000);
        g.finish(cpu.time);
        assertTrue(g.booted());
        assertEquals("CONSOLE_WRITE@3000000", cpu.calls.get(0), "prints when its boot work is done");
        assertEquals("HEARTBEAT@3000000", cpu.calls.get(1));
        assertEquals(0, g.totalMisses());
        assertTrue(g.jobs(0) >= 45, "about one fast job per ms");
        assertEquals(200_000, g.maxResponseNs(0), "the fast task is never preempted by the slow one");
        assertEquals(1_400_000, g.maxResponseNs(1),
                "the slow task waits for two fast jobs: at its release and at the next tick");
    }

    // [utest->dsn~emu.guest.rtos~2]
    @Test
    void anOverloadedRtosCountsDeadlineMisses() {
        RtosGuest g = new RtosGuest("rtos", 0, 1_000_000, new String[] {"a", "b"},
                new long[] {1_000_000, 2_000_000}, new long[] {600_000, 900_000}, new long[] {1_000_000, 2_000_000},
                0, 0, 0x1000);
        FakeCpu cpu = runAlone(g, 20_000_000);
        g.finish(cpu.time);
        assertTrue(g.misses(1) > 0, "utilisation 1.05 must miss");
        assertEquals(0, g.misses(0), "the higher-priority task still meets its deadlines");
    }

    // [utest->dsn~emu.guest.rtos~2]
    @Test
    void anInterruptHandlerRunsBeforeTasks() {
        RtosGuest g = new RtosGuest("rtos", 0, 1_000_000, new String[] {"a"}, new long[] {1_000_000},
                new long[] {100_000}, new long[] {1_000_000}, 20, 10_000, 0x1000);
        FakeCpu cpu = runAlone(g, 1_500_000);
        g.onInterrupt(21, cpu.time);
        g.onInterrupt(20, cpu.time);
        cpu.attached = true;
        cpu.until = cpu.time + 50_000;
        g.run(cpu);
        assertEquals(1, g.isrHandled(), "only its own line is handled");
    }

    // [utest->dsn~emu.guest.rich-os~1]
    @Test
    void theRichOsComputesInBurstsAndYieldsWhenIdle() {
        RichOsGuest g = new RichOsGuest("linux", true, 1_000_000, 4_000_000, 2_000_000, 2_000_000,
                500_000, 500_000, 30, 15_000, 0x2000, 7);
        FakeCpu cpu = new FakeCpu();
        cpu.until = 100_000_000;
        g.run(cpu);
        assertTrue(g.booted());
        assertFalse(cpu.attached, "it yielded when its burst ended");
        assertEquals(3_000_000, cpu.time, "1 ms boot + one 2 ms burst");
        assertEquals(3_500_000, cpu.timerDeadline, "woken at the end of its idle gap");
        g.onInterrupt(30, cpu.time);
        cpu.attached = true;
        cpu.until = cpu.time + 20_000;
        g.run(cpu);
        assertEquals(1, g.isrHandled());
    }

    // [utest->dsn~emu.guest.probe~1]
    @Test
    void theProbeRecordsOutcomesAndCauses() {
        ProbeGuest g = new ProbeGuest(0, new long[] {0x100, 0x9000, 0x9000, 0x9000},
                new int[] {4, 4, 8, 4}, new int[] {Access.READ, Access.READ, Access.WRITE, Access.EXECUTE});
        FakeCpu cpu = new FakeCpu();
        cpu.deniedFrom = 0x8000;
        cpu.until = 1_000_000;
        g.run(cpu);
        assertEquals(ProbeGuest.ALLOWED, g.outcome(0));
        assertEquals(ProbeGuest.DENIED, g.outcome(1));
        assertEquals(5, g.cause(1));
        assertEquals(7, g.cause(2));
        assertEquals(1, g.cause(3));
        assertEquals("cause 1", g.causeName(3));
    }
}
