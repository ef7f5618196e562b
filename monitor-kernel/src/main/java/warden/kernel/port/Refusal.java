package warden.kernel.port;

/**
 * Why a protection unit refused {@link ProtectionUnit#protectMonitor} or
 * {@link ProtectionUnit#addRegion}: the status code says that it refused, this code says why, so
 * that a validator can name the cause instead of guessing it from the status. Frozen values.
 *
 * [impl->dsn~kernel.protection-refusal~1]
 */
public final class Refusal {
    /** The last call succeeded (or none was made). */
    public static final int NONE = 0;
    /** Base or size is not a multiple of the unit's granule (or not a range it can encode exactly). */
    public static final int MISALIGNED = 1;
    /** The range overlaps the monitor's memory, which no partition may be given. */
    public static final int OVERLAPS_MONITOR = 2;
    /** The range overlaps another range of the same slot and the unit cannot express overlap. */
    public static final int OVERLAPS_REGION = 3;
    /** The unit has no entries left for the range. */
    public static final int NO_ENTRIES = 4;
    /** The unit cannot express these access permissions. */
    public static final int UNSUPPORTED_ACCESS = 5;
    /** The range lies (partly) beyond the addresses the unit covers, or is empty. */
    public static final int OUT_OF_RANGE = 6;
    /** The range straddles a boundary the unit protects as a whole (x86: the SMRR range). */
    public static final int STRADDLES_BOUNDARY = 7;
    /** The slot would mix ranges the unit confines in different ways (x86: inside and outside SMRAM). */
    public static final int MIXED_WORLDS = 8;
    /** The monitor range cannot be placed there (x86: outside SMRAM, or not holding every SMI handler). */
    public static final int MONITOR_PLACEMENT = 9;
    /** A slot number outside the unit's table. */
    public static final int BAD_SLOT = 10;
    /** The call came in the wrong order (for example the monitor after a slot). */
    public static final int BAD_STATE = 11;

    private static final String[] NAMES = {
        "NONE", "MISALIGNED", "OVERLAPS_MONITOR", "OVERLAPS_REGION", "NO_ENTRIES", "UNSUPPORTED_ACCESS",
        "OUT_OF_RANGE", "STRADDLES_BOUNDARY", "MIXED_WORLDS", "MONITOR_PLACEMENT", "BAD_SLOT", "BAD_STATE"
    };

    private Refusal() {
    }

    /** @return the name of a refusal code, or "?" when it is not one. */
    public static String name(int refusal) {
        if (refusal < 0 || refusal >= NAMES.length) {
            return "?";
        }
        return NAMES[refusal];
    }
}
