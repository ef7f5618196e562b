package warden.riscv.hw;

import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** Deadline arithmetic of {@link Clint}: timers fire neither early nor late. */
class ClintDeadlinePropertiesTest {
    private final Clint clint = new Clint(1, 10_000_000L);

    // [utest->dsn~riscv.clint.deadline~1]
    /** ticksToNs rounds up: the timer never fires before the requested deadline nor later. */
    @Property(seed = "42", tries = 2000)
    void ticksToNsIsTheFirstInstantTheTickCountIsReached(
            @ForAll @LongRange(min = 0, max = Long.MAX_VALUE / 2) long ticks,
            @ForAll @LongRange(min = 1, max = 1_000_000_000L) long hz) {
        Clint c = new Clint(1, hz);
        long ns = c.ticksToNs(ticks);
        if (ns == Long.MAX_VALUE) {
            assertTrue(c.nsToTicks(Long.MAX_VALUE) < ticks);
            return;
        }
        assertTrue(c.nsToTicks(ns) >= ticks);
        assertTrue(ns == 0 || c.nsToTicks(ns - 1) < ticks);
    }

    // [utest->dsn~riscv.clint.deadline~1]
    /** nextTimerNs agrees with timerPending just before and at the deadline. */
    @Property(seed = "42", tries = 1000)
    void nextTimerNsIsExactlyWhenTheTimerBecomesPending(@ForAll @LongRange(min = 0, max = 1L << 40) long cmp) {
        clint.setMtimecmp(0, cmp);
        long at = clint.nextTimerNs(0);
        assertTrue(clint.timerPending(0, at));
        assertTrue(at == 0 || !clint.timerPending(0, at - 1));
    }
}
