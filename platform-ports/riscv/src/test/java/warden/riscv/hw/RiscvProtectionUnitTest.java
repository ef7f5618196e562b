package warden.riscv.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import warden.kernel.api.Access;
import warden.kernel.api.Status;
import warden.kernel.port.ProtectionUnit;

/** Boot validation, entry economy and activation of {@link RiscvProtectionUnit}. */
class RiscvProtectionUnitTest {
    private static final long RAM = 0x8000_0000L;
    private static final int RW = Access.READ | Access.WRITE;

    private final Pmp hart = new Pmp(16, 0);
    private final RiscvProtectionUnit pu = new RiscvProtectionUnit(new Pmp[] {hart}, 16, 0);

    // [utest->dsn~riscv.pmp.monitor~1]
    @Test
    void monitorTakesOneNapotEntryWhenItIsAnAlignedPowerOfTwo() {
        assertEquals(Status.OK, pu.protectMonitor(RAM, 0x20_0000));
        assertEquals(1, pu.monitorEntries());
        assertEquals(Status.OK, pu.activate(0, ProtectionUnit.NO_SLOT));
        assertEquals(Pmpcfg.of(0, Pmpcfg.NAPOT, false), hart.readPmpcfg(0));
    }

    // [utest->dsn~riscv.pmp.monitor~1]
    @Test
    void monitorTakesOneTorEntryWhenItStartsAtZero() {
        assertEquals(Status.OK, pu.protectMonitor(0, 0x3000));
        assertEquals(1, pu.monitorEntries());
    }

    // [utest->dsn~riscv.pmp.monitor~1]
    @Test
    void monitorTakesAnOffAndATorEntryOtherwise() {
        assertEquals(Status.OK, pu.protectMonitor(RAM + 0x1000, 0x3000));
        assertEquals(2, pu.monitorEntries());
        pu.activate(0, ProtectionUnit.NO_SLOT);
        assertEquals(Pmpcfg.of(0, Pmpcfg.TOR, false) << 8, hart.readPmpcfg(0));
        assertTrue(hart.allows(RAM + 0x2000, 8, Access.WRITE, Pmp.PRIV_M)); // L=0: M-mode unaffected
        assertFalse(hart.allows(RAM + 0x2000, 8, Access.READ, Pmp.PRIV_S));
    }

    // [utest->dsn~riscv.pmp.encoder~1]
    @Test
    void shouldShareTheTorBoundaryWhenARegionStartsWhereThePreviousEntryEnds() {
        pu.protectMonitor(RAM + 0x1000, 0x3000); // entries 0-1, pmpaddr1 = end of monitor
        pu.beginSlot(0);
        assertEquals(Status.OK, pu.addRegion(0, RAM + 0x4000, 0x5000, RW));
        assertEquals(3, pu.entriesUsed(0));
        assertEquals(Status.OK, pu.addRegion(0, RAM + 0x9000, 0x1000, Access.READ)); // adjacent again
        assertEquals(4, pu.entriesUsed(0));
        assertEquals(Status.OK, pu.addRegion(0, RAM + 0x10_0000, 0x1000, Access.EXECUTE)); // NAPOT
        assertEquals(5, pu.entriesUsed(0));
        assertEquals(Status.OK, pu.addRegion(0, RAM + 0x20_0000, 0x3000, Access.EXECUTE)); // OFF + TOR
        assertEquals(7, pu.entriesUsed(0));
    }

    // [utest->dsn~riscv.pmp.encoder~1]
    @Test
    void shouldReturnNoSpaceAndKeepTheSlotWhenEntriesRunOut() {
        pu.protectMonitor(RAM, 0x1000);
        pu.beginSlot(3);
        for (int i = 0; i < 15; i++) {
            assertEquals(Status.OK, pu.addRegion(3, RAM + 0x10_0000 + 0x2000L * i, 0x1000, RW));
        }
        assertEquals(Status.NO_SPACE, pu.addRegion(3, RAM + 0x40_0000, 0x1000, RW));
        assertEquals(16, pu.entriesUsed(3));
    }

    // [utest->dsn~riscv.pmp.encoder~1]
    @Test
    void shouldRejectRangesAndPermissionsThePmpCannotExpress() {
        RiscvProtectionUnit coarse = new RiscvProtectionUnit(new Pmp[0], 16, 2); // grain 16
        coarse.beginSlot(0);
        assertEquals(Status.INVALID_PARAM, coarse.addRegion(0, RAM, 0, RW));
        assertEquals(Status.INVALID_PARAM, coarse.addRegion(0, RAM + 8, 0x100, RW));
        assertEquals(Status.INVALID_PARAM, coarse.addRegion(0, RAM, 0x108, RW));
        assertEquals(Status.INVALID_PARAM, coarse.addRegion(0, -16, 0x100, RW));
        assertEquals(Status.INVALID_PARAM, coarse.addRegion(0, Pmp.PHYS_LIMIT - 0x100, 0x200, RW));
        assertEquals(Status.INVALID_PARAM, coarse.addRegion(0, Long.MAX_VALUE - 15, 0x100, RW));
        assertEquals(Status.INVALID_PARAM, coarse.addRegion(0, Pmp.PHYS_LIMIT - 0x30, 0x30, RW)); // TOR top 2^56
        assertEquals(Status.OK, coarse.addRegion(0, Pmp.PHYS_LIMIT - 0x40, 0x40, RW)); // NAPOT top
        assertEquals(Status.INVALID_PARAM, coarse.addRegion(0, RAM, 0x100, Access.WRITE)); // W without R
        assertEquals(Status.INVALID_PARAM, coarse.addRegion(0, RAM, 0x100, 8));
        assertEquals(Status.INVALID_PARAM, coarse.addRegion(16, RAM, 0x100, RW));
        assertEquals(Status.INVALID_PARAM, coarse.beginSlot(-1));
        assertEquals(Status.OK, coarse.addRegion(0, 0, 0x100, RW)); // base 0 is a valid address
    }

