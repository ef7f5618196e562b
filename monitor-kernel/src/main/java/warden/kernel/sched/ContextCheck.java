package warden.kernel.sched;

/**
 * The check value of a saved vCPU context, four lanes wide: word i goes to lane i mod 4 (the last
 * words, when the count is not a multiple of 4, to lane 0), each lane folds its words in with
 * steps that are bijections (xor the word, multiply by an odd constant, xor-shift), and the lanes
 * are combined by xor after rotating lanes 1 to 3 by 16, 32 and 48 bits. A change confined to one
 * word changes its lane's value and leaves the other lanes alone, so it always changes the check
 * value. The four lanes have no data dependency on each other, so a core runs their multiplies
 * side by side instead of one after the other: a quarter of the serial chain of one lane.
 * Made at boot; {@link #of} allocates nothing, its loops are bounded by the context's word count
 * (a constant of the port) and by {@link #LANES}.
 *
 * [impl->dsn~kernel.context-integrity~1]
 */
// justification: offsets below base + rounds * LANES + tail = base + words, inside the caller's context table
@SuppressWarnings("index")
public final class ContextCheck {
    /** Independent lanes of the check. */
    public static final int LANES = 4;
    /** The most words left over after whole rounds of lanes. */
    private static final int TAIL_MAX = LANES - 1;
    private static final long ODD = 0x9E3779B97F4A7C15L;
    /** Whole rounds of {@link #LANES} words in a context. */
    private final int rounds;
    /** Words after the whole rounds (below {@link #LANES}). */
    private final int tail;

    /**
     * Boot-time: the check of contexts of {@code words} words (the port's constant count).
     *
     * [impl->dsn~kernel.context-integrity~1]
     */
    public ContextCheck(int words) {
        rounds = words / LANES;
        tail = words % LANES;
    }

    /**
     * @return the check value of the context that starts at {@code ctx[base]}
     *
     * [impl->dsn~kernel.context-integrity~1]
     */
    public long of(long[] ctx, int base) {
        long a = 0x6A09E667F3BCC908L;
        long b = 0xBB67AE8584CAA73BL;
        long c = 0x3C6EF372FE94F82BL;
        long d = 0xA54FF53A5F1D36F1L;
        for (int r = 0; r < rounds; r++) {
            int at = base + r * LANES;
            a = step(a, ctx[at]);
            b = step(b, ctx[at + 1]);
            c = step(c, ctx[at + 2]);
            d = step(d, ctx[at + 3]);
        }
        int at = base + rounds * LANES;
        for (int t = 0; t < TAIL_MAX && t < tail; t++) {
            a = step(a, ctx[at + t]);
        }
        return a ^ (b << 16 | b >>> 48) ^ (c << 32 | c >>> 32) ^ (d << 48 | d >>> 16);
    }

    /**
     * @return lane value h with word w folded in: for a fixed h a bijection of w, for a fixed w a
     *     bijection of h (the right xor-shift carries a word's top bit into lower bits, so two flips
     *     of bit 63 in one lane do not cancel as they would through the multiply alone)
     *
     * [impl->dsn~kernel.context-integrity~1]
     */
    private static long step(long h, long w) {
        long x = (h ^ w) * ODD;
        return x ^ (x >>> 29);
    }
}
