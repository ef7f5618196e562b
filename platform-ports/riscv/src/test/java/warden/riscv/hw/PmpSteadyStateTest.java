package warden.riscv.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * The PMP's mission-time methods in steady state: the very calls whose allocation is measured
 * (zero bytes) must also give exactly the spec's answers, so that an allocation-free call is
 * known to be a call that did its work. Checks run at every region edge (TOR, NA4, NAPOT, a
 * locked entry, the top of the 56-bit space), for every size, access and privilege, against the
 * independent {@link PmpSpecModel}; malformed requests are refused.
 */
// [utest->dsn~riscv.hw.no-allocation~1]
class PmpSteadyStateTest {
    private static final long LIMIT = Pmp.PHYS_LIMIT;
    private static final long[] EDGES = {0, 0x8000_0000L, 0x8000_1000L, 0x8000_2000L, 0x8000_3000L,
        0x8000_4000L, 0x8000_4004L, 0x8000_5000L, LIMIT - 0x1000, LIMIT};
    private static final int[] SIZES = {1, 2, 4, 8};
    private static final int[] ACCESSES = {Pmpcfg.R, Pmpcfg.W, Pmpcfg.X};
    private static final int[] PRIVS = {Pmp.PRIV_U, Pmp.PRIV_S, Pmp.PRIV_M};
    private static final int QUERIES = EDGES.length * 17 * SIZES.length * ACCESSES.length * PRIVS.length;

    private static final int NAPOT = 3 << 3;
    private static final int TOR = 1 << 3;
    private static final int NA4 = 2 << 3;
    private static final int LOCK = 0x80;

    /** Entry configuration bytes 0..7 and addresses: NAPOT R, OFF + TOR RW, NA4 X, locked TOR X, NAPOT R at the top. */
    private static void program(Pmp pmp, PmpSpecModel spec) {
        long[] addr = {(0x8000_0000L >>> 2) | 0x1FF, 0x8000_2000L >>> 2, 0x8000_3000L >>> 2, 0x8000_4000L >>> 2,
            0x8000_5000L >>> 2, ((LIMIT - 0x1000) >>> 2) | 0x1FF};
        int[] cfg = {NAPOT | Pmpcfg.R, 0, TOR | Pmpcfg.R | Pmpcfg.W, NA4 | Pmpcfg.X, LOCK | TOR | Pmpcfg.X,
            NAPOT | Pmpcfg.R, 0, 0};
        long bytes = 0;
        for (int i = 0; i < addr.length; i++) {
            pmp.writePmpaddr(i, addr[i]);
            spec.writeAddr(i, addr[i]);
        }
        for (int i = 0; i < cfg.length; i++) {
            int legal = Pmpcfg.legalize(cfg[i], pmp.granularity());
            spec.writeCfg(i, legal);
            bytes |= (long) cfg[i] << (8 * i);
        }
        assertEquals(0, pmp.writePmpcfg(0, bytes));
    }

    private static boolean wellFormed(long address, int size, int access, int priv) {
        return (size == 1 || size == 2 || size == 4 || size == 8) && (access == 1 || access == 2 || access == 4)
                && (priv == 0 || priv == 1 || priv == 3) && address >= 0 && address <= LIMIT - size;
    }

    /** Every query: each address around each edge, with every size, access and privilege. */
    private static final long[] ADDRESS = new long[QUERIES];
    private static final int[] SIZE = new int[QUERIES];
    private static final int[] ACCESS = new int[QUERIES];
    private static final int[] PRIV = new int[QUERIES];

    static {
        int q = 0;
        for (long edge : EDGES) {
            for (int d = -8; d <= 8; d++) {
                for (int size : SIZES) {
                    for (int access : ACCESSES) {
                        for (int priv : PRIVS) {
                            ADDRESS[q] = edge + d;
                            SIZE[q] = size;
                            ACCESS[q] = access;
                            PRIV[q++] = priv;
                        }
                    }
                }
            }
        }
    }

    /** The measured loop: every query, results into a preallocated table. */
    private static void query(Pmp pmp, boolean[] out) {
        for (int q = 0; q < QUERIES; q++) {
            out[q] = pmp.allows(ADDRESS[q], SIZE[q], ACCESS[q], PRIV[q]);
        }
    }

    private static void expected(PmpSpecModel spec, boolean[] out) {
        for (int q = 0; q < QUERIES; q++) {
            out[q] = wellFormed(ADDRESS[q], SIZE[q], ACCESS[q], PRIV[q])
                    && spec.allows(ADDRESS[q], SIZE[q], ACCESS[q], PRIV[q]);
        }
    }

