package warden.emu.dev.can;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static warden.emu.dev.can.CanController.*;
import static warden.emu.dev.can.CanRig.rd;
import static warden.emu.dev.can.CanRig.wr;

import org.junit.jupiter.api.Test;

class CanControllerTest {
    private static final int LINE = 20;

    /** Every register reads its documented reset value. [utest->dsn~can.registers~1] */
    @Test
    void registersReadTheirResetValues() {
        CanController c = new CanRig().controller(LINE, 8);
        assertEquals(0x5743_0100, rd(c, ID));
        assertEquals(CTRL_INIT, rd(c, CTRL));
        assertEquals(0x001C_0004, rd(c, BTR));
        int[] zero = {STAT, ECR, IR, IE, TXREQ, TXCANCEL, TXDONE, TXFAIL, RXSTAT, RXID, RXDLC, RXDATA0, RXDATA1,
            RXPOP, RXTIME};
        for (int off : zero) {
            assertEquals(0, rd(c, off), "offset 0x" + Integer.toHexString(off));
        }
        for (int off = MAILBOX; off < WINDOW; off += 4) {
            assertEquals(0, rd(c, off), "offset 0x" + Integer.toHexString(off));
        }
        assertEquals(2_000_000L, c.bitTimePs(), "500 kbit/s at 40 MHz");
        assertEquals(0, c.ignoredAccesses());
    }

    /**
     * Accesses that are not aligned 32-bit words, and offsets without a register, read 0 and
     * change nothing, and are counted. [utest->dsn~can.registers~1]
     */
    @Test
    void badWidthsAndOffsetsReadZeroAndIgnoreWrites() {
        CanController c = new CanRig().controller(LINE, 8);
        assertEquals(0, c.read(ID, 1, 0));
        assertEquals(0, c.read(ID, 2, 0));
        assertEquals(0, c.read(ID, 8, 0));
        assertEquals(0, c.read(CTRL + 1, 4, 0));
        c.write(CTRL, 1, 0, 0);
        c.write(CTRL, 8, 0, 0);
        c.write(CTRL + 2, 4, 0, 0);
        assertEquals(CTRL_INIT, rd(c, CTRL), "still in INIT");
        for (int off : new int[] {0x2C, 0x4C, WINDOW, 0xFFC, 0x1000}) {
            assertEquals(0, rd(c, off));
            wr(c, off, -1, 0);
        }
        assertEquals(0, c.read(-4, 4, 0));
        assertEquals(7 + 10 + 1, c.ignoredAccesses());
        wr(c, ID, 0, 0);
        wr(c, ECR, -1, 0);
        assertEquals(0x5743_0100, rd(c, ID), "read-only");
        assertEquals(0, rd(c, ECR), "read-only");
    }

    /** BTR and the filters change only in INIT; BTR keeps only its fields. [utest->dsn~can.registers~1] */
    @Test
    void bitTimingAndFiltersAreWritableOnlyInInit() {
        CanController c = new CanRig().controller(LINE, 8);
        wr(c, BTR, 0xFFFF_FFFF, 0);
        assertEquals(0x037F_03FF, rd(c, BTR));
        // prescaler 4, TSEG1 5, TSEG2 4: 1 + 5 + 4 = 10 quanta of 100 ns = 1 us
        wr(c, BTR, 3 | (4 << 16) | (3 << 20), 0);
        assertEquals(1_000_000L, c.bitTimePs());
        wr(c, FILTER, FILTER_ENABLE | 0x123, 0);
        wr(c, FILTER + 4, 0x7FF, 0);
        wr(c, CTRL, 0, 0);
        wr(c, BTR, BTR_RESET, 0);
        wr(c, FILTER, 0, 0);
        wr(c, FILTER + 4, 0, 0);
        assertEquals(3 | (4 << 16) | (3 << 20), rd(c, BTR));
        assertEquals(FILTER_ENABLE | 0x123, rd(c, FILTER));
        assertEquals(0x7FF, rd(c, FILTER + 4));
    }

