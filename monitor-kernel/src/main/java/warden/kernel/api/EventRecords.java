package warden.kernel.api;

/**
 * A read-only view of the kernel's event log for reports: records are numbered by a sequence
 * number; those from {@link #oldest()} (inclusive) to {@link #sequence()} (exclusive) are still
 * held. No method allocates. Kinds are {@link EventKind} ids. Ports read the log through this
 * view, so that they depend on the kernel's api and port packages only.
 *
 * [impl->dsn~rj.architecture~1]
 */
public interface EventRecords {
    /** @return the number of records ever taken into the log (one past the newest sequence number). */
    long sequence();

    /** @return the number of records lost: overwritten before being read, or refused. */
    long dropped();

    /** @return the number of records of kind {@code eventKind} lost (overwritten or refused). */
    long droppedOf(int eventKind);

    /** @return the sequence number of the oldest record still held. */
    long oldest();

    long time(long seq);

    int kind(long seq);

    int partition(long seq);

    int core(long seq);

    long a(long seq);

    long b(long seq);
}