    // [utest->dsn~riscv.pmp.monitor~1]
    @Test
    void shouldRefuseTheMonitorAfterSlotsOrTwice() {
        assertEquals(Status.OK, pu.protectMonitor(RAM, 0x1000));
        assertEquals(Status.BAD_STATE, pu.protectMonitor(RAM, 0x1000));
        RiscvProtectionUnit late = new RiscvProtectionUnit(new Pmp[0], 16, 0);
        late.beginSlot(0);
        assertEquals(Status.BAD_STATE, late.protectMonitor(RAM, 0x1000));
    }

    // [utest->dsn~riscv.pmp.encoder~1] [utest->dsn~riscv.pmp.monitor~1]
    @Test
    void shouldReturnNoSpaceWhenThePmpHasNoEntries() {
        RiscvProtectionUnit none = new RiscvProtectionUnit(new Pmp[] {new Pmp(0, 0)}, 0, 0);
        assertEquals(Status.NO_SPACE, none.protectMonitor(RAM, 0x1000));
        none.beginSlot(0);
        assertEquals(Status.NO_SPACE, none.addRegion(0, RAM, 0x1000, RW));
        assertEquals(Status.OK, none.activate(0, 0));
    }

    // [utest->dsn~riscv.pmp.monitor~1] [utest->dsn~riscv.pmp.activate~1]
    @Test
    void noSlotLeavesOnlyTheMonitorEntry() {
        pu.protectMonitor(RAM, 0x1000);
        pu.beginSlot(0);
        pu.addRegion(0, RAM + 0x10_0000, 0x1000, RW);
        pu.activate(0, 0);
        assertTrue(hart.allows(RAM + 0x10_0000, 8, Access.WRITE, Pmp.PRIV_U));
        assertEquals(Status.OK, pu.activate(0, ProtectionUnit.NO_SLOT));
        assertEquals(Pmpcfg.of(0, Pmpcfg.NAPOT, false), hart.readPmpcfg(0));
        assertEquals(0, hart.readPmpcfg(2));
        assertEquals(0, hart.readPmpaddr(1));
        assertFalse(hart.allows(RAM + 0x10_0000, 8, Access.WRITE, Pmp.PRIV_U));
    }

    @Test
    void activateRejectsBadCoresAndSlotsAndValidationOnlyInstances() {
        assertEquals(Status.INVALID_PARAM, pu.activate(1, 0));
        assertEquals(Status.INVALID_PARAM, pu.activate(-1, 0));
        assertEquals(Status.INVALID_PARAM, pu.activate(0, 16));
        assertEquals(Status.INVALID_PARAM, pu.activate(0, -2));
        RiscvProtectionUnit check = new RiscvProtectionUnit(new Pmp[0], 64, 0);
        assertEquals(Status.INVALID_PARAM, check.activate(0, ProtectionUnit.NO_SLOT));
    }

    // [utest->dsn~riscv.pmp.activate~1]
    @Test
    void shouldReportFailureWhenALockedEntryRefusesTheConfiguration() {
        hart.writePmpcfg(0, Pmpcfg.of(Access.READ, Pmpcfg.OFF, true) << 16);
        pu.protectMonitor(RAM, 0x1000);
        assertEquals(Status.FAILED, pu.activate(0, ProtectionUnit.NO_SLOT));
    }

    /**
     * Rows are encoded for the unit's entry count and grain; a hart with other ones would not take
     * them as encoded (a G=0 NA4 entry is OFF at G=1, entries past its count are missing), so the
     * monitor and the regions would not be the bytes the unit promised.
     */
    // [utest->dsn~riscv.pmp.encoder~1] [utest->dsn~riscv.pmp.monitor~1]
    @Test
    void constructorRejectsHartsThatDifferFromTheDescription() {
        assertThrows(IllegalArgumentException.class,
                () -> new RiscvProtectionUnit(new Pmp[] {new Pmp(16, 1)}, 16, 0));
        assertThrows(IllegalArgumentException.class, () -> new RiscvProtectionUnit(new Pmp[0], 8, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new RiscvProtectionUnit(new Pmp[] {new Pmp(64, 0)}, 16, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new RiscvProtectionUnit(new Pmp[] {new Pmp(16, 0), new Pmp(0, 0)}, 16, 0));
        assertEquals(64, new RiscvProtectionUnit(new Pmp[] {new Pmp(64, 2)}, 64, 2).entryCount());
        assertEquals(0, new RiscvProtectionUnit(new Pmp[] {new Pmp(0, 0)}, 0, 0).entryCount());
    }
}