    private static void assertSteadyStateMatchesTheSpec(int g) {
        com.sun.management.ThreadMXBean mx = threadBean();
        assumeTrue(mx != null && mx.isThreadAllocatedMemorySupported());
        mx.setThreadAllocatedMemoryEnabled(true);
        Pmp pmp = new Pmp(16, g);
        PmpSpecModel spec = new PmpSpecModel(16, g);
        program(pmp, spec);
        boolean[] got = new boolean[QUERIES];
        long[] cfgs = new long[18];
        long least = Long.MAX_VALUE;
        for (int phase = 0; phase < 4; phase++) { // phase 0 warms up: class loading, JIT
            long before = mx.getCurrentThreadAllocatedBytes();
            query(pmp, got);
            for (int csr = -1; csr <= 16; csr++) {
                cfgs[csr + 1] = pmp.readPmpcfg(csr);
            }
            long allocated = mx.getCurrentThreadAllocatedBytes() - before;
            if (phase > 0) {
                least = Math.min(least, allocated);
            }
        }
        assertEquals(0, least, "bytes allocated in the quietest phase");
        boolean[] want = new boolean[QUERIES];
        expected(spec, want);
        for (int q = 0; q < QUERIES; q++) {
            assertEquals(want[q], got[q], "query " + q + " with G=" + g);
        }
        long cfg0 = 0;
        for (int i = 0; i < 8; i++) {
            cfg0 |= (long) spec.cfg[i] << (8 * i);
        }
        assertEquals(cfg0, cfgs[1], "pmpcfg0");
        assertEquals(0, cfgs[0], "no pmpcfg-1");
        assertEquals(0, cfgs[2], "odd pmpcfg1 is not an RV64 CSR");
        assertEquals(0, cfgs[3], "pmpcfg2: entries 8..15 are OFF");
        assertEquals(0, cfgs[5], "pmpcfg4: entries 16..23 are not implemented");
        assertEquals(0, cfgs[17], "no pmpcfg16");
    }

    @Test
    void allowsAndTheCsrReadsAreExactAndAllocateNothingWithFourByteGrain() {
        assertSteadyStateMatchesTheSpec(0);
    }

    @Test
    void allowsAndTheCsrReadsAreExactAndAllocateNothingWithSixteenByteGrain() {
        assertSteadyStateMatchesTheSpec(2);
    }

    @Test
    void aLockedEntryBindsMachineModeAndAnUnlockedOneDoesNot() {
        Pmp pmp = new Pmp(16, 0);
        program(pmp, new PmpSpecModel(16, 0));
        assertTrue(pmp.allows(0x8000_0000L, 4, Pmpcfg.W, Pmp.PRIV_M), "unlocked NAPOT R: M may write");
        assertFalse(pmp.allows(0x8000_4800L, 4, Pmpcfg.R, Pmp.PRIV_M), "locked TOR X: M may not read");
        assertTrue(pmp.allows(0x8000_4800L, 4, Pmpcfg.X, Pmp.PRIV_M));
        assertTrue(pmp.allows(0x9000_0000L, 8, Pmpcfg.R, Pmp.PRIV_M), "no match: M allowed");
        assertFalse(pmp.allows(0x9000_0000L, 8, Pmpcfg.R, Pmp.PRIV_S), "no match: S denied");
        assertTrue(new Pmp(0, 0).allows(0x9000_0000L, 8, Pmpcfg.R, Pmp.PRIV_U), "no PMP at all: U allowed");
    }

    @Test
    void malformedRequestsAreRefused() {
        Pmp pmp = new Pmp(0, 0);
        assertTrue(pmp.allows(LIMIT - 8, 8, Pmpcfg.R, Pmp.PRIV_M), "the last eight bytes");
        assertFalse(pmp.allows(LIMIT - 7, 8, Pmpcfg.R, Pmp.PRIV_M), "leaves the 56-bit space");
        assertFalse(pmp.allows(-1, 1, Pmpcfg.R, Pmp.PRIV_M));
        for (int size : new int[] {0, 3, 5, 16, -1}) {
            assertFalse(pmp.allows(0x1000, size, Pmpcfg.R, Pmp.PRIV_M), "size " + size);
        }
        for (int access : new int[] {0, Pmpcfg.R | Pmpcfg.W, 8}) {
            assertFalse(pmp.allows(0x1000, 4, access, Pmp.PRIV_M), "access " + access);
        }
        for (int priv : new int[] {-1, 2, 4}) {
            assertFalse(pmp.allows(0x1000, 4, Pmpcfg.R, priv), "privilege " + priv);
        }
    }

    @Test
    void constructionAndResetGiveAnOffPmpOfTheGivenShape() {
        assertThrows(IllegalArgumentException.class, () -> new Pmp(8, 0));
        assertThrows(IllegalArgumentException.class, () -> new Pmp(16, -1));
        assertThrows(IllegalArgumentException.class, () -> new Pmp(16, Pmp.G_MAX + 1));
        assertEquals(Pmp.G_MAX, new Pmp(Pmp.ENTRIES_MAX, Pmp.G_MAX).granularity());
        assertEquals(Pmp.ENTRIES_MAX, new Pmp(Pmp.ENTRIES_MAX, 0).entryCount());
        assertEquals(0, new Pmp(0, 0).entryCount());
        Pmp pmp = new Pmp(16, 0);
        program(pmp, new PmpSpecModel(16, 0));
        pmp.reset();
        assertEquals(0, pmp.readPmpcfg(0));
        for (int i = 0; i < 16; i++) {
            assertEquals(0, pmp.readPmpaddr(i), "entry " + i);
        }
        assertFalse(pmp.allows(0x8000_0000L, 4, Pmpcfg.R, Pmp.PRIV_U));
        assertTrue(pmp.allows(0x8000_4800L, 4, Pmpcfg.R, Pmp.PRIV_M), "the lock is gone too");
    }

    private static com.sun.management.ThreadMXBean threadBean() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        return bean instanceof com.sun.management.ThreadMXBean sun ? sun : null;
    }
}
