package warden.verification.rules;

/**
 * What the instrumented kernel classes call ({@link InstrumentingLoader}): {@link #add} at the
 * start of every basic block with its instruction count, {@link #enter}/{@link #exit} around the
 * kernel's entry points. Loaded by the test's own class loader, so the counts are shared with the
 * test that reads them; one kernel thread at a time (runs with one worker).
 *
 * [impl->dsn~rj.wcet-cycles~1]
 */
public final class WcetProbe {
    /** Entry ids, in {@link InstrumentingLoader#ENTRIES} order. */
    static final int MAX_ENTRIES = 16;
    private static long executed;
    private static int depth;
    private static int current;
    private static long start;
    private static final long[] MAX = new long[MAX_ENTRIES];
    private static final long[] CALLS = new long[MAX_ENTRIES];
    /** Per entry, how many calls executed n instructions of bit length b (so n <= 2^b - 1), by b. */
    private static final long[][] LOG2 = new long[MAX_ENTRIES][65];

    private WcetProbe() {
    }

    public static void add(int instructions) {
        executed += instructions;
    }

    public static void enter(int entry) {
        if (depth++ == 0) {
            current = entry;
            start = executed;
        }
    }

    public static void exit() {
        if (--depth == 0) {
            long n = executed - start;
            MAX[current] = Math.max(MAX[current], n);
            CALLS[current]++;
            LOG2[current][64 - Long.numberOfLeadingZeros(n)]++;
        }
    }

    static synchronized void reset() {
        executed = 0;
        depth = 0;
        java.util.Arrays.fill(MAX, 0);
        java.util.Arrays.fill(CALLS, 0);
        for (long[] h : LOG2) {
            java.util.Arrays.fill(h, 0);
        }
    }

    static long max(int entry) {
        return MAX[entry];
    }

    static long calls(int entry) {
        return CALLS[entry];
    }

    /** @return 2^b - 1 for the bit length b of the median count of the entry's calls (0 when none). */
    static long medianAtMost(int entry) {
        long seen = 0;
        for (int b = 0; b < 65; b++) {
            seen += LOG2[entry][b];
            if (CALLS[entry] > 0 && 2 * seen >= CALLS[entry]) {
                return b == 0 ? 0 : b == 64 ? Long.MAX_VALUE : (1L << b) - 1; // bit length b: at most 2^b - 1
            }
        }
        return 0;
    }

    static long executed() {
        return executed;
    }
}
