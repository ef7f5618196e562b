package warden.kernel.api;

/** Kinds of records in the kernel's event log, with frozen ids. */
public final class EventKind {
    /** A guest access the protection unit denied: a = address, b = access kind (Access bit). */
    public static final int ACCESS_VIOLATION = 1;
    /** An illegal instruction in a guest: a = program counter. */
    public static final int ILLEGAL_INSTRUCTION = 2;
    /** A monitor call the kernel does not know: a = call id as mapped by the port. */
    public static final int UNKNOWN_CALL = 3;
    /** A monitor call refused by the kernel's checks: a = call id, b = status. */
    public static final int DENIED_CALL = 4;
    /** The first heartbeat of a partition: it has booted. */
    public static final int PARTITION_BOOTED = 5;
    /** An interrupt line with no owner fired: a = line. */
    public static final int UNOWNED_INTERRUPT = 6;
    /** A held-interrupt queue overflowed and an interrupt was dropped: a = line. */
    public static final int PENDING_OVERFLOW = 7;

    private static final String[] NAMES = {
        "none", "access-violation", "illegal-instruction", "unknown-call", "denied-call",
        "partition-booted", "unowned-interrupt", "pending-overflow"
    };

    private EventKind() {
    }

    public static String name(int kind) {
        return kind > 0 && kind < NAMES.length ? NAMES[kind] : "?";
    }
}
