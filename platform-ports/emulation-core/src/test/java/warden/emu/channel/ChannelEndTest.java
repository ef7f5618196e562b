package warden.emu.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import warden.kernel.api.ChannelLayout;
import warden.kernel.api.Status;

class ChannelEndTest {
    private static final long AGE = 1_000_000;
    private final ChannelKernel kernel = ChannelKernel.single(40, 2, ChannelCalls.POLICY_DROP, 3, AGE, 1);
    private final ChannelCpu tx = new ChannelCpu(kernel, ChannelKernel.SENDER);
    private final ChannelCpu rx = new ChannelCpu(kernel, ChannelKernel.RECEIVER);

    /**
     * A sender and a receiver end count frames, verdicts, latency, high water, drops and failures,
     * and print them.
     * [utest->dsn~e2e.endpoint~1]
     */
    @Test
    void endsCountEverything() {
        ChannelEnd out = ChannelEnd.open(tx, 0);
        ChannelEnd in = ChannelEnd.open(rx, 0);
        assertTrue(out.sender());
        assertFalse(in.sender());
        assertNull(out.checker());
        assertNotNull(in.checker());
        assertSame(in.frame(), in.frame());
        assertEquals(Frame.stride(40), out.frame().length);
        assertEquals(0, in.ring().channel());
        assertEquals(ChannelCalls.ROLE_SENDER, out.stats().role());
        assertEquals(ChannelCalls.ROLE_RECEIVER, in.stats().role());
        assertEquals(Verdict.NO_NEW_DATA, in.idle(rx));
        assertEquals(RingWriter.WRITTEN, out.send(tx, 40));
        kernel.now += 700;
        assertEquals(RingWriter.WRITTEN, out.send(tx, 0));
        assertEquals(RingWriter.DROPPED, out.send(tx, 1));
        assertEquals(2, in.poll(rx));
        assertEquals(Verdict.OK, in.next(rx));
        assertEquals(Verdict.OK, in.next(rx));
        assertEquals(-1, in.next(rx), "none ready");
        assertEquals(0, in.poll(rx), "reports its progress");
        assertEquals(RingWriter.WRITTEN, out.send(tx, 2));
        assertEquals(1, in.poll(rx));
        assertEquals(Verdict.OK_SOME_LOST, in.next(rx));
        kernel.now += 2 * AGE;
        assertEquals(0, in.poll(rx));
        assertEquals(Verdict.TIMEOUT, in.idle(rx));
        ChannelStats s = in.stats();
        assertEquals(4, out.stats().sent());
        assertEquals(1, out.stats().drops());
        assertEquals(0, out.stats().overwrites());
        assertEquals(2, out.stats().highWater());
        assertEquals(3, s.received());
        assertEquals(2, s.verdict(Verdict.OK));
        assertEquals(1, s.verdict(Verdict.OK_SOME_LOST));
        assertEquals(1, s.verdict(Verdict.TIMEOUT));
        assertEquals(1, s.verdict(Verdict.NO_NEW_DATA));
        assertEquals(700, s.worstLatencyNs());
        assertEquals(2, s.highWater());
        assertEquals(0, s.skipped() + s.failures() + s.errors());
        assertEquals(0, s.channel());
        assertEquals("channel 0 receiver: sent 0, received 3, ok 2, ok-some-lost 1, repeated 0, wrong-sequence 0,"
            + " corrupted 0, wrong-data-id 0, no-new-data 1, timeout 1, stale 0, worst latency 700 ns, high water 2,"
            + " drops 0, overwrites 0, skipped 0, failures 0, errors 0", s.toString());
        assertTrue(out.stats().toString().startsWith("channel 0 sender: sent 4, received 0"));
        assertEquals(0, out.stats().errors());
        assertFalse(out.takeFailure());
    }

