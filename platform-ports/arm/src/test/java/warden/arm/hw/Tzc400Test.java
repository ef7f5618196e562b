package warden.arm.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** TZC-400 regions, enables, overlap, failure recording and actions (DDI 0504 §2.2, §3.3). */
class Tzc400Test {
    private final TransactionSecurity sec = new TransactionSecurity();
    private Tzc400 tzc;

    @BeforeEach
    void setUp() {
        tzc = new Tzc400(sec);
    }

    private void region(int n, long base, long top, int attr, int ids) {
        tzc.write(Tzc400Descriptor.offset(n, Tzc400Descriptor.BASE_LOW), 4, base & 0xFFFF_FFFFL, 0);
        tzc.write(Tzc400Descriptor.offset(n, Tzc400Descriptor.BASE_HIGH), 4, base >>> 32, 0);
        tzc.write(Tzc400Descriptor.offset(n, Tzc400Descriptor.TOP_LOW), 4, top & 0xFFFF_FFFFL, 0);
        tzc.write(Tzc400Descriptor.offset(n, Tzc400Descriptor.TOP_HIGH), 4, top >>> 32, 0);
        tzc.write(Tzc400Descriptor.offset(n, Tzc400Descriptor.ID_ACCESS), 4, ids, 0);
        tzc.write(Tzc400Descriptor.offset(n, Tzc400Descriptor.ATTRIBUTES), 4, attr, 0);
    }

    // [utest->dsn~arm.tzc.denied~1]
    // [utest->dsn~arm.tzc.regions~1]
    @Test
    void region0DeniesEverythingUntilItsEnablesAreSet() {
        assertEquals(Tzc400.DENY_ERROR, tzc.check(0x8000_0000L, 4, false, false, 0));
        assertEquals(Tzc400.DENY_ERROR, tzc.check(0x8000_0000L, 4, false, true, 0));
        tzc.write(Tzc400Descriptor.offset(0, Tzc400Descriptor.ATTRIBUTES), 4, Tzc400Descriptor.S_RD_EN | 0xF, 0);
        assertEquals(Tzc400.ALLOW, tzc.check(0x8000_0000L, 4, false, false, 0));
        assertEquals(Tzc400.DENY_ERROR, tzc.check(0x8000_0000L, 4, true, false, 0));
        assertEquals(Tzc400Descriptor.S_RD_EN & 0xFFFF_FFFFL,
                tzc.read(Tzc400Descriptor.offset(0, Tzc400Descriptor.ATTRIBUTES), 4, 0), "filter enables are fixed");
        tzc.write(Tzc400Descriptor.offset(0, Tzc400Descriptor.BASE_LOW), 4, 0x1000, 0);
        assertEquals(0, tzc.read(Tzc400Descriptor.offset(0, Tzc400Descriptor.BASE_LOW), 4, 0), "region 0 spans all");
    }

    // [utest->dsn~arm.tzc.regions~1]
    @Test
    void secureEnablesAndNsaidEnablesDecideByTheSecurityOfTheAccess() {
        region(1, 0x8040_0000L, 0x8040_FFFFL, 1 | Tzc400Descriptor.S_RD_EN | Tzc400Descriptor.S_WR_EN, 0);
        region(2, 0x8100_0000L, 0x8100_FFFFL, 1, Tzc400Descriptor.idAccess(3, true, false));
        assertEquals(Tzc400.ALLOW, tzc.check(0x8040_0000L, 8, true, false, 0));
        assertEquals(Tzc400.DENY_ERROR, tzc.check(0x8040_0000L, 8, false, true, 0), "Non-secure: no NSAID enable");
        assertEquals(Tzc400.ALLOW, tzc.check(0x8100_0010L, 4, false, true, 3));
        assertEquals(Tzc400.DENY_ERROR, tzc.check(0x8100_0010L, 4, false, true, 2), "another NSAID");
        assertEquals(Tzc400.DENY_ERROR, tzc.check(0x8100_0010L, 4, true, true, 3), "no write enable");
        assertEquals(Tzc400.DENY_ERROR, tzc.check(0x8100_0010L, 4, false, false, 3), "Secure: no S_RD_EN");
    }

