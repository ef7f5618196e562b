package warden.arm.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import warden.kernel.api.Access;
import warden.kernel.api.Status;
import warden.kernel.port.Refusal;

/** Why the TZC-400 unit refuses a call: one reason per cause, NONE again after a call it takes. */
class ArmProtectionUnitRefusalTest {
    private static final long MON = 0x8000_0000L;

    private final ArmProtectionUnit pu = new ArmProtectionUnit(new Tzc400[0], new TransactionSecurity(), 0);

    private void refused(int status, int why, int got) {
        assertEquals(Status.name(status), Status.name(got));
        assertEquals(Refusal.name(why), Refusal.name(pu.refusal()));
    }

    // [utest->dsn~arm.tzc.refusal~1]
    // [utest->dsn~arm.tzc.unit~1]
    @Test
    void eachRefusalNamesItsCauseAndASuccessClearsIt() {
        refused(Status.INVALID_PARAM, Refusal.MISALIGNED, pu.protectMonitor(MON + 0x100, 0x20_0000L));
        refused(Status.INVALID_PARAM, Refusal.OUT_OF_RANGE, pu.protectMonitor(1L << 40, 0x1000));
        assertEquals(Status.OK, pu.protectMonitor(MON, 0x20_0000L));
        assertEquals(Refusal.NONE, pu.refusal());
        refused(Status.BAD_STATE, Refusal.BAD_STATE, pu.protectMonitor(MON, 0x20_0000L));
        refused(Status.INVALID_PARAM, Refusal.BAD_SLOT, pu.addRegion(16, 0x8040_0000L, 0x1000, Access.READ));
        assertEquals(Status.OK, pu.beginSlot(0));
        refused(Status.INVALID_PARAM, Refusal.MISALIGNED, pu.addRegion(0, 0x8040_0100L, 0x1000, Access.READ));
        refused(Status.INVALID_PARAM, Refusal.MISALIGNED, pu.addRegion(0, 0x8040_0000L, 0x800, Access.READ));
        refused(Status.INVALID_PARAM, Refusal.OUT_OF_RANGE, pu.addRegion(0, (1L << 40) - 0x1000, 0x2000,
                Access.READ));
        refused(Status.INVALID_PARAM, Refusal.OUT_OF_RANGE, pu.addRegion(0, 0x8040_0000L, 0, Access.READ));
        refused(Status.INVALID_PARAM, Refusal.OUT_OF_RANGE, pu.addRegion(0, -0x1000, 0x1000, Access.READ));
        refused(Status.INVALID_PARAM, Refusal.OUT_OF_RANGE, pu.addRegion(0, 1L << 40, 0x1000, Access.READ));
        // misaligned at the edges of the 40-bit space: still misaligned, not out of range
        refused(Status.INVALID_PARAM, Refusal.MISALIGNED, pu.addRegion(0, 0, 0x800, Access.READ));
        refused(Status.INVALID_PARAM, Refusal.MISALIGNED, pu.addRegion(0, (1L << 40) - 0x1800, 0x1800,
                Access.READ));
        refused(Status.INVALID_PARAM, Refusal.UNSUPPORTED_ACCESS, pu.addRegion(0, 0x8040_0000L, 0x1000, 8));
        refused(Status.NOT_SUPPORTED, Refusal.UNSUPPORTED_ACCESS, pu.addRegion(0, 0x8040_0000L, 0x1000,
                Access.EXECUTE));
        // aligned, but inside the monitor: the message must not say "misaligned"
        refused(Status.INVALID_PARAM, Refusal.OVERLAPS_MONITOR, pu.addRegion(0, MON + 0x1F_F000L, 0x2000,
                Access.READ));
        assertEquals(Status.OK, pu.addRegion(0, 0x8040_0000L, 0x1_0000L, Access.ALL));
        assertEquals(Refusal.NONE, pu.refusal());
        refused(Status.INVALID_PARAM, Refusal.OVERLAPS_REGION, pu.addRegion(0, 0x8040_8000L, 0x1_0000L,
                Access.READ));
        for (int i = 1; i < ArmProtectionUnit.REGIONS_MAX; i++) {
            assertEquals(Status.OK, pu.addRegion(0, 0x9000_0000L + i * 0x1000L, 0x1000, Access.READ));
        }
        refused(Status.NO_SPACE, Refusal.NO_ENTRIES, pu.addRegion(0, 0xA000_0000L, 0x1000, Access.READ));
    }
}