    /** A reset puts every register back. [utest->dsn~can.registers~1] */
    @Test
    void resetRestoresTheResetValues() {
        CanRig rig = new CanRig();
        CanController c = rig.controller(LINE, 8);
        CanRig.start(c, 0, CanRig.ACCEPT_ALL_STD, 0);
        wr(c, IE, IR_ALL, 0);
        CanRig.send(c, 0, 0x55, 8, -1L, 0);
        c.reset();
        assertEquals(CTRL_INIT, rd(c, CTRL));
        assertEquals(0, rd(c, TXREQ));
        assertEquals(0, rd(c, IE));
        assertEquals(0, rd(c, MAILBOX));
        assertEquals(0, rd(c, FILTER));
    }

    /**
     * Standard and extended identifiers match filters of their own format under the mask; the
     * first matching filter's index is stored; no enabled filter keeps nothing.
     * [utest->dsn~can.filters~1]
     */
    @Test
    void filtersAcceptByFormatIdAndMask() {
        CanRig rig = new CanRig();
        CanController c = rig.controller(LINE, 16);
        CanStimulus s = rig.stimulus(1);
        CanRig.start(c, 0,
                FILTER_ENABLE | 0x120, 0x7F0,                  // 0: standard 0x120..0x12F
                FILTER_ENABLE | XTD | 0x18FF_0000, 0x1FFF_0000, // 1: extended 0x18FFxxxx
                FILTER_ENABLE | 0x300, 0x7FF,                  // 2: standard 0x300 exactly
                0x400, 0);                                     // 3: disabled, would take 0x400
        long t = 1000;
        int[][] frames = {
            {0x125, 0}, {0x130, 0}, {0x120, 1}, {0x18FF_1234, 1}, {0x18FE_1234, 1}, {0x300, 0}, {0x301, 0},
            {0x400, 0}, {0x12F, 0},
        };
        for (int[] f : frames) {
            s.send(f[0], f[1] == 1, false, 1, 0xAA, t);
            t += 1000;
        }
        rig.runUntil(10_000_000);
        assertEquals(frames.length, s.sent());
        assertEquals(0, rd(c, RXDLC) >>> 8);
        assertEquals(0x125, CanRig.pop(c));
        assertEquals(1, rd(c, RXDLC) >>> 8);
        assertEquals(XTD | 0x18FF_1234, CanRig.pop(c));
        assertEquals(2, rd(c, RXDLC) >>> 8);
        assertEquals(0x300, CanRig.pop(c));
        assertEquals(0, rd(c, RXDLC) >>> 8);
        assertEquals(0x12F, CanRig.pop(c));
        assertEquals(-1, CanRig.pop(c));
        assertEquals(5, c.filteredOut());

        CanRig rig2 = new CanRig();
        CanController none = rig2.controller(LINE, 4);
        CanStimulus s2 = rig2.stimulus(1);
        CanRig.start(none, 0);
        s2.send(0x1, false, false, 0, 0, 0);
        rig2.runUntil(1_000_000);
        assertEquals(1, s2.sent(), "acknowledged by the controller");
        assertEquals(0, rd(none, RXSTAT), "but not kept");
    }

