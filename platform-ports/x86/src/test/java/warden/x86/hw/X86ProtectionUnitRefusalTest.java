package warden.x86.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import warden.kernel.api.Access;
import warden.kernel.api.Status;
import warden.kernel.port.Refusal;

/** Why the x86 unit refuses a call: one reason per cause, NONE again after a call it takes. */
class X86ProtectionUnitRefusalTest {
    private static final long S = 0x1000_0000L;
    private static final long SIZE = 0x40_0000L;
    private static final long[] SMBASE = {S, S + 0x1_0000L};
    private static final int RW = Access.READ | Access.WRITE;

    private final X86ProtectionUnit pu = new X86ProtectionUnit(S, SIZE, SMBASE, null);

    private void refused(int status, int why, int got) {
        assertEquals(Status.name(status), Status.name(got));
        assertEquals(Refusal.name(why), Refusal.name(pu.refusal()));
    }

    // [utest->dsn~x86.protection.refusal~1]
    @Test
    void eachRefusalNamesItsCauseAndASuccessClearsIt() {
        refused(Status.INVALID_PARAM, Refusal.MONITOR_PLACEMENT, pu.protectMonitor(S + SIZE, 0x2_0000));
        refused(Status.INVALID_PARAM, Refusal.MONITOR_PLACEMENT, pu.protectMonitor(S + 0x9000, 0x1_8000));
        assertEquals(Status.OK, pu.protectMonitor(S + 0x8000, 0x1_8000));
        assertEquals(Refusal.NONE, pu.refusal());
        refused(Status.INVALID_PARAM, Refusal.BAD_SLOT, pu.addRegion(16, S + 0x10_0000, 0x1000, RW));
        assertEquals(Status.OK, pu.beginSlot(0));
        refused(Status.INVALID_PARAM, Refusal.OUT_OF_RANGE, pu.addRegion(0, S + 0x10_0000, 0, RW));
        refused(Status.INVALID_PARAM, Refusal.OUT_OF_RANGE, pu.addRegion(0, -0x1000, 0x1000, RW));
        refused(Status.INVALID_PARAM, Refusal.OUT_OF_RANGE, pu.addRegion(0, 0x1000, Long.MAX_VALUE - 0xFFF, RW));
        // the largest range whose end does not overflow: in range, but across SMRAM
        refused(Status.INVALID_PARAM, Refusal.STRADDLES_BOUNDARY, pu.addRegion(0, 0x1000, Long.MAX_VALUE - 0x1000,
                RW));
        refused(Status.INVALID_PARAM, Refusal.STRADDLES_BOUNDARY, pu.addRegion(0, S + SIZE - 0x1000, 0x2000, RW));
        refused(Status.INVALID_PARAM, Refusal.STRADDLES_BOUNDARY, pu.addRegion(0, S - 0x1000, 0x2000, RW));
        // page-aligned, inside SMRAM, on the monitor's bytes: not "misaligned"
        refused(Status.INVALID_PARAM, Refusal.OVERLAPS_MONITOR, pu.addRegion(0, S + 0x1_0000, 0x1000, RW));
        refused(Status.INVALID_PARAM, Refusal.MISALIGNED, pu.addRegion(0, S + 0x10_0800, 0x1000, RW));
        assertEquals(Status.OK, pu.addRegion(0, S + 0x10_0000, 0x1000, RW));
        assertEquals(Refusal.NONE, pu.refusal());
        refused(Status.INVALID_PARAM, Refusal.MIXED_WORLDS, pu.addRegion(0, S + SIZE, 0x1000, RW));
        for (int i = 1; i < X86ProtectionUnit.REGIONS_MAX; i++) {
            assertEquals(Status.OK, pu.addRegion(0, S + 0x10_0000 + i * 0x1000L, 0x1000, RW));
        }
        refused(Status.NO_SPACE, Refusal.NO_ENTRIES, pu.addRegion(0, S + 0x20_0000, 0x1000, RW));
    }
}
