package warden.riscv.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import warden.kernel.api.Access;
import warden.kernel.api.Status;
import warden.kernel.port.ProtectionUnit;

/**
 * {@link PmpRegionEncoder} through {@link RiscvProtectionUnit}: the grains it accepts, the NA4
 * entry for a single 4-byte grain with G=0, and the entry economy when a slot's row is one entry
 * short of full (a one-entry region still fits, a two-entry region gets NO_SPACE and changes
 * nothing).
 */
class PmpRegionEncoderTest {
    private static final long RAM = 0x8000_0000L;
    /** One-entry (NAPOT) regions of 4 KiB, 8 KiB apart, from here. */
    private static final long FILL = RAM + 0x10_0000L;
    private static final int RW = Access.READ | Access.WRITE;

    private final Pmp hart = new Pmp(16, 0);
    private final RiscvProtectionUnit pu = new RiscvProtectionUnit(new Pmp[] {hart}, 16, 0);

    /** Monitor (one NAPOT entry) and {@code regions} NAPOT regions in {@code slot}. */
    private void fill(int slot, int regions) {
        assertEquals(Status.OK, pu.protectMonitor(RAM, 0x1000));
        assertEquals(Status.OK, pu.beginSlot(slot));
        for (int i = 0; i < regions; i++) {
            assertEquals(Status.OK, pu.addRegion(slot, FILL + 0x2000L * i, 0x1000, RW));
        }
        assertEquals(1 + regions, pu.entriesUsed(slot));
    }

    /** 15 of the 16 entries used in {@code slot}. */
    private void fillAllButOneEntry(int slot) {
        fill(slot, 14);
    }

    /** The configuration byte of entry {@code i} (i < 8) as the hart reads it back. */
    private long cfgByte(int i) {
        return (hart.readPmpcfg(0) >>> (8 * i)) & 0xFF;
    }

    // [utest->dsn~riscv.pmp.encoder~1]
    @Test
    void encoderAcceptsExactlyTheGrainExponentsOfThePmp() {
        assertThrows(IllegalArgumentException.class, () -> new PmpRegionEncoder(-1));
        assertThrows(IllegalArgumentException.class, () -> new PmpRegionEncoder(Pmp.G_MAX + 1));
        assertEquals(4, new PmpRegionEncoder(0).granule());
        assertEquals(1L << (Pmp.G_MAX + 2), new PmpRegionEncoder(Pmp.G_MAX).granule());
    }

    // [utest->dsn~riscv.pmp.encoder~1]
    @Test
    void aFourByteAlignedRegionTakesOneNa4EntryWhenTheGrainIsFourBytes() {
        long word = RAM + 0x10_0004L; // 4-aligned, not 8-aligned: no NAPOT; not adjacent to the monitor
        assertEquals(Status.OK, pu.protectMonitor(RAM, 0x1000));
        assertEquals(Status.OK, pu.beginSlot(0));
        assertEquals(Status.OK, pu.addRegion(0, word, 4, Access.READ));
        assertEquals(2, pu.entriesUsed(0));
        assertEquals(Status.OK, pu.activate(0, 0));
        assertEquals(Pmpcfg.of(Access.READ, Pmpcfg.NA4, false), cfgByte(1));
        assertEquals(word >>> 2, hart.readPmpaddr(1));
        assertTrue(hart.allows(word, 4, Access.READ, Pmp.PRIV_S));
        assertFalse(hart.allows(word, 4, Access.WRITE, Pmp.PRIV_S));
        assertFalse(hart.allows(word - 4, 4, Access.READ, Pmp.PRIV_U));
        assertFalse(hart.allows(word + 4, 4, Access.READ, Pmp.PRIV_U));
    }

    // [utest->dsn~riscv.pmp.encoder~1]
    @Test
    void theTopFourBytesOfTheAddressSpaceAreOneNa4EntryAlthoughATorCouldNotEndThere() {
        assertEquals(Status.OK, pu.protectMonitor(RAM, 0x1000));
        assertEquals(Status.OK, pu.beginSlot(0));
        assertEquals(Status.OK, pu.addRegion(0, Pmp.PHYS_LIMIT - 4, 4, RW));
        assertEquals(2, pu.entriesUsed(0));
        assertEquals(Status.OK, pu.activate(0, 0));
        assertEquals(Pmpcfg.of(RW, Pmpcfg.NA4, false), cfgByte(1));
        assertTrue(hart.allows(Pmp.PHYS_LIMIT - 4, 4, Access.WRITE, Pmp.PRIV_U));
        assertFalse(hart.allows(Pmp.PHYS_LIMIT - 8, 4, Access.READ, Pmp.PRIV_U));
        // twelve bytes there are neither NAPOT nor NA4 and would need a TOR ending at 2^56
        assertEquals(Status.INVALID_PARAM, pu.addRegion(0, Pmp.PHYS_LIMIT - 12, 12, RW));
        assertEquals(2, pu.entriesUsed(0));
    }