    // [utest->dsn~arm.tzc.regions~1]
    @Test
    void regionsAre4KiBGranularAndTopIsInclusive() {
        region(1, 0x8040_0123L, 0x8040_0000L, 1 | Tzc400Descriptor.S_RD_EN, 0);
        assertEquals(0x8040_0000L, tzc.read(Tzc400Descriptor.offset(1, Tzc400Descriptor.BASE_LOW), 4, 0));
        assertEquals(0x8040_0FFFL, tzc.read(Tzc400Descriptor.offset(1, Tzc400Descriptor.TOP_LOW), 4, 0));
        assertEquals(Tzc400.ALLOW, tzc.check(0x8040_0FFCL, 4, false, false, 0));
        assertEquals(Tzc400.DENY_ERROR, tzc.check(0x8040_0FFEL, 4, false, false, 0), "straddles the top");
        assertEquals(Tzc400.DENY_ERROR, tzc.check(0x8040_1000L, 1, false, false, 0));
    }

    // [utest->dsn~arm.tzc.denied~1]
    // [utest->dsn~arm.tzc.regions~1]
    @Test
    void anAccessMeetingTwoRegionsIsDeniedAndFlagsOverlap() {
        region(1, 0x8000_0000L, 0x8000_FFFFL, 1 | Tzc400Descriptor.S_RD_EN, 0);
        region(2, 0x8000_8000L, 0x8001_FFFFL, 1 | Tzc400Descriptor.S_RD_EN, 0);
        assertEquals(Tzc400.DENY_ERROR, tzc.check(0x8000_9000L, 4, false, false, 0));
        assertEquals(1, (tzc.intStatus() >>> Tzc400Descriptor.INT_STATUS_OVERLAP_SHIFT) & 1);
    }

    // [utest->dsn~arm.tzc.denied~1]
    @Test
    void aFailureIsRecordedOnceThenOverrunUntilCleared() {
        tzc.check(0x8123_4000L, 4, true, true, 5);
        assertEquals(1, tzc.intStatus() & 1);
        assertEquals(0x8123_4000L, tzc.read(Tzc400Descriptor.FAIL_ADDRESS_LOW, 4, 0));
        assertEquals(Tzc400Descriptor.FAIL_CONTROL_WRITE | Tzc400Descriptor.FAIL_CONTROL_NON_SECURE,
                tzc.read(Tzc400Descriptor.FAIL_CONTROL, 4, 0));
        assertEquals(5, tzc.read(Tzc400Descriptor.FAIL_ID, 4, 0));
        tzc.check(0x10, 4, false, false, 0);
        assertEquals(0x8123_4000L, tzc.failAddress(), "first failure kept");
        assertEquals(1, (tzc.intStatus() >>> Tzc400Descriptor.INT_STATUS_OVERRUN_SHIFT) & 1);
        tzc.write(Tzc400Descriptor.INT_CLEAR, 4, 1, 0);
        assertEquals(0, tzc.intStatus());
    }

    // [utest->dsn~arm.tzc.denied~1]
    @Test
    void theActionDecidesBetweenAnErrorResponseAndASilentDenial() {
        tzc.write(Tzc400Descriptor.ACTION, 4, Tzc400Descriptor.ACTION_NONE, 0);
        assertEquals(Tzc400.DENY_SILENT, tzc.check(0, 4, false, true, 0));
        tzc.write(Tzc400Descriptor.ACTION, 4, Tzc400Descriptor.ACTION_INT, 0);
        assertEquals(Tzc400.DENY_SILENT, tzc.check(0, 4, false, true, 0));
        assertEquals(true, tzc.interruptAsserted());
        tzc.write(Tzc400Descriptor.ACTION, 4, Tzc400Descriptor.ACTION_ERR_INT, 0);
        assertEquals(Tzc400.DENY_ERROR, tzc.check(0, 4, false, true, 0));
    }

    // [utest->dsn~arm.tzc.regions~1]
    @Test
    void theProgrammingInterfaceIsSecureOnly() {
        sec.set(true);
        region(1, 0, 0xFFFF_FFFFL, 1 | Tzc400Descriptor.S_RD_EN, -1);
        tzc.write(Tzc400Descriptor.ACTION, 4, 0, 0);
        assertEquals(0, tzc.read(Tzc400Descriptor.ACTION, 4, 0));
        sec.set(false);
        assertEquals(Tzc400Descriptor.ACTION_ERR, tzc.read(Tzc400Descriptor.ACTION, 4, 0));
        assertEquals(Tzc400.DENY_ERROR, tzc.check(0x1000, 4, false, true, 0));
        assertEquals(8, tzc.read(Tzc400Descriptor.BUILD_CONFIG, 4, 0) & 0x1F, "9 regions");
    }
}
