package warden.riscv.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import warden.kernel.api.Access;
import warden.kernel.api.Status;
import warden.kernel.port.ProtectionUnit;

/**
 * {@link RiscvProtectionUnit#protectMonitor}: the monitor's entries are the lowest of every slot's
 * row and of the NO_SLOT row, with no permissions and L=0; a rejected monitor range changes
 * nothing; slot numbers outside 0..SLOTS_MAX-1 (NO_SLOT among them) cannot add to the NO_SLOT
 * row; beginning a slot again leaves it the monitor's entries only.
 */
class RiscvProtectionUnitMonitorTest {
    private static final long RAM = 0x8000_0000L;
    private static final long MON = RAM + 0x1000; // 12 KiB: OFF + TOR
    private static final long MON_END = MON + 0x3000;
    private static final long REGION = RAM + 0x10_0000L;
    private static final int RW = Access.READ | Access.WRITE;

    private final Pmp hart = new Pmp(16, 0);
    private final RiscvProtectionUnit pu = new RiscvProtectionUnit(new Pmp[] {hart}, 16, 0);

    /** After activating {@code slot}: entry 0 is the monitor's NAPOT entry at RAM (4 KiB) and nothing else. */
    private void assertOnlyTheNapotMonitorEntry(int slot) {
        assertEquals(Status.OK, pu.activate(0, slot));
        assertEquals(Pmpcfg.of(0, Pmpcfg.NAPOT, false), hart.readPmpcfg(0), "slot " + slot);
        assertEquals(0, hart.readPmpcfg(2), "slot " + slot);
        for (int i = 1; i < 16; i++) {
            assertEquals(0, hart.readPmpaddr(i), "slot " + slot + " pmpaddr" + i);
        }
        assertFalse(hart.allows(REGION, 8, Access.READ, Pmp.PRIV_U), "slot " + slot);
        assertFalse(hart.allows(RAM, 8, Access.READ, Pmp.PRIV_S), "slot " + slot);
        assertTrue(hart.allows(RAM, 8, Access.WRITE, Pmp.PRIV_M), "slot " + slot);
    }

    // [utest->dsn~riscv.pmp.monitor~1]
    @Test
    void theMonitorEntriesAreTheLowestOfEverySlotAndOfNoSlot() {
        assertEquals(Status.OK, pu.protectMonitor(MON, 0x3000));
        assertEquals(2, pu.monitorEntries());
        assertEquals(16, pu.entryCount());
        for (int slot = ProtectionUnit.NO_SLOT; slot < RiscvProtectionUnit.SLOTS_MAX; slot++) {
            assertEquals(2, pu.entriesUsed(slot), "slot " + slot);
            assertEquals(Status.OK, pu.activate(0, slot));
            assertEquals(Pmpcfg.of(0, Pmpcfg.TOR, false) << 8, hart.readPmpcfg(0), "slot " + slot);
            assertEquals(MON >>> 2, hart.readPmpaddr(0), "slot " + slot);
            assertEquals(MON_END >>> 2, hart.readPmpaddr(1), "slot " + slot);
            assertFalse(hart.allows(MON, 8, Access.READ, Pmp.PRIV_S), "slot " + slot);
            assertFalse(hart.allows(MON_END - 8, 8, Access.EXECUTE, Pmp.PRIV_U), "slot " + slot);
            assertTrue(hart.allows(MON, 8, Access.WRITE, Pmp.PRIV_M), "slot " + slot); // L=0
        }
        assertEquals(-1, pu.entriesUsed(RiscvProtectionUnit.SLOTS_MAX));
        assertEquals(-1, pu.entriesUsed(-2));
    }

    // [utest->dsn~riscv.pmp.monitor~1]
    @Test
    void aMonitorRangeThePmpCannotExpressIsRejectedAndChangesNothing() {
        assertEquals(Status.INVALID_PARAM, pu.protectMonitor(RAM, 0));
        assertEquals(Status.INVALID_PARAM, pu.protectMonitor(RAM + 2, 0x1000));
        assertEquals(Status.INVALID_PARAM, pu.protectMonitor(RAM, 0x1002));
        assertEquals(Status.INVALID_PARAM, pu.protectMonitor(Pmp.PHYS_LIMIT - 0x1000, 0x2000));
        assertEquals(0, pu.monitorEntries());
        assertEquals(0, pu.entriesUsed(ProtectionUnit.NO_SLOT));
        assertEquals(0, pu.entriesUsed(0));
        assertEquals(Status.OK, pu.protectMonitor(RAM, 0x1000)); // not yet set: no BAD_STATE
        assertEquals(1, pu.monitorEntries());
        assertOnlyTheNapotMonitorEntry(ProtectionUnit.NO_SLOT);
    }

    // [utest->dsn~riscv.pmp.monitor~1]
    @Test
    void slotNumbersOutsideTheSlotsCannotAddToTheNoSlotRow() {
        assertEquals(Status.OK, pu.protectMonitor(RAM, 0x1000));
        assertEquals(Status.INVALID_PARAM, pu.beginSlot(ProtectionUnit.NO_SLOT));
        assertEquals(Status.INVALID_PARAM, pu.beginSlot(RiscvProtectionUnit.SLOTS_MAX));
        assertEquals(Status.INVALID_PARAM, pu.addRegion(ProtectionUnit.NO_SLOT, REGION, 0x1000, RW));
        assertEquals(Status.INVALID_PARAM, pu.addRegion(RiscvProtectionUnit.SLOTS_MAX, REGION, 0x1000, RW));
        assertEquals(Status.OK, pu.beginSlot(RiscvProtectionUnit.SLOTS_MAX - 1));
        assertEquals(1, pu.entriesUsed(ProtectionUnit.NO_SLOT));
        assertOnlyTheNapotMonitorEntry(ProtectionUnit.NO_SLOT);
    }

    // [utest->dsn~riscv.pmp.monitor~1] [utest->dsn~riscv.pmp.encoder~1] [utest->dsn~riscv.pmp.activate~1]
    @Test
    void beginningASlotLeavesItOnlyTheMonitorEntriesWhateverAnotherOrAnEarlierConfigurationHeld() {
        assertEquals(Status.OK, pu.protectMonitor(RAM, 0x1000));
        assertEquals(Status.OK, pu.beginSlot(0));
        assertEquals(Status.OK, pu.addRegion(0, REGION, 0x1000, RW));
        assertEquals(Status.OK, pu.activate(0, 0));
        assertTrue(hart.allows(REGION, 8, Access.WRITE, Pmp.PRIV_U));
        assertEquals(Status.OK, pu.beginSlot(1)); // after slot 0 has a region in entry 1
        assertEquals(1, pu.entriesUsed(1));
        assertOnlyTheNapotMonitorEntry(1);
        assertEquals(Status.OK, pu.beginSlot(0)); // discards slot 0's region
        assertEquals(1, pu.entriesUsed(0));
        assertOnlyTheNapotMonitorEntry(0);
    }
}
