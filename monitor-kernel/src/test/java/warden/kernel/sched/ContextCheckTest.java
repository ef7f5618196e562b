package warden.kernel.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The four-lane check value of a saved context: every change confined to one word changes it, for
 * every word count (whole lanes and a tail), every word and every bit; two single-bit flips in two
 * different words (the multi-word case, not guaranteed) are caught in every pair tried.
 */
class ContextCheckTest {
    /** Word counts: below one round of lanes, whole rounds, tails of 1 to 3, and the ports' counts. */
    private static final int[] WORD_COUNTS = {1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 23, 41};

    /** @return {@code n} seeded pseudo-random words. */
    private static long[] context(int n, long seed) {
        long[] c = new long[n];
        long x = seed;
        for (int i = 0; i < n; i++) {
            x += 0x9E3779B97F4A7C15L;
            long z = (x ^ (x >>> 30)) * 0xBF58476D1CE4E5B9L;
            c[i] = z ^ (z >>> 27);
        }
        return c;
    }

    // [utest->dsn~kernel.context-integrity~1]
    @Test
    void everySingleBitFlipOfEveryWordChangesTheCheckForEveryWordCount() {
        for (int n : WORD_COUNTS) {
            long[] c = context(n, n);
            long intact = new ContextCheck(n).of(c, 0);
            for (int w = 0; w < n; w++) {
                for (int bit = 0; bit < 64; bit++) {
                    c[w] ^= 1L << bit;
                    assertNotEquals(intact, new ContextCheck(n).of(c, 0), n + " words: word " + w + " bit " + bit);
                    c[w] ^= 1L << bit;
                }
            }
            assertEquals(intact, new ContextCheck(n).of(c, 0), "restored words, same check");
        }
    }

    /** Any change confined to one word, not only one bit: a random non-zero mask on a random word. */
    // [utest->dsn~kernel.context-integrity~1]
    @Property(seed = "20261207", tries = 500)
    void anyChangeConfinedToOneWordChangesTheCheck(@ForAll @IntRange(min = 0, max = 11) int size,
            @ForAll @IntRange(min = 0, max = 63) int word, @ForAll long seed, @ForAll long mask) {
        int n = WORD_COUNTS[size];
        int w = word % n;
        long m = mask == 0 ? 1 : mask;
        long[] c = context(n + 3, seed);
        long intact = new ContextCheck(n).of(c, 3);
        c[3 + w] ^= m;
        assertNotEquals(intact, new ContextCheck(n).of(c, 3));
        c[0] ^= m;
        c[2] ^= m;
        assertNotEquals(intact, new ContextCheck(n).of(c, 3), "words outside the context do not count");
        c[3 + w] ^= m;
        assertEquals(intact, new ContextCheck(n).of(c, 3), "words outside the context do not count");
    }

    /**
     * Two single-bit flips in two different words, every pair of words and bits of a 41-word
     * context (RISC-V's size): not guaranteed by construction (a multi-word change escapes when it
     * happens to give the same check value), but none of these 3.4 million escapes; it includes the
     * two flips of bit 63 that a sum of words times odd constants would miss.
     */
    // [utest->dsn~kernel.context-integrity~1]
    @Test
    void everyPairOfSingleBitFlipsInTwoWordsOfARiscvSizedContextIsCaught() {
        int n = 41;
        long[] c = context(n, 41);
        long intact = new ContextCheck(n).of(c, 0);
        for (int w1 = 0; w1 < n; w1++) {
            for (int w2 = w1 + 1; w2 < n; w2++) {
                for (int b1 = 0; b1 < 64; b1++) {
                    c[w1] ^= 1L << b1;
                    for (int b2 = 0; b2 < 64; b2++) {
                        c[w2] ^= 1L << b2;
                        if (new ContextCheck(n).of(c, 0) == intact) {
                            throw new AssertionError("words " + w1 + "/" + w2 + " bits " + b1 + "/" + b2);
                        }
                        c[w2] ^= 1L << b2;
                    }
                    c[w1] ^= 1L << b1;
                }
            }
        }
    }
}
