package warden.kernel.log;

import warden.kernel.api.EventRecords;

/**
 * A preallocated ring of monitor events (faults, violations, boots). Appending never allocates
 * and never blocks; when full, the oldest record is overwritten and {@link #dropped()} counts it.
 *
 * <pre>
 *   record i:  time[i] | kind[i] | partition[i] | core[i] | a[i] | b[i]
 *   position = sequence % CAPACITY
 * </pre>
 *
 * [impl->dsn~kernel.event-log~1]
 */
public final class EventLog implements EventRecords {
    public static final int CAPACITY = 1024;
    /** CAPACITY is a power of two: {@code seq & MASK == seq % CAPACITY} for every seq >= 0. */
    private static final int MASK = CAPACITY - 1;

    private final long[] time = new long[CAPACITY];
    private final int[] kind = new int[CAPACITY];
    private final int[] partition = new int[CAPACITY];
    private final int[] core = new int[CAPACITY];
    private final long[] a = new long[CAPACITY];
    private final long[] b = new long[CAPACITY];
    private long next;

    /** Appends a record. Mission-safe. */
    public void append(long nowNs, int eventKind, int p, int c, long argA, long argB) {
        int i = (int) (next & MASK);
        time[i] = nowNs;
        kind[i] = eventKind;
        partition[i] = p;
        core[i] = c;
        a[i] = argA;
        b[i] = argB;
        next++;
    }

    /** @return the number of records ever appended. */
    public long sequence() {
        return next;
    }

    /** @return the number of records overwritten before being read. */
    public long dropped() {
        return next > CAPACITY ? next - CAPACITY : 0;
    }

    /** @return the sequence number of the oldest record still held. */
    public long oldest() {
        return next > CAPACITY ? next - CAPACITY : 0;
    }

    public long time(long seq) { return time[(int) (seq & MASK)]; }
    public int kind(long seq) { return kind[(int) (seq & MASK)]; }
    public int partition(long seq) { return partition[(int) (seq & MASK)]; }
    public int core(long seq) { return core[(int) (seq & MASK)]; }
    public long a(long seq) { return a[(int) (seq & MASK)]; }
    public long b(long seq) { return b[(int) (seq & MASK)]; }
}
