package warden.arm.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import warden.kernel.api.Access;
import warden.kernel.api.Status;
import warden.kernel.port.ProtectionUnit;

/**
 * The TZC-400 protection unit at its boundaries: slot and core numbers, the 4 KiB granule and the
 * 40-bit address limit, regions that touch but do not overlap (each other or the monitor), the
 * exact register values an activation writes (high and low halves, Secure enables, NSAID bits), and
 * the byte-exact execute check.
 */
class ArmProtectionUnitBoundaryTest {
    private static final long MON = 0x8000_0000L;
    private static final long MON_SIZE = 0x20_0000L;
    private static final long LIMIT = 1L << 40;
    private static final int NSAID = 5;

    private final TransactionSecurity sec = new TransactionSecurity();
    private final Tzc400[] filters = {new Tzc400(sec), new Tzc400(sec)};

    private ArmProtectionUnit unit() {
        ArmProtectionUnit pu = new ArmProtectionUnit(filters, sec, 0x10 | NSAID);
        assertEquals(Status.OK, pu.protectMonitor(MON, MON_SIZE));
        return pu;
    }

    private long reg(int core, int n, int reg) {
        return filters[core].read(Tzc400Descriptor.offset(n, reg), 4, 0);
    }

    // [utest->dsn~arm.tzc.overlap~1]
    // [utest->dsn~arm.tzc.unit~1]
    @Test
    void theMonitorIsSetOnceBeforeAnySlotAndMustBeGranular() {
        ArmProtectionUnit a = new ArmProtectionUnit(filters, sec, 0);
        assertEquals(Status.INVALID_PARAM, a.protectMonitor(MON + 0x800, MON_SIZE));
        assertEquals(Status.INVALID_PARAM, a.protectMonitor(MON, 0));
        assertEquals(Status.OK, a.protectMonitor(MON, MON_SIZE), "a refused range sets nothing");
        assertEquals(Status.BAD_STATE, a.protectMonitor(MON, MON_SIZE));
        ArmProtectionUnit b = new ArmProtectionUnit(filters, sec, 0);
        assertEquals(Status.OK, b.beginSlot(0));
        assertEquals(Status.BAD_STATE, b.protectMonitor(MON, MON_SIZE), "slots already begun");
        ArmProtectionUnit c = new ArmProtectionUnit(filters, sec, 0);
        assertEquals(Status.OK, c.addRegion(3, MON, 0x1000, Access.READ), "no monitor yet: nothing to overlap");
        assertEquals(Status.BAD_STATE, c.protectMonitor(MON, MON_SIZE), "a region already added");
    }

    // [utest->dsn~arm.tzc.overlap~1]
    // [utest->dsn~arm.tzc.unit~1]
    @Test
    void slotsAreNumberedZeroToFifteenAndCoresByFilter() {
        ArmProtectionUnit pu = unit();
        assertEquals(Status.INVALID_PARAM, pu.beginSlot(-1));
        assertEquals(Status.INVALID_PARAM, pu.beginSlot(ArmProtectionUnit.SLOTS_MAX));
        assertEquals(Status.OK, pu.beginSlot(ArmProtectionUnit.SLOTS_MAX - 1));
        assertEquals(Status.INVALID_PARAM, pu.addRegion(-1, 0x1000, 0x1000, Access.READ));
        assertEquals(Status.INVALID_PARAM, pu.addRegion(ArmProtectionUnit.SLOTS_MAX, 0x1000, 0x1000, Access.READ));
        assertEquals(Status.OK, pu.addRegion(ArmProtectionUnit.SLOTS_MAX - 1, 0x1000, 0x1000, Access.READ));
        assertEquals(1, pu.regionsUsed(ArmProtectionUnit.SLOTS_MAX - 1));
        assertEquals(-1, pu.regionsUsed(ArmProtectionUnit.SLOTS_MAX));
        assertEquals(-1, pu.regionsUsed(-2));
        assertEquals(0, pu.regionsUsed(ProtectionUnit.NO_SLOT));
        assertEquals(Status.INVALID_PARAM, pu.activate(0, ArmProtectionUnit.SLOTS_MAX));
        assertEquals(Status.INVALID_PARAM, pu.activate(0, -2));
        assertEquals(Status.INVALID_PARAM, pu.activate(-1, 0));
        assertEquals(Status.INVALID_PARAM, pu.activate(filters.length, 0));
        assertEquals(Status.OK, pu.activate(1, ArmProtectionUnit.SLOTS_MAX - 1));
        assertSame(filters[1], pu.filter(1));
        pu.world(-1, true);
        pu.world(ArmProtectionUnit.SLOTS_MAX + 1, true);
        pu.world(ArmProtectionUnit.SLOTS_MAX - 1, true);
        assertEquals(Status.OK, pu.activate(1, ArmProtectionUnit.SLOTS_MAX - 1));
        assertEquals(Tzc400Descriptor.idAccess(NSAID, true, false), reg(1, 1, Tzc400Descriptor.ID_ACCESS),
                "slot 15 is Non-secure now");
    }

