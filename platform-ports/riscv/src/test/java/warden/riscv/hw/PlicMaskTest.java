package warden.riscv.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import warden.kernel.api.Status;

/** Masking a line through its enable bit, and what the PLIC does with requests of a masked source. */
class PlicMaskTest {
    private final Plic plic = new Plic(64, 2);
    private final RiscvInterruptController ic = new RiscvInterruptController(plic);

    // [utest->dsn~riscv.plic.mask~1]
    @Test
    void aMaskedLineSignalsNoContextAndTheUnmaskSignalsItsPendingRequest() {
        assertEquals(Status.OK, ic.route(9, 1, 3, false));
        assertEquals(Status.OK, ic.setEnabled(9, false));
        assertEquals(0, plic.read(PlicDescriptor.enable(1, 9), 4, 0) & (1 << 9), "enable bit cleared");
        assertEquals(Status.OK, plic.raise(9), "the first request sets the pending bit");
        assertTrue(plic.isPending(9));
        assertFalse(plic.externalPending(1));
        assertEquals(0, ic.claim(1));
        assertEquals(Plic.MERGED, plic.raise(9), "further requests merge into the pending bit");
        assertEquals(Plic.MERGED, plic.raise(9));
        assertEquals(0, plic.gateway().backlog(9), "the gateway counted none of them");
        assertEquals(Status.OK, ic.setEnabled(9, true));
        assertTrue(plic.externalPending(1));
        assertEquals(9, ic.claim(1));
        ic.complete(1, 9);
        assertEquals(0, ic.claim(1), "exactly one request survived the mask");
    }

    // [utest->dsn~riscv.plic.mask~1]
    @Test
    void requestsCountedBeforeTheMaskAreNotLost() {
        ic.route(9, 0, 3, false);
        plic.raise(9);
        assertEquals(9, ic.claim(0));
        plic.raise(9);
        plic.raise(9);
        assertEquals(2, plic.gateway().backlog(9), "both counted while the first is in service");
        ic.complete(0, 9); // the kernel completes before it masks: the PLIC ignores a completion of a disabled source
        assertTrue(plic.isPending(9), "the completion forwards one counted request");
        assertEquals(1, plic.gateway().backlog(9));
        ic.setEnabled(9, false);
        assertEquals(Plic.MERGED, plic.raise(9), "a new request merges into the pending one");
        ic.setEnabled(9, true);
        for (int i = 0; i < 2; i++) {
            assertEquals(9, ic.claim(0), "request " + i + " counted before the mask is delivered");
            ic.complete(0, 9);
        }
        assertEquals(0, ic.claim(0));
    }

    // [utest->dsn~riscv.plic.mask~1]
    @Test
    void maskingOnlyTouchesTheLineAndRefusesWhatItCannotDo() {
        ic.route(9, 0, 3, false);
        ic.route(10, 0, 3, false);
        ic.setEnabled(9, false);
        plic.raise(10);
        assertEquals(10, ic.claim(0), "line 10 on the same enable word is still enabled");
        assertEquals(Status.INVALID_PARAM, ic.setEnabled(0, false));
        assertEquals(Status.INVALID_PARAM, ic.setEnabled(64, false));
        assertEquals(Status.BAD_STATE, ic.setEnabled(11, true), "a line never routed is not enabled by unmasking");
        assertEquals(0, plic.read(PlicDescriptor.enable(0, 11), 4, 0) & (1 << 11));
    }
}
