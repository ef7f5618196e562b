package warden.x86.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VtdPmrTest {
    static final long SMRAM = 0x8000_0000L;
    static final long SMRAM_SIZE = 0x100_0000L;

    /** With SMRAM protected, any request touching it is blocked and counted; the rest passes. */
    // [utest->dsn~x86.dma-pmr~1]
    @Test
    void dmaTouchingSmramIsBlocked() {
        VtdPmr pmr = new VtdPmr();
        assertTrue(pmr.permits(0, SMRAM, 8, true));
        pmr.protect(SMRAM, SMRAM_SIZE);
        assertEquals(VtdPmr.PMEN_EPM | VtdPmr.PMEN_PRS, pmr.readPmen());
        assertFalse(pmr.permits(0, SMRAM, 8, true));
        assertFalse(pmr.permits(1, SMRAM + SMRAM_SIZE - 1, 1, false));
        assertFalse(pmr.permits(0, SMRAM - 7, 8, true));
        assertFalse(pmr.permits(0, SMRAM + SMRAM_SIZE - 4, 8, true));
        assertTrue(pmr.permits(0, SMRAM - 8, 8, true));
        assertTrue(pmr.permits(0, SMRAM + SMRAM_SIZE, 2048, true));
        assertTrue(pmr.permits(0, 0, 8, false));
        assertTrue(pmr.permits(0, VtdPmr.GRANULE - 4, 8, false));
        assertEquals(4, pmr.blocked());
        assertEquals(SMRAM, pmr.plmBase());
        assertEquals(SMRAM + SMRAM_SIZE - 1, pmr.plmLimit());
        assertTrue(pmr.phmBase() > pmr.phmLimit());
    }

    /** protect() disables, reprograms both ranges (the high one empty) and enables again. */
    // [utest->dsn~x86.dma-pmr~1]
    @Test
    void protectReplacesWhateverWasProgrammed() {
        VtdPmr pmr = new VtdPmr();
        pmr.writePhmBase(0x1_0000_0000L);
        pmr.writePhmLimit(0x1_0000_0000L);
        pmr.protect(0x4000_0000L, VtdPmr.GRANULE);
        assertFalse(pmr.permits(0, 0x4000_0000L, 8, true));
        assertTrue(pmr.permits(0, 0x1_0000_0000L, 8, true));
        pmr.protect(SMRAM, SMRAM_SIZE);
        assertTrue(pmr.permits(0, 0x4000_0000L, 8, true));
        assertFalse(pmr.permits(0, SMRAM, 8, true));
    }

    /** Registers are 2 MiB granular and written only with EPM off; EPM off lets everything through. */
    // [utest->dsn~x86.dma-pmr~1]
    @Test
    void rangesAre2MibGranularAndWrittenOnlyWhileOff() {
        VtdPmr pmr = new VtdPmr();
        assertEquals(0, pmr.readPmen());
        pmr.writePlmBase(0x1_8030_1234L);
        pmr.writePlmLimit(0x8030_1234L);
        assertEquals(0x8020_0000L, pmr.plmBase());
        assertEquals(0x803F_FFFFL, pmr.plmLimit());
        assertTrue(pmr.permits(0, 0x8020_0000L, 4, true));
        pmr.writePmen(VtdPmr.PMEN_EPM);
        assertFalse(pmr.permits(0, 0x8020_0000L, 4, true));
        assertFalse(pmr.permits(0, 0x803F_FFFCL, 4, true));
        assertTrue(pmr.permits(0, 0x8040_0000L, 4, true));
        assertTrue(pmr.permits(0, 0x801F_FFFCL, 4, true));
        pmr.writePlmBase(0);
        pmr.writePlmLimit(0xFFFF_FFFFL);
        pmr.writePhmBase(0x1_0000_0000L);
        pmr.writePhmLimit(0x1_0020_0000L);
        assertEquals(0x8020_0000L, pmr.plmBase());
        assertEquals(0x803F_FFFFL, pmr.plmLimit());
        assertTrue(pmr.permits(0, 0x1_0000_0000L, 8, false));
        pmr.writePmen(VtdPmr.PMEN_PRS);
        assertEquals(0, pmr.readPmen());
        pmr.writePhmBase(0x1_0000_1234L);
        pmr.writePhmLimit(0x1_0020_0000L);
        pmr.writePmen(VtdPmr.PMEN_EPM);
        assertEquals(0x1_0000_0000L, pmr.phmBase());
        assertEquals(0x1_003F_FFFFL, pmr.phmLimit());
        assertFalse(pmr.permits(0, 0x1_003F_FFF8L, 8, false));
        assertTrue(pmr.permits(0, 0x1_0040_0000L, 8, false));
        assertTrue(pmr.permits(0, 0xFFFF_FFF8L, 8, false));
        pmr.writePmen(0);
        assertTrue(pmr.permits(0, 0x8020_0000L, 4, true));
        assertEquals(3, pmr.blocked());
    }
}
