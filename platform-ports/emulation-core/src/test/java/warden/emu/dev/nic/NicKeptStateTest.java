package warden.emu.dev.nic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * A restore point's copy of the NIC: the rings, mask, station address and CTRL kept through the
 * register window, written back after the device is disabled and its causes cleared, CTRL last.
 */
class NicKeptStateTest {
    private static final int[] KEPT = {NicController.RDBAL, NicController.RDBAH, NicController.RDLEN,
        NicController.RDH, NicController.RDT, NicController.TDBAL, NicController.TDLEN, NicController.TDH,
        NicController.TDT, NicController.IMS, NicController.RAL, NicController.RAH, NicController.CTRL};

    private static String registers(NicRig rig) {
        StringBuilder b = new StringBuilder();
        for (int off : KEPT) {
            b.append(Long.toHexString(rig.r(off))).append(' ');
        }
        return b.toString();
    }

    // [utest->dsn~nic.kept-state~1]
    @Test
    void theRingsAndTheConfigurationComeBackAndTheDeviceRunsOnFromThem() {
        NicRig rig = new NicRig();
        rig.w(NicController.RAL, 0x5634_1202);
        rig.w(NicController.RAH, 0x9A78);
        rig.rxRing(4, NicController.ICR_RXT);
        String kept = registers(rig);
        long check = rig.nic.keep();
        assertEquals(check, rig.nic.keptCheck());
        rig.nic.receive(rig.frame, rig.frame.length, 10);
        assertEquals(1, rig.r(NicController.RDH), "one descriptor used since the snapshot");
        rig.w(NicController.CTRL, 0);
        rig.w(NicController.RDLEN, 16 * 8);
        rig.w(NicController.IMS, 0);
        rig.w(NicController.RAL, 0);
        assertNotEquals(kept, registers(rig));
        assertTrue(rig.nic.reinstate(20));
        assertEquals(kept, registers(rig));
        assertEquals(0, rig.r(NicController.ICR), "the causes were cleared");
        assertEquals(NicController.STATUS_LU, rig.r(NicController.STATUS));
        assertEquals(1, rig.nic.stored(), "counters are measurements: they stay");
        rig.nic.receive(rig.frame, rig.frame.length, 30);
        assertEquals(2, rig.nic.stored(), "receiving again from the kept head");
        assertEquals(1, rig.r(NicController.RDH));
        assertEquals(check, rig.nic.keptCheck());
    }

    // [utest->dsn~nic.kept-state~1]
    @Test
    void withoutACopyNothingChangesAndEachRegisterIsInTheCheck() {
        NicRig rig = new NicRig();
        assertEquals(-1, rig.nic.keptCheck());
        rig.w(NicController.IMS, NicController.ICR_RXT);
        assertFalse(rig.nic.reinstate(5));
        assertEquals(NicController.ICR_RXT, rig.r(NicController.IMS), "not quiesced without a copy");
        long first = rig.nic.keep();
        rig.w(NicController.RAH, 1);
        assertNotEquals(first, rig.nic.keep(), "RAH is in the copy");
    }
}
