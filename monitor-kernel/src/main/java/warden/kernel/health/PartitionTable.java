package warden.kernel.health;

import warden.kernel.api.PartitionState;
import warden.kernel.api.SystemImage;

/**
 * The life-cycle record of each partition, with one owner: its {@link PartitionState}, when it
 * booted (its first heartbeat), its last heartbeat and how often it was restarted. The heartbeat
 * call records the heartbeats; the health monitor records restarts and stops. Allocated at boot.
 *
 * [impl->dsn~kernel.mcall.heartbeat~1]
 */
// justification: partition ids are below partitionCount (the running partition, a loop, or a checked index)
@SuppressWarnings("index")
public final class PartitionTable {
    private final int[] state;
    private final long[] bootTime;
    private final long[] lastHeartbeat;
    private final int[] restarts;
    private final ChannelCounts channels;

    /**
     * Boot-time: every partition BOOTING, with no heartbeat yet.
     *
     * [impl->dsn~kernel.boot~1]
     * [impl->dsn~kernel.phases~1]
     */
    public PartitionTable(SystemImage image) {
        int n = image.partitionCount();
        state = new int[n];
        bootTime = new long[n];
        lastHeartbeat = new long[n];
        restarts = new int[n];
        channels = new ChannelCounts(image);
        for (int p = 0; p < n; p++) {
            bootTime[p] = -1;
            lastHeartbeat[p] = -1;
        }
    }

    /**
     * Partition p sent a heartbeat at {@code t}.
     *
     * @return true when it was its first since it started (it is RUNNING from now)
     *
     * [impl->dsn~kernel.mcall.heartbeat~1]
     */
    public boolean heartbeat(int p, long t) {
        if (bootTime[p] < 0) {
            bootTime[p] = t;
        }
        lastHeartbeat[p] = t;
        if (state[p] == PartitionState.BOOTING) {
            state[p] = PartitionState.RUNNING;
            return true;
        }
        return false;
    }

    /**
     * Partition p restarts from its entry point; its channels are reset. @return its restarts so far.
     * [impl->dsn~health.restart~1] [impl->dsn~channel.restart~1]
     */
    int restarted(int p) {
        channels.endpointRestarted(p);
        restarts[p]++;
        state[p] = PartitionState.BOOTING;
        return restarts[p];
    }

    /** Partition p is taken out of scheduling for good. [impl->dsn~health.policy~1] */
    void stopped(int p) {
        state[p] = PartitionState.STOPPED;
    }

    /** [impl->dsn~kernel.mcall.heartbeat~1] */
    public int state(int p) {
        return state[p];
    }

    /** [impl->dsn~kernel.mcall.heartbeat~1] */
    public long bootTimeNs(int p) {
        return bootTime[p];
    }

    /** [impl->dsn~kernel.mcall.heartbeat~1] */
    public long lastHeartbeatNs(int p) {
        return lastHeartbeat[p];
    }

    /** [impl->dsn~health.restart~1] */
    public int restarts(int p) {
        return restarts[p];
    }

    /** @return the counts of the channels, reset with an endpoint's restart. [impl->dsn~channel.restart~1] */
    public ChannelCounts channels() {
        return channels;
    }
}
