package warden.arm.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import warden.emu.DmaGuard;
import warden.emu.dev.nic.NicBoard;
import warden.kernel.api.Access;
import warden.kernel.api.Criticality;
import warden.kernel.api.SystemImage;
import warden.kernel.api.SystemImageBuilder;

class Tzc400DmaPortTest {
    static final long RTOS = 0x8040_0000L;
    static final long LINUX = 0x8100_0000L;
    static final long SHARED = 0x8800_0000L;
    static final long HIGH = 0x1_2000_0000L;

    /** rtos (4 MiB rwx), linux (1 MiB rwx + 64 KiB read-only). */
    static SystemImage image() {
        SystemImageBuilder b = SystemImage.builder(4).monitor(0x0E00_0000L, 0x20_0000L);
        int r = b.partition("rtos", Criticality.ASIL_C, 1, RTOS, 0, false);
        b.region(r, RTOS, 0x40_0000L, Access.ALL);
        int l = b.partition("linux", Criticality.QM, 2, LINUX, 0, false);
        b.region(l, LINUX, 0x10_0000L, Access.ALL);
        b.region(l, SHARED, 0x1_0000L, Access.READ);
        b.region(l, SHARED + 0x1_0000L, 0x1_0000L, Access.EXECUTE);
        b.region(l, HIGH, 0x1_0000L, Access.READ | Access.WRITE);
        return b.build();
    }

    static NicBoard nics(int owner0, int owner1) {
        NicBoard n = new NicBoard(null, null, DmaGuard.CLOSED);
        n.add("nic0", 100, owner0);
        n.add("nic1", 101, owner1);
        return n;
    }

    /** Master 0 (linux) reaches linux's regions as granted, nothing else; master 1 (no owner) nothing. */
    // [utest->dsn~arm.tzc.dma~1]
    @Test
    void eachMasterReachesOnlyItsOwnersRegions() {
        TransactionSecurity sec = new TransactionSecurity();
        sec.set(true);
        Tzc400DmaPort port = new Tzc400DmaPort(sec);
        assertEquals(0, port.program(image(), nics(1, SystemImage.NO_PARTITION)));
        assertFalse(sec.nonSecure());
        assertTrue(port.permits(0, LINUX, 2048, true));
        assertTrue(port.permits(0, LINUX + 0x10_0000L - 8, 8, false));
        assertTrue(port.permits(0, SHARED, 16, false));
        assertTrue(port.permits(0, HIGH + 0xFFF8L, 8, true));
        assertEquals(0, port.filter().intStatus());
        assertFalse(port.permits(-1, LINUX, 8, true));
        assertFalse(port.permits(Tzc400DmaPort.MASTERS_MAX, LINUX, 8, true));
        assertEquals(0, port.filter().intStatus(), "an unknown master never reaches the filter");
        assertFalse(port.permits(0, LINUX + 0x10_0000L - 4, 8, false));
        Tzc400 f = port.filter();
        assertEquals(LINUX + 0x10_0000L - 4, f.failAddress());
        assertFalse(port.permits(0, SHARED, 16, true));
        assertFalse(port.permits(0, SHARED + 0x1_0000L, 8, false));
        assertFalse(port.permits(0, SHARED + 0x1_0000L, 8, true));
        assertFalse(port.permits(0, HIGH - 8, 8, true));
        assertFalse(port.permits(0, HIGH + 0x1_0000L, 8, true));
        assertFalse(port.permits(0, HIGH & 0xFFFF_FFFFL, 8, true));
        assertFalse(port.permits(0, RTOS, 8, true));
        assertFalse(port.permits(1, LINUX, 8, true));
        assertEquals(0, f.read(Tzc400Descriptor.offset(5, Tzc400Descriptor.ATTRIBUTES), 4, 0));
        assertEquals(Tzc400Descriptor.idAccess(8, true, true) & 0xFFFF_FFFFL,
                f.read(Tzc400Descriptor.offset(1, Tzc400Descriptor.ID_ACCESS), 4, 0));
        assertEquals(Tzc400Descriptor.idAccess(8, true, false),
                f.read(Tzc400Descriptor.offset(2, Tzc400Descriptor.ID_ACCESS), 4, 0));
        assertEquals(0, f.read(Tzc400Descriptor.offset(3, Tzc400Descriptor.ID_ACCESS), 4, 0));
        assertEquals(0, f.read(Tzc400Descriptor.offset(0, Tzc400Descriptor.ID_ACCESS), 4, 0));
    }