    // [utest->dsn~arm.tzc.activate~1]
    // [utest->dsn~arm.tzc.unit~1]
    @Test
    void slotZeroMayRunInEitherWorldAndNoSlotIsAValidActivation() {
        ArmProtectionUnit pu = unit();
        pu.beginSlot(0);
        pu.addRegion(0, 0x9000_0000L, 0x1000, Access.READ);
        pu.world(0, true);
        assertEquals(Status.OK, pu.activate(0, 0));
        assertEquals(1, reg(0, 1, Tzc400Descriptor.ATTRIBUTES), "Non-secure: no Secure enable");
        assertEquals(Tzc400Descriptor.idAccess(NSAID, true, false), reg(0, 1, Tzc400Descriptor.ID_ACCESS));
        pu.world(0, false);
        assertEquals(Status.OK, pu.activate(0, 0));
        assertEquals((1 | Tzc400Descriptor.S_RD_EN) & 0xFFFF_FFFFL, reg(0, 1, Tzc400Descriptor.ATTRIBUTES),
                "Secure again");
        assertEquals(0, reg(0, 1, Tzc400Descriptor.ID_ACCESS));
        assertEquals(Status.OK, pu.activate(0, ProtectionUnit.NO_SLOT));
        assertEquals(0, reg(0, 1, Tzc400Descriptor.ATTRIBUTES), "no slot: every region disabled");
        assertEquals(Status.OK, pu.activate(1, ProtectionUnit.NO_SLOT));
    }

    // [utest->dsn~arm.tzc.overlap~1]
    // [utest->dsn~arm.tzc.unit~1]
    @Test
    void regionsAreWholeGranulesBelowTheFortyBitLimit() {
        ArmProtectionUnit pu = unit();
        pu.beginSlot(0);
        assertEquals(Status.INVALID_PARAM, pu.addRegion(0, 0x1000, 0, Access.READ), "empty");
        assertEquals(Status.INVALID_PARAM, pu.addRegion(0, -0x1000, 0x1000, Access.READ), "negative base");
        assertEquals(Status.INVALID_PARAM, pu.addRegion(0, 0x1800, 0x1000, Access.READ), "base in a granule");
        assertEquals(Status.INVALID_PARAM, pu.addRegion(0, 0x1000, 0x1800, Access.READ), "size in a granule");
        assertEquals(Status.INVALID_PARAM, pu.addRegion(0, LIMIT - 0x1000, 0x2000, Access.READ), "crosses the limit");
        assertEquals(Status.INVALID_PARAM, pu.addRegion(0, LIMIT, 0x1000, Access.READ), "at the limit");
        assertEquals(Status.INVALID_PARAM, pu.addRegion(0, 0x1000, 0x1000, 8), "an unknown permission bit");
        assertEquals(0, pu.regionsUsed(0));
        assertEquals(Status.OK, pu.addRegion(0, 0, 0x1000, Access.READ), "the first granule");
        assertEquals(Status.OK, pu.addRegion(0, LIMIT - 0x1000, 0x1000, Access.READ), "the last granule");
        assertEquals(2, pu.regionsUsed(0));
    }

    // [utest->dsn~arm.tzc.unit~1]
    @Test
    void executeNeedsReadButWriteAloneIsFine() {
        ArmProtectionUnit pu = unit();
        pu.beginSlot(0);
        assertEquals(Status.NOT_SUPPORTED, pu.addRegion(0, 0x1000, 0x1000, Access.EXECUTE));
        assertEquals(Status.NOT_SUPPORTED, pu.addRegion(0, 0x1000, 0x1000, Access.EXECUTE | Access.WRITE));
        assertEquals(Status.OK, pu.addRegion(0, 0x1000, 0x1000, Access.WRITE));
        assertEquals(Status.OK, pu.addRegion(0, 0x2000, 0x1000, Access.READ | Access.EXECUTE));
    }

