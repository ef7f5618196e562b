package warden.arm.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import warden.kernel.api.Access;
import warden.kernel.api.Status;
import warden.kernel.port.ProtectionUnit;

/** The ProtectionUnit SPI on per-PE TZC-400 filters: configuration checks and activation. */
class ArmProtectionUnitTest {
    private static final long MON = 0x8000_0000L;
    private final TransactionSecurity sec = new TransactionSecurity();
    private final Tzc400[] filters = {new Tzc400(sec), new Tzc400(sec)};
    private ArmProtectionUnit pu;

    @BeforeEach
    void setUp() {
        pu = new ArmProtectionUnit(filters, sec, 0);
        assertEquals(Status.OK, pu.protectMonitor(MON, 0x20_0000L));
        pu.world(0, false);
        pu.world(1, true);
    }

    // [utest->dsn~arm.tzc.overlap~1]
    // [utest->dsn~arm.tzc.unit~1]
    @Test
    void overlapMisalignmentAndTooManyRegionsAreRefusedAtConfiguration() {
        assertEquals(Status.OK, pu.beginSlot(0));
        assertEquals(Status.OK, pu.addRegion(0, 0x8040_0000L, 0x1_0000L, Access.ALL));
        assertEquals(Status.INVALID_PARAM, pu.addRegion(0, 0x8040_8000L, 0x1_0000L, Access.READ), "overlap");
        assertEquals(Status.INVALID_PARAM, pu.addRegion(0, MON + 0x1000, 0x1000, Access.READ), "monitor");
        assertEquals(Status.INVALID_PARAM, pu.addRegion(0, 0x8050_0100L, 0x1000, Access.READ), "base");
        assertEquals(Status.INVALID_PARAM, pu.addRegion(0, 0x8050_0000L, 0x800, Access.READ), "size");
        assertEquals(Status.NOT_SUPPORTED, pu.addRegion(0, 0x8050_0000L, 0x1000, Access.EXECUTE), "x without r");
        for (int i = 1; i < ArmProtectionUnit.REGIONS_MAX; i++) {
            assertEquals(Status.OK, pu.addRegion(0, 0x9000_0000L + i * 0x1000L, 0x1000, Access.READ));
        }
        assertEquals(Status.NO_SPACE, pu.addRegion(0, 0xA000_0000L, 0x1000, Access.READ), "a ninth region");
        assertEquals(8, pu.regionsUsed(0));
        assertEquals(Status.BAD_STATE, pu.protectMonitor(MON, 0x1000), "monitor first, once");
    }

    // [utest->dsn~arm.tzc.activate~1]
    // [utest->dsn~arm.tzc.unit~1]
    @Test
    void activationGivesASecureSlotSecureAccessAndANonSecureSlotItsNsaidOnly() {
        pu.beginSlot(0);
        pu.addRegion(0, 0x8040_0000L, 0x1_0000L, Access.READ | Access.WRITE);
        pu.beginSlot(1);
        pu.addRegion(1, 0x8100_0000L, 0x1_0000L, Access.READ);
        assertEquals(Status.OK, pu.activate(0, 0));
        assertEquals(Status.OK, pu.activate(1, 1));
        assertEquals(Tzc400.ALLOW, filters[0].check(0x8040_0000L, 8, true, false, 0));
        assertEquals(Tzc400.DENY_ERROR, filters[0].check(0x8040_0000L, 8, false, true, 0));
        assertEquals(Tzc400.DENY_ERROR, filters[0].check(0x8100_0000L, 8, false, true, 0), "slot 1 not on core 0");
        assertEquals(Tzc400.ALLOW, filters[1].check(0x8100_0000L, 8, false, true, 0));
        assertEquals(Tzc400.DENY_ERROR, filters[1].check(0x8100_0000L, 8, true, true, 0));
        assertEquals(Tzc400.DENY_ERROR, filters[1].check(MON, 8, false, false, 0));
    }

    // [utest->dsn~arm.tzc.activate~1]
    // [utest->dsn~arm.tzc.unit~1]
    @Test
    void reactivationReplacesEveryRegionAndNoSlotLeavesNothing() {
        pu.beginSlot(0);
        pu.addRegion(0, 0x8040_0000L, 0x1_0000L, Access.ALL);
        pu.addRegion(0, 0x8050_0000L, 0x1_0000L, Access.READ);
        pu.beginSlot(1);
        pu.addRegion(1, 0x8100_0000L, 0x1_0000L, Access.ALL);
        pu.activate(0, 0);
        assertTrue(pu.executable(0, 0x8040_0000L, 4));
        assertFalse(pu.executable(0, 0x8050_0000L, 4), "no X");
        pu.activate(0, 1);
        assertEquals(Tzc400.DENY_ERROR, filters[0].check(0x8050_0000L, 4, false, false, 0), "region 2 disabled");
        assertFalse(pu.executable(0, 0x8040_0000L, 4));
        pu.activate(0, ProtectionUnit.NO_SLOT);
        assertEquals(Tzc400.DENY_ERROR, filters[0].check(0x8100_0000L, 4, false, true, 0));
        assertEquals(Status.INVALID_PARAM, pu.activate(2, 0));
        assertEquals(Status.INVALID_PARAM, pu.activate(0, 99));
    }

    // [utest->dsn~arm.tzc.unit~1]
    @Test
    void aValidationOnlyUnitAnswersTheSameConfigurationQuestions() {
        ArmProtectionUnit v = new ArmProtectionUnit(new Tzc400[0], sec, 0);
        v.protectMonitor(MON, 0x20_0000L);
        v.beginSlot(0);
        assertEquals(Status.OK, v.addRegion(0, 0x8040_0000L, 0x1000, Access.READ));
        assertEquals(Status.INVALID_PARAM, v.addRegion(0, 0x8040_0000L, 0x1000, Access.READ));
        assertEquals(Status.INVALID_PARAM, v.activate(0, 0));
    }
}
