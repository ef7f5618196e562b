package warden.emu.channel;

/**
 * What the E2E receiver concludes about one reception (the profile's check status, in the sense of
 * the AUTOSAR E2E Protocol Specification's profile 4 and 7 check: OK, REPEATED, WRONGSEQUENCE,
 * ERROR, NONEWDATA, plus the data id, timeout and age checks this library adds). Only {@link #OK}
 * and {@link #OK_SOME_LOST} frames are accepted: their data may be used.
 *
 * [impl->dsn~e2e.check~2]
 */
public final class Verdict {
    /** The next frame in sequence, intact, in time. */
    public static final int OK = 0;
    /** Intact and in time, but frames before it are missing (gap within the counter window). */
    public static final int OK_SOME_LOST = 1;
    /** The same counter as the last accepted frame: not used again. */
    public static final int REPEATED = 2;
    /** A gap beyond the counter window, or an older frame (reordered): not used. */
    public static final int WRONG_SEQUENCE = 3;
    /** Length out of range or CRC mismatch: not used. */
    public static final int CORRUPTED = 4;
    /** Intact, but another data id (a masquerading or misrouted frame): not used. */
    public static final int WRONG_DATA_ID = 5;
    /** Nothing new since the last reception, still within the maximum age. */
    public static final int NO_NEW_DATA = 6;
    /** Nothing valid within the maximum age since the last valid frame (or the last timeout). */
    public static final int TIMEOUT = 7;
    /** Intact, but older than the maximum age when it was read (delayed in transit): not used. */
    public static final int STALE = 8;
    /** Number of verdicts. */
    public static final int COUNT = 9;

    private static final String[] NAMES = {
        "ok", "ok-some-lost", "repeated", "wrong-sequence", "corrupted", "wrong-data-id", "no-new-data",
        "timeout", "stale"
    };

    private Verdict() {
    }

    /** @return the verdict's name as reports print it, or "unknown". */
    public static String name(int verdict) {
        return verdict >= 0 && verdict < COUNT ? NAMES[verdict] : "unknown";
    }

    /** @return whether a frame with this verdict may be used. */
    public static boolean accepted(int verdict) {
        return verdict == OK || verdict == OK_SOME_LOST;
    }

    /** @return whether the verdict counts as an error in the state machine's window. */
    public static boolean error(int verdict) {
        return verdict == WRONG_SEQUENCE || verdict == CORRUPTED || verdict == WRONG_DATA_ID
            || verdict == TIMEOUT || verdict == STALE;
    }
}
