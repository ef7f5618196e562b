package warden.kernel.api;

/**
 * The result codes of the kernel's boot-time image check, with frozen ids, and their names. A
 * launcher names the reason a boot was refused with {@link #name}; {@link ImageCheckResult} gives
 * the code and the offending indices of the last check.
 *
 * [impl->dsn~kernel.boot.revalidate~1]
 */
public final class ImageCheckCode {
    public static final int OK = 0;
    public static final int NO_PARTITIONS = 1;
    public static final int TOO_MANY_CORES = 2;
    public static final int BAD_CORES = 3;
    public static final int BAD_CRITICALITY = 4;
    public static final int NO_REGIONS = 5;
    public static final int BAD_REGION = 6;
    public static final int REGION_OVERLAP = 7;
    public static final int MONITOR_OVERLAP = 8;
    public static final int BAD_MONITOR = 9;
    public static final int DEVICE_OVERLAP = 10;
    public static final int BAD_DEVICE = 11;
    public static final int BAD_LINE = 12;
    public static final int DUPLICATE_LINE = 13;
    public static final int TWO_CRITICAL_ON_CORE = 14;
    public static final int CORE_OVERCOMMITTED = 15;
    /**
     * A golden image too big, not inside the monitor memory, overlapping another, or not inside a
     * region of its partition.
     */
    public static final int BAD_IMAGE = 16;
    /** A golden image whose SHA-256 differs from the partition's digest (checked by the kernel at boot). */
    public static final int IMAGE_DIGEST = 17;
    /**
     * A channel with a bad endpoint, shape, doorbell or ring (a ring must lie outside the monitor
     * memory, every region, every device and every other ring).
     */
    public static final int BAD_CHANNEL = 18;
    /**
     * An access-control entry of a mediated device with a bad partition, device (or one its
     * partition owns), register, direction, value mask or range, rate, or one that shares a
     * direction of a register with another entry of its partition.
     */
    public static final int BAD_ACL = 19;
    /**
     * A partition's snapshot whose memory cannot be tracked page by page (a writable region not
     * 4 KiB-aligned, or more than {@link RestorePoint#PAGES_MAX} pages in all), or a period &lt; 0.
     */
    public static final int BAD_SNAPSHOT = 20;
    /** A snapshot requester that is no partition of the image, or not a privileged one. */
    public static final int BAD_SNAPSHOT_REQUESTER = 21;
    /**
     * An update section with a bad updater (missing, the partition itself, not privileged), no golden
     * image, a slot size below the image or above IMAGE_BYTES_MAX, a slot outside the monitor memory
     * or overlapping another image or slot, a load range outside the partition's regions, no trial
     * window, or no watchdog or boot timeout to judge the trial.
     */
    public static final int BAD_UPDATE = 22;

    private static final String[] NAMES = {
        "OK", "NO_PARTITIONS", "TOO_MANY_CORES", "BAD_CORES", "BAD_CRITICALITY", "NO_REGIONS",
        "BAD_REGION", "REGION_OVERLAP", "MONITOR_OVERLAP", "BAD_MONITOR", "DEVICE_OVERLAP",
        "BAD_DEVICE", "BAD_LINE", "DUPLICATE_LINE", "TWO_CRITICAL_ON_CORE", "CORE_OVERCOMMITTED", "BAD_IMAGE",
        "IMAGE_DIGEST", "BAD_CHANNEL", "BAD_ACL", "BAD_SNAPSHOT", "BAD_SNAPSHOT_REQUESTER", "BAD_UPDATE"
    };

    private ImageCheckCode() {
    }

    /** @return the name of a code ("OK", "REGION_OVERLAP", ...), or "?" for an id outside the table. */
    public static String name(int code) {
        return code >= 0 && code < NAMES.length ? NAMES[code] : "?";
    }
}
