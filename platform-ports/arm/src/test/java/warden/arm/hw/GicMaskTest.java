package warden.arm.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import warden.kernel.api.Status;

/** Masking an SPI through GICD_ICENABLER/ISENABLER, and a raise of a disabled pending INTID. */
class GicMaskTest {
    private GicState s;
    private ArmInterruptController ic;

    @BeforeEach
    void setUp() {
        GicRig rig = new GicRig();
        s = rig.state;
        ic = rig.ic;
        assertEquals(Status.OK, ic.route(40, 0, 7, true));
        assertEquals(Status.OK, ic.route(50, 0, 1, false));
    }

    // [utest->dsn~arm.gic.mask~1]
    @Test
    void aMaskedSpiIsNotAcknowledgedAndKeepsOnePendingRequest() {
        assertEquals(Status.OK, ic.setEnabled(50, false));
        assertFalse(s.mergesRaise(0, 50), "nothing pending yet");
        s.raise(0, 50);
        assertTrue(s.mergesRaise(0, 50));
        s.raise(0, 50);
        s.raise(0, 50);
        assertEquals(1, s.heldRequests(0, 50), "pending once, no held events");
        assertEquals(0, ic.claim(0));
        assertEquals(Status.OK, ic.setEnabled(50, true));
        assertEquals(50, ic.claim(0));
        ic.complete(0, 50);
        assertEquals(0, ic.claim(0));
        assertEquals(0, s.heldRequests(0, 50));
    }

    // [utest->dsn~arm.gic.mask~1]
    @Test
    void group0LinesCanBeMaskedAndHeldEventsSurviveTheMask() {
        s.raise(0, 40);
        assertEquals(40, ic.claim(0));
        s.raise(0, 40);
        s.raise(0, 40);
        assertEquals(2, s.heldRequests(0, 40), "active, one pending, one held event");
        assertEquals(Status.OK, ic.setEnabled(40, false));
        ic.complete(0, 40);
        assertEquals(0, ic.claim(0), "masked: not acknowledged");
        assertEquals(Status.OK, ic.setEnabled(40, true));
        assertEquals(40, ic.claim(0));
        ic.complete(0, 40);
        assertEquals(40, ic.claim(0));
        ic.complete(0, 40);
        assertEquals(0, ic.claim(0));
    }

    // [utest->dsn~arm.gic.mask~1]
    @Test
    void masksOnlySpis() {
        assertEquals(Status.INVALID_PARAM, ic.setEnabled(20, false), "a PPI is not a device line");
        assertEquals(Status.INVALID_PARAM, ic.setEnabled(128, false));
    }
}