    /**
     * The FIFO keeps the oldest frames when full; the newer ones are lost, counted and flagged;
     * writing OVF clears flag and count. [utest->dsn~can.rx-fifo~1]
     */
    @Test
    void fullFifoLosesNewFramesAndCountsThem() {
        CanRig rig = new CanRig();
        CanController c = rig.controller(LINE, 2);
        CanStimulus s = rig.stimulus(1);
        CanRig.start(c, 0, CanRig.ACCEPT_ALL_STD, 0);
        wr(c, IE, IR_RXOVF, 0);
        for (int i = 0; i < 5; i++) {
            s.send(0x10 + i, false, false, 8, 0x0807_0605_0403_0201L * (i + 1), 0);
        }
        rig.runUntil(10_000_000);
        int st = rd(c, RXSTAT);
        assertEquals(2, st & 0xFF);
        assertTrue((st & RXSTAT_FULL) != 0);
        assertTrue((st & RXSTAT_OVF) != 0);
        assertEquals(3, st >>> 16);
        assertTrue((rd(c, IR) & IR_RXOVF) != 0);
        assertEquals(3, rig.lines.raised[LINE], "one raise per lost frame");
        assertEquals(0x0807_0605, rd(c, RXDATA1));
        assertEquals(0x0403_0201, rd(c, RXDATA0));
        assertEquals(8, rd(c, RXDLC) & 0xF);
        assertEquals(0x10, CanRig.pop(c));
        assertEquals(0x11, CanRig.pop(c));
        assertEquals(-1, CanRig.pop(c));
        assertEquals(RXSTAT_OVF | (3 << 16), rd(c, RXSTAT));
        wr(c, RXSTAT, RXSTAT_OVF, 0);
        assertEquals(0, rd(c, RXSTAT));
        wr(c, RXPOP, 1, 0);
        assertEquals(0, rd(c, RXSTAT), "popping an empty FIFO does nothing");
    }

    /** The FIFO's ring wraps around and keeps the arrival order. [utest->dsn~can.rx-fifo~1] */
    @Test
    void fifoWrapsAroundInOrder() {
        CanRig rig = new CanRig();
        CanController c = rig.controller(LINE, 3);
        CanStimulus s = rig.stimulus(1);
        CanRig.start(c, 0, CanRig.ACCEPT_ALL_STD, 0);
        long t = 0;
        for (int round = 0; round < 5; round++) {
            for (int i = 0; i < 3; i++) {
                s.send(round * 3 + i, false, false, 0, 0, t);
            }
            t += 2_000_000;
            rig.runUntil(t);
            for (int i = 0; i < 3; i++) {
                assertEquals(round * 3 + i, CanRig.pop(c));
            }
        }
        assertEquals(0, rd(c, RXSTAT));
    }

    /** Drives the bus event by event until {@code n} frames have failed on it. */
    private static void untilErrorFrames(CanRig rig, long n) {
        for (int i = 0; i < 100_000 && rig.bus.errorFrames() < n; i++) {
            rig.now = Math.max(rig.now, rig.bus.nextEventNs());
            rig.bus.fire(rig.now);
        }
        assertEquals(n, rig.bus.errorFrames());
    }

