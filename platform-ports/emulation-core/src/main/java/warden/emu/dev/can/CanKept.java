package warden.emu.dev.can;

/**
 * The copy of a CAN controller's configuration that a restore point keeps, taken and put back the
 * way a monitor could do it on the real part: through the register window only. {@link #keep}
 * reads the registers software can write back (CTRL, BTR, IE, the three mailboxes, the eight
 * filters); {@link #reinstate} resets the controller (a hardware reset: the requests, the receive
 * FIFO, the interrupt flags and the error counters start afresh, a frame it was sending is
 * abandoned) and writes them back with CTRL last, so that a controller that was on the bus rejoins
 * it only once it is configured as it was. The frames received since, the counters and the pending
 * requests are not restored: no register could put them back. Allocates nothing after construction.
 *
 * [impl->dsn~can.kept-state~1]
 */
final class CanKept {
    /** CTRL, BTR, IE, then each mailbox's four words, then each filter's two. */
    private static final int WORDS = 3 + CanController.MAILBOXES * 4 + CanController.FILTERS * 2;
    private final CanController can;
    private final int[] words = new int[WORDS];
    private boolean held;

    CanKept(CanController can) {
        this.can = can;
    }

    /** @return the register offset of kept word {@code i}. */
    private static int offset(int i) {
        if (i == 0) {
            return CanController.CTRL;
        }
        if (i == 1) {
            return CanController.BTR;
        }
        if (i == 2) {
            return CanController.IE;
        }
        int m = i - 3;
        return m < CanController.MAILBOXES * 4 ? CanController.MAILBOX + m * 4
                : CanController.FILTER + (m - CanController.MAILBOXES * 4) * 4;
    }

    /** Reads the configuration registers into the copy (their reads have no effect). @return the check value */
    long keep() {
        for (int i = 0; i < WORDS; i++) {
            words[i] = (int) can.read(offset(i), 4, 0);
        }
        held = true;
        return check();
    }

    /** @return the check value of the copy as it is now, or -1 when none is kept. */
    long check() {
        if (!held) {
            return -1;
        }
        long h = 0xCBF2_9CE4_8422_2325L;
        for (int i = 0; i < WORDS; i++) {
            h = (h ^ (words[i] & 0xFFFF_FFFFL)) * 0x1000_0000_01B3L;
        }
        return h & Long.MAX_VALUE;
    }

    /** Resets the controller and writes the copy back, CTRL last. @return false when none is kept */
    boolean reinstate(long nowNs) {
        if (!held) {
            return false;
        }
        can.reset();
        for (int i = 1; i < WORDS; i++) {
            can.write(offset(i), 4, words[i] & 0xFFFF_FFFFL, nowNs);
        }
        can.write(CanController.CTRL, 4, words[0] & 0xFFFF_FFFFL, nowNs);
        return true;
    }
}