    /**
     * Refused calls and faulting accesses are counted as errors; a failure is taken once; a channel
     * the kernel refuses or gives no role on does not open.
     * [utest->dsn~e2e.endpoint~1]
     */
    @Test
    void errorsFailuresAndRefusals() {
        ChannelEnd out = ChannelEnd.open(tx, 0);
        ChannelEnd in = ChannelEnd.open(rx, 0);
        assertNull(ChannelEnd.open(tx, 1));
        assertNull(ChannelEnd.open(new ChannelCpu(kernel, 0), 0));
        for (int i = 0; i < 3; i++) {
            out.send(tx, 8);
            kernel.words[3 + i % 2 * Frame.stride(40) / 8] ^= 1;
            in.poll(rx);
            assertEquals(Verdict.CORRUPTED, in.next(rx));
        }
        assertTrue(in.takeFailure());
        assertFalse(in.takeFailure());
        assertEquals(1, in.stats().failures());
        assertEquals(3, in.stats().verdict(Verdict.CORRUPTED));
        ChannelEnd stranger = new ChannelEnd(in.ring(), in.ring().config());
        ChannelCpu nobody = new ChannelCpu(kernel, 0);
        assertEquals(-1, stranger.poll(nobody));
        assertEquals(1, stranger.stats().errors());
        ChannelEnd forger = new ChannelEnd(out.ring(), out.ring().config());
        assertEquals(RingWriter.FAILED, forger.send(rx, 8), "the receiver's view is read-only");
        assertEquals(1, forger.stats().errors());
    }

    /**
     * A channel with a 64-bit CRC: discovery learns the width, the payload starts at 32, frames
     * go through, and a masquerading frame sealed with the right CRC-64 is WRONG_DATA_ID.
     * [utest->dsn~e2e.endpoint~1]
     * [utest->dsn~e2e.ring~1]
     * [utest->dsn~e2e.header~2]
     */
    @Test
    void aChannelWithA64BitCrcWorksEndToEnd() {
        ChannelKernel k = ChannelKernel.single(40, 4, ChannelCalls.POLICY_DROP, 3, AGE, 1, ChannelLayout.CRC64);
        ChannelCpu send = new ChannelCpu(k, ChannelKernel.SENDER);
        ChannelCpu receive = new ChannelCpu(k, ChannelKernel.RECEIVER);
        ChannelEnd out = ChannelEnd.open(send, 0);
        ChannelEnd in = ChannelEnd.open(receive, 0);
        assertEquals(32, out.payloadOffset());
        assertEquals(32, in.payloadOffset());
        assertEquals(Frame.stride(40, ChannelLayout.CRC64), out.frame().length);
        assertEquals(72, out.ring().stride());
        out.frame()[32] = 0x11;
        out.frame()[32 + 39] = 0x22;
        assertEquals(RingWriter.WRITTEN, out.send(send, 40));
        assertEquals(RingWriter.WRITTEN, out.sendMasquerade(send, 40));
        assertEquals(2, in.poll(receive));
        assertEquals(Verdict.OK, in.next(receive));
        assertEquals(0x11, in.frame()[32]);
        assertEquals(0x22, in.frame()[32 + 39], "the whole payload of the 32-byte-header frame was read");
        assertEquals(Verdict.WRONG_DATA_ID, in.next(receive));
    }

