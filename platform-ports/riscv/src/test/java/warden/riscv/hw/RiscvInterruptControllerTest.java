package warden.riscv.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import warden.kernel.api.Status;

/** {@link RiscvInterruptController} programs a {@link Plic} through its registers. */
class RiscvInterruptControllerTest {
    private final Plic plic = new Plic(64, 2);
    private final RiscvInterruptController ic = new RiscvInterruptController(plic);

    // [utest->dsn~riscv.plic.route~1]
    @Test
    void routeEnablesTheLineOnExactlyOneCore() {
        assertEquals(64, ic.lineCount());
        assertEquals(Status.OK, ic.route(10, 0, 3, false));
        assertEquals(Status.OK, ic.route(10, 1, 5, true)); // re-route moves it
        plic.raise(10);
        assertFalse(plic.externalPending(0));
        assertTrue(plic.externalPending(1));
        assertEquals(5, plic.read(PlicDescriptor.priority(10), 4, 0));
        assertEquals(0, ic.claim(0));
        assertEquals(10, ic.claim(1));
        ic.complete(1, 10);
        assertFalse(plic.gateway().inService(10));
    }

    // [utest->dsn~riscv.plic.route~1]
    @Test
    void routeRejectsWhatThePlicCannotDo() {
        assertEquals(Status.INVALID_PARAM, ic.route(0, 0, 1, false));
        assertEquals(Status.INVALID_PARAM, ic.route(64, 0, 1, false));
        assertEquals(Status.INVALID_PARAM, ic.route(1, 2, 1, false));
        assertEquals(Status.INVALID_PARAM, ic.route(1, 0, 0, false));
        assertEquals(Status.INVALID_PARAM, ic.route(1, 0, 8, false));
    }

    // [utest->dsn~riscv.plic.route~1]
    @Test
    void claimReturnsLinesInPriorityOrderAndCompleteReopensTheGateway() {
        ic.route(3, 0, 1, false);
        ic.route(4, 0, 7, true);
        plic.raise(3);
        plic.raise(4);
        assertEquals(4, ic.claim(0));
        assertEquals(3, ic.claim(0));
        assertEquals(0, ic.claim(0));
        plic.raise(4);
        ic.complete(0, 4);
        assertEquals(4, ic.claim(0));
        assertEquals(0, ic.claim(5));
        ic.complete(7, 4); // ignored
        assertTrue(plic.gateway().inService(4));
    }
}
