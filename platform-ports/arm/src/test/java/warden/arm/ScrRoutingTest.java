package warden.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import warden.arm.hw.GicGroups;

/** SCR_EL3 bit positions and the routing of interrupts, external aborts and SMC they decide. */
class ScrRoutingTest {
    // [utest->dsn~arm.scr.routing~1]
    @Test
    void bitsSitAtTheirArchitecturalPositions() {
        assertEquals(1L, Scr.NS);
        assertEquals(1L << 1, Scr.IRQ);
        assertEquals(1L << 2, Scr.FIQ);
        assertEquals(1L << 3, Scr.EA);
        assertEquals(1L << 7, Scr.SMD);
        assertEquals(1L << 8, Scr.HCE);
        assertEquals(1L << 10, Scr.RW);
        assertEquals(1L << 11, Scr.ST);
    }

    // [utest->dsn~arm.scr.routing~1]
    @Test
    void theMonitorRoutesInterruptsAndAbortsToEl3InBothWorlds() {
        for (boolean ns : new boolean[] {false, true}) {
            long scr = Scr.forWorld(ns);
            assertEquals(ns, (scr & Scr.NS) != 0);
            assertEquals(0, scr & (Scr.SMD | Scr.HCE | Scr.ST), "SMC enabled, no EL2, CNTPS_* trapped");
            assertTrue((scr & Scr.RW) != 0);
            assertEquals(3, Scr.interruptTarget(GicGroups.FIQ, scr, 1), "critical interrupts preempt at once");
            assertEquals(3, Scr.interruptTarget(GicGroups.IRQ, scr, 0));
            assertEquals(3, Scr.externalAbortTarget(scr, 1));
        }
    }

    // [utest->dsn~arm.scr.routing~1]
    @Test
    void withoutTheRoutingBitsExceptionsStayAtEl1() {
        assertEquals(1, Scr.interruptTarget(GicGroups.FIQ, Scr.IRQ | Scr.NS, 1));
        assertEquals(3, Scr.interruptTarget(GicGroups.IRQ, Scr.IRQ | Scr.NS, 1));
        assertEquals(1, Scr.interruptTarget(GicGroups.IRQ, Scr.FIQ, 0));
        assertEquals(3, Scr.interruptTarget(GicGroups.IRQ, 0, 3), "at EL3 it is taken at EL3");
        assertEquals(1, Scr.externalAbortTarget(Scr.NS, 1));
        assertFalse(Scr.smcTraps(Scr.forWorld(true), 0), "SMC is UNDEFINED at EL0");
        assertFalse(Scr.smcTraps(Scr.SMD, 1));
        assertTrue(Scr.smcTraps(Scr.forWorld(true), 1));
    }
}
