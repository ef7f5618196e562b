package warden.riscv.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import warden.emu.dev.nic.NicBoard;
import warden.kernel.api.Access;
import warden.kernel.api.Criticality;
import warden.kernel.api.SystemImage;
import warden.kernel.api.SystemImageBuilder;

class IopmpSetupTest {
    static final long RTOS = 0x8040_0000L;
    static final long LINUX = 0x8100_0000L;
    static final long SHARED = 0x8800_0000L;

    /** rtos (0x8040_0000, 4 MiB), linux (0x8100_0000, 1 MiB rw + 0x8800_0000, 64 KiB read-only). */
    static SystemImage image() {
        SystemImageBuilder b = SystemImage.builder(4).monitor(0x8000_0000L, 0x20_0000L);
        int r = b.partition("rtos", Criticality.ASIL_C, 1, RTOS, 0, false);
        b.region(r, RTOS, 0x40_0000L, Access.ALL);
        int l = b.partition("linux", Criticality.QM, 2, LINUX, 0, false);
        b.region(l, LINUX, 0x10_0000L, Access.ALL);
        b.region(l, SHARED, 0x1_0000L, Access.READ);
        b.region(l, SHARED + 0x1_0000L, 0x1_0000L, Access.EXECUTE);
        return b.build();
    }

    /** Master 0 (linux) reaches linux's regions as granted; nothing of the RTOS; master 1 (no owner) nothing. */
    // [utest->dsn~riscv.iopmp.setup~1]
    @Test
    void eachMasterReachesOnlyItsOwnersMemory() {
        NicBoard nics = new NicBoard(null, null, warden.emu.DmaGuard.CLOSED);
        nics.add("nic0", 30, 1);
        nics.add("nic1", 31, SystemImage.NO_PARTITION);
        Iopmp u = new Iopmp();
        assertEquals(6, IopmpSetup.program(u, image(), nics));
        assertFalse(u.permits(0, SHARED + 0x1_0000L, 8, false));
        assertFalse(u.permits(0, SHARED + 0x1_0000L, 8, true));
        assertTrue(u.permits(0, LINUX, 2048, true));
        assertTrue(u.permits(0, LINUX + 0x10_0000L - 8, 8, false));
        assertFalse(u.permits(0, LINUX + 0x10_0000L - 4, 8, false));
        assertTrue(u.permits(0, SHARED, 16, false));
        assertFalse(u.permits(0, SHARED, 16, true));
        assertFalse(u.permits(0, RTOS, 8, true));
        assertFalse(u.permits(0, RTOS + 0x1000, 8, false));
        assertFalse(u.permits(0, 0x8000_0000L, 8, false));
        assertFalse(u.permits(1, LINUX, 8, true));
        assertEquals(1, u.srcmdEn(0));
        assertEquals(0, u.srcmdEn(1));
        assertEquals(6, u.mdcfg(0));
        assertEquals(6, u.mdcfg(1));
        assertEquals(6, u.mdcfg(Iopmp.MDS - 1));
    }

    /** A master owned by the RTOS reaches the RTOS's memory only; a second owner gets a domain of its own. */
    // [utest->dsn~riscv.iopmp.setup~1]
    @Test
    void twoOwnersGetTwoDomains() {
        NicBoard nics = new NicBoard(null, null, warden.emu.DmaGuard.CLOSED);
        nics.add("nic0", 30, 0);
        nics.add("nic1", 31, 1);
        Iopmp u = new Iopmp();
        u.writeSrcmdEn(2, 0xFF); // stale state of a master the board does not have
        assertEquals(8, IopmpSetup.program(u, image(), nics));
        assertTrue(u.permits(0, RTOS, 8, true));
        assertFalse(u.permits(0, LINUX, 8, true));
        assertTrue(u.permits(1, LINUX, 8, true));
        assertFalse(u.permits(1, RTOS, 8, true));
        assertEquals(2, u.srcmdEn(1));
        assertEquals(0, u.srcmdEn(2));
        assertEquals(2, u.mdcfg(0));
        assertEquals(8, u.mdcfg(1));
        assertFalse(u.permits(2, LINUX, 8, true));
        assertFalse(u.permits(2, RTOS, 8, true));
    }

    /** Regions past the 64 entries are left out: a third owner of 16 regions gets an empty domain. */
    // [utest->dsn~riscv.iopmp.setup~1]
    @Test
    void regionsBeyondTheEntryArrayAreLeftOut() {
        SystemImageBuilder b = SystemImage.builder(4).monitor(0x8000_0000L, 0x20_0000L);
        int p = b.partition("big", Criticality.QM, 1, LINUX, 0, false);
        for (int r = 0; r < SystemImage.REGIONS_PER_PARTITION_MAX; r++) {
            b.region(p, LINUX + 0x1_0000L * r, 0x1000L, Access.READ | Access.WRITE);
        }
        NicBoard nics = new NicBoard(null, null, warden.emu.DmaGuard.CLOSED);
        nics.add("nic0", 30, p);
        nics.add("nic1", 31, p);
        nics.add("nic2", 32, p);
        Iopmp u = new Iopmp();
        assertEquals(Iopmp.ENTRIES_MAX, IopmpSetup.program(u, b.build(), nics));
        assertTrue(u.permits(1, LINUX + 0xF_0000L, 8, true));
        assertFalse(u.permits(2, LINUX, 8, true));
        assertEquals(Iopmp.ENTRIES_MAX, u.mdcfg(2));
    }
}