    // [utest->dsn~riscv.pmp.encoder~1]
    @Test
    void aNa4RegionStillFitsInTheLastFreeEntry() {
        fillAllButOneEntry(0);
        assertEquals(Status.OK, pu.addRegion(0, RAM + 0x40_0004L, 4, Access.EXECUTE));
        assertEquals(16, pu.entriesUsed(0));
    }

    // [utest->dsn~riscv.pmp.encoder~1]
    @Test
    void aNapotRegionStillFitsInTheLastFreeEntry() {
        fillAllButOneEntry(0);
        assertEquals(Status.OK, pu.addRegion(0, RAM + 0x40_0000L, 0x1000, Access.EXECUTE));
        assertEquals(16, pu.entriesUsed(0));
    }

    // [utest->dsn~riscv.pmp.encoder~1]
    @Test
    void aRegionSharingThePreviousTorBoundaryStillFitsInTheLastFreeEntry() {
        assertEquals(Status.OK, pu.protectMonitor(RAM + 0x1000, 0x3000)); // OFF + TOR: entries 0-1
        assertEquals(Status.OK, pu.beginSlot(0));
        long base = RAM + 0x4000; // the monitor's TOR top
        for (int i = 0; i < 13; i++) { // adjacent 12 KiB regions: one TOR entry each
            assertEquals(Status.OK, pu.addRegion(0, base, 0x3000, RW));
            base += 0x3000;
        }
        assertEquals(15, pu.entriesUsed(0));
        assertEquals(Status.OK, pu.addRegion(0, base, 0x3000, Access.READ));
        assertEquals(16, pu.entriesUsed(0));
        assertEquals(Status.OK, pu.activate(0, 0));
        assertTrue(hart.allows(base, 8, Access.READ, Pmp.PRIV_U));
        assertTrue(hart.allows(base + 0x2FF8, 8, Access.READ, Pmp.PRIV_U));
        assertFalse(hart.allows(base + 0x2FF8, 8, Access.WRITE, Pmp.PRIV_U));
        assertFalse(hart.allows(base + 0x3000, 8, Access.READ, Pmp.PRIV_U));
    }

    // [utest->dsn~riscv.pmp.encoder~1]
    @Test
    void aRegionNeedingTwoEntriesGetsNoSpaceInTheLastFreeEntryAndChangesNothing() {
        int last = RiscvProtectionUnit.SLOTS_MAX - 1; // its row is followed by the NO_SLOT row
        fillAllButOneEntry(last);
        long twoEntries = RAM + 0x40_1000L; // 12 KiB, not adjacent, not a power of two: OFF + TOR
        assertEquals(Status.NO_SPACE, pu.addRegion(last, twoEntries, 0x3000, RW));
        assertEquals(15, pu.entriesUsed(last));
        assertEquals(1, pu.entriesUsed(ProtectionUnit.NO_SLOT));
        assertEquals(Status.OK, pu.activate(0, last));
        assertEquals(0, hart.readPmpcfg(2) >>> 56, "entry 15 stays OFF");
        assertFalse(hart.allows(twoEntries, 8, Access.READ, Pmp.PRIV_U));
        assertEquals(Status.OK, pu.activate(0, ProtectionUnit.NO_SLOT));
        assertEquals(Pmpcfg.of(0, Pmpcfg.NAPOT, false), hart.readPmpcfg(0), "NO_SLOT keeps the monitor entry");
        assertEquals(0, hart.readPmpaddr(1));
    }

    // [utest->dsn~riscv.pmp.encoder~1]
    @Test
    void aRegionNeedingTwoEntriesFitsInTheLastTwo() {
        fill(0, 13);
        assertEquals(Status.OK, pu.addRegion(0, RAM + 0x40_1000L, 0x3000, RW));
        assertEquals(16, pu.entriesUsed(0));
        assertEquals(Status.OK, pu.activate(0, 0));
        assertTrue(hart.allows(RAM + 0x40_1000L, 8, Access.WRITE, Pmp.PRIV_S));
        assertTrue(hart.allows(RAM + 0x40_3FF8L, 8, Access.WRITE, Pmp.PRIV_S));
    }
}
