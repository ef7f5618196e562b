package warden.riscv.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import warden.kernel.api.Access;
import warden.kernel.api.Status;
import warden.kernel.port.Refusal;

/** Why the PMP unit refuses a call: one reason per cause, NONE again after a call it takes. */
class RiscvProtectionUnitRefusalTest {
    private static final long RAM = 0x8000_0000L;
    private static final int RW = Access.READ | Access.WRITE;

    private final RiscvProtectionUnit pu = new RiscvProtectionUnit(new Pmp[0], 16, 0);

    private void refused(int status, int why, int got) {
        assertEquals(Status.name(status), Status.name(got));
        assertEquals(Refusal.name(why), Refusal.name(pu.refusal()));
    }

    // [utest->dsn~riscv.pmp.refusal~1] [utest->dsn~kernel.protection-refusal~1]
    @Test
    void eachRefusalNamesItsCauseAndASuccessClearsIt() {
        assertEquals(Refusal.NONE, pu.refusal());
        refused(Status.INVALID_PARAM, Refusal.MISALIGNED, pu.protectMonitor(RAM + 2, 0x1000));
        assertEquals(Status.OK, pu.protectMonitor(RAM, 0x20_0000));
        assertEquals(Refusal.NONE, pu.refusal());
        refused(Status.BAD_STATE, Refusal.BAD_STATE, pu.protectMonitor(RAM, 0x20_0000));
        refused(Status.INVALID_PARAM, Refusal.BAD_SLOT, pu.addRegion(16, RAM + 0x40_0000, 0x1000, RW));
        refused(Status.INVALID_PARAM, Refusal.BAD_SLOT, pu.addRegion(-1, RAM + 0x40_0000, 0x1000, RW));
        assertEquals(Status.OK, pu.beginSlot(0));
        refused(Status.INVALID_PARAM, Refusal.MISALIGNED, pu.addRegion(0, RAM + 0x40_0002, 0x1000, RW));
        refused(Status.INVALID_PARAM, Refusal.MISALIGNED, pu.addRegion(0, RAM + 0x40_0000, 0x1002, RW));
        refused(Status.INVALID_PARAM, Refusal.UNSUPPORTED_ACCESS, pu.addRegion(0, RAM + 0x40_0000, 0x1000,
                Access.WRITE));
        refused(Status.INVALID_PARAM, Refusal.UNSUPPORTED_ACCESS, pu.addRegion(0, RAM + 0x40_0000, 0x1000, 8));
        refused(Status.INVALID_PARAM, Refusal.OUT_OF_RANGE, pu.addRegion(0, Pmp.PHYS_LIMIT, 0x1000, RW));
        refused(Status.INVALID_PARAM, Refusal.OUT_OF_RANGE, pu.addRegion(0, RAM, 0, RW));
        refused(Status.INVALID_PARAM, Refusal.OUT_OF_RANGE, pu.addRegion(0, Pmp.PHYS_LIMIT - 0x3000, 0x3000, RW));
        assertEquals(Status.OK, pu.addRegion(0, RAM + 0x40_0000, 0x1000, RW));
        assertEquals(Refusal.NONE, pu.refusal());
        int st = Status.OK;
        for (int i = 1; i < 16 && st == Status.OK; i++) { // TOR pairs: the 16 entries run out
            st = pu.addRegion(0, RAM + 0x50_0000 + i * 0x2000L, 0x1000, RW);
        }
        refused(Status.NO_SPACE, Refusal.NO_ENTRIES, st);
    }

    // [utest->dsn~riscv.pmp.refusal~1]
    @Test
    void theEncoderSaysWhyItsCheckRefuses() {
        PmpRegionEncoder e = new PmpRegionEncoder(2); // 16-byte grain
        assertEquals(Refusal.NONE, e.why(RAM, 0x10, RW));
        assertEquals(Status.OK, e.check(RAM, 0x10, RW));
        assertEquals(Refusal.MISALIGNED, e.why(RAM + 8, 0x10, RW));
        assertEquals(Status.INVALID_PARAM, e.check(RAM + 8, 0x10, RW));
        assertEquals(Refusal.MISALIGNED, e.why(RAM, 0x18, RW));
        assertEquals(Refusal.UNSUPPORTED_ACCESS, e.why(RAM, 0x10, Access.WRITE | Access.EXECUTE));
        assertEquals(Refusal.OUT_OF_RANGE, e.why(-16, 0x10, RW));
        assertEquals(Refusal.OUT_OF_RANGE, e.why(Pmp.PHYS_LIMIT - 0x10, 0x20, RW));
        assertEquals(Refusal.NONE, e.why(Pmp.PHYS_LIMIT - 0x10, 0x10, RW)); // NAPOT at the very top
        assertEquals(Refusal.OUT_OF_RANGE, e.why(Pmp.PHYS_LIMIT - 0x30, 0x30, RW)); // TOR top not representable
    }
}
