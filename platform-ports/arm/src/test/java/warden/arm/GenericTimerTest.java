package warden.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import warden.arm.hw.GenericTimer;

/** The Secure physical timer never fires before its deadline, and at most one tick after it. */
class GenericTimerTest {
    private final GenericTimer t = new GenericTimer(2, 62_500_000L);

    // [utest->dsn~arm.timer.secure~1]
    @Property(seed = "42", tries = 1000)
    void aDeadlineFiresNotBeforeAndWithinOneTick(@ForAll @LongRange(min = 0, max = 1L << 50) long deadline) {
        t.setDeadlineNs(1, deadline);
        long fire = t.nextFireNs(1);
        assertTrue(fire >= deadline, "fires at " + fire + " before " + deadline);
        assertTrue(fire - deadline < 16, "more than one 16 ns tick late");
        assertTrue(t.asserted(1, fire));
        assertFalse(fire > 0 && t.asserted(1, fire - 1));
    }

    // [utest->dsn~arm.timer.secure~1]
    @Property(seed = "42")
    void theCounterIsTheFloorOfTimeTimesFrequency(@ForAll @LongRange(min = 0, max = 1L << 52) long ns) {
        assertEquals(java.math.BigInteger.valueOf(ns).multiply(java.math.BigInteger.valueOf(62_500_000L))
                .divide(java.math.BigInteger.valueOf(1_000_000_000L)).longValue(), t.counter(ns));
    }
}
