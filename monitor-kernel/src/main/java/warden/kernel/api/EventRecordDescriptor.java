package warden.kernel.api;

/**
 * The layout of one event-log record as the {@code EVENT_READ} monitor call writes it into the
 * caller's memory (little-endian):
 *
 * <pre>
 *   0       8          12          16       20      24              32              40
 *   +-------+----------+-----------+--------+-------+---------------+---------------+
 *   | time  | kind     | partition | core   | 0     | a             | b             |
 *   | i64 ns| i32      | i32 (-1)  | i32    | pad   | i64           | i64           |
 *   +-------+----------+-----------+--------+-------+---------------+---------------+
 * </pre>
 *
 * [impl->dsn~kernel.mcall.event-read~1]
 */
public final class EventRecordDescriptor {
    public static final int TIME_OFFSET = 0;
    public static final int KIND_OFFSET = 8;
    public static final int PARTITION_OFFSET = 12;
    public static final int CORE_OFFSET = 16;
    public static final int A_OFFSET = 24;
    public static final int B_OFFSET = 32;
    public static final int LENGTH = 40;

    private EventRecordDescriptor() {
    }
}
