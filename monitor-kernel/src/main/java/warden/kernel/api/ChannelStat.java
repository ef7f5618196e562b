package warden.kernel.api;

/**
 * The per-channel statistics the kernel keeps, with frozen ids and names (the run report's field
 * names): accepted sends and receives, doorbells rung, refused channel calls, resets by an
 * endpoint's restart and end-to-end failures its receiver reported; and two views of the current
 * counts.
 *
 * [impl->dsn~channel.statistics~1]
 */
public final class ChannelStat {
    /** Accepted CHANNEL_SEND calls. */
    public static final int SENDS = 0;
    /** Accepted CHANNEL_RECEIVE calls. */
    public static final int RECEIVES = 1;
    /** Doorbells rung (delivered at once or held for the receiver). */
    public static final int DOORBELLS = 2;
    /** Channel calls on an existing channel refused with DENIED or INVALID_PARAM. */
    public static final int DENIED = 3;
    /** Resets of the channel's counts by a restart of one of its endpoints. */
    public static final int RESETS = 4;
    /** End-to-end failures its receiver reported (REPORT_FAILURE with MonitorCall.FAILURE_CHANNEL). */
    public static final int FAILURES = 5;
    /** Number of statistics (kept by the kernel's per-channel table). */
    public static final int COUNT = 6;
    /** Not a statistic: the channel's current published count (since its last reset). */
    public static final int PUBLISHED = 6;
    /** Not a statistic: the channel's current consumed count (since its last reset). */
    public static final int CONSUMED = 7;
    /** One past the last id {@code Monitor.channelStat} answers. */
    public static final int VIEWS = 8;

    private static final String[] NAMES = {"sends", "receives", "doorbells", "denied", "resets", "failures",
        "published", "consumed"};

    private ChannelStat() {
    }

    /** @return the statistic's name, or "?" for an id outside the table. */
    public static String name(int id) {
        return id >= 0 && id < VIEWS ? NAMES[id] : "?";
    }
}
