package warden.riscv.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link Plic#externalPending} (an O(1) summary) against the full scan of the PLIC spec's rule,
 * re-derived here from the registers an MMIO reader sees, after every step of random sequences
 * of raises, priority, enable and threshold writes, claims and completions.
 */
class PlicSummaryPropertiesTest {
    private static final int STEPS = 400;

    @Provide
    Arbitrary<Integer> sourceCounts() {
        return Arbitraries.of(2, 33, 64, 96, 1024);
    }

    /** The rule by scan: some source pending, enabled for the context, priority above its threshold. */
    private static boolean scan(Plic plic, int context) {
        long threshold = plic.read(PlicDescriptor.threshold(context), 4, 0);
        for (int s = 1; s < plic.sourceCount(); s++) {
            long enableWord = plic.read(PlicDescriptor.enable(context, s), 4, 0);
            boolean enabled = (enableWord & (1L << (s % 32))) != 0;
            if (plic.isPending(s) && enabled && plic.read(PlicDescriptor.priority(s), 4, 0) > threshold) {
                return true;
            }
        }
        return false;
    }

    /** The claim rule by scan: highest priority enabled pending source, lowest id on ties, or 0. */
    private static int claimByScan(Plic plic, int context) {
        int best = 0;
        long bestPriority = 0;
        for (int s = 1; s < plic.sourceCount(); s++) {
            long enableWord = plic.read(PlicDescriptor.enable(context, s), 4, 0);
            long p = plic.read(PlicDescriptor.priority(s), 4, 0);
            if (plic.isPending(s) && (enableWord & (1L << (s % 32))) != 0 && p > bestPriority) {
                best = s;
                bestPriority = p;
            }
        }
        return best;
    }

    // [utest->dsn~riscv.plic.signalled-summary~1] [utest->dsn~riscv.plic.priority~1]
    // [utest->dsn~riscv.plic.claim~1]
    @Property(seed = "17", tries = 60)
    void summaryAnswersAsTheFullScanAfterEveryOperation(
            @ForAll("sourceCounts") int sources, @ForAll long seed) {
        Random rnd = new Random(seed);
        int contexts = 1 + rnd.nextInt(4);
        Plic plic = new Plic(sources, contexts);
        int hot = Math.min(sources - 1, 1 + rnd.nextInt(40)); // sources the sequence touches most
        for (int step = 0; step < STEPS; step++) {
            int s = rnd.nextInt(4) == 0 ? rnd.nextInt(sources + 1) : 1 + rnd.nextInt(hot);
            int c = rnd.nextInt(contexts);
            switch (rnd.nextInt(7)) {
                case 0, 1 -> plic.raise(s);
                case 2 -> plic.write(PlicDescriptor.priority(Math.min(s, sources - 1)), 4, rnd.nextInt(16), 0);
                case 3 -> {
                    long off = PlicDescriptor.enable(c, Math.min(s, sources - 1));
                    plic.write(off, 4, rnd.nextBoolean() ? rnd.nextInt() : plic.read(off, 4, 0) ^ (1L << (s % 32)), 0);
                }
                case 4 -> plic.write(PlicDescriptor.threshold(c), 4, rnd.nextInt(9), 0);
                case 5 -> {
                    int expected = claimByScan(plic, c);
                    assertEquals(expected, (int) plic.read(PlicDescriptor.claimComplete(c), 4, 0), "claim");
                }
                default -> plic.write(PlicDescriptor.claimComplete(c), 4, s, 0);
            }
            for (int k = 0; k < contexts; k++) {
                assertEquals(scan(plic, k), plic.externalPending(k), "context " + k + " after step " + step);
            }
        }
    }
}
