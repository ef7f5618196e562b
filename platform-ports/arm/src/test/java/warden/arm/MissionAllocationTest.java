package warden.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import warden.kernel.api.MonitorCall;
import warden.kernel.api.Status;
import warden.kernel.port.ProtectionUnit;

/**
 * Steady state: the mission-time paths of the Arm port allocate nothing — TZC-400 checks and
 * activation, GIC raise/claim/complete and signalling, the timer, SMC decode and the world
 * switch (save, activate, restore), guest accesses that fault and are redirected.
 */
class MissionAllocationTest {
    private static final int ROUNDS = 20_000;
    private static final int PHASES = 12;
    private final TestBoard b = new TestBoard();
    private final long[] ctx = new long[2 * ContextLayout.WORDS];
    private long sink;

    // [utest->dsn~arm.hw.no-allocation~1]
    @Test
    void missionTimeMethodsAllocateNothingInSteadyState() {
        com.sun.management.ThreadMXBean mx = threadBean();
        assumeTrue(mx != null && mx.isThreadAllocatedMemorySupported());
        mx.setThreadAllocatedMemoryEnabled(true);
        b.kernel.status = Status.OK;
        b.kernel.quiet = true;
        b.safe.quiet = true;
        b.rich.quiet = true;
        b.m.platform().interrupts().route(40, 0, 7, true);
        b.m.initContext(ctx, 0, 0, 0, TestBoard.SAFE_RAM);
        b.m.initContext(ctx, ContextLayout.WORDS, 1, 0, TestBoard.RICH_RAM);
        long least = Long.MAX_VALUE;
        // Phase 0 warms up (class loading, JIT). A later phase can still catch one-off compiler
        // work on this thread (a deoptimisation, an OSR compile), a few dozen bytes; an allocation
        // per round shows in every phase as at least ROUNDS bytes. So: up to PHASES phases, and
        // one of them after the first must allocate nothing.
        for (int phase = 0; phase < PHASES && least != 0; phase++) {
            long before = mx.getCurrentThreadAllocatedBytes();
            rounds();
            long allocated = mx.getCurrentThreadAllocatedBytes() - before;
            if (phase > 0) {
                least = Math.min(least, allocated);
            }
        }
        assertEquals(0, least, "bytes allocated in the quietest phase of " + ROUNDS + " rounds");
    }

    private void rounds() {
        for (int i = 0; i < ROUNDS; i++) {
            round(i);
        }
    }

    private void round(int i) {
        int p = i & 1;
        b.m.platform().protection().activate(0, p);
        b.m.restore(0, p, ctx, p * ContextLayout.WORDS);
        Pe pe = b.m.pe(0);
        sink += pe.load(p == 0 ? TestBoard.SAFE_RAM : TestBoard.RICH_RAM, 8);
        sink += pe.load(0x8000_0000L, 4); // denied: abort, kernel entry, redirect
        sink += pe.call(MonitorCall.GET_TIME, i, 0);
        b.m.raise(40, pe.time());
        sink += pe.budget();
        int line = b.m.platform().interrupts().claim(0);
        b.m.platform().interrupts().complete(0, line);
        b.m.setDeadline(0, pe.time() + 1_000);
        sink += b.m.genericTimer().nextFireNs(0);
        b.m.save(0, ctx, p * ContextLayout.WORDS);
        b.m.platform().protection().activate(0, ProtectionUnit.NO_SLOT);
    }

    private static com.sun.management.ThreadMXBean threadBean() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        return bean instanceof com.sun.management.ThreadMXBean sun ? sun : null;
    }
}