    /**
     * Transmit errors add 8 to TEC: warning at 96 (12 errors), error passive above 127 (16), bus-off
     * above 255 (32) with INIT set; clearing INIT recovers after 128 × 11 bit times of idle bus, not
     * earlier, with both counters 0, and the waiting mailbox goes out. [utest->dsn~can.fault-confinement~1]
     */
    @Test
    void transmitErrorsLeadToWarningPassiveBusOffAndRecovery() {
        CanRig rig = new CanRig();
        CanController c = rig.controller(LINE, 8);
        CanStimulus s = rig.stimulus(1);
        CanRig.start(c, 0, CanRig.ACCEPT_ALL_STD, 0);
        wr(c, IE, IR_EPASS | IR_BOFF | IR_EWARN, 0);
        rig.bus.corruptNextFrames(40);
        CanRig.send(c, 0, 0x100, 8, 0, 0);
        untilErrorFrames(rig, 11);
        assertEquals(88, c.tec());
        assertEquals(0, rd(c, STAT) & ~STAT_TXACT);
        untilErrorFrames(rig, 12);
        assertEquals(96, rd(c, ECR));
        assertEquals(STAT_EW, rd(c, STAT) & ~STAT_TXACT);
        assertEquals(IR_EWARN | IR_PERR, rd(c, IR));
        assertEquals(1, rig.lines.raised[LINE]);
        untilErrorFrames(rig, 15);
        assertEquals(STAT_EW, rd(c, STAT) & ~STAT_TXACT, "TEC 120: still error active");
        untilErrorFrames(rig, 16);
        assertEquals(128, c.tec());
        assertEquals(STAT_EW | STAT_EP, rd(c, STAT) & ~STAT_TXACT);
        assertEquals(IR_EWARN | IR_EPASS | IR_PERR, rd(c, IR));
        assertEquals(2, rig.lines.raised[LINE]);
        untilErrorFrames(rig, 31);
        assertEquals(248, c.tec());
        assertEquals(STAT_EW | STAT_EP, rd(c, STAT) & ~STAT_TXACT);
        untilErrorFrames(rig, 32);
        assertEquals(256, c.tec());
        assertEquals(255, rd(c, ECR), "TEC reads 255 above");
        assertEquals(STAT_EW | STAT_BO, rd(c, STAT), "bus-off is not error passive");
        assertEquals(CTRL_INIT, rd(c, CTRL), "bus-off sets INIT");
        assertEquals(IR_EWARN | IR_EPASS | IR_BOFF | IR_PERR, rd(c, IR));
        assertEquals(3, rig.lines.raised[LINE], "EWARN, EPASS, then EPASS and BOFF in one event");
        assertEquals(32, s.receiveErrors(), "the receiver saw every error");
        assertEquals(1, rd(c, TXREQ), "the request waits");
        rig.bus.corruptNextFrames(0);
        rig.runUntil(rig.now + 50_000_000);
        assertEquals(STAT_EW | STAT_BO, rd(c, STAT), "no recovery while INIT is set");

        long t0 = rig.now;
        wr(c, IR, IR_ALL, t0);
        wr(c, CTRL, 0, t0);
        assertEquals(STAT_EW | STAT_BO | STAT_RECOV, rd(c, STAT));
        long end = t0 + 128 * 11 * CanRig.BIT_NS;
        rig.runUntil(end - 1);
        assertEquals(STAT_EW | STAT_BO | STAT_RECOV, rd(c, STAT), "not before 128 x 11 bits");
        assertEquals(0, s.received());
        rig.runUntil(end);
        assertEquals(0, rd(c, ECR));
        assertEquals(STAT_TXACT, rd(c, STAT), "error active again, the mailbox is on the bus at once");
        assertEquals(IR_EWARN | IR_BOFF, rd(c, IR));
        assertEquals(end, rig.bus.frameStartNs());
        rig.runUntil(end + 1_000_000);
        assertEquals(1, s.received());
        assertEquals(1, rd(c, TXDONE));
    }

    /**
     * Receive errors add 1 to REC: passive at 128; a correct reception then sets REC to 127 (error
     * active again) and otherwise takes 1 off. [utest->dsn~can.fault-confinement~1]
     */
    @Test
    void receiveErrorsLeadToPassiveAndAGoodFrameBack() {
        CanRig rig = new CanRig();
        CanController c = rig.controller(LINE, 8);
        CanStimulus s = rig.stimulus(1);
        CanRig.start(c, 0, CanRig.ACCEPT_ALL_STD, 0);
        rig.bus.corruptNextFrames(128);
        s.send(0x42, false, false, 1, 7, 0);
        untilErrorFrames(rig, 127);
        assertEquals(127 << 8, rd(c, ECR));
        assertEquals(STAT_EW, rd(c, STAT));
        untilErrorFrames(rig, 128);
        assertEquals(128 << 8, rd(c, ECR));
        assertEquals(STAT_EW | STAT_EP, rd(c, STAT));
        assertEquals(IR_PERR | IR_EWARN | IR_EPASS, rd(c, IR));
        rig.runUntil(rig.now + 1_000_000);
        assertEquals(1, s.sent());
        assertEquals(127 << 8, rd(c, ECR));
        assertEquals(STAT_EW, rd(c, STAT));
        assertEquals(0x42, CanRig.pop(c));
        s.send(0x43, false, false, 1, 7, rig.now);
        rig.runUntil(rig.now + 1_000_000);
        assertEquals(126 << 8, rd(c, ECR));
    }

