package warden.riscv.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import warden.kernel.api.Access;
import warden.kernel.port.ProtectionUnit;

/** Steady state: the mission-time methods of the hardware models allocate nothing. */
class MissionAllocationTest {
    private static final int ROUNDS = 20_000;
    private static final int PHASES = 12;

    private final Pmp hart = new Pmp(64, 0);
    private final RiscvProtectionUnit pu = new RiscvProtectionUnit(new Pmp[] {hart}, 64, 0);
    private final Clint clint = new Clint(2, 10_000_000L);
    private final Plic plic = new Plic(96, 2);
    private final RiscvInterruptController ic = new RiscvInterruptController(plic);
    private long sink;

    // [utest->dsn~riscv.hw.no-allocation~1]
    @Test
    void missionTimeMethodsAllocateNothingInSteadyState() {
        com.sun.management.ThreadMXBean mx = threadBean();
        assumeTrue(mx != null && mx.isThreadAllocatedMemorySupported());
        mx.setThreadAllocatedMemoryEnabled(true);
        pu.protectMonitor(0x8000_0000L, 0x20_0000);
        pu.beginSlot(0);
        pu.addRegion(0, 0x8020_0000L, 0x3000, Access.ALL);
        ic.route(5, 0, 3, true);
        long least = Long.MAX_VALUE;
        for (int phase = 0; phase < PHASES && least != 0; phase++) { // phase 0 warms up: class loading, JIT
            long before = mx.getCurrentThreadAllocatedBytes();
            rounds();
            long allocated = mx.getCurrentThreadAllocatedBytes() - before;
            if (phase > 0) {
                least = Math.min(least, allocated);
            }
        }
        // a per-call allocation shows in every phase; JIT deoptimisation noise does not
        assertEquals(0, least, "bytes allocated in the quietest phase of " + ROUNDS + " rounds");
    }

    private void rounds() {
        for (int i = 0; i < ROUNDS; i++) {
            round(i);
        }
    }

    private void round(int i) {
        pu.activate(0, (i & 1) == 0 ? 0 : ProtectionUnit.NO_SLOT);
        sink += hart.allows(0x8020_0000L + (i & 0xFFF), 8, Access.READ, Pmp.PRIV_U) ? 1 : 0;
        hart.writePmpaddr(63, i);
        sink += hart.readPmpcfg(14) + hart.readPmpaddr(63);
        clint.write(0x4000, 8, i, i * 100L);
        sink += clint.read(0xBFF8, 8, i * 100L) + clint.nextTimerNs(0) + (clint.timerPending(0, i) ? 1 : 0);
        plic.raise(5);
        sink += plic.externalPending(0) ? 1 : 0;
        int line = ic.claim(0);
        ic.complete(0, line);
    }

    private static com.sun.management.ThreadMXBean threadBean() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        return bean instanceof com.sun.management.ThreadMXBean sun ? sun : null;
    }
}