    /** Two owners' masters on one filter: each NSAID opens only its owner's regions; the first denial is kept. */
    // [utest->dsn~arm.tzc.dma~1]
    @Test
    void theNsaidDecidesOnASharedFilter() {
        Tzc400DmaPort port = new Tzc400DmaPort(new TransactionSecurity());
        assertEquals(0, port.program(image(), nics(0, 1)));
        assertTrue(port.permits(0, RTOS, 8, true));
        assertFalse(port.permits(0, LINUX, 8, true));
        Tzc400 f = port.filter();
        assertEquals(LINUX, f.failAddress());
        assertEquals(Tzc400Descriptor.FAIL_CONTROL_WRITE | Tzc400Descriptor.FAIL_CONTROL_NON_SECURE, f.failControl());
        assertTrue(port.permits(1, LINUX, 8, true));
        assertFalse(port.permits(1, RTOS, 8, false));
    }

    /** Owner regions past the eight are left out and counted; two masters of one owner share its regions. */
    // [utest->dsn~arm.tzc.dma~1]
    @Test
    void regionsPastEightAreLeftOutAndMastersOfOneOwnerShareRegions() {
        SystemImageBuilder b = SystemImage.builder(4).monitor(0x0E00_0000L, 0x20_0000L);
        int a = b.partition("a", Criticality.QM, 1, RTOS, 0, false);
        for (int i = 0; i < 5; i++) {
            b.region(a, RTOS + 0x1_0000L * i, 0x1000L, Access.READ | Access.WRITE);
        }
        int c = b.partition("c", Criticality.QM, 2, LINUX, 0, false);
        for (int i = 0; i < 5; i++) {
            b.region(c, LINUX + 0x1_0000L * i, 0x1000L, Access.READ | Access.WRITE);
        }
        Tzc400DmaPort port = new Tzc400DmaPort(new TransactionSecurity());
        assertEquals(2, port.program(b.build(), nics(a, c)));
        assertTrue(port.permits(0, RTOS + 0x4_0000L, 8, true));
        assertTrue(port.permits(1, LINUX + 0x2_0000L, 8, true));
        assertFalse(port.permits(1, LINUX + 0x3_0000L, 8, true));
        Tzc400DmaPort twice = new Tzc400DmaPort(new TransactionSecurity());
        assertEquals(0, twice.program(image(), nics(1, 1)));
        assertTrue(twice.permits(0, LINUX, 8, true));
        assertTrue(twice.permits(1, LINUX, 8, true));
        assertTrue(twice.permits(1, HIGH, 8, false));
        assertEquals(Tzc400Descriptor.idAccess(8, true, true) | Tzc400Descriptor.idAccess(9, true, true),
                (int) twice.filter().read(Tzc400Descriptor.offset(1, Tzc400Descriptor.ID_ACCESS), 4, 0));
    }

    /** Regions that only overlap (same base or same end) are not merged: neither master gains the other's bytes. */
    // [utest->dsn~arm.tzc.dma~1]
    @Test
    void overlappingRegionsOfTwoOwnersAreNotMerged() {
        for (long[] r : new long[][] {{LINUX, 0x1000L}, {LINUX + 0x1000L, 0x1000L}}) {
            SystemImageBuilder b = SystemImage.builder(4).monitor(0x0E00_0000L, 0x20_0000L);
            int a = b.partition("a", Criticality.QM, 1, LINUX, 0, false);
            b.region(a, LINUX, 0x2000L, Access.READ | Access.WRITE);
            int c = b.partition("c", Criticality.QM, 2, r[0], 0, false);
            b.region(c, r[0], r[1], Access.READ | Access.WRITE);
            Tzc400DmaPort port = new Tzc400DmaPort(new TransactionSecurity());
            assertEquals(0, port.program(b.build(), nics(a, c)));
            long other = r[0] == LINUX ? LINUX + 0x1000L : LINUX;
            assertFalse(port.permits(1, other, 8, true));
            assertFalse(port.permits(1, r[0], 8, true), "the overlap is denied");
        }
    }
}
