package warden.riscv.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link Pmp#allows} against {@link PmpSpecModel} for random entry configurations (OFF, TOR, NA4,
 * NAPOT, locked or not, rewritten after locking), every privilege level and access kind, access
 * sizes 1/2/4/8, addresses at and around region edges and at the top of the address space.
 */
class PmpSpecPropertiesTest {
    private static final int ACCESSES_PER_CONFIGURATION = 300;
    private static final int[] LEGAL_RWX = {0, 1, 3, 4, 5, 7}; // not R=0,W=1 (reserved)
    private static final int[] SIZES = {1, 2, 4, 8};
    private static final int[] KINDS = {Pmpcfg.R, Pmpcfg.W, Pmpcfg.X};
    private static final int[] PRIVS = {Pmp.PRIV_U, Pmp.PRIV_S, Pmp.PRIV_M};

    @Provide
    Arbitrary<Integer> entryCounts() {
        return Arbitraries.of(0, 16, 64);
    }

    @Provide
    Arbitrary<Integer> grains() {
        return Arbitraries.of(0, 0, 1, 2, 3, 6);
    }

    // [utest->dsn~riscv.pmp.priority~1] [utest->dsn~riscv.pmp.all-bytes~1]
    // [utest->dsn~riscv.pmp.modes~1] [utest->dsn~riscv.pmp.mmode~1]
    // [utest->dsn~riscv.pmp.no-match~1] [utest->dsn~riscv.pmp.lock~1]
    // [utest->dsn~riscv.pmp.granularity~1]
    @Property(seed = "42", tries = 300)
    void pmpDecidesEveryAccessExactlyAsTheSpecTextDoes(
            @ForAll("entryCounts") int entryCount, @ForAll("grains") int g, @ForAll long seed) {
        Random rnd = new Random(seed);
        Pmp pmp = new Pmp(entryCount, g);
        PmpSpecModel spec = new PmpSpecModel(entryCount, g);
        program(rnd, pmp, spec);
        rewriteAfterLocking(rnd, pmp, spec);
        for (int k = 0; k < ACCESSES_PER_CONFIGURATION; k++) {
            long address = accessAddress(rnd, spec);
            int size = SIZES[rnd.nextInt(SIZES.length)];
            int kind = KINDS[rnd.nextInt(KINDS.length)];
            int priv = PRIVS[rnd.nextInt(PRIVS.length)];
            assertEquals(spec.allows(address, size, kind, priv), pmp.allows(address, size, kind, priv),
                    () -> String.format("addr=%#x size=%d kind=%d priv=%d G=%d cfg=%s addr=%s",
                            address, size, kind, priv, g, java.util.Arrays.toString(spec.cfg),
                            java.util.Arrays.toString(spec.addr)));
        }
    }

    private static void program(Random rnd, Pmp pmp, PmpSpecModel spec) {
        int n = spec.entryCount;
        int active = n == 0 ? 0 : (rnd.nextInt(4) == 0 ? n : 1 + rnd.nextInt(Math.min(n, 10)));
        for (int i = 0; i < active; i++) {
            long a = pmpaddr(rnd, spec.g);
            pmp.writePmpaddr(i, a);
            spec.writeAddr(i, a);
        }
        int[] bytes = new int[n];
        for (int i = 0; i < active; i++) {
            bytes[i] = legalCfg(rnd, spec.g);
        }
        for (int csr = 0; csr < n / 8; csr++) {
            long v = 0;
            for (int k = 0; k < 8; k++) {
                v |= ((long) bytes[csr * 8 + k]) << (8 * k);
                spec.writeCfg(csr * 8 + k, bytes[csr * 8 + k]);
            }
            pmp.writePmpcfg(2 * csr, v);
        }
    }

    /** Writes after programming: locked entries (and pmpaddr before a locked TOR) must not change. */
    private static void rewriteAfterLocking(Random rnd, Pmp pmp, PmpSpecModel spec) {
        int n = spec.entryCount;
        for (int k = 0; k < 12 && n > 0; k++) {
            int i = rnd.nextInt(Math.min(n, 12));
            if (rnd.nextBoolean()) {
                long a = pmpaddr(rnd, spec.g);
                pmp.writePmpaddr(i, a);
                spec.writeAddr(i, a);
            } else {
                int b = legalCfg(rnd, spec.g);
                int csr = i / 8;
                int shift = 8 * (i % 8);
                long old = pmp.readPmpcfg(2 * csr);
                pmp.writePmpcfg(2 * csr, (old & ~(0xFFL << shift)) | ((long) b << shift));
                spec.writeCfg(i, b);
            }
        }
    }

    private static int legalCfg(Random rnd, int g) {
        int rwx = LEGAL_RWX[rnd.nextInt(LEGAL_RWX.length)];
        int a = rnd.nextInt(4);
        if (g >= 1 && a == Pmpcfg.NA4) {
            a = rnd.nextBoolean() ? Pmpcfg.NAPOT : Pmpcfg.TOR;
        }
        return Pmpcfg.of(rwx, a, rnd.nextInt(5) == 0);
    }

    private static long pmpaddr(Random rnd, int g) {
        int pick = rnd.nextInt(20);
        long top = (1L << 54) - 1;
        if (pick < 8) {
            return rnd.nextInt(600);
        }
        if (pick < 13) {
            int k = rnd.nextInt(9 + g);
            long base = rnd.nextInt(600) & ~((1L << (k + 1)) - 1);
            return base | ((1L << k) - 1);
        }
        if (pick < 15) {
            return top - rnd.nextInt(64);
        }
        if (pick == 15) {
            return rnd.nextBoolean() ? top : top >>> 1;
        }
        if (pick == 16) {
            return rnd.nextInt(600) | (rnd.nextLong() << 54); // junk in bits 63:54
        }
        return rnd.nextLong() & top;
    }

    private static long accessAddress(Random rnd, PmpSpecModel spec) {
        int pick = rnd.nextInt(20);
        int n = spec.entryCount;
        if (pick < 10 && n > 0) {
            long word = spec.addr[rnd.nextInt(Math.min(n, 12))];
            long edge = rnd.nextBoolean() ? word << 2 : (word + 1) << 2;
            return edge + rnd.nextInt(41) - 20;
        }
        if (pick < 14) {
            return rnd.nextInt(2600);
        }
        if (pick < 17) {
            return Pmp.PHYS_LIMIT - 1 - rnd.nextInt(24);
        }
        if (pick < 19) {
            return rnd.nextLong() & (Pmp.PHYS_LIMIT - 1);
        }
        return rnd.nextBoolean() ? -1 - rnd.nextInt(8) : Pmp.PHYS_LIMIT + rnd.nextInt(8);
    }
}
