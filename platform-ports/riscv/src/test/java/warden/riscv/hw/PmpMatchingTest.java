package warden.riscv.hw;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Worked examples of PMP matching, priority and privilege rules. */
class PmpMatchingTest {
    private static final int R = Pmpcfg.R;
    private static final int W = Pmpcfg.W;
    private static final int X = Pmpcfg.X;

    private static Pmp pmp(int g, long[] addrs, int... cfgs) {
        Pmp p = new Pmp(16, g);
        for (int i = 0; i < addrs.length; i++) {
            p.writePmpaddr(i, addrs[i]);
        }
        long v = 0;
        for (int i = 0; i < cfgs.length; i++) {
            v |= ((long) cfgs[i]) << (8 * i);
        }
        p.writePmpcfg(0, v);
        return p;
    }

    // [utest->dsn~riscv.pmp.all-bytes~1]
    @Test
    void shouldFailAnEightByteAccessWhenTheDecidingEntryCoversOnlyFourOfItsBytes() {
        // the spec's example: an entry matching 0xC-0xF, an 8-byte access to 0x8-0xF
        Pmp p = pmp(0, new long[] {0xC >> 2, 0x1000 >> 2},
                Pmpcfg.of(R | W | X, Pmpcfg.NA4, false), Pmpcfg.of(R | W | X, Pmpcfg.TOR, false));
        assertFalse(p.allows(0x8, 8, R, Pmp.PRIV_S));
        assertFalse(p.allows(0x8, 8, R, Pmp.PRIV_M)); // irrespective of L
        assertTrue(p.allows(0xC, 4, R, Pmp.PRIV_S));
        assertTrue(p.allows(0x10, 8, R, Pmp.PRIV_S)); // entry 1: TOR from pmpaddr0 (0xC)
        assertFalse(p.allows(0x8, 4, R, Pmp.PRIV_S)); // no entry matches 0x8-0xB
    }

    // [utest->dsn~riscv.pmp.priority~1]
    @Test
    void shouldLetTheLowestNumberedEntryDecideWhenEntriesOverlap() {
        Pmp p = pmp(0, new long[] {(0x100 >> 2) | 7, (0x0 >> 2) | 0x7FF},
                Pmpcfg.of(R, Pmpcfg.NAPOT, false), Pmpcfg.of(R | W, Pmpcfg.NAPOT, false));
        assertFalse(p.allows(0x100, 4, W, Pmp.PRIV_U)); // entry 0 (R only) decides
        assertTrue(p.allows(0x200, 4, W, Pmp.PRIV_U)); // only entry 1 matches
    }

    // [utest->dsn~riscv.pmp.no-match~1]
    @Test
    void shouldLetOnlyMachineModeThroughWhenNoEntryMatches() {
        Pmp p = new Pmp(16, 0);
        assertTrue(p.allows(0x8000_0000L, 8, X, Pmp.PRIV_M));
        assertFalse(p.allows(0x8000_0000L, 8, X, Pmp.PRIV_S));
        assertFalse(p.allows(0x8000_0000L, 1, R, Pmp.PRIV_U));
        Pmp none = new Pmp(0, 0);
        assertTrue(none.allows(0x8000_0000L, 8, W, Pmp.PRIV_U));
    }

    // [utest->dsn~riscv.pmp.mmode~1]
    @Test
    void shouldApplyPermissionsToMachineModeOnlyWhenTheEntryIsLocked() {
        Pmp open = pmp(0, new long[] {0x1000 >> 2}, Pmpcfg.of(0, Pmpcfg.TOR, false));
        assertTrue(open.allows(0x10, 4, W, Pmp.PRIV_M));
        assertFalse(open.allows(0x10, 4, W, Pmp.PRIV_S));
        Pmp locked = pmp(0, new long[] {0x1000 >> 2}, Pmpcfg.of(R, Pmpcfg.TOR, true));
        assertFalse(locked.allows(0x10, 4, W, Pmp.PRIV_M));
        assertTrue(locked.allows(0x10, 4, R, Pmp.PRIV_M));
    }

    // [utest->dsn~riscv.pmp.modes~1]
    @Test
    void torUsesZeroAsTheLowerBoundOfEntryZeroAndMatchesNothingWhenEmpty() {
        Pmp p = pmp(0, new long[] {0x40 >> 2, 0x20 >> 2},
                Pmpcfg.of(R, Pmpcfg.TOR, false), Pmpcfg.of(R | W, Pmpcfg.TOR, false));
        assertTrue(p.allows(0x0, 8, R, Pmp.PRIV_U));
        assertTrue(p.allows(0x38, 8, R, Pmp.PRIV_U));
        assertFalse(p.allows(0x40, 1, R, Pmp.PRIV_U)); // entry 1 is empty: 0x40 >= 0x20
    }

    // [utest->dsn~riscv.pmp.modes~1]
    @Test
    void napotOfAllOnesCoversTheWholeAddressSpaceIncludingItsTopBytes() {
        Pmp p = pmp(0, new long[] {-1L}, Pmpcfg.of(R, Pmpcfg.NAPOT, false));
        assertTrue(p.allows(0, 8, R, Pmp.PRIV_U));
        assertTrue(p.allows(Pmp.PHYS_LIMIT - 8, 8, R, Pmp.PRIV_U));
        assertFalse(p.allows(Pmp.PHYS_LIMIT - 4, 8, R, Pmp.PRIV_U)); // leaves the 56-bit space
        assertFalse(p.allows(-8, 8, R, Pmp.PRIV_M));
    }

    // [utest->dsn~riscv.pmp.modes~1]
    @Test
    void napotTrailingOnesGiveTheSize() {
        Pmp p = pmp(0, new long[] {(0x1000 >> 2) | 0x1F}, Pmpcfg.of(R, Pmpcfg.NAPOT, false)); // 256 bytes
        assertTrue(p.allows(0x1000, 1, R, Pmp.PRIV_U));
        assertTrue(p.allows(0x10F8, 8, R, Pmp.PRIV_U));
        assertFalse(p.allows(0x1100, 1, R, Pmp.PRIV_U));
        assertFalse(p.allows(0xFFF, 1, R, Pmp.PRIV_U));
    }

    @Test
    void shouldDenyMalformedRequests() {
        Pmp none = new Pmp(0, 0);
        assertFalse(none.allows(0, 3, R, Pmp.PRIV_M));
        assertFalse(none.allows(0, 4, R | W, Pmp.PRIV_M));
        assertFalse(none.allows(0, 4, R, 2));
    }
}
