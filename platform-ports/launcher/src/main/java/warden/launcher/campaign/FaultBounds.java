package warden.launcher.campaign;

import warden.emu.FaultModel;
import warden.launcher.config.PartitionSpec;
import warden.launcher.config.RtosSpec;
import warden.launcher.config.SystemDescription;
import warden.launcher.config.TaskSpec;

/**
 * The documented bounds a campaign checks each fault against: the detection bound of each fault
 * model (a detection later than it does not count), and the deadline misses a critical partition's
 * own fault may cost it (the releases that can fall between the injection and the end of its
 * recovery).
 *
 * [impl->dsn~campaign.bounds~1]
 */
final class FaultBounds {
    /** The kernel's timer supervision slack (its {@code VirtualTimers.TIMER_SLACK_NS}, documented in the README). */
    static final long TIMER_SLACK_NS = 300_000;

    private FaultBounds() {
    }

    /**
     * @return the detection bound of {@code model} in partition {@code ps}, in ns: hang and crash
     *     the longer of its watchdog period and boot timeout (the fault may hit while it boots);
     *     fault storm, isolation violation and context bit flip the same (the guest acts on them,
     *     or its context is restored, the next time it runs, which a live partition does within
     *     that time or its watchdog fires); memory corruption that plus one RTOS tick (the
     *     self-test runs every tick); deadline overrun two periods of the longest task plus a tick
     *     (the overrunning job is the next one released, found at the release after it); interrupt
     *     storm the partition's health window (the limiter's counting window); timer stop the
     *     timer supervision's slack plus the longest watchdog period of the partitions on that
     *     core (the check runs at every kernel entry, which such a core makes at least that often)
     */
    static long detectionNs(int model, PartitionSpec ps, SystemDescription d) {
        long live = Math.max(ps.watchdogNs(), ps.health().bootTimeoutNs());
        switch (model) {
            case FaultModel.DEADLINE_OVERRUN:
                return ps.workload() instanceof RtosSpec r ? 2 * longestPeriod(r) + r.tickNs() : live;
            case FaultModel.MEMORY_CORRUPTION:
                return live + (ps.workload() instanceof RtosSpec r ? r.tickNs() : 0);
            case FaultModel.INTERRUPT_STORM:
                return ps.health().windowNs();
            case FaultModel.TIMER_STOP:
                return TIMER_SLACK_NS + longestWatchdogOn(ps.cores().get(0), d);
            default:
                return live;
        }
    }

    /**
     * @return the detection bound of channel fault {@code model} on channel {@code c}, in ns, from
     *     the channel's maximum age (its receiver's timeout, so its sender sends at least that
     *     often and a frame is read within it or is stale): a bit flip in a waiting frame one
     *     maximum age (it is read within it); a lost, repeated, reordered or masquerading frame
     *     two (the sender's next send within one, its reading within the other); a flood one (its
     *     first burst at the next send fills the ring); a stopped reader the slot count plus one
     *     times it (one send per maximum age fills the ring); a delayed frame three (it is held one,
     *     written at the sender's next send within another, read within the third)
     * [impl->dsn~campaign.channel-bounds~1]
     */
    static long channelDetectionNs(int model, warden.launcher.config.ChannelSpec c) {
        switch (model) {
            case FaultModel.CHANNEL_BIT_FLIP:
            case FaultModel.CHANNEL_FLOOD:
                return c.maxAgeNs();
            case FaultModel.CHANNEL_STOP_READING:
                return (c.slots() + 1L) * c.maxAgeNs();
            case FaultModel.CHANNEL_DELAYED:
                return 3 * c.maxAgeNs();
            default:
                return 2 * c.maxAgeNs();
        }
    }

    /**
     * @return the recovery bound of a restarted partition: its boot time plus one tick (an RTOS
     *     releases its tasks at the first tick after its boot); 0 for other workloads
     */
    static long recoveryNs(PartitionSpec ps) {
        return ps.workload() instanceof RtosSpec r ? r.bootNs() + r.tickNs() : 0;
    }

    /**
     * @return the most deadline misses a fault of {@code model} may cost the critical partition
     *     it hits: per task, the releases that can fall in the detection bound plus the recovery
     *     bound, plus the job in flight at the injection and the one whose deadline straddles the
     *     end; -1 when the partition is not critical or the fault is the platform's
     */
    static long ownMisses(int model, PartitionSpec ps, SystemDescription d) {
        if (!Campaign.critical(ps) || FaultModel.platformFault(model) || !(ps.workload() instanceof RtosSpec r)) {
            return -1;
        }
        long window = detectionNs(model, ps, d) + recoveryNs(ps);
        long bound = 0;
        for (TaskSpec t : r.tasks()) {
            bound += window / t.periodNs() + 2;
        }
        return bound;
    }

    private static long longestPeriod(RtosSpec r) {
        long m = 0;
        for (TaskSpec t : r.tasks()) {
            m = Math.max(m, t.periodNs());
        }
        return m;
    }

    private static long longestWatchdogOn(int core, SystemDescription d) {
        long m = 0;
        for (PartitionSpec p : d.partitions()) {
            if (p.cores().contains(core)) {
                m = Math.max(m, p.watchdogNs());
            }
        }
        return m;
    }
}
