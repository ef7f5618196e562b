package warden.arm.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The TZC-400 model's stuck-at-0 fault injection: stuck attribute bits read as 0, decide accesses
 * as 0 and ignore writes of 1, for good; everything else of the filter keeps working.
 */
class Tzc400FaultInjectionTest {
    private static final int S_RW = Tzc400Descriptor.S_RD_EN | Tzc400Descriptor.S_WR_EN;
    private static final long BASE = 0x8040_0000L;

    private final TransactionSecurity sec = new TransactionSecurity();
    private final Tzc400 tzc = new Tzc400(sec);

    private long attributes(int n) {
        return tzc.read(Tzc400Descriptor.offset(n, Tzc400Descriptor.ATTRIBUTES), 4, 0);
    }

    private void setAttributes(int n, int value) {
        tzc.write(Tzc400Descriptor.offset(n, Tzc400Descriptor.ATTRIBUTES), 4, value & 0xFFFF_FFFFL, 0);
    }

    /** Region n (1-8) over the 4 KiB page BASE + n pages, with the given attributes. */
    private void page(int n, int attr) {
        long base = BASE + n * 0x1000L;
        tzc.write(Tzc400Descriptor.offset(n, Tzc400Descriptor.BASE_LOW), 4, base, 0);
        tzc.write(Tzc400Descriptor.offset(n, Tzc400Descriptor.TOP_LOW), 4, base + 0xFFF, 0);
        setAttributes(n, attr);
    }

    private int check(int n, boolean write) {
        return tzc.check(BASE + n * 0x1000L, 4, write, false, 0);
    }

    // [utest->dsn~arm.tzc.fault-injection~1]
    @Test
    void aStuckBitReadsAsZeroIgnoresWritesOfOneAndDecidesAccessesAsZero() {
        tzc.stickAttributeBits(2, Tzc400Descriptor.S_WR_EN);
        page(2, 1 | S_RW);
        assertEquals((1 | Tzc400Descriptor.S_RD_EN) & 0xFFFF_FFFFL, attributes(2), "S_WR_EN reads as 0");
        assertEquals(Tzc400.ALLOW, check(2, false), "the read enable still works");
        assertEquals(Tzc400.DENY_ERROR, check(2, true), "the stuck write enable denies writes");
        page(3, 1 | S_RW);
        assertEquals((1 | S_RW) & 0xFFFF_FFFFL, attributes(3), "other regions keep every bit");
        assertEquals(Tzc400.ALLOW, check(3, true));
    }

    // [utest->dsn~arm.tzc.fault-injection~1]
    @Test
    void aFaultClearsTheBitsTheRegisterHeldAtOnce() {
        page(4, 1 | S_RW);
        assertEquals(Tzc400.ALLOW, check(4, false));
        tzc.stickAttributeBits(4, Tzc400Descriptor.S_RD_EN);
        assertEquals((1 | Tzc400Descriptor.S_WR_EN) & 0xFFFF_FFFFL, attributes(4), "no write needed to see it");
        assertEquals(Tzc400.DENY_ERROR, check(4, false));
        assertEquals(Tzc400.ALLOW, check(4, true));
    }

    // [utest->dsn~arm.tzc.fault-injection~1]
    @Test
    void aStuckFilterEnableDisablesTheRegionSoTheBackgroundDecides() {
        tzc.stickAttributeBits(1, Tzc400Descriptor.FILTER_EN_MASK);
        page(1, 1 | S_RW);
        assertEquals(S_RW & 0xFFFF_FFFFL, attributes(1));
        assertEquals(Tzc400.DENY_ERROR, check(1, false), "region 0 denies everything");
        setAttributes(0, S_RW);
        assertEquals(Tzc400.ALLOW, check(1, true), "now region 0 allows it");
    }

    // [utest->dsn~arm.tzc.fault-injection~1]
    @Test
    void faultsAddUpAndNothingClearsThem() {
        tzc.stickAttributeBits(5, Tzc400Descriptor.S_RD_EN);
        tzc.stickAttributeBits(5, Tzc400Descriptor.S_WR_EN);
        tzc.stickAttributeBits(5, 0);
        page(5, 1 | S_RW);
        assertEquals(1, attributes(5), "both enables stuck");
        for (int i = 0; i < 3; i++) {
            setAttributes(5, -1);
            assertEquals(Tzc400Descriptor.FILTER_EN_MASK, attributes(5), "only the filter enables after write " + i);
        }
        setAttributes(5, 0);
        setAttributes(5, 1 | S_RW);
        assertEquals(1, attributes(5));
        assertEquals(Tzc400.DENY_ERROR, check(5, false));
        assertEquals(Tzc400.DENY_ERROR, check(5, true));
    }

    // [utest->dsn~arm.tzc.fault-injection~1]
    @Test
    void theBackgroundRegionCanHaveAStuckBitToo() {
        tzc.stickAttributeBits(0, Tzc400Descriptor.S_RD_EN);
        setAttributes(0, S_RW);
        assertEquals(Tzc400Descriptor.S_WR_EN & 0xFFFF_FFFFL, attributes(0));
        assertEquals(Tzc400.DENY_ERROR, check(6, false), "the background denies reads");
        assertEquals(Tzc400.ALLOW, check(6, true), "and allows writes");
    }

    // [utest->dsn~arm.tzc.fault-injection~1]
    @Test
    void onlyTheAttributeBitsAreStuckNotTheRegionsOtherRegisters() {
        tzc.stickAttributeBits(7, -1);
        page(7, 1 | S_RW);
        tzc.write(Tzc400Descriptor.offset(7, Tzc400Descriptor.ID_ACCESS), 4, 0xFFFF_FFFFL, 0);
        assertEquals(0, attributes(7));
        assertEquals(BASE + 0x7000, tzc.read(Tzc400Descriptor.offset(7, Tzc400Descriptor.BASE_LOW), 4, 0));
        assertEquals(BASE + 0x7FFF, tzc.read(Tzc400Descriptor.offset(7, Tzc400Descriptor.TOP_LOW), 4, 0));
        assertEquals(0xFFFF_FFFFL, tzc.read(Tzc400Descriptor.offset(7, Tzc400Descriptor.ID_ACCESS), 4, 0));
    }

    // [utest->dsn~arm.tzc.fault-injection~1]
    @Test
    void aRegionOutsideZeroToEightIsIgnored() {
        tzc.stickAttributeBits(-1, -1);
        tzc.stickAttributeBits(Tzc400Descriptor.REGIONS, -1);
        tzc.stickAttributeBits(Integer.MIN_VALUE, -1);
        tzc.stickAttributeBits(Integer.MAX_VALUE, -1);
        setAttributes(0, S_RW);
        assertEquals(S_RW & 0xFFFF_FFFFL, attributes(0));
        for (int n = 1; n < Tzc400Descriptor.REGIONS; n++) {
            page(n, 1 | S_RW);
            assertEquals((1 | S_RW) & 0xFFFF_FFFFL, attributes(n), "region " + n);
        }
    }
}
