package warden.kernel.api;

/**
 * The access-control list of mediated devices: its bounds, the reasons a DEVICE_READ or
 * DEVICE_WRITE is refused, and the packing of a refusal into the {@link EventKind#DEVICE_DENIED}
 * record. An entry allows one partition one register (a 32-bit register at a byte offset of a
 * device's window) in the directions of its access bits ({@link Access#READ}, {@link Access#WRITE});
 * a written value must have no bit outside the entry's mask and lie in [min, max]; at most
 * {@code rate} allowed accesses per window of {@code windowNs} (rate 0: no limit). The window of
 * an entry starts at its first allowed access after the previous window ended.
 *
 * <pre>
 *   DEVICE_DENIED a:  63..48 0 | 47..40 reason | 39..32 direction | 31..16 device | 15..0 offset
 * </pre>
 *
 * [impl->dsn~kernel.device.acl~1]
 */
public final class DeviceAcl {
    /** Most entries of one image. */
    public static final int ENTRIES_MAX = 64;
    /** Largest register offset a device call can name (16 bits of its first argument). */
    public static final int OFFSET_MAX = 0xFFFF;
    /** Largest value of a 32-bit register. */
    public static final long VALUE_MAX = 0xFFFF_FFFFL;
    /** No entry allows this partition this register in this direction. */
    public static final int NOT_LISTED = 1;
    /** The entry allows the register, but not the written value (outside its mask or range). */
    public static final int VALUE = 2;
    /** The entry's rate limit is used up in its current window. */
    public static final int RATE = 3;
    /** The allowed access met a bus error at the port (the access did not complete). */
    public static final int BUS_ERROR = 4;

    private static final String[] REASONS = {"none", "not-listed", "value-out-of-range", "rate-exceeded", "bus-error"};

    private DeviceAcl() {
    }

    /**
     * @return the {@code a} word of a DEVICE_DENIED record: reason, direction (Access bit) and
     *     the low 32 bits of the call's target (device, offset). [impl->dsn~kernel.device.denial-log~1]
     */
    public static long denial(int reason, int direction, long target) {
        return ((long) (reason & 0xFF) << 40) | ((long) (direction & 0xFF) << 32) | (target & 0xFFFF_FFFFL);
    }

    /** @return the reason of a DEVICE_DENIED record's {@code a} word. */
    public static int reasonOf(long a) {
        return (int) (a >>> 40) & 0xFF;
    }

    /** @return the direction (Access.READ or Access.WRITE) of a DEVICE_DENIED record's {@code a} word. */
    public static int directionOf(long a) {
        return (int) (a >>> 32) & 0xFF;
    }

    /** @return the device index of a DEVICE_DENIED record's {@code a} word. */
    public static int deviceOf(long a) {
        return (int) (a >>> 16) & 0xFFFF;
    }

    /** @return the register offset of a DEVICE_DENIED record's {@code a} word. */
    public static int offsetOf(long a) {
        return (int) a & 0xFFFF;
    }

    /** @return the name of a refusal reason ("not-listed", ...), or "?". */
    public static String reasonName(int reason) {
        return reason > 0 && reason < REASONS.length ? REASONS[reason] : "?";
    }
}
