package warden.riscv.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * An idle loop (wfi; j back) given a budget of 1 us, the time to its next line event (as the monitor
 * gives a guest the time to its step's end or timer): bounded by time, the run returns once it has
 * waited to that event; bounded by steps alone, it spins through its budget in instructions after
 * the wait.
 */
class WfiTimeTest {
    private static final int WFI = 0x1050_0073;
    private static final int J_BACK = 0xFFDF_F06F; // jal x0, -4

    // [utest->dsn~riscv.elf.wfi-time~1]
    @Test
    void aTimeBoundedRunEndsWhenTheWaitReachesItsBudgetNotAfterItsBudgetInInstructions() {
        Rig bounded = idleRig();
        bounded.cpu.timeBounded(true);
        long steps = bounded.cpu.run(1_000);
        assertTrue(steps <= 4, "a few instructions, then the wait: " + steps + " now " + bounded.s.now() + " pc "
                + Long.toHexString(bounded.s.pc) + " mcause " + bounded.s.mcause + " priv " + bounded.s.priv);
        assertTrue(bounded.s.now() >= 1_000 && bounded.s.now() < 1_010, "the wait reached 1 us: " + bounded.s.now());
        Rig unbounded = idleRig();
        long spun = unbounded.cpu.run(1_000);
        assertEquals(1_000, spun, "without the time bound the idle loop spends the whole budget in instructions");
        assertTrue(unbounded.s.now() > 1_900, "and runs past its budget in time: " + unbounded.s.now());
    }

    private static Rig idleRig() {
        Rig r = new Rig();
        r.s.priv = HartState.PRIV_S;
        r.clint.setMtimecmp(0, 10); // 10 ticks of 100 ns: 1 us
        r.s.mie = 0; // the timer wakes WFI only when enabled: here it is not, so only time passes
        r.put(WFI, J_BACK);
        return r;
    }
}