    // [utest->dsn~arm.tzc.overlap~1]
    @Test
    void regionsMayTouchTheMonitorAndEachOtherButNotOverlap() {
        ArmProtectionUnit pu = unit();
        pu.beginSlot(0);
        assertEquals(Status.OK, pu.addRegion(0, MON - 0x1000, 0x1000, Access.READ), "ends at the monitor");
        assertEquals(Status.OK, pu.addRegion(0, MON + MON_SIZE, 0x1000, Access.READ), "starts after it");
        assertEquals(Status.INVALID_PARAM, pu.addRegion(0, MON - 0x1000, 0x2000, Access.READ), "its first granule");
        assertEquals(Status.INVALID_PARAM, pu.addRegion(0, MON + MON_SIZE - 0x1000, 0x1000, Access.READ), "its last");
        pu.beginSlot(1);
        assertEquals(Status.OK, pu.addRegion(1, 0x9000_0000L, 0x2000, Access.READ));
        assertEquals(Status.OK, pu.addRegion(1, 0x9000_2000L, 0x1000, Access.READ), "right after");
        assertEquals(Status.OK, pu.addRegion(1, 0x8FFF_F000L, 0x1000, Access.READ), "right before");
        assertEquals(Status.INVALID_PARAM, pu.addRegion(1, 0x9000_1000L, 0x1000, Access.READ), "inside");
        assertEquals(Status.INVALID_PARAM, pu.addRegion(1, 0x8FFF_F000L, 0x4000, Access.READ), "spans three");
        assertEquals(Status.OK, pu.beginSlot(1));
        assertEquals(Status.OK, pu.addRegion(1, 0x9000_0000L, 0x2000, Access.READ), "a begun slot forgot its regions");
        assertEquals(Status.OK, pu.addRegion(1, 0x9000_2000L, 0x1000, Access.READ), "and only they count");
    }

    // [utest->dsn~arm.tzc.activate~1]
    // [utest->dsn~arm.tzc.unit~1]
    @Test
    void activationWritesExactRegisterValuesForSecureAndNonSecureSlots() {
        ArmProtectionUnit pu = unit();
        pu.world(2, true);
        pu.beginSlot(0);
        pu.addRegion(0, 0x1_2345_6000L, 0x2000, Access.READ);
        pu.addRegion(0, 0x9000_0000L, 0x1000, Access.WRITE);
        pu.beginSlot(2);
        pu.addRegion(2, 0xA000_0000L, 0x1000, Access.WRITE);
        pu.addRegion(2, 0xFF_FFFF_F000L, 0x1000, Access.ALL);
        assertEquals(Status.OK, pu.activate(0, 0));
        assertEquals(0x2345_6000L, reg(0, 1, Tzc400Descriptor.BASE_LOW));
        assertEquals(1, reg(0, 1, Tzc400Descriptor.BASE_HIGH));
        assertEquals(0x2345_7FFFL, reg(0, 1, Tzc400Descriptor.TOP_LOW));
        assertEquals(1, reg(0, 1, Tzc400Descriptor.TOP_HIGH));
        assertEquals((1 | Tzc400Descriptor.S_RD_EN) & 0xFFFF_FFFFL, reg(0, 1, Tzc400Descriptor.ATTRIBUTES));
        assertEquals(0, reg(0, 1, Tzc400Descriptor.ID_ACCESS));
        assertEquals((1 | Tzc400Descriptor.S_WR_EN) & 0xFFFF_FFFFL, reg(0, 2, Tzc400Descriptor.ATTRIBUTES));
        assertEquals(0, reg(0, 3, Tzc400Descriptor.ATTRIBUTES), "unused regions are disabled");
        assertEquals(Tzc400.ALLOW, filters[0].check(0x1_2345_7FF8L, 8, false, false, 0), "last bytes");
        assertEquals(Tzc400.DENY_ERROR, filters[0].check(0x1_2345_8000L, 4, false, false, 0), "the byte after");
        assertEquals(Tzc400.DENY_ERROR, filters[0].check(0x1_2345_5FFCL, 4, false, false, 0), "the word before");
        assertEquals(Tzc400.DENY_ERROR, filters[0].check(0x2345_6000L, 4, false, false, 0), "the low half alone");
        assertEquals(Tzc400.DENY_ERROR, filters[0].check(0x1_2345_6000L, 4, true, false, 0), "read only");
        assertEquals(Tzc400.DENY_ERROR, filters[0].check(0x9000_0000L, 4, false, false, 0), "write only");
        assertEquals(Tzc400.ALLOW, filters[0].check(0x9000_0000L, 4, true, false, 0));
        assertEquals(Status.OK, pu.activate(0, 2));
        assertEquals(1, reg(0, 1, Tzc400Descriptor.ATTRIBUTES), "Non-secure: filter enable only");
        assertEquals(Tzc400Descriptor.idAccess(NSAID, false, true), reg(0, 1, Tzc400Descriptor.ID_ACCESS));
        assertEquals(Tzc400Descriptor.idAccess(NSAID, true, true), reg(0, 2, Tzc400Descriptor.ID_ACCESS));
        assertEquals(0xFF, reg(0, 2, Tzc400Descriptor.BASE_HIGH));
        assertEquals(0xFFFF_FFFFL, reg(0, 2, Tzc400Descriptor.TOP_LOW));
        assertEquals(0xFF, reg(0, 2, Tzc400Descriptor.TOP_HIGH));
        assertEquals(Tzc400.ALLOW, filters[0].check(0xA000_0000L, 4, true, true, NSAID));
        assertEquals(Tzc400.DENY_ERROR, filters[0].check(0xA000_0000L, 4, true, true, NSAID + 1), "another NSAID");
        assertEquals(Tzc400.DENY_ERROR, filters[0].check(0xA000_0000L, 4, true, false, 0), "Secure access");
        assertEquals(Tzc400.DENY_ERROR, filters[0].check(0x1_2345_6000L, 4, false, false, 0),
                "slot 0's region is gone");
        assertEquals(Tzc400.DENY_ERROR, filters[0].check(0x9000_0000L, 4, true, false, 0), "and its second one");
    }

