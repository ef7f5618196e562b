package warden.x86;

/**
 * Per-core count, minimum, maximum and total of a duration in virtual nanoseconds (the rich OS's
 * stall per SMI, the safety partition's tick latency). Fixed arrays; {@link #record} allocates
 * nothing.
 */
public final class LatencyStats {
    private final long[] count;
    private final long[] min;
    private final long[] max;
    private final long[] total;

    public LatencyStats(int cores) {
        count = new long[cores];
        min = new long[cores];
        max = new long[cores];
        total = new long[cores];
        java.util.Arrays.fill(min, Long.MAX_VALUE);
    }

    public void record(int core, long ns) {
        count[core]++;
        total[core] += ns;
        min[core] = Math.min(min[core], ns);
        max[core] = Math.max(max[core], ns);
    }

    public int cores() { return count.length; }
    public long count(int core) { return count[core]; }
    public long minNs(int core) { return count[core] == 0 ? 0 : min[core]; }
    public long maxNs(int core) { return max[core]; }
    public long totalNs(int core) { return total[core]; }
    public long meanNs(int core) { return count[core] == 0 ? 0 : total[core] / count[core]; }

    /** @return the largest maximum over all cores. */
    public long maxNs() {
        long m = 0;
        for (long x : max) {
            m = Math.max(m, x);
        }
        return m;
    }

    /** @return the sum of the counts over all cores. */
    public long count() {
        long n = 0;
        for (long x : count) {
            n += x;
        }
        return n;
    }
}
