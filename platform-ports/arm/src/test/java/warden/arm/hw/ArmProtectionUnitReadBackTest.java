package warden.arm.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import warden.kernel.api.Access;
import warden.kernel.api.Status;
import warden.kernel.port.ProtectionUnit;

/**
 * Activation reads every region's attributes back: a filter whose enables do not read back as
 * written (a stuck-at-0 fault of the TZC-400) makes {@code activate} return FAILED, yet the whole
 * filter is still written; a filter that takes the slot's attributes returns OK.
 */
class ArmProtectionUnitReadBackTest {
    private static final long MON = 0x8000_0000L;
    private static final long PAGES = 0x9000_0000L;
    private static final int NSAID = 3;
    private static final int SECURE_FULL = 0;
    private static final int SECURE_READ = 1;
    private static final int NON_SECURE = 2;

    private final TransactionSecurity sec = new TransactionSecurity();
    private final Tzc400[] filters = {new Tzc400(sec), new Tzc400(sec)};
    private final ArmProtectionUnit pu = unit();

    /** Slot 0: Secure, 8 RW pages; slot 1: Secure, 2 read-only pages; slot 2: Non-secure, 3 RW pages. */
    private ArmProtectionUnit unit() {
        ArmProtectionUnit u = new ArmProtectionUnit(filters, sec, NSAID);
        assertEquals(Status.OK, u.protectMonitor(MON, 0x20_0000L));
        u.world(NON_SECURE, true);
        slot(u, SECURE_FULL, ArmProtectionUnit.REGIONS_MAX, Access.READ | Access.WRITE);
        slot(u, SECURE_READ, 2, Access.READ);
        slot(u, NON_SECURE, 3, Access.READ | Access.WRITE);
        return u;
    }

    private static void slot(ArmProtectionUnit u, int slot, int pages, int perms) {
        assertEquals(Status.OK, u.beginSlot(slot));
        for (int k = 0; k < pages; k++) {
            assertEquals(Status.OK, u.addRegion(slot, page(slot, k), 0x1000, perms));
        }
    }

    private static long page(int slot, int k) {
        return PAGES + slot * 0x10_0000L + k * 0x1000L;
    }

    private long reg(int core, int n, int reg) {
        return filters[core].read(Tzc400Descriptor.offset(n, reg), 4, 0);
    }

    private static long secure(int attr) {
        return (1 | attr) & 0xFFFF_FFFFL;
    }

    /** Opens the background and every region of core's filter wide, as a stale configuration would. */
    private void dirty(int core) {
        Tzc400 f = filters[core];
        for (int n = 0; n < Tzc400Descriptor.REGIONS; n++) {
            f.write(Tzc400Descriptor.offset(n, Tzc400Descriptor.ID_ACCESS), 4, 0xFFFF_FFFFL, 0);
            f.write(Tzc400Descriptor.offset(n, Tzc400Descriptor.ATTRIBUTES), 4, 0xFFFF_FFFFL, 0);
        }
    }

    /** Every region of core's filter holds slot's pages 1..count and is disabled beyond; the background is shut. */
    private void assertWholeFilterHolds(int core, int slot, int count, long attr, long ids, int faulty,
            long faultyAttr) {
        assertEquals(0, reg(core, 0, Tzc400Descriptor.ATTRIBUTES), "background: no Secure enable");
        assertEquals(0, reg(core, 0, Tzc400Descriptor.ID_ACCESS), "background: no NSAID enable");
        for (int n = 1; n < Tzc400Descriptor.REGIONS; n++) {
            if (n <= count) {
                assertEquals(page(slot, n - 1), reg(core, n, Tzc400Descriptor.BASE_LOW), "base of region " + n);
                assertEquals(page(slot, n - 1) + 0xFFF, reg(core, n, Tzc400Descriptor.TOP_LOW), "top of region " + n);
                assertEquals(ids, reg(core, n, Tzc400Descriptor.ID_ACCESS), "NSAID enables of region " + n);
                assertEquals(n == faulty ? faultyAttr : attr, reg(core, n, Tzc400Descriptor.ATTRIBUTES), "region " + n);
            } else {
                assertEquals(0, reg(core, n, Tzc400Descriptor.ATTRIBUTES), "region " + n + " disabled");
            }
        }
    }

    // [utest->dsn~arm.tzc.activate~1]
    @Test
    void aSecureEnableThatDoesNotReadBackFailsTheActivationButEveryRegionIsStillWritten() {
        filters[0].stickAttributeBits(3, Tzc400Descriptor.S_WR_EN);
        assertEquals(Status.OK, pu.activate(0, SECURE_READ), "region 3 unused: written 0, reads 0");
        dirty(0);
        assertEquals(Status.FAILED, pu.activate(0, SECURE_FULL), "region 3 loses its write enable");
        long rw = secure(Tzc400Descriptor.S_RD_EN | Tzc400Descriptor.S_WR_EN);
        assertWholeFilterHolds(0, SECURE_FULL, ArmProtectionUnit.REGIONS_MAX, rw, 0, 3,
                secure(Tzc400Descriptor.S_RD_EN));
        assertEquals(Tzc400.ALLOW, filters[0].check(page(SECURE_FULL, 7), 4, true, false, 0),
                "the last region is in force");
        assertEquals(Tzc400.DENY_ERROR, filters[0].check(page(SECURE_FULL, 2), 4, true, false, 0),
                "the faulty one denies");
    }