    // [utest->dsn~arm.tzc.activate~1]
    // [utest->dsn~arm.tzc.unit~1]
    @Test
    void activationProgramsAllEightRegionsAndResetsTheBackgroundRegion() {
        ArmProtectionUnit pu = unit();
        pu.beginSlot(4);
        for (int i = 0; i < ArmProtectionUnit.REGIONS_MAX; i++) {
            assertEquals(Status.OK, pu.addRegion(4, 0x9000_0000L + i * 0x1000L, 0x1000, Access.READ));
        }
        filters[1].write(Tzc400Descriptor.offset(0, Tzc400Descriptor.ATTRIBUTES), 4,
                Tzc400Descriptor.S_RD_EN | Tzc400Descriptor.S_WR_EN, 0);
        filters[1].write(Tzc400Descriptor.offset(0, Tzc400Descriptor.ID_ACCESS), 4, 0xFFFF_FFFFL, 0);
        assertEquals(Tzc400.ALLOW, filters[1].check(0x7000_0000L, 4, false, false, 0), "background open before");
        sec.set(true);
        assertEquals(Status.OK, pu.activate(1, 4), "the monitor programs the filter as Secure");
        assertTrue(sec.nonSecure(), "and restores the attribute in flight");
        sec.set(false);
        assertEquals(Tzc400.ALLOW, filters[1].check(0x9000_7000L, 4, false, false, 0), "the eighth region");
        assertEquals(Tzc400.DENY_ERROR, filters[1].check(0x9000_8000L, 4, false, false, 0));
        assertEquals(Tzc400.DENY_ERROR, filters[1].check(0x7000_0000L, 4, false, false, 0), "Secure background closed");
        assertEquals(Tzc400.DENY_ERROR, filters[1].check(0x7000_0000L, 4, false, true, 3),
                "Non-secure background closed");
        assertEquals(Tzc400.DENY_ERROR, filters[0].check(0x9000_0000L, 4, false, false, 0),
                "core 0's filter untouched");
    }

    // [utest->dsn~arm.tzc.activate~1]
    // [utest->dsn~arm.tzc.unit~1]
    @Test
    void executeIsAnsweredFromTheActiveSlotByteExactly() {
        ArmProtectionUnit pu = unit();
        pu.beginSlot(0);
        pu.addRegion(0, 0x9000_0000L, 0x2000, Access.READ | Access.EXECUTE);
        pu.addRegion(0, 0x9100_0000L, 0x1000, Access.READ | Access.EXECUTE);
        assertFalse(pu.executable(0, 0x9000_0000L, 4), "nothing active yet");
        pu.activate(0, 0);
        assertTrue(pu.executable(0, 0x9000_0000L, 4));
        assertTrue(pu.executable(0, 0x9000_1FFCL, 4), "last word");
        assertTrue(pu.executable(0, 0x9000_0000L, 0x2000), "all of it");
        assertFalse(pu.executable(0, 0x9000_0000L, 0x2001), "one byte more");
        assertFalse(pu.executable(0, 0x9000_1FFDL, 4), "runs past the end");
        assertFalse(pu.executable(0, 0x8FFF_FFFFL, 1), "the byte before");
        assertTrue(pu.executable(0, 0x9100_0000L, 4), "the second region");
        assertFalse(pu.executable(-1, 0x9000_0000L, 4));
        assertFalse(pu.executable(filters.length, 0x9000_0000L, 4));
        assertFalse(pu.executable(1, 0x9000_0000L, 4), "core 1 runs no slot");
        pu.beginSlot(0);
        pu.addRegion(0, 0x9000_0000L, 0x1000, Access.READ);
        pu.activate(0, 0);
        assertFalse(pu.executable(0, 0x9000_0000L, 4), "no X any more");
        assertFalse(pu.executable(0, 0x9000_1000L, 4), "the forgotten region's bytes");
        assertFalse(pu.executable(0, 0x9100_0000L, 4), "the forgotten second region");
    }
}
