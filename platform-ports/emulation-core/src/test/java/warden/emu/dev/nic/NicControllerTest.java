package warden.emu.dev.nic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NicControllerTest {
    /** Reset values; a wrong-size access and an offset without a register are ignored and counted. */
    // [utest->dsn~nic.registers~1]
    @Test
    void registersResetAndIgnoreWhatIsNoRegister() {
        NicRig rig = new NicRig();
        assertEquals(NicController.ID_VALUE, rig.r(NicController.ID));
        assertEquals(0, rig.r(NicController.CTRL));
        assertEquals(NicController.STATUS_LU, rig.r(NicController.STATUS));
        assertEquals(0, rig.r(NicController.ICR));
        rig.w(NicController.RAL, 0x4457_0002L);
        rig.w(NicController.RAH, 0xFFFF_0000_0200L);
        assertEquals(0x4457_0002L, rig.r(NicController.RAL));
        assertEquals(0x0200, rig.r(NicController.RAH));
        assertEquals(0, rig.nic.read(NicController.ID, 2, 0));
        rig.nic.write(NicController.CTRL, 8, 3, 0);
        assertEquals(0, rig.r(0x34));
        rig.w(0x1C, 5);
        assertEquals(0, rig.r(NicController.CTRL));
        assertEquals(4, rig.nic.ignoredAccesses());
    }

    /** Base, length and head are written only while the direction is off; the tail any time. */
    // [utest->dsn~nic.registers~1]
    @Test
    void ringRegistersAreLockedWhileTheRingRuns() {
        NicRig rig = new NicRig();
        rig.rxRing(4, 0);
        assertEquals(NicRig.RING, rig.r(NicController.RDBAL));
        assertEquals(64, rig.r(NicController.RDLEN));
        rig.w(NicController.RDBAL, 0x9000);
        rig.w(NicController.RDLEN, 32);
        rig.w(NicController.RDH, 2);
        assertEquals(NicRig.RING, rig.r(NicController.RDBAL));
        assertEquals(64, rig.r(NicController.RDLEN));
        assertEquals(0, rig.r(NicController.RDH));
        rig.w(NicController.RDT, 2);
        assertEquals(2, rig.r(NicController.RDT));
        rig.w(NicController.RDT, 4);
        assertEquals(2, rig.r(NicController.RDT));
        rig.w(NicController.CTRL, 0);
        rig.w(NicController.RDLEN, 24);
        rig.w(NicController.RDLEN, 16 * 257);
        assertEquals(64, rig.r(NicController.RDLEN));
        rig.w(NicController.RDBAH, 1);
        rig.w(NicController.RDBAL, 0x1234_5678);
        assertEquals(0x1234_5670L, rig.r(NicController.RDBAL));
        assertEquals(1, rig.r(NicController.RDBAH));
    }

    /** A frame goes into the head descriptor's buffer; length and DD|EOP are written back; RXT raises. */
    // [utest->dsn~nic.rx-ring~1] [utest->dsn~nic.dma~1]
    @Test
    void aFrameIsStoredByDmaAndTheDescriptorIsDone() {
        NicRig rig = new NicRig();
        rig.rxRing(4, NicController.ICR_RXT);
        rig.nic.receive(rig.frame, 60, 100);
        assertEquals(0x0807_0605_0403_0201L, rig.mem(NicRig.BUFFERS, 8));
        assertEquals(60, rig.mem(NicRig.BUFFERS + 59, 1));
        assertEquals(0, rig.mem(NicRig.BUFFERS + 60, 1));
        assertEquals(60 | 3L << 32, rig.mem(NicRig.RING + 8, 8));
        assertEquals(1, rig.r(NicController.RDH));
        assertEquals(1, rig.r(NicController.GPRC));
        assertEquals(NicController.ICR_RXT, rig.r(NicController.ICR));
        assertEquals(1, rig.lines.raised);
        assertTrue(rig.nic.lineLevel());
        assertEquals(1, rig.nic.stored());
        assertEquals(1, rig.nic.offered());
    }

    /** The head wraps at the ring's end; with head = tail the frame is dropped, counted and RXO set. */
    // [utest->dsn~nic.rx-ring~1]
    @Test
    void theRingWrapsAndAFullRingDrops() {
        NicRig rig = new NicRig();
        rig.rxRing(4, NicController.ICR_RXO);
        for (int i = 0; i < 3; i++) {
            rig.nic.receive(rig.frame, 60, i);
        }
        assertEquals(3, rig.r(NicController.RDH));
        assertEquals(0, rig.lines.raised);
        rig.nic.receive(rig.frame, 60, 3);
        assertEquals(1, rig.r(NicController.MPC));
        assertEquals(NicController.ICR_RXT | NicController.ICR_RXO, rig.r(NicController.ICR));
        assertEquals(1, rig.lines.raised);
        rig.w(NicController.RDT, 1);
        rig.nic.receive(rig.frame, 60, 4);
        assertEquals(0, rig.r(NicController.RDH));
        rig.nic.receive(rig.frame, 60, 5);
        assertEquals(1, rig.r(NicController.RDH));
        rig.nic.receive(rig.frame, 60, 6);
        assertEquals(2, rig.r(NicController.MPC));
        assertEquals(5, rig.r(NicController.GPRC));
        assertEquals(7, rig.nic.offered());
    }

    /** With receive off every frame is dropped without any DMA. */
    // [utest->dsn~nic.rx-ring~1]
    @Test
    void receiveOffDropsWithoutDma() {
        NicRig rig = new NicRig();
        rig.rxRing(4, 0);
        rig.w(NicController.CTRL, 0);
        rig.nic.receive(rig.frame, 60, 0);
        assertEquals(1, rig.nic.dropped());
        assertEquals(0, rig.guard.asked);
        assertEquals(0, rig.mem(NicRig.BUFFERS, 8));
    }

    /** A cause raises the line only when masked in; IMS with a pending cause raises; ICR is W1C. */
    // [utest->dsn~nic.interrupts~1]
    @Test
    void theMaskDecidesWhatRaisesTheLine() {
        NicRig rig = new NicRig();
        rig.rxRing(4, 0);
        rig.nic.receive(rig.frame, 60, 0);
        assertEquals(0, rig.lines.raised);
        assertFalse(rig.nic.lineLevel());
        rig.w(NicController.IMS, 0xFF);
        assertEquals(NicController.ICR_ALL, rig.r(NicController.IMS));
        assertEquals(1, rig.lines.raised);
        rig.w(NicController.ICR, NicController.ICR_RXO);
        assertEquals(NicController.ICR_RXT, rig.r(NicController.ICR));
        rig.w(NicController.ICR, NicController.ICR_RXT);
        assertEquals(0, rig.r(NicController.ICR));
        assertFalse(rig.nic.lineLevel());
        rig.w(NicController.IMS, NicController.ICR_RXT);
        assertEquals(1, rig.lines.raised);
    }
}
