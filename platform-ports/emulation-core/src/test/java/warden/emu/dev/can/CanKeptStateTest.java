package warden.emu.dev.can;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static warden.emu.dev.can.CanController.*;
import static warden.emu.dev.can.CanRig.rd;
import static warden.emu.dev.can.CanRig.wr;

import org.junit.jupiter.api.Test;

/**
 * A restore point's copy of a CAN controller: its configuration registers kept through the register
 * window and written back after a reset, CTRL last; what no register can put back (FIFO, counters,
 * requests) starts afresh; a frame on the bus at the reset is abandoned.
 */
class CanKeptStateTest {
    private static final int LINE = 20;
    private static final int BTR_1US = 3 | (4 << 16) | (3 << 20);

    /** Configures c: bit timing, two filters, IE, mailbox 1, DAR, and leaves INIT. */
    private static void configure(CanController c, long now) {
        wr(c, BTR, BTR_1US, now);
        wr(c, FILTER, FILTER_ENABLE | 0x120, now);
        wr(c, FILTER + 4, 0x7F0, now);
        wr(c, FILTER + FILTER_STRIDE * 7, FILTER_ENABLE | XTD | 0x1234_567, now);
        wr(c, FILTER + FILTER_STRIDE * 7 + 4, 0x1FFF_FFFF, now);
        wr(c, IE, IR_RXNE | IR_TXDONE, now);
        int mb = MAILBOX + MAILBOX_STRIDE;
        wr(c, mb, 0x321, now);
        wr(c, mb + 4, 6, now);
        wr(c, mb + 8, 0x0403_0201, now);
        wr(c, mb + 12, 0x0006_0500, now);
        wr(c, CTRL, CTRL_DAR, now);
    }

    /** @return every register of the window the kept copy covers, as read now. */
    private static int[] configuration(CanController c) {
        int[] out = new int[3 + (WINDOW - MAILBOX) / 4];
        out[0] = rd(c, CTRL);
        out[1] = rd(c, BTR);
        out[2] = rd(c, IE);
        for (int off = MAILBOX, i = 3; off < WINDOW; off += 4, i++) {
            out[i] = rd(c, off);
        }
        return out;
    }

    // [utest->dsn~can.kept-state~1]
    @Test
    void theConfigurationComesBackAfterAResetAndTheRestStartsAfresh() {
        CanRig rig = new CanRig();
        CanController c = rig.controller(LINE, 4);
        CanController peer = rig.controller(LINE + 1, 4);
        configure(c, 0);
        wr(peer, BTR, BTR_1US, 0);
        CanRig.start(peer, 0, CanRig.ACCEPT_ALL_STD, 0);
        int[] kept = configuration(c);
        long check = c.keep();
        assertEquals(check, c.keptCheck(), "the copy is unchanged");
        assertTrue(check >= 0);
        // the guest changes everything it can, and traffic fills FIFO and counters
        CanRig.send(peer, 0, 0x125, 1, 0x11, 0);
        rig.runUntil(1_000_000);
        assertEquals(1, rd(c, RXSTAT) & 0xFF, "a frame accepted by the kept filter");
        wr(c, CTRL, CTRL_INIT, rig.now);
        wr(c, BTR, BTR_RESET, rig.now);
        wr(c, FILTER, 0, rig.now);
        assertNotEquals(java.util.Arrays.toString(kept), java.util.Arrays.toString(configuration(c)));
        wr(c, IE, 0, rig.now);
        wr(c, MAILBOX + MAILBOX_STRIDE, 0x7FF, rig.now);
        assertTrue(c.reinstate(rig.now + 5));
        assertEquals(java.util.Arrays.toString(kept), java.util.Arrays.toString(configuration(c)));
        assertEquals(0, rd(c, RXSTAT), "the FIFO starts empty");
        assertEquals(0, rd(c, IR), "no flag is left");
        assertEquals(0, rd(c, ECR));
        assertEquals(check, c.keptCheck(), "the copy is still the one kept");
        // back on the bus with the kept configuration: the filter takes 0x12x again
        CanRig.send(peer, 0, 0x12A, 1, 0x22, rig.now);
        rig.runUntil(rig.now + 1_000_000);
        assertEquals(0x12A, CanRig.pop(c));
        assertEquals(2, rig.lines.raised[LINE], "RXNE raised the line before and after the restore");
    }

    // [utest->dsn~can.kept-state~1]
    @Test
    void withoutACopyNothingIsReinstatedAndEachConfigurationHasItsOwnCheck() {
        CanController c = new CanRig().controller(LINE, 4);
        assertEquals(-1, c.keptCheck(), "none kept");
        wr(c, BTR, BTR_1US, 0);
        assertFalse(c.reinstate(10));
        assertEquals(BTR_1US, rd(c, BTR), "no reset without a copy");
        long first = c.keep();
        wr(c, FILTER + FILTER_STRIDE * 7 + 4, 1, 0);
        long second = c.keep();
        assertNotEquals(first, second, "the last filter word is in the copy");
        wr(c, CTRL, 0, 0);
        assertNotEquals(second, c.keep(), "CTRL is in the copy");
    }

    // [utest->dsn~can.kept-state~1]
    @Test
    void aFrameOnTheBusAtTheResetIsAbandoned() {
        CanRig rig = new CanRig();
        CanController c = rig.controller(LINE, 4);
        CanController peer = rig.controller(LINE + 1, 4);
        CanRig.start(peer, 0, CanRig.ACCEPT_ALL_STD, 0);
        CanRig.start(c, 0);
        c.keep();
        CanRig.send(c, 0, 0x100, 8, -1L, 0);
        rig.runUntil(20_000); // into the frame (about 130 bits of 2 us)
        assertEquals(STAT_TXACT, rd(c, STAT) & STAT_TXACT, "on the bus");
        assertTrue(c.reinstate(rig.now));
        rig.runUntil(1_000_000);
        assertEquals(0, rd(c, TXDONE), "not reported as sent");
        assertEquals(0, rd(c, TXREQ));
        assertEquals(0, rd(c, IR));
        assertEquals(0, rd(c, STAT) & STAT_TXACT);
    }
}
