package warden.emu.dev.nic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import warden.emu.DmaGuard;

class NicDmaTest {
    /** A denied buffer write: nothing written, descriptor not done, head kept, counted, DMAERR and DMAE. */
    // [utest->dsn~nic.dma~1]
    @Test
    void aDeniedReceiveWriteTouchesNothingAndIsReported() {
        NicRig rig = new NicRig();
        rig.rxRing(4, NicController.ICR_DMAE);
        rig.guard.to = NicRig.BUFFERS; // descriptors allowed, buffers not
        rig.nic.receive(rig.frame, 60, 0);
        assertEquals(0, rig.mem(NicRig.BUFFERS, 8));
        assertEquals(0, rig.mem(NicRig.RING + 8, 8));
        assertEquals(0, rig.r(NicController.RDH));
        assertEquals(1, rig.r(NicController.DMADC));
        assertEquals(1, rig.r(NicController.MPC));
        assertEquals(0, rig.r(NicController.GPRC));
        assertEquals(NicController.STATUS_LU | NicController.STATUS_DMAERR, rig.r(NicController.STATUS));
        assertEquals(NicController.ICR_DMAE, rig.r(NicController.ICR));
        assertEquals(1, rig.lines.raised);
        rig.w(NicController.STATUS, NicController.STATUS_DMAERR);
        assertEquals(NicController.STATUS_LU, rig.r(NicController.STATUS));
    }

    /** A denied descriptor read stops the frame before any write; a closed guard denies everything. */
    // [utest->dsn~nic.dma~1]
    @Test
    void aDeniedDescriptorReadStopsTheFrame() {
        NicRig rig = new NicRig();
        rig.rxRing(4, 0);
        rig.guard.from = NicRig.BUFFERS;
        rig.nic.receive(rig.frame, 60, 0);
        assertEquals(1, rig.guard.asked);
        assertEquals(1, rig.nic.denied());
        assertEquals(1, rig.nic.dropped());
        NicController closed = new NicController(rig.lines, null, NicRig.LINE, 3, DmaGuard.CLOSED);
        closed.connect(rig.bus);
        closed.write(NicController.RDLEN, 4, 64, 0);
        closed.write(NicController.RDT, 4, 3, 0);
        closed.write(NicController.CTRL, 4, NicController.CTRL_RXEN, 0);
        closed.receive(rig.frame, 60, 0);
        assertEquals(1, closed.denied());
        assertEquals(3, closed.master());
    }

    /** A descriptor that names an address without memory fails the frame: DMAERR, not a denial. */
    // [utest->dsn~nic.dma~1]
    @Test
    void aBufferWithoutMemoryFailsTheFrame() {
        NicRig rig = new NicRig();
        rig.rxRing(4, 0);
        rig.guard.from = 0;
        rig.guard.to = Long.MAX_VALUE;
        rig.bus.write(NicRig.RING, 8, 0x4000_0000L, 0);
        rig.nic.receive(rig.frame, 60, 0);
        assertEquals(0, rig.nic.denied());
        assertEquals(1, rig.nic.dropped());
        assertEquals(NicController.STATUS_LU | NicController.STATUS_DMAERR, rig.r(NicController.STATUS));
    }