    /**
     * The layout refuses rings that cannot hold the frames, and discovery fails when a field is refused.
     * [utest->dsn~e2e.ring~1]
     */
    @Test
    void layoutChecks() {
        RingLayout ok = new RingLayout(1, 8, 10, 1, 40, 1, 1, -1, 9, 5, 2);
        assertEquals(40, ok.stride());
        assertEquals(1, ok.channel());
        assertEquals(8, ok.base());
        assertEquals(10, ok.slotSize());
        assertEquals(1, ok.slotCount());
        assertEquals(1, ok.role());
        assertEquals(1, ok.policy());
        assertEquals(-1, ok.doorbell());
        assertEquals(9, ok.config().dataId());
        assertEquals(5, ok.config().maxAgeNs());
        assertEquals(2, ok.config().counterWindow());
        assertEquals(10, ok.config().payloadCapacity());
        new RingLayout(1, 0, Frame.MAX_PAYLOAD, 1, Frame.stride(Frame.MAX_PAYLOAD), 1, 0, -1, 9, 5, 2);
        new RingLayout(1, 0, 0, 1, 24, 1, 0, -1, 9, 5, 2);
        int[][] bad = {{-1, 1, 24, 0}, {Frame.MAX_PAYLOAD + 1, 1, 2000, 0}, {10, 0, 40, 0}, {10, 1, 32, 0},
            {10, 1, 44, 0}, {10, 1, 40, 4}};
        for (int[] b : bad) {
            boolean refused = false;
            try {
                new RingLayout(1, b[3], b[0], b[1], b[2], 1, 0, -1, 9, 5, 2);
            } catch (IllegalArgumentException e) {
                refused = e.getMessage().startsWith("channel 1: slot size " + b[0]);
            }
            assertTrue(refused, java.util.Arrays.toString(b));
        }
        RingLayout wide = new RingLayout(1, 8, 10, 1, 48, 1, 1, -1, 9, 5, 2, ChannelLayout.CRC64);
        assertEquals(64, wide.crcBits());
        assertEquals(32, wide.header());
        assertEquals(64, wide.config().crcBits());
        assertEquals(32, ok.crcBits());
        assertEquals(24, ok.header());
        int[][] badWidth = {{10, 40, 64}, {10, 48, 16}, {10, 48, 0}, {10, 48, 33}, {10, 48, 65}};
        for (int[] b : badWidth) {
            String m = "";
            try {
                new RingLayout(1, 0, b[0], 1, b[1], 1, 0, -1, 9, 5, 2, b[2]);
            } catch (IllegalArgumentException e) {
                m = e.getMessage();
            }
            assertTrue(m.endsWith("CRC width " + b[2]), java.util.Arrays.toString(b) + ": " + m);
        }
        assertNull(RingLayout.discover(new ChannelCpu(kernel, 0), 0));
        kernel.refuseField = ChannelCalls.INFO_CRC;
        assertNull(RingLayout.discover(tx, 0), "the CRC width refused");
        kernel.refuseField = ChannelCalls.INFO_DOORBELL;
        assertNull(RingLayout.discover(tx, 0), "one field refused");
        kernel.refuseField = -1;
        ChannelKernel zero = ChannelKernel.single(8, 1, 0, 1, AGE, 0);
        zero.slotCount[0] = 0;
        assertNull(RingLayout.discover(new ChannelCpu(zero, ChannelKernel.SENDER), 0), "unusable ring");
    }

