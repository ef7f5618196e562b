package warden.emu.dev.can;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static warden.emu.dev.can.CanController.*;
import static warden.emu.dev.can.CanRig.rd;
import static warden.emu.dev.can.CanRig.wr;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import warden.emu.Engine;

class CanBusTest {
    /**
     * Bit lengths with worst-case stuffing: standard 0 / 8 bytes 55 / 135 bits, extended 0 / 8
     * bytes 80 / 160 bits, a remote frame has no data, DLC 9..15 is 8 bytes.
     * [utest->dsn~can.frame-timing~1]
     */
    @Test
    void frameBitLengths() {
        CanFrame f = new CanFrame();
        f.set(0x7FF, false, false, 0, 0);
        assertEquals(55, f.bits());
        f.set(0x7FF, false, false, 8, 0);
        assertEquals(135, f.bits());
        f.set(0x7FF, false, false, 15, 0);
        assertEquals(135, f.bits());
        f.set(0x7FF, false, true, 8, -1L);
        assertEquals(55, f.bits());
        assertEquals(0, f.data());
        f.set(0x1FFF_FFFF, true, false, 0, 0);
        assertEquals(80, f.bits());
        f.set(0x1FFF_FFFF, true, false, 8, 0);
        assertEquals(160, f.bits());
        f.set(0x1, false, false, 1, 0);
        assertEquals(65, f.bits(), "34 + 8 + 13 + floor(41 / 4)");
        f.set(0x1_FFFF, false, false, 2, 0x1_2345);
        assertEquals(0x7FF, f.id(), "cut to 11 bits");
        assertEquals(0x2345, f.data(), "cut to 2 bytes");
    }

    /**
     * On the bus a frame takes its bits times the transmitter's bit time, starts when requested on
     * an idle bus, the next one when the bus is free; the receiver's time stamp is the end.
     * [utest->dsn~can.frame-timing~1]
     */
    @Test
    void framesTakeTheirBitsTimesTheBitTime() {
        CanRig rig = new CanRig();
        CanController tx = rig.controller(1, 8);
        CanController rx = rig.controller(2, 8);
        CanRig.start(tx, 0);
        CanRig.start(rx, 0, CanRig.ACCEPT_ALL_STD, 0, CanRig.ACCEPT_ALL_EXT, 0);
        CanRig.send(tx, 0, 0x10, 8, 0, 5_000);
        CanRig.send(tx, 1, XTD | (0x10 << 18) | 5, 0, 0, 5_000); // same base id: the standard frame wins
        rig.runUntil(5_000 + 270_000 - 1);
        assertEquals(0, rd(rx, RXSTAT), "not before its 135 bits of 2 us");
        assertEquals(5_000, rig.bus.frameStartNs());
        rig.runUntil(5_000 + 270_000);
        assertEquals(1, rd(rx, RXSTAT) & 0xFF);
        assertEquals(275, rd(rx, RXTIME), "end of frame in us");
        rig.runUntil(1_000_000);
        assertEquals(275_000, rig.bus.frameStartNs(), "back to back");
        assertEquals(275_000 + 160_000, rig.bus.frameEndNs(), "80 bits");
        assertEquals(270_000 + 160_000, rig.bus.busyNs());

        // 1 Mbit/s on both: half the time
        CanRig fast = new CanRig();
        CanController a = fast.controller(1, 8);
        CanController b = fast.controller(2, 8);
        int mbit = 1 | (12 << 16) | (5 << 20); // prescaler 2, 1 + 13 + 6 = 20 quanta, 40 ticks
        wr(a, BTR, mbit, 0);
        wr(b, BTR, mbit, 0);
        CanRig.start(a, 0);
        CanRig.start(b, 0, CanRig.ACCEPT_ALL_STD, 0);
        CanRig.send(a, 0, 0x10, 8, 0, 0);
        fast.runUntil(1_000_000);
        assertEquals(135_000, fast.bus.frameEndNs());
        assertEquals(135, rd(b, RXTIME));
    }