    /** TX: TDT starts sending; each frame goes to the wire, RS writes DD back, TXDW raises. */
    // [utest->dsn~nic.tx-ring~1] [utest->dsn~nic.dma~1]
    @Test
    void transmitSendsTheRingToTheWire() {
        NicRig rig = new NicRig();
        byte[][] seen = new byte[2][];
        rig.nic.wire((frame, length, nowNs) -> seen[(int) rig.nic.sent() - 1] = java.util.Arrays.copyOf(frame, length));
        for (int i = 0; i < 2; i++) {
            rig.bus.write(NicRig.RING + 16L * i, 8, NicRig.BUFFERS + 64L * i, 0);
            long cmd = NicDescriptor.CMD_EOP | (i == 0 ? NicDescriptor.CMD_RS : 0);
            rig.bus.write(NicRig.RING + 16L * i + 8, 8, 4 | cmd << 24, 0);
            rig.bus.write(NicRig.BUFFERS + 64L * i, 4, 0x0403_0201 + i, 0);
        }
        rig.w(NicController.TDBAL, NicRig.RING);
        rig.w(NicController.TDLEN, 64);
        rig.w(NicController.IMS, NicController.ICR_TXDW);
        rig.w(NicController.TDT, 2);
        assertEquals(0, rig.nic.sent());
        rig.w(NicController.CTRL, NicController.CTRL_TXEN);
        assertEquals(2, rig.r(NicController.GPTC));
        assertEquals(2, rig.r(NicController.TDH));
        assertArrayEquals(new byte[] {1, 2, 3, 4}, seen[0]);
        assertArrayEquals(new byte[] {2, 2, 3, 4}, seen[1]);
        assertEquals(1, rig.mem(NicRig.RING + 12, 1) & NicDescriptor.DD);
        assertEquals(0, rig.mem(NicRig.RING + 16 + 12, 1));
        assertEquals(2, rig.lines.raised);
    }

    /** TX from a buffer the guard denies: nothing sent, the head stays, counted. */
    // [utest->dsn~nic.tx-ring~1] [utest->dsn~nic.dma~1]
    @Test
    void aDeniedTransmitReadSendsNothing() {
        NicRig rig = new NicRig();
        rig.bus.write(NicRig.RING, 8, NicRig.RAM + 0x20_0000L, 0);
        rig.bus.write(NicRig.RING + 8, 8, 60, 0);
        rig.w(NicController.TDBAL, NicRig.RING);
        rig.w(NicController.TDLEN, 64);
        rig.w(NicController.CTRL, NicController.CTRL_TXEN);
        rig.w(NicController.TDT, 1);
        assertEquals(0, rig.nic.sent());
        assertEquals(0, rig.r(NicController.TDH));
        assertEquals(1, rig.nic.denied());
        assertTrue((rig.r(NicController.ICR) & NicController.ICR_DMAE) != 0);
    }

    /** The stimulus's frames are Ethernet II broadcast frames of 60 to 1514 bytes, the same per seed. */
    // [utest->dsn~nic.stimulus~1]
    @Test
    void theStimulusSendsDeterministicEthernetFrames() {
        NicRig a = new NicRig();
        NicRig b = new NicRig();
        a.rxRing(8, 0);
        NicStimulus sa = new NicStimulus(a.nic, 0, 300_000, 7);
        NicStimulus sb = new NicStimulus(b.nic, 0, 300_000, 7);
        warden.emu.Stimulus bare = new warden.emu.Stimulus(30, 0, 300_000, 7, a.lines, new warden.emu.IrqStats(64));
        for (int i = 0; i < 3; i++) {
            assertEquals(bare.nextEventNs(), sa.nextEventNs());
            sa.fire(sa.nextEventNs());
            sb.fire(sb.nextEventNs());
            bare.fire(bare.nextEventNs());
            assertTrue(sa.lastLength() >= 60 && sa.lastLength() <= 1514);
            assertEquals(sa.lastLength(), sb.lastLength());
            assertArrayEquals(java.util.Arrays.copyOf(sa.lastFrame(), sa.lastLength()),
                    java.util.Arrays.copyOf(sb.lastFrame(), sb.lastLength()));
            assertEquals(i, sa.lastFrame()[17]);
        }
        assertEquals((byte) 0xFF, sa.lastFrame()[0]);
        assertEquals((byte) 0x88, sa.lastFrame()[12]);
        assertEquals((byte) 0xB5, sa.lastFrame()[13]);
        assertEquals(3, sa.frames());
        assertEquals(3, a.nic.stored());
        assertEquals(sa.lastFrame()[20], (byte) a.mem(NicRig.BUFFERS + 2 * 2048 + 20, 1));
        assertEquals(sa.lastLength(), a.mem(NicRig.RING + 2 * 16 + 8, 2));
    }
}
