package warden.kernel.log;

import warden.kernel.api.EventKind;
import warden.kernel.api.EventRecords;

/**
 * A preallocated ring of monitor events (faults, violations, boots). Appending never allocates
 * and never blocks. Records are of two priorities: safety records (a partition booted, and every
 * health event from {@link EventKind#FAILURE_DETECTED} on: failures, restarts, recoveries, stops,
 * the safe state, storms, context and image checks, timer faults) and diagnostic records (denied
 * accesses and calls, denied mediated device accesses and update calls, unowned or lost
 * interrupts; the update's verified, switched, committed, rolled-back and aborted records are
 * safety records). When the ring
 * is full a new record overwrites the oldest, unless the oldest is a safety record and the new one
 * is not: then the new one is refused. Either way the lost record is counted per kind
 * ({@link #droppedOf(int)}), so a flood of diagnostic records never pushes a safety record out of
 * the log.
 *
 * <pre>
 *   record i:  time[i] | kind[i] | partition[i] | core[i] | a[i] | b[i]
 *   position = sequence % CAPACITY
 * </pre>
 *
 * [impl->dsn~kernel.event-log~2]
 */
public final class EventLog implements EventRecords {
    public static final int CAPACITY = 1024;
    /** CAPACITY is a power of two: {@code seq & MASK == seq % CAPACITY} for every seq >= 0. */
    private static final int MASK = CAPACITY - 1;
    /** Size of the per-kind drop counters, a power of two above every {@link EventKind} id. */
    public static final int KINDS = 32;
    private static final int KIND_MASK = KINDS - 1;

    private final long[] time = new long[CAPACITY];
    private final int[] kind = new int[CAPACITY];
    private final int[] partition = new int[CAPACITY];
    private final int[] core = new int[CAPACITY];
    private final long[] a = new long[CAPACITY];
    private final long[] b = new long[CAPACITY];
    private final long[] droppedByKind = new long[KINDS];
    private long next;
    private long dropped;

    /**
     * Appends a record, or refuses it when the ring is full, its oldest record is a safety record
     * and this one is not. Mission-safe.
     */
    public void append(long nowNs, int eventKind, int p, int c, long argA, long argB) {
        int i = (int) (next & MASK);
        if (next >= CAPACITY) {
            boolean refuse = safety(kind[i]) && !safety(eventKind);
            droppedByKind[(refuse ? eventKind : kind[i]) & KIND_MASK]++;
            dropped++;
            if (refuse) {
                return;
            }
        }
        time[i] = nowNs;
        kind[i] = eventKind;
        partition[i] = p;
        core[i] = c;
        a[i] = argA;
        b[i] = argB;
        next++;
    }

    /** @return whether records of {@code eventKind} are safety records (never pushed out by others). */
    public static boolean safety(int eventKind) {
        return eventKind == EventKind.PARTITION_BOOTED
                || eventKind >= EventKind.FAILURE_DETECTED && eventKind != EventKind.DEVICE_DENIED
                && eventKind != EventKind.UPDATE_REFUSED;
    }

    /** @return the number of records held or overwritten (one past the newest sequence number). */
    public long sequence() {
        return next;
    }

    /** @return the number of records lost: overwritten before being read, or refused. */
    public long dropped() {
        return dropped;
    }

    /** @return the number of records of {@code eventKind} lost (overwritten or refused). */
    public long droppedOf(int eventKind) {
        return eventKind >= 0 && eventKind < KINDS ? droppedByKind[eventKind & KIND_MASK] : 0;
    }

    /** @return the sequence number of the oldest record still held. */
    public long oldest() {
        return Math.max(0, next - CAPACITY);
    }

    public long time(long seq) { return time[(int) (seq & MASK)]; }
    public int kind(long seq) { return kind[(int) (seq & MASK)]; }
    public int partition(long seq) { return partition[(int) (seq & MASK)]; }
    public int core(long seq) { return core[(int) (seq & MASK)]; }
    public long a(long seq) { return a[(int) (seq & MASK)]; }
    public long b(long seq) { return b[(int) (seq & MASK)]; }
}