    /**
     * A store the protection unit refuses, or a send the kernel refuses, publishes nothing; a
     * write to a ring that is not full makes exactly one call; a load fault loses that frame only.
     * [utest->dsn~e2e.ring~1]
     */
    @Test
    void faultsAndRefusalsPublishNothing() {
        RingWriter w = new RingWriter(RingLayout.discover(tx, 0));
        RingReader r = new RingReader(RingLayout.discover(rx, 0));
        E2eProtector p = new E2eProtector(new E2eConfig(3, AGE, 1, 40));
        byte[] f = new byte[Frame.stride(40)];
        byte[] in = new byte[Frame.stride(40)];
        int length = p.protect(f, 16, 0);
        tx.denyStoresFrom = kernel.ringBase[0] + 8;
        assertEquals(RingWriter.FAILED, w.write(tx, f, length));
        assertEquals(0, w.published());
        assertEquals(0, kernel.published[0]);
        tx.denyStoresFrom = Long.MAX_VALUE;
        kernel.published[0] = 2;
        assertEquals(RingWriter.FAILED, w.write(tx, f, length));
        assertEquals(Status.INVALID_PARAM, w.lastStatus());
        assertEquals(0, w.published());
        kernel.published[0] = 0;
        long calls = tx.calls;
        assertEquals(RingWriter.WRITTEN, w.write(tx, f, length));
        assertEquals(1, tx.calls - calls, "one call when the ring is not full");
        assertEquals(1, w.published());
        assertEquals(0, w.consumedSeen());
        assertEquals(RingWriter.WRITTEN, w.write(tx, f, p.protect(f, 16, 0)));
        assertEquals(2, r.poll(rx));
        assertEquals(2, r.published());
        assertEquals(Status.OK, r.lastStatus());
        rx.denyLoadsFrom = kernel.ringBase[0];
        assertEquals(-1, r.read(rx, in), "header load fault");
        assertEquals(1, r.consumed());
        rx.denyLoadsFrom = kernel.ringBase[0] + Frame.stride(40) + Frame.HEADER;
        assertEquals(-1, r.read(rx, in), "payload load fault");
        assertEquals(2, r.consumed());
        assertEquals(0, r.read(rx, in), "nothing more");
        RingReader stranger = new RingReader(RingLayout.discover(rx, 0));
        assertEquals(-1, stranger.poll(new ChannelCpu(kernel, 0)));
        assertEquals(Status.DENIED, stranger.lastStatus());
    }

    /**
     * The sender's high-water mark counts the frames in the ring after its write, as the consumed
     * count the kernel returned says, also once the receiver has read some.
     * [utest->dsn~e2e.ring~1]
     */
    @Test
    void highWaterAfterConsumption() {
        ChannelKernel k = ChannelKernel.single(16, 8, ChannelCalls.POLICY_DROP, 3, AGE, 1);
        ChannelCpu a = new ChannelCpu(k, ChannelKernel.SENDER);
        ChannelCpu b = new ChannelCpu(k, ChannelKernel.RECEIVER);
        RingWriter w = new RingWriter(RingLayout.discover(a, 0));
        RingReader r = new RingReader(RingLayout.discover(b, 0));
        byte[] f = new byte[Frame.stride(16)];
        E2eProtector p = new E2eProtector(new E2eConfig(3, AGE, 1, 16));
        for (int i = 0; i < 3; i++) {
            w.write(a, f, p.protect(f, 8, 0));
        }
        assertEquals(3, r.poll(b));
        for (int i = 0; i < 3; i++) {
            assertEquals(32, r.read(b, f));
        }
        assertEquals(0, r.poll(b));
        w.write(a, f, p.protect(f, 8, 0));
        assertEquals(3, w.highWater());
        assertEquals(3, w.consumedSeen());
        assertEquals(3, r.highWater());
        assertEquals(0, r.skipped());
    }

    /**
     * A channel end does not open for a role other than sender or receiver; a load fault while
     * reading is an error of the end.
     * [utest->dsn~e2e.endpoint~1]
     */
    @Test
    void oddRoleAndReadFault() {
        assertNull(ChannelEnd.open(new ChannelCpu(kernel, 3), 0));
        ChannelEnd out = ChannelEnd.open(tx, 0);
        ChannelEnd in = ChannelEnd.open(rx, 0);
        out.send(tx, 8);
        assertEquals(1, in.poll(rx));
        rx.denyLoadsFrom = 0;
        assertEquals(-1, in.next(rx));
        assertEquals(1, in.stats().errors());
        assertEquals(0, in.stats().received());
    }

