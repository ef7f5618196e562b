package warden.launcher.campaign;

import java.util.Arrays;

/**
 * Min, median and max of a stream of non-negative virtual times in constant memory: the values
 * themselves while there are at most {@link #EXACT} of them (the median is exact), and always a
 * histogram of fixed bins, 16 per power of two (the median of more values is the lower edge of its
 * bin, at most 1/16 below the true median).
 *
 * [impl->dsn~campaign.constant-memory~1]
 */
final class TimeStats {
    /** Up to this many values the median is exact. */
    static final int EXACT = 1024;
    private static final int SUB = 16;
    private static final int BINS = 64 * SUB;

    private final long[] exact = new long[EXACT];
    private final long[] bins = new long[BINS];
    private long count;
    private long min = Long.MAX_VALUE;
    private long max = Long.MIN_VALUE;

    void add(long v) {
        long x = Math.max(0, v);
        if (count < EXACT) {
            exact[(int) count] = x;
        }
        count++;
        bins[bin(x)]++;
        min = Math.min(min, x);
        max = Math.max(max, x);
    }

    /** @return the bin of {@code v}: values below 16 have their own, then 16 per power of two. */
    static int bin(long v) {
        if (v < SUB) {
            return (int) v;
        }
        int msb = 63 - Long.numberOfLeadingZeros(v);
        int sub = (int) ((v >>> (msb - 4)) & (SUB - 1));
        return (msb - 3) * SUB + sub;
    }

    /** @return the smallest value of bin {@code b}. */
    static long lowerEdge(int b) {
        if (b < SUB) {
            return b;
        }
        int msb = b / SUB + 3;
        return (1L << msb) | ((long) (b % SUB) << (msb - 4));
    }

    /** @return {min, median, max}, or {-1, -1, -1} for no values. */
    long[] triple() {
        if (count == 0) {
            return new long[] {-1, -1, -1};
        }
        return new long[] {min, median(), max};
    }

    private long median() {
        if (count <= EXACT) {
            long[] v = Arrays.copyOf(exact, (int) count);
            Arrays.sort(v);
            return v[v.length / 2];
        }
        long rank = count / 2;
        long seen = 0;
        for (int b = 0; b < BINS; b++) {
            seen += bins[b];
            if (seen > rank) {
                return Math.max(min, Math.min(max, lowerEdge(b)));
            }
        }
        return max;
    }
}
