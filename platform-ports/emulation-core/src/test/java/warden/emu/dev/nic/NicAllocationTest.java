package warden.emu.dev.nic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class NicAllocationTest {
    /**
     * Once warmed up, generating frames, storing them by DMA through the guard, dropping them on a
     * full ring, handing descriptors back and sending allocates nothing (ThreadMXBean's allocated
     * bytes of this thread, per round of 5,000 frames; the quietest of four rounds counts).
     */
    // [utest->dsn~nic.rx-ring~1] [utest->dsn~nic.tx-ring~1] [utest->dsn~nic.stimulus~1]
    @Test
    void perFrameWorkAllocatesNothing() {
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        NicRig rig = new NicRig();
        rig.rxRing(8, NicController.ICR_ALL);
        for (int i = 0; i < 2; i++) {
            rig.bus.write(NicRig.RING + 0x400 + 16 * i, 8, NicRig.BUFFERS, 0);
            rig.bus.write(NicRig.RING + 0x408 + 16 * i, 8, 60 | (long) NicDescriptor.CMD_RS << 24, 0);
        }
        rig.w(NicController.TDBAL, NicRig.RING + 0x400);
        rig.w(NicController.TDLEN, 32);
        rig.w(NicController.CTRL, NicController.CTRL_RXEN | NicController.CTRL_TXEN);
        NicStimulus s = new NicStimulus(rig.nic, 0, 300_000, 7);
        long[] delta = new long[4];
        for (int round = 0; round < delta.length; round++) {
            long before = bean.getThreadAllocatedBytes(id);
            for (int f = 0; f < 5_000; f++) {
                s.fire(s.nextEventNs());
                if (f % 3 == 0) {
                    rig.w(NicController.RDT, (int) ((rig.r(NicController.RDH) + 7) % 8));
                }
                if (f % 10 == 0) {
                    rig.w(NicController.TDT, (int) ((rig.r(NicController.TDH) + 1) % 2));
                }
            }
            delta[round] = bean.getThreadAllocatedBytes(id) - before;
        }
        long min = Long.MAX_VALUE;
        for (long d : delta) {
            min = Math.min(min, d);
        }
        assertEquals(0, min, "bytes allocated by 5,000 frames, per round: " + java.util.Arrays.toString(delta));
        assertEquals(20_000, rig.nic.offered());
        assertEquals(2_000, rig.nic.sent());
    }
}