    /**
     * A node with another bit time cannot receive: it counts a receive error and does not
     * acknowledge; with no other receiver the transmitter gets an ACK error and retries.
     * [utest->dsn~can.bus~2]
     */
    @Test
    void aBitRateMismatchIsAReceiveErrorAndNoAcknowledge() {
        CanRig rig = new CanRig();
        CanController tx = rig.controller(1, 8);
        CanController rx = rig.controller(2, 8);
        CanRig.start(tx, 0);
        wr(rx, BTR, 1 | (12 << 16) | (5 << 20), 0);
        CanRig.start(rx, 0, CanRig.ACCEPT_ALL_STD, 0);
        CanRig.send(tx, 0, 0x10, 0, 0, 0);
        rig.runUntil((55 + CanBus.ERROR_FRAME_BITS) * CanRig.BIT_NS);
        assertEquals(1, rig.bus.errorFrames());
        assertEquals(8, tx.tec());
        assertEquals(1, rx.rec());
        assertEquals(0, rd(rx, RXSTAT));
        assertEquals(1, rd(tx, TXREQ), "retried");
        assertEquals(0, rig.bus.frames());
    }

    /**
     * A controller that leaves INIT while a frame is on the bus does not take part in it: no
     * reception and no receive error for the frame nobody acknowledged; it receives the retry.
     * [utest->dsn~can.bus~2]
     */
    @Test
    void aNodeThatJoinsDuringAFrameWaitsForTheNext() {
        CanRig rig = new CanRig();
        CanController rx = rig.controller(2, 8);
        CanStimulus node = rig.stimulus(1);
        node.send(0x55, false, false, 8, 0, 0);
        rig.runUntil(10 * CanRig.BIT_NS);
        assertTrue(rig.bus.busy(), "the first attempt is on the bus");
        CanRig.start(rx, rig.now, CanRig.ACCEPT_ALL_STD, 0);
        long firstEnd = rig.bus.frameEndNs();
        rig.runUntil(firstEnd);
        assertEquals(1, rig.bus.errorFrames(), "nobody acknowledged the first attempt");
        assertEquals(0, rx.rec(), "the joiner counts no receive error for it");
        assertEquals(0, rx.receivedFrames());
        rig.runUntil(firstEnd + 200 * CanRig.BIT_NS);
        assertEquals(1, rig.bus.frames(), "the retry is acknowledged by the joiner");
        assertEquals(1, rx.receivedFrames());
        assertEquals(0x55, CanRig.pop(rx));
    }

    /**
     * Arbitration keys: lower identifier first, data before remote, standard before extended with
     * the same base identifier, and an extended frame with a lower base before a standard one.
     * [utest->dsn~can.arbitration~1]
     */
    @Test
    void arbitrationKeysOrderLikeTheBus() {
        CanFrame a = new CanFrame();
        CanFrame b = new CanFrame();
        a.set(0x100, false, false, 0, 0);
        b.set(0x101, false, false, 0, 0);
        assertTrue(a.arbitrationKey() < b.arbitrationKey());
        b.set(0x100, false, true, 0, 0);
        assertTrue(a.arbitrationKey() < b.arbitrationKey(), "data before remote");
        b.set(0x100 << 18, true, false, 0, 0);
        assertTrue(a.arbitrationKey() < b.arbitrationKey(), "standard before extended, same base");
        a.set(0x100, false, true, 0, 0);
        assertTrue(a.arbitrationKey() < b.arbitrationKey(), "even a standard remote frame (IDE decides)");
        b.set((0x0FF << 18) | 0x3FFFF, true, true, 0, 0);
        assertTrue(b.arbitrationKey() < a.arbitrationKey(), "lower base id wins whatever follows");
        a.set((0x0FF << 18) | 1, true, false, 0, 0);
        b.set((0x0FF << 18) | 2, true, false, 0, 0);
        assertTrue(a.arbitrationKey() < b.arbitrationKey(), "extension bits decide next");
        b.set((0x0FF << 18) | 1, true, true, 0, 0);
        assertTrue(a.arbitrationKey() < b.arbitrationKey(), "extended data before extended remote");
    }