    /**
     * A correct transmission takes 1 off TEC. A node alone on the bus gets ACK errors: TEC rises to
     * 128 and stays there (no increment for an ACK error of an error-passive transmitter), so it
     * never goes bus-off. [utest->dsn~can.fault-confinement~1]
     */
    @Test
    void successDecrementsAndALoneNodeStaysErrorPassive() {
        CanRig rig = new CanRig();
        CanController c = rig.controller(LINE, 8);
        CanRig.start(c, 0);
        CanRig.send(c, 0, 0x100, 0, 0, 0);
        untilErrorFrames(rig, 16);
        assertEquals(128, c.tec());
        untilErrorFrames(rig, 60);
        assertEquals(128, c.tec());
        assertEquals(STAT_EW | STAT_EP, rd(c, STAT) & ~STAT_TXACT);
        assertEquals(1, rd(c, TXREQ), "still retried");

        CanStimulus s = rig.stimulus(2);
        rig.runUntil(rig.now + 1_000_000);
        assertEquals(1, s.received());
        assertEquals(127, c.tec());
        assertEquals(STAT_EW, rd(c, STAT));
    }

    /**
     * A transmitter that is error passive at the end of its frame waits 8 bit times before it
     * contends again (suspend transmission); one that is error active then does not.
     * [utest->dsn~can.fault-confinement~1]
     */
    @Test
    void errorPassiveTransmitterSuspendsEightBits() {
        CanRig rig = new CanRig();
        CanController c = rig.controller(LINE, 8);
        CanStimulus s = rig.stimulus(2);
        CanRig.start(c, 0);
        rig.bus.corruptNextFrames(16);
        CanRig.send(c, 0, 0x100, 0, 0, 0);
        untilErrorFrames(rig, 16);
        long failEnd = rig.bus.frameEndNs();
        assertEquals(STAT_EW | STAT_EP, rd(c, STAT));
        rig.runUntil(failEnd + 1_000_000);
        assertEquals(failEnd + 8 * CanRig.BIT_NS, rig.bus.frameStartNs(), "retry after the suspension");
        assertEquals(1, s.received());
        assertEquals(127, c.tec());
        long okEnd = rig.bus.frameEndNs();
        CanRig.send(c, 1, 0x101, 0, 0, okEnd);
        rig.runUntil(okEnd + 1_000_000);
        assertEquals(okEnd, rig.bus.frameStartNs(), "error active again at the end of its frame: no suspension");
        assertEquals(2, s.received());
    }

    /**
     * The flags of enabled events raise the line (every event once); disabled ones are only flagged;
     * writing 1 clears a flag; enabling a set flag raises. [utest->dsn~can.interrupts~1]
     */
    @Test
    void enabledEventsRaiseTheLineAndWriteOneClears() {
        CanRig rig = new CanRig();
        CanController c = rig.controller(LINE, 8);
        CanStimulus s = rig.stimulus(1);
        CanRig.start(c, 0, CanRig.ACCEPT_ALL_STD, 0);
        wr(c, IE, IR_RXNE, 0);
        s.send(0x10, false, false, 0, 0, 0);
        s.send(0x11, false, false, 0, 0, 0);
        rig.runUntil(1_000_000);
        assertEquals(2, rig.lines.raised[LINE]);
        assertEquals(110_000 * 2, rig.lines.lastNs, "raised when the second frame ended");
        assertTrue(c.lineLevel());
        assertEquals(IR_RXNE, rd(c, IR));
        wr(c, IR, IR_RXNE, 0);
        assertFalse(c.lineLevel());
        assertEquals(0, rd(c, IR));

        CanRig.send(c, 0, 0x20, 0, 0, rig.now);
        rig.runUntil(rig.now + 1_000_000);
        assertEquals(IR_TXDONE, rd(c, IR), "flagged");
        assertEquals(2, rig.lines.raised[LINE], "but not raised");
        assertFalse(c.lineLevel());
        wr(c, IE, IR_RXNE | IR_TXDONE, rig.now);
        assertEquals(3, rig.lines.raised[LINE], "enabling a set flag raises");
        assertTrue(c.lineLevel());
        wr(c, IR, IR_ALL, rig.now);
        assertFalse(c.lineLevel());
        wr(c, IE, IR_ALL, rig.now);
        assertEquals(3, rig.lines.raised[LINE]);
    }