    // [utest->dsn~arm.tzc.activate~1]
    @Test
    void aFaultInTheFirstOrTheLastRegionIsFoundAsWell() {
        filters[0].stickAttributeBits(1, Tzc400Descriptor.S_RD_EN);
        filters[1].stickAttributeBits(ArmProtectionUnit.REGIONS_MAX, Tzc400Descriptor.S_RD_EN);
        dirty(0);
        assertEquals(Status.FAILED, pu.activate(0, SECURE_FULL), "region 1");
        long rw = secure(Tzc400Descriptor.S_RD_EN | Tzc400Descriptor.S_WR_EN);
        assertWholeFilterHolds(0, SECURE_FULL, ArmProtectionUnit.REGIONS_MAX, rw, 0, 1,
                secure(Tzc400Descriptor.S_WR_EN));
        dirty(1);
        assertEquals(Status.FAILED, pu.activate(1, SECURE_FULL), "region 8");
        assertWholeFilterHolds(1, SECURE_FULL, ArmProtectionUnit.REGIONS_MAX, rw, 0, 8,
                secure(Tzc400Descriptor.S_WR_EN));
        assertEquals(Status.OK, pu.activate(1, NON_SECURE), "region 8 unused, region 1 fine: core 1 takes this slot");
    }

    // [utest->dsn~arm.tzc.activate~1]
    @Test
    void aStuckBitTheSlotDoesNotSetReadsBackAsWrittenAndTheActivationSucceeds() {
        filters[0].stickAttributeBits(1, Tzc400Descriptor.S_WR_EN);
        filters[0].stickAttributeBits(2, Tzc400Descriptor.S_WR_EN | 0x2);
        filters[0].stickAttributeBits(6, -1);
        dirty(0);
        assertEquals(Status.OK, pu.activate(0, SECURE_READ), "read-only regions 1-2, regions 3-8 disabled");
        assertWholeFilterHolds(0, SECURE_READ, 2, secure(Tzc400Descriptor.S_RD_EN), 0, 0, 0);
        assertEquals(Tzc400.ALLOW, filters[0].check(page(SECURE_READ, 1), 4, false, false, 0));
        assertEquals(Status.OK, pu.activate(0, ProtectionUnit.NO_SLOT), "no regions at all");
        assertWholeFilterHolds(0, SECURE_READ, 0, 0, 0, 0, 0);
    }

    // [utest->dsn~arm.tzc.activate~1]
    @Test
    void aNonSecureSlotNeedsOnlyTheFilterEnableToReadBack() {
        long ids = Tzc400Descriptor.idAccess(NSAID, true, true);
        filters[0].stickAttributeBits(2, Tzc400Descriptor.S_RD_EN | Tzc400Descriptor.S_WR_EN);
        dirty(0);
        assertEquals(Status.OK, pu.activate(0, NON_SECURE), "a Non-secure slot sets no Secure enable");
        assertWholeFilterHolds(0, NON_SECURE, 3, 1, ids, 0, 0);
        filters[0].stickAttributeBits(3, 1);
        dirty(0);
        assertEquals(Status.FAILED, pu.activate(0, NON_SECURE), "region 3 cannot be enabled");
        assertWholeFilterHolds(0, NON_SECURE, 3, 1, ids, 3, 0);
        assertEquals(Tzc400.DENY_ERROR, filters[0].check(page(NON_SECURE, 2), 4, false, true, NSAID),
                "region 3 is off");
        assertEquals(Tzc400.ALLOW, filters[0].check(page(NON_SECURE, 1), 4, true, true, NSAID), "region 2 is on");
    }

    // [utest->dsn~arm.tzc.activate~1]
    @Test
    void aFailedActivationStillRestoresTheSecurityOfTheAccessInFlightAndOnlyThatCoreFails() {
        filters[1].stickAttributeBits(1, Tzc400Descriptor.S_RD_EN);
        sec.set(true);
        assertEquals(Status.FAILED, pu.activate(1, SECURE_READ));
        assertTrue(sec.nonSecure(), "the Non-secure attribute in flight is back");
        assertEquals(Status.OK, pu.activate(0, SECURE_READ), "core 0's filter has no fault");
        assertEquals(Status.OK, pu.activate(1, NON_SECURE), "nor does a slot that needs no S_RD_EN on core 1");
        assertEquals(Status.FAILED, pu.activate(1, SECURE_FULL), "the fault stays");
    }
}