    /**
     * The lowest identifier wins every arbitration, between one controller's mailboxes and between
     * nodes; a request made while the bus is busy takes part in the next arbitration.
     * [utest->dsn~can.arbitration~1]
     * [utest->dsn~can.tx-mailboxes~1]
     */
    @Test
    void lowerIdentifierWinsArbitration() {
        CanRig rig = new CanRig();
        CanController a = rig.controller(1, 8);
        CanController b = rig.controller(2, 8);
        CanController rx = rig.controller(3, 16);
        CanRig.start(a, 0);
        CanRig.start(b, 0);
        CanRig.start(rx, 0, CanRig.ACCEPT_ALL_STD, 0);
        CanRig.send(a, 0, 0x300, 0, 0, 0);
        CanRig.send(a, 1, 0x100, 0, 0, 0);
        CanRig.send(a, 2, 0x200, 0, 0, 0);
        CanRig.send(b, 0, 0x101, 0, 0, 0);
        rig.runUntil(50_000);
        CanRig.send(b, 1, 0x050, 0, 0, 50_000);
        rig.runUntil(2_000_000);
        int[] order = new int[5];
        for (int i = 0; i < order.length; i++) {
            order[i] = CanRig.pop(rx);
        }
        assertArrayEquals(new int[] {0x100, 0x050, 0x101, 0x200, 0x300}, order);
        assertEquals(7, rd(a, TXDONE));
        assertEquals(3, rd(b, TXDONE));
    }

    /**
     * The bus as an engine source: same inputs, same frames at the same times, twice.
     * [utest->dsn~can.bus~2]
     */
    @Test
    void runsAreDeterministicUnderTheEngine() {
        long[] first = engineRun(7);
        long[] second = engineRun(7);
        assertArrayEquals(first, second);
        assertNotEquals(first[first.length - 1], engineRun(8)[first.length - 1], "another seed, other payloads");
    }

    private static long[] engineRun(long seed) {
        CanRig rig = new CanRig();
        CanController c = rig.controller(1, 64);
        CanStimulus s = rig.stimulus(seed);
        s.addStream(0x10, false, 8, 1_000_000, 0);
        s.addStream(0x18FF_0001, true, 4, 2_500_000, 300_000);
        CanRig.start(c, 0, CanRig.ACCEPT_ALL_STD, 0, CanRig.ACCEPT_ALL_EXT, 0);
        Engine e = new Engine(new Engine.Core[0], new Engine.Source[] {rig.bus}, Engine.DEFAULT_QUANTUM_NS);
        e.runUntil(20_000_000);
        long[] out = new long[4 * 28 + 1];
        int n = 0;
        long sum = 0;
        for (int i = 0; i < 28; i++) {
            out[n++] = rd(c, RXID);
            out[n++] = rd(c, RXTIME);
            out[n++] = rd(c, RXDATA0);
            out[n++] = rd(c, RXDATA1);
            sum = sum * 31 + rd(c, RXDATA0);
            wr(c, RXPOP, 0, 0);
        }
        out[n] = sum;
        assertEquals(28, s.sent(), "20 + 8 frames in 20 ms");
        return out;
    }

    /**
     * Periodic streams: frame k of a stream is released at offset + k period and received at its
     * end; the payload follows the seed; a stream faster than the bus overruns and says so.
     * [utest->dsn~can.stimulus~1]
     */
    @Test
    void stimulusStreamsArePeriodicSeededAndCountOverruns() {
        CanRig rig = new CanRig();
        CanController c = rig.controller(1, 64);
        CanStimulus s = rig.stimulus(42);
        int fast = s.addStream(0x20, false, 0, 2_000_000, 500_000);
        CanRig.start(c, 0, CanRig.ACCEPT_ALL_STD, 0);
        wr(c, IE, IR_RXNE, 0);
        rig.runUntil(10_000_000);
        assertEquals(5, s.sent(fast));
        assertEquals(5, rig.lines.raised[1], "one interrupt per received frame");
        for (int k = 0; k < 5; k++) {
            assertEquals(0x20, rd(c, RXID));
            assertEquals((500_000 + k * 2_000_000 + 110_000) / 1000, rd(c, RXTIME));
            wr(c, RXPOP, 0, 0);
        }
        assertEquals(0, s.overruns(fast));

        CanRig rig2 = new CanRig();
        CanController c2 = rig2.controller(1, 64);
        CanStimulus s2 = rig2.stimulus(42);
        int tooFast = s2.addStream(0x30, false, 8, 100_000, 0); // 270 us frames every 100 us
        CanRig.start(c2, 0, CanRig.ACCEPT_ALL_STD, 0);
        rig2.runUntil(2_700_000);
        // releases at 100 and 200 us come while the frame of 0 us is on the bus: the next goes at 300 us
        assertEquals(9, s2.sent(tooFast));
        assertEquals(18, s2.overruns(tooFast), "two of every three releases skipped");
        assertEquals(2_700_000, rig2.bus.frameStartNs());
        CanStimulus again = new CanStimulus(CanRig.BIT_PS, 42);
        again.addStream(0x30, false, 8, 100_000, 0);
        CanFrame f = new CanFrame();
        again.load(f, 0);
        wr(c2, RXSTAT, 0, 0);
        assertEquals((int) f.data(), rd(c2, RXDATA0), "same seed, same first payload");
    }

