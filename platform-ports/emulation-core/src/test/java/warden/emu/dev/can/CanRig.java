package warden.emu.dev.can;

import warden.emu.Stimulus;

/** Test rig: a bus, controllers on it, an optional stimulus node, register helpers, a line recorder. */
final class CanRig {
    static final long CLOCK_HZ = 40_000_000L;
    /** Reset bit timing: 500 kbit/s, 2 us a bit. */
    static final long BIT_PS = 2_000_000L;
    static final long BIT_NS = 2_000L;

    /** Counts raises per line. */
    static final class Lines implements Stimulus.LineInput {
        final long[] raised = new long[64];
        long lastNs = -1;

        @Override
        public boolean raise(int line, long nowNs) {
            raised[line]++;
            lastNs = nowNs;
            return true;
        }

        @Override
        public long heldRequests(int line) {
            return 0;
        }
    }

    final CanBus bus = new CanBus();
    final Lines lines = new Lines();
    long now;

    CanController controller(int line, int rxDepth) {
        CanController c = new CanController(CLOCK_HZ, rxDepth, lines, null, line);
        bus.attach(c);
        return c;
    }

    CanStimulus stimulus(long seed) {
        CanStimulus s = new CanStimulus(BIT_PS, seed);
        bus.attach(s);
        return s;
    }

    /** Fires the bus's events up to {@code untilNs}, each at its own time, as an engine would. */
    void runUntil(long untilNs) {
        for (int i = 0; i < 1_000_000; i++) {
            long t = bus.nextEventNs();
            if (t > untilNs) {
                break;
            }
            now = Math.max(now, t);
            bus.fire(now);
        }
        now = Math.max(now, untilNs);
        bus.fire(now);
    }

    static int rd(CanController c, int off) {
        return (int) c.read(off, 4, 0);
    }

    static void wr(CanController c, int off, int v, long nowNs) {
        c.write(off, 4, v & 0xFFFF_FFFFL, nowNs);
    }

    /** Leaves INIT with the filters given as {id, mask} pairs (enable and format in the id word). */
    static void start(CanController c, long nowNs, int... filters) {
        for (int j = 0; j < filters.length / 2; j++) {
            wr(c, CanController.FILTER + j * CanController.FILTER_STRIDE, filters[2 * j], nowNs);
            wr(c, CanController.FILTER + j * CanController.FILTER_STRIDE + 4, filters[2 * j + 1], nowNs);
        }
        wr(c, CanController.CTRL, 0, nowNs);
    }

    /** Fills mailbox i and requests it. */
    static void send(CanController c, int i, int idWord, int dlc, long data, long nowNs) {
        int mb = CanController.MAILBOX + i * CanController.MAILBOX_STRIDE;
        wr(c, mb, idWord, nowNs);
        wr(c, mb + 4, dlc, nowNs);
        wr(c, mb + 8, (int) data, nowNs);
        wr(c, mb + 12, (int) (data >>> 32), nowNs);
        wr(c, CanController.TXREQ, 1 << i, nowNs);
    }

    /** Pops the FIFO head. @return its RXID word, or -1 when the FIFO is empty */
    static int pop(CanController c) {
        if ((rd(c, CanController.RXSTAT) & 0xFF) == 0) {
            return -1;
        }
        int id = rd(c, CanController.RXID);
        wr(c, CanController.RXPOP, 1, 0);
        return id;
    }

    static final int ACCEPT_ALL_STD = CanController.FILTER_ENABLE;
    static final int ACCEPT_ALL_EXT = CanController.FILTER_ENABLE | CanController.XTD;
}
