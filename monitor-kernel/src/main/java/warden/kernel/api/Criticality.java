package warden.kernel.api;

/**
 * Criticality levels of a partition, as frozen integer ids (ISO 26262 ASIL A to D, and QM for
 * quality-managed, non-safety software). Higher ids are more critical. Plain {@code int}s rather
 * than an enum so that mission-phase code never touches {@code values()} arrays.
 *
 * [impl->dsn~kernel.image.criticality~1]
 */
public final class Criticality {
    public static final int QM = 0;
    public static final int ASIL_A = 1;
    public static final int ASIL_B = 2;
    public static final int ASIL_C = 3;
    public static final int ASIL_D = 4;
    public static final int MAX = ASIL_D;

    private static final String[] NAMES = {"QM", "ASIL-A", "ASIL-B", "ASIL-C", "ASIL-D"};

    private Criticality() {
    }

    /** @return true for ASIL A to D: a partition that carries a safety requirement. */
    public static boolean isCritical(int level) {
        return level > QM && level <= MAX;
    }

    /** @return the display name, or "?" for an id outside the table. */
    public static String name(int level) {
        if (level < 0 || level > MAX) {
            return "?";
        }
        return NAMES[level];
    }
}
