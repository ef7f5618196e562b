package warden.kernel.health;

import warden.kernel.api.ChannelStat;
import warden.kernel.api.SystemImage;

/**
 * The kernel's state of each channel: the sender's published count and the receiver's consumed
 * count (frames since the channel's last reset), and the per-channel statistics (sends, receives,
 * doorbells rung, refused calls). A restart of either endpoint resets both counts of the channel
 * to 0: the ring counts as empty again (its bytes stay as they were; the endpoints' end-to-end
 * sequence counters tell stale frames from new ones); the statistics are kept. Allocated at boot.
 *
 * [impl->dsn~channel.restart~1]
 */
// justification: channel ids are below channelTotal (checked by decode, or a loop bound); p below partitionCount
@SuppressWarnings("index")
public final class ChannelCounts {
    private static final int STATS = ChannelStat.COUNT;

    private final SystemImage img;
    private final long[] published;
    private final long[] consumed;
    private final long[] stats;

    /** Boot-time: every count 0. [impl->dsn~kernel.boot~1] */
    public ChannelCounts(SystemImage image) {
        img = image;
        int n = image.channelTotal();
        published = new long[n];
        consumed = new long[n];
        stats = new long[n * STATS];
    }

    /** [impl->dsn~channel.send~1] */
    public long published(int c) {
        return published[c];
    }

    /** [impl->dsn~channel.receive~1] */
    public long consumed(int c) {
        return consumed[c];
    }

    /** Records the sender's count. [impl->dsn~channel.send~1] */
    public void publish(int c, long count) {
        published[c] = count;
    }

    /** Records the receiver's count. [impl->dsn~channel.receive~1] */
    public void consume(int c, long count) {
        consumed[c] = count;
    }

    /** Adds one to {@link ChannelStat} {@code stat} of channel c. [impl->dsn~channel.statistics~1] */
    public void count(int c, int stat) {
        stats[c * STATS + stat]++;
    }

    /**
     * @return {@link ChannelStat} {@code stat} of channel c, or its current published or consumed count.
     * [impl->dsn~channel.statistics~1]
     */
    public long stat(int c, int stat) {
        if (stat == ChannelStat.PUBLISHED) {
            return published[c];
        }
        return stat == ChannelStat.CONSUMED ? consumed[c] : stats[c * STATS + stat];
    }

    /**
     * Partition p restarts: both counts of every channel it is an endpoint of go back to 0.
     *
     * [impl->dsn~channel.restart~1]
     */
    void endpointRestarted(int p) {
        for (int c = 0; c < img.channelTotal(); c++) {
            if (img.channelSender(c) == p || img.channelReceiver(c) == p) {
                published[c] = 0;
                consumed[c] = 0;
                stats[c * STATS + ChannelStat.RESETS]++;
            }
        }
    }
}
