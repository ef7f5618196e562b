package warden.emu;

/**
 * Interrupt latency bookkeeping in virtual time: the time a device raised a line, and the time the
 * owning guest's handler was entered. Raise times wait in a FIFO per line, so that held interrupts
 * are matched with their own raise time.
 */
public final class IrqStats {
    private static final int FIFO = 256;
    private final int lines;
    private final long[] fifo;
    private final int[] head;
    private final int[] depth;
    private final long[] raised;
    private final long[] delivered;
    private final long[] merged;
    /** Raises whose time did not fit the FIFO (latency not sampled), not yet delivered. */
    private final long[] unsampled;
    private final long[] min;
    private final long[] max;
    private final long[] sum;
    private long overflows;

    public IrqStats(int lines) {
        this.lines = lines;
        fifo = new long[lines * FIFO];
        head = new int[lines];
        depth = new int[lines];
        raised = new long[lines];
        delivered = new long[lines];
        merged = new long[lines];
        unsampled = new long[lines];
        min = new long[lines];
        max = new long[lines];
        sum = new long[lines];
        java.util.Arrays.fill(min, Long.MAX_VALUE);
    }

    /**
     * A device requests {@code line} now: the request goes to the controller and is counted, as
     * raised (it will be delivered) or, when the controller merges or ignores it because the line
     * is masked, as merged.
     */
    public void request(Stimulus.LineInput input, int line, long nowNs) {
        if (input.raise(line, nowNs)) {
            raised(line, nowNs);
        } else {
            raised[line]++;
            merged[line]++;
        }
    }

    /**
     * A device requests {@code line}: through {@code stats} when given (see {@link #request}), else
     * at {@code input} directly, else nowhere (a device built without a board, in a test).
     */
    public static void request(IrqStats stats, Stimulus.LineInput input, int line, long nowNs) {
        if (stats != null) {
            stats.request(input, line, nowNs);
        } else if (input != null) {
            input.raise(line, nowNs);
        }
    }

    public void raised(int line, long nowNs) {
        raised[line]++;
        if (depth[line] >= FIFO) {
            overflows++;
            unsampled[line]++;
            return;
        }
        fifo[line * FIFO + (head[line] + depth[line]) % FIFO] = nowNs;
        depth[line]++;
    }

    public void delivered(int line, long nowNs) {
        if (line <= 0 || line >= lines) {
            return;
        }
        if (depth[line] == 0) {
            if (unsampled[line] > 0) { // its raise time did not fit the FIFO: counted, no latency sample
                unsampled[line]--;
                delivered[line]++;
            }
            return;
        }
        long t0 = fifo[line * FIFO + head[line]];
        head[line] = (head[line] + 1) % FIFO;
        depth[line]--;
        long lat = nowNs - t0;
        delivered[line]++;
        sum[line] += lat;
        min[line] = Math.min(min[line], lat);
        max[line] = Math.max(max[line], lat);
    }

    public int lines() { return lines; }
    public long raisedCount(int line) { return raised[line]; }
    public long deliveredCount(int line) { return delivered[line]; }
    public long outstanding(int line) { return depth[line]; }
    /** @return requests of the line the controller merged or ignored while the kernel had it masked. */
    public long mergedCount(int line) { return merged[line]; }
    public long minNs(int line) { return delivered[line] == 0 ? 0 : min[line]; }
    public long maxNs(int line) { return max[line]; }
    public long meanNs(int line) { return delivered[line] == 0 ? 0 : sum[line] / delivered[line]; }
    /** @return raises whose time did not fit the per-line FIFO: their latency is not in the figures. */
    public long overflows() { return overflows; }
}