    /**
     * With DAR a failed frame is not retried: TXFAIL and its flag are set and the request is gone;
     * a cancelled request that is not on the bus is withdrawn; a pending mailbox cannot be
     * rewritten. [utest->dsn~can.tx-mailboxes~1]
     */
    @Test
    void darCancelAndPendingMailboxes() {
        CanRig rig = new CanRig();
        CanController c = rig.controller(LINE, 8);
        CanRig.start(c, 0);
        wr(c, CTRL, CTRL_INIT, 0);
        wr(c, CTRL, CTRL_DAR, 0);
        wr(c, IE, IR_TXFAIL, 0);
        CanRig.send(c, 0, 0x100, 0, 0, 0);
        rig.runUntil(1_000_000);
        assertEquals(1, rig.bus.errorFrames(), "one attempt only");
        assertEquals(0, rd(c, TXREQ));
        assertEquals(1, rd(c, TXFAIL));
        assertEquals(0, rd(c, TXDONE));
        assertEquals(IR_TXFAIL | IR_PERR, rd(c, IR));
        assertEquals(1, rig.lines.raised[LINE]);

        CanController d = new CanRig().controller(LINE, 8);
        CanRig.send(d, 2, 0x7FF, 8, 1, 0);
        wr(d, MAILBOX + 2 * MAILBOX_STRIDE, 0x1, 0);
        assertEquals(0x7FF, rd(d, MAILBOX + 2 * MAILBOX_STRIDE), "pending: not rewritten");
        assertEquals(4, rd(d, TXREQ));
        wr(d, TXCANCEL, 4, 0);
        assertEquals(0, rd(d, TXREQ));
        wr(d, MAILBOX + 2 * MAILBOX_STRIDE, 0x1, 0);
        assertEquals(0x1, rd(d, MAILBOX + 2 * MAILBOX_STRIDE));
        assertEquals(0, rd(d, TXDONE) | rd(d, TXFAIL));
    }

    /**
     * A frame bigger than a word: 29-bit id, remote flag, DLC above 8 means 8 bytes; the receiver
     * sees the frame's fields. [utest->dsn~can.tx-mailboxes~1]
     */
    @Test
    void mailboxFieldsReachTheReceiver() {
        CanRig rig = new CanRig();
        CanController tx = rig.controller(LINE, 8);
        CanController rx = rig.controller(LINE + 1, 8);
        CanRig.start(tx, 0);
        CanRig.start(rx, 0, CanRig.ACCEPT_ALL_EXT, 0, CanRig.ACCEPT_ALL_STD, 0);
        CanRig.send(tx, 0, XTD | 0x1ABC_DEF0, 15, 0x1122_3344_5566_7788L, 0);
        rig.runUntil(1_000_000);
        assertEquals(XTD | 0x1ABC_DEF0, rd(rx, RXID));
        assertEquals(15, rd(rx, RXDLC));
        assertEquals(0x5566_7788, rd(rx, RXDATA0));
        assertEquals(0x1122_3344, rd(rx, RXDATA1));
        wr(rx, RXPOP, 0, 0);
        CanRig.send(tx, 1, RTR | 0x7FF, 2, -1L, rig.now);
        rig.runUntil(rig.now + 1_000_000);
        assertEquals(RTR | 0x7FF, rd(rx, RXID));
        assertEquals(1 << 8 | 2, rd(rx, RXDLC));
        assertEquals(0, rd(rx, RXDATA0), "a remote frame has no data");
        assertEquals(1, rd(tx, TXDONE) >> 1 & 1);
        assertEquals(2, tx.sentFrames());
        assertEquals(2, rx.receivedFrames());
    }

