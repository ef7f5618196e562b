package warden.x86.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import warden.kernel.api.Status;

/** The redirection entry's mask bit: edges on a masked pin are ignored, accepted requests stay. */
class IoApicMaskTest {
    private final LocalApic[] apics = {new LocalApic(), new LocalApic()};
    private final X86InterruptController ic = new X86InterruptController(64, apics);

    // [utest->dsn~x86.ioapic.mask~1]
    @Test
    void anEdgeOnAMaskedFixedPinIsIgnoredAndTheUnmaskRestoresDelivery() {
        assertEquals(Status.OK, ic.route(30, 1, 1, false));
        assertEquals(Status.OK, ic.setEnabled(30, false));
        assertEquals(X86InterruptController.IGNORED, ic.raise(30));
        assertFalse(apics[1].requested(LocalApic.LINE_VECTOR_BASE + 30));
        assertEquals(0, ic.heldRequests(30));
        assertEquals(Status.OK, ic.setEnabled(30, true));
        assertEquals(-1, ic.raise(30));
        assertTrue(apics[1].requested(LocalApic.LINE_VECTOR_BASE + 30));
        assertEquals(1, ic.heldRequests(30));
        assertEquals(30, ic.claim(1));
    }

    // [utest->dsn~x86.ioapic.mask~1]
    @Test
    void anSmiPinIsMaskedTooAndALatchedSmiStays() {
        ic.route(20, 0, 7, true);
        assertEquals(0, ic.raise(20), "SMI for core 0");
        ic.setEnabled(20, false);
        assertEquals(X86InterruptController.IGNORED, ic.raise(20));
        assertTrue(ic.smiPending(0), "the SMI latched before the mask stays");
        assertEquals(1, ic.heldRequests(20));
        assertEquals(20, ic.claim(0));
        assertEquals(0, ic.claim(0));
    }

    // [utest->dsn~x86.ioapic.mask~1]
    @Test
    void countedRaisesSurviveTheMask() {
        ic.route(30, 0, 1, false);
        ic.raise(30);
        ic.raise(30);
        assertEquals(1, ic.backlog(30));
        ic.setEnabled(30, false);
        assertEquals(2, ic.heldRequests(30), "one in the IRR, one counted");
        assertEquals(30, ic.claim(0));
        assertEquals(30, ic.claim(0), "the counted raise is put back when the vector leaves the IRR");
        assertEquals(0, ic.claim(0));
        assertEquals(Status.INVALID_PARAM, ic.setEnabled(0, false));
        assertEquals(Status.INVALID_PARAM, ic.setEnabled(64, false));
    }
}