    /**
     * A stimulus one-shot queue is bounded and keeps its order; the node records what it receives.
     * [utest->dsn~can.stimulus~1]
     */
    @Test
    void stimulusQueueIsBoundedAndRecordsReceptions() {
        CanRig rig = new CanRig();
        CanController c = rig.controller(1, 8);
        CanStimulus s = rig.stimulus(1);
        for (int i = 0; i < CanStimulus.QUEUE; i++) {
            assertTrue(s.send(i, false, false, 0, 0, 0));
        }
        assertEquals(false, s.send(99, false, false, 0, 0, 0));
        CanRig.start(c, 0);
        CanRig.send(c, 0, 0x7FF, 2, 0xBEEF, 0);
        rig.runUntil(10_000_000);
        assertEquals(CanStimulus.QUEUE, s.sent());
        assertEquals(1, s.received());
        assertEquals(0x7FF, s.lastReceived().id());
        assertEquals(false, rig.bus.busy());
        assertEquals(CanStimulus.QUEUE + 1, rig.bus.frames());
        assertEquals(0xBEEF, s.lastReceived().data());
        assertEquals(rig.bus.frameEndNs(), s.lastReceivedEndNs(), "0x7FF goes last");
    }

    /**
     * Bus-off recovery on a busy bus: every frame end counts one occurrence of 11 recessive bits,
     * so back-to-back traffic recovers the node at the end of the 128th frame.
     * [utest->dsn~can.fault-confinement~1]
     */
    @Test
    void busOffRecoveryCountsFrameEndsOnABusyBus() {
        CanRig rig = new CanRig();
        CanController c = rig.controller(1, 8);
        CanController listener = rig.controller(2, 8);
        CanStimulus s = rig.stimulus(3);
        s.addStream(0x10, false, 0, 110_000, 20_000_000); // 55-bit frames back to back from 20 ms
        CanRig.start(c, 0);
        CanRig.start(listener, 0);
        rig.bus.corruptNextFrames(32);
        CanRig.send(c, 0, 0x100, 0, 0, 0);
        rig.runUntil(19_000_000);
        assertEquals(STAT_BO, rd(c, STAT) & STAT_BO);
        wr(c, CTRL, 0, 20_000_000);
        long end = 20_000_000 + 128 * 110_000;
        rig.runUntil(end - 1);
        assertEquals(STAT_BO | STAT_RECOV, rd(c, STAT) & (STAT_BO | STAT_RECOV));
        rig.runUntil(end);
        assertEquals(0, rd(c, STAT) & (STAT_BO | STAT_RECOV));
        assertEquals(0, rd(c, ECR));
        assertEquals(128, s.sent(0));
    }

    /**
     * Per-frame work allocates nothing: 20,000 frames between a stimulus and a controller,
     * measured with the thread's allocation counter. [utest->dsn~can.bus~2]
     */
    @Test
    void perFrameWorkAllocatesNothing() {
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        CanRig rig = new CanRig();
        CanController c = rig.controller(1, 4);
        CanStimulus s = rig.stimulus(5);
        s.addStream(0x10, false, 8, 300_000, 0);
        s.addStream(0x18FF_0001, true, 8, 700_000, 0);
        CanRig.start(c, 0, CanRig.ACCEPT_ALL_STD, 0, CanRig.ACCEPT_ALL_EXT, 0);
        wr(c, IE, IR_ALL, 0);
        long[] delta = new long[4];
        long t = 0;
        for (int round = 0; round < delta.length; round++) {
            long before = bean.getThreadAllocatedBytes(id);
            for (int f = 0; f < 2_000; f++) {
                t += 1_000_000;
                rig.runUntil(t);
                wr(c, RXPOP, 0, t);
                wr(c, IR, IR_ALL, t);
            }
            delta[round] = bean.getThreadAllocatedBytes(id) - before;
        }
        long min = Long.MAX_VALUE;
        for (long d : delta) {
            min = Math.min(min, d);
        }
        assertEquals(0, min, "bytes allocated per round: " + java.util.Arrays.toString(delta));
        assertTrue(s.sent() > 20_000, "frames: " + s.sent());
    }
}