    /**
     * The kernel sets a channel's counts back to 0 when an end restarts: the sender's next send is
     * refused and it starts over from slot 0 (that frame is lost), the receiver's next poll is
     * refused and it starts over too; the frame after the reset arrives, and the lost one shows as
     * a gap in the end-to-end counter.
     * [utest->dsn~e2e.ring~1]
     */
    @Test
    void bothEndsStartOverWhenTheKernelResetsTheCounts() {
        ChannelKernel k = ChannelKernel.single(16, 4, ChannelCalls.POLICY_DROP, 3, AGE, 2);
        ChannelCpu a = new ChannelCpu(k, ChannelKernel.SENDER);
        ChannelCpu b = new ChannelCpu(k, ChannelKernel.RECEIVER);
        ChannelEnd out = ChannelEnd.open(a, 0);
        ChannelEnd in = ChannelEnd.open(b, 0);
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 3; i++) {
                assertEquals(RingWriter.WRITTEN, out.send(a, 8));
            }
            assertEquals(3, in.poll(b));
            for (int i = 0; i < 3; i++) {
                assertEquals(Verdict.OK, in.next(b));
            }
            assertEquals(0, in.poll(b), "reports its progress");
        }
        k.reset(0);
        assertEquals(RingWriter.FAILED, out.send(a, 8), "count 7 is more than a ring ahead of 0: refused");
        assertEquals(RingWriter.WRITTEN, out.send(a, 8), "started over");
        assertEquals(1, k.published[0]);
        assertEquals(1, in.poll(b), "the receiver's count 6 is ahead of 1: refused, then started over");
        assertEquals(Verdict.OK_SOME_LOST, in.next(b));
        assertEquals(1, in.checker().gap(), "one frame lost at the reset");
        assertEquals(0, in.poll(b));
        assertEquals(1, k.consumed[0], "progress reported from 0");
    }
    /**
     * Each injected channel fault reaches the receiver as the fault it models: a lost frame as a
     * gap, a repeated frame as REPEATED, swapped frames as a gap then an older counter, a
     * masquerading frame as another data id; the sender counts what it protected, the writes
     * update its ring counts and a refused write is an error.
     * [utest->dsn~e2e.endpoint~1]
     */
    @Test
    void injectedFaultsArriveAsTheFaultsTheyModel() {
        ChannelKernel k = ChannelKernel.single(40, 8, ChannelCalls.POLICY_DROP, 3, AGE, 1);
        ChannelCpu a = new ChannelCpu(k, ChannelKernel.SENDER);
        ChannelCpu b = new ChannelCpu(k, ChannelKernel.RECEIVER);
        ChannelEnd out = ChannelEnd.open(a, 0);
        ChannelEnd in = ChannelEnd.open(b, 0);
        assertEquals(RingWriter.WRITTEN, out.send(a, 8)); // counter 0
        out.sendLost(a, 8); // counter 1, never written
        assertEquals(RingWriter.WRITTEN, out.send(a, 8)); // counter 2
        assertEquals(RingWriter.WRITTEN, out.resend(a)); // counter 2 again
        assertEquals(RingWriter.WRITTEN, out.sendSwapped(a, 8)); // counter 4, then 3
        assertEquals(RingWriter.WRITTEN, out.sendMasquerade(a, 8)); // counter 5, another data id
        assertEquals(6, k.published[0], "six frames written");
        assertEquals(6, out.stats().sent(), "six frames protected (the repeat is not a new one)");
        assertEquals(6, out.stats().highWater());
        assertEquals(6, in.poll(b));
        int[] expected = {Verdict.OK, Verdict.OK_SOME_LOST, Verdict.REPEATED, Verdict.OK_SOME_LOST,
            Verdict.WRONG_SEQUENCE, Verdict.WRONG_DATA_ID};
        int[] gaps = {0, 1, 0, 1, -2, 0}; // the older counter: d = -1, a gap of d - 1
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], in.next(b), "frame " + i);
            assertEquals(gaps[i], in.checker().gap(), "gap of frame " + i);
        }
        assertEquals(6, in.stats().received());
        assertEquals(0, out.stats().errors() + out.stats().drops());
        assertEquals(RingWriter.WRITTEN, out.resend(a));
        assertEquals(RingWriter.WRITTEN, out.resend(a));
        assertEquals(RingWriter.DROPPED, out.resend(a), "the receiver read nothing more: the ring is full");
        assertEquals(1, out.stats().drops(), "a resend updates the ring counts");
        assertEquals(8, out.stats().highWater());
        ChannelEnd forger = new ChannelEnd(out.ring(), out.ring().config());
        assertEquals(RingWriter.FAILED, forger.sendMasquerade(b, 8), "the receiver's view is read-only");
        assertEquals(1, forger.stats().errors());
        assertEquals(0, out.stats().errors());
    }

    /**
     * The unchecked read takes any frame as OK, even a corrupted one (the campaign's proof that its
     * detection is measured), and reports -1 when none is ready or the read faults.
     * [utest->dsn~e2e.endpoint~1]
     */
    @Test
    void theUncheckedReadTakesEveryFrameAsOk() {
        ChannelEnd out = ChannelEnd.open(tx, 0);
        ChannelEnd in = ChannelEnd.open(rx, 0);
        out.send(tx, 8);
        kernel.words[3] ^= 1; // a bit flip in the first frame
        out.send(tx, 8);
        assertEquals(2, in.poll(rx));
        assertEquals(Verdict.OK, in.nextUnchecked(rx));
        rx.denyLoadsFrom = 0;
        assertEquals(-1, in.nextUnchecked(rx), "a load fault");
        rx.denyLoadsFrom = Long.MAX_VALUE;
        assertEquals(-1, in.nextUnchecked(rx), "none ready");
        assertEquals(1, in.stats().verdict(Verdict.OK));
        assertEquals(1, in.stats().received());
        assertEquals(1, in.stats().errors());
        assertEquals(0, in.stats().verdict(Verdict.CORRUPTED));
    }

    /**
     * A frame protected and held (a delayed frame) counts as sent but is not in the ring; written
     * after the maximum age, it arrives after the later frame (a gap first) and is STALE.
     * [utest->dsn~e2e.endpoint~1]
     */
    @Test
    void aHeldFrameWrittenAfterTheMaximumAgeIsStale() {
        ChannelKernel k = ChannelKernel.single(40, 8, ChannelCalls.POLICY_DROP, 3, AGE, 1);
        ChannelCpu a = new ChannelCpu(k, ChannelKernel.SENDER);
        ChannelCpu b = new ChannelCpu(k, ChannelKernel.RECEIVER);
        ChannelEnd out = ChannelEnd.open(a, 0);
        ChannelEnd in = ChannelEnd.open(b, 0);
        byte[] held = new byte[out.frame().length];
        assertEquals(RingWriter.WRITTEN, out.send(a, 8)); // counter 0
        int length = out.protectHeld(a, 8, held); // counter 1, held
        assertEquals(Frame.HEADER + 8, length);
        assertEquals(1, k.published[0], "nothing written for the held frame");
        assertEquals(2, out.stats().sent());
        assertEquals(1, in.poll(b));
        assertEquals(Verdict.OK, in.next(b));
        k.now += AGE + 1;
        assertEquals(RingWriter.WRITTEN, out.send(a, 8)); // counter 2
        assertEquals(RingWriter.WRITTEN, out.writeHeld(a, held, length));
        assertEquals(3, k.published[0]);
        assertEquals(3, out.stats().highWater(), "the receiver reports its progress at its next poll");
        assertEquals(2, in.poll(b));
        assertEquals(Verdict.OK_SOME_LOST, in.next(b), "counter 2 before the delayed 1");
        assertEquals(Verdict.STALE, in.next(b), "the delayed frame is older than the maximum age");
        assertEquals(1, in.stats().verdict(Verdict.STALE));
        ChannelEnd forger = new ChannelEnd(out.ring(), out.ring().config());
        assertEquals(RingWriter.FAILED, forger.writeHeld(b, held, length), "the receiver's view is read-only");
        assertEquals(1, forger.stats().errors());
    }
}