    /** Bad construction arguments are refused. [utest->dsn~can.registers~1] */
    @Test
    void badConstructionIsRefused() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
            () -> new CanController(0, 8, null, null, 1));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
            () -> new CanController(1, 0, null, null, 1));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
            () -> new CanController(1, RX_DEPTH_MAX + 1, null, null, 1));
        assertEquals(7, new CanController(1, RX_DEPTH_MAX, null, null, 7).line(), "the largest FIFO is fine");
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new CanStimulus(0, 1));
        CanStimulus s = new CanStimulus(1, 1);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
            () -> s.addStream(1, false, 0, 0, 0));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
            () -> s.addStream(1, false, 0, 1, -1));
        for (int i = 0; i < CanStimulus.STREAMS_MAX; i++) {
            assertEquals(i, s.addStream(i, false, 0, 1, 0));
        }
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
            () -> s.addStream(1, false, 0, 1, 0));
        CanBus bus = new CanBus();
        for (int i = 0; i < CanBus.NODES_MAX; i++) {
            bus.attach(s);
        }
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> bus.attach(s));
    }

    /**
     * Mailbox fields read back as written (cut to their bits); the FIFO head registers read 0 when
     * the FIFO is empty, also after frames went through it. [utest->dsn~can.tx-mailboxes~1]
     * [utest->dsn~can.rx-fifo~1]
     */
    @Test
    void mailboxesReadBackAndAnEmptyFifoReadsZero() {
        CanRig rig = new CanRig();
        CanController c = rig.controller(LINE, 4);
        CanStimulus s = rig.stimulus(1);
        for (int i = 0; i < MAILBOXES; i++) {
            int mb = MAILBOX + i * MAILBOX_STRIDE;
            wr(c, mb, 0xFFFF_FFFF - i, 0);
            wr(c, mb + 4, 0x1F - i, 0);
            wr(c, mb + 8, 0x1111_1111 * (i + 1), 0);
            wr(c, mb + 12, 0x2222_2222 * (i + 1), 0);
        }
        for (int i = 0; i < MAILBOXES; i++) {
            int mb = MAILBOX + i * MAILBOX_STRIDE;
            assertEquals((0xFFFF_FFFF - i) & (XTD | RTR | 0x1FFF_FFFF), rd(c, mb));
            assertEquals((0x1F - i) & 0xF, rd(c, mb + 4));
            assertEquals(0x1111_1111 * (i + 1), rd(c, mb + 8));
            assertEquals(0x2222_2222 * (i + 1), rd(c, mb + 12));
        }
        CanRig.start(c, 0, CanRig.ACCEPT_ALL_EXT, 0);
        s.send(0x1234_5678, true, false, 8, -1L, 0);
        rig.runUntil(1_000_000);
        assertEquals(1, rd(c, RXSTAT));
        assertEquals(XTD | 0x1234_5678, rd(c, RXID));
        assertEquals(-1, rd(c, RXDATA1));
        assertTrue(rd(c, RXTIME) > 0);
        wr(c, RXPOP, 0, 0);
        for (int off : new int[] {RXID, RXDLC, RXDATA0, RXDATA1, RXTIME}) {
            assertEquals(0, rd(c, off), "empty FIFO, offset 0x" + Integer.toHexString(off));
        }
    }

    /**
     * A new request clears the mailbox's TXDONE and TXFAIL bits; a cancel of the frame on the bus
     * lets it finish: a failure is then not retried, a success still counts.
     * [utest->dsn~can.tx-mailboxes~1]
     */
    @Test
    void reRequestAndCancelOfTheFrameOnTheBus() {
        CanRig rig = new CanRig();
        CanController c = rig.controller(LINE, 4);
        CanRig.start(c, 0);
        CanRig.send(c, 1, 0x100, 0, 0, 0);
        rig.runUntil(1_000);
        assertEquals(STAT_TXACT, rd(c, STAT));
        wr(c, TXCANCEL, 2, 1_000);
        assertEquals(2, rd(c, TXREQ), "on the bus: still pending");
        rig.runUntil(1_000_000);
        assertEquals(1, rig.bus.errorFrames(), "failed once (no acknowledge), not retried");
        assertEquals(0, rd(c, TXREQ));
        assertEquals(0, rd(c, TXDONE) | rd(c, TXFAIL));

        CanStimulus s = rig.stimulus(1);
        CanRig.send(c, 1, 0x100, 0, 0, rig.now);
        rig.runUntil(rig.now + 1_000);
        wr(c, TXCANCEL, 2, rig.now);
        rig.runUntil(rig.now + 1_000_000);
        assertEquals(1, s.received(), "a cancelled frame that succeeds is sent");
        assertEquals(2, rd(c, TXDONE));
        CanRig.send(c, 1, 0x100, 0, 0, rig.now);
        assertEquals(0, rd(c, TXDONE), "a new request clears TXDONE");
        wr(c, CTRL, CTRL_INIT, rig.now);
        wr(c, CTRL, CTRL_DAR, rig.now);
        rig.bus.corruptNextFrames(1);
        rig.runUntil(rig.now + 1_000_000);
        assertEquals(2, rd(c, TXFAIL));
        CanRig.send(c, 1, 0x100, 0, 0, rig.now);
        assertEquals(0, rd(c, TXFAIL), "a new request clears TXFAIL");
    }

    /**
     * Setting INIT during a bus-off recovery stops it; clearing INIT again starts the full count
     * anew. [utest->dsn~can.fault-confinement~1]
     */
    @Test
    void initDuringRecoveryRestartsTheCount() {
        CanRig rig = new CanRig();
        CanController c = rig.controller(LINE, 4);
        rig.stimulus(1);
        CanRig.start(c, 0);
        rig.bus.corruptNextFrames(32);
        CanRig.send(c, 0, 0x100, 0, 0, 0);
        rig.runUntil(20_000_000);
        assertEquals(STAT_BO, rd(c, STAT) & STAT_BO);
        long full = 128 * 11 * CanRig.BIT_NS;
        wr(c, CTRL, 0, 20_000_000);
        rig.runUntil(20_000_000 + full / 2);
        wr(c, CTRL, CTRL_INIT, rig.now);
        assertEquals(STAT_BO, rd(c, STAT) & (STAT_BO | STAT_RECOV));
        rig.runUntil(20_000_000 + 2 * full);
        assertEquals(STAT_BO, rd(c, STAT) & (STAT_BO | STAT_RECOV), "no recovery while INIT is set");
        long t1 = rig.now;
        wr(c, CTRL, 0, t1);
        rig.runUntil(t1 + full - 1);
        assertEquals(STAT_BO | STAT_RECOV, rd(c, STAT) & (STAT_BO | STAT_RECOV));
        rig.runUntil(t1 + full);
        assertEquals(0, rd(c, STAT) & (STAT_BO | STAT_RECOV));
    }

    /** With latency bookkeeping given, raises go through it. [utest->dsn~can.interrupts~1] */
    @Test
    void raisesGoThroughTheLatencyBookkeeping() {
        CanRig rig = new CanRig();
        warden.emu.IrqStats stats = new warden.emu.IrqStats(64);
        CanController c = new CanController(CanRig.CLOCK_HZ, 4, rig.lines, stats, LINE);
        rig.bus.attach(c);
        CanStimulus s = rig.stimulus(1);
        CanRig.start(c, 0, CanRig.ACCEPT_ALL_STD, 0);
        wr(c, IE, IR_RXNE, 0);
        s.send(1, false, false, 0, 0, 0);
        rig.runUntil(1_000_000);
        assertEquals(1, stats.raisedCount(LINE));
        assertEquals(1, rig.lines.raised[LINE]);
        CanController quiet = new CanController(CanRig.CLOCK_HZ, 4, null, null, LINE);
        wr(quiet, IE, IR_ALL, 0);
        assertFalse(quiet.lineLevel(), "no input: nothing to raise, nothing thrown");
    }
}
