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
        min = new long[lines];
        max = new long[lines];
        sum = new long[lines];
        java.util.Arrays.fill(min, Long.MAX_VALUE);
    }

    public void raised(int line, long nowNs) {
        raised[line]++;
        if (depth[line] >= FIFO) {
            overflows++;
            return;
        }
        fifo[line * FIFO + (head[line] + depth[line]) % FIFO] = nowNs;
        depth[line]++;
    }

    public void delivered(int line, long nowNs) {
        if (line <= 0 || line >= lines || depth[line] == 0) {
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
    public long minNs(int line) { return delivered[line] == 0 ? 0 : min[line]; }
    public long maxNs(int line) { return max[line]; }
    public long meanNs(int line) { return delivered[line] == 0 ? 0 : sum[line] / delivered[line]; }
    public long overflows() { return overflows; }
}
