package warden.kernel.health;

import warden.kernel.api.PartitionState;
import warden.kernel.api.SystemImage;
import warden.kernel.port.Timer;
import warden.kernel.sched.VirtualTimers;

/**
 * A watchdog per partition, on the monitor timer of the partition's home core (the lowest core it
 * runs on): armed with the boot timeout when the partition starts and with its watchdog period at
 * each heartbeat; it expires when neither comes in time. The home core's monitor deadline is the
 * earliest watchdog of its partitions or the earlier end of a storm mask of one of its lines.
 * Allocated at boot; every loop is bounded by the partition count.
 *
 * [impl->dsn~health.watchdog~1]
 */
// justification: partition ids below partitionCount; home cores are lowest bits of checked core masks
@SuppressWarnings("index")
final class Watchdog {
    private final SystemImage img;
    private final PartitionTable table;
    private final VirtualTimers timers;
    private final StormLimit storm;
    private final long[] due;
    private final int[] home;

    /** Boot-time: each watchdog disarmed. [impl->dsn~health.watchdog~1] */
    Watchdog(SystemImage img, PartitionTable table, VirtualTimers timers, StormLimit storm) {
        this.img = img;
        this.table = table;
        this.timers = timers;
        this.storm = storm;
        int n = img.partitionCount();
        due = new long[n];
        home = new int[n];
        for (int p = 0; p < n; p++) {
            due[p] = Timer.NEVER;
            home[p] = Integer.numberOfTrailingZeros(img.coreMask(p));
        }
    }

    /** @return partition p's home core, where its watchdog and its records live. [impl->dsn~health.watchdog~1] */
    int home(int p) {
        return home[p];
    }

    /**
     * Arms p's watchdog {@code periodNs} after {@code now}; a period of 0 or less disarms it.
     *
     * [impl->dsn~health.watchdog~1]
     */
    void arm(int p, long periodNs, long now) {
        due[p] = periodNs > 0 ? now + periodNs : Timer.NEVER;
        reprogram(home[p]);
    }

    /** Disarms p's watchdog for good (p stopped) and reprograms its home core. [impl->dsn~health.policy~1] */
    void disarm(int p) {
        due[p] = Timer.NEVER;
        reprogram(home[p]);
    }

    /**
     * @return true when p's watchdog, homed on {@code core}, expired by {@code now}; it is disarmed
     *
     * [impl->dsn~health.watchdog~1]
     */
    boolean expired(int p, int core, long now) {
        if (home[p] == core && due[p] <= now) { // a stopped partition's due is NEVER
            due[p] = Timer.NEVER;
            return true;
        }
        return false;
    }

    /** Sets core's monitor deadline to what health needs of it now. [impl->dsn~health.watchdog~1] */
    void reprogram(int core) {
        timers.setMonitorDeadline(core, deadline(core));
    }

    /**
     * @return the earliest watchdog deadline of the partitions whose home is {@code core}, or the
     *     earlier end of a storm mask of a line routed to {@code core}.
     *
     * [impl->dsn~health.watchdog~1]
     * [impl->dsn~health.irq-storm~1]
     */
    long deadline(int core) {
        long d = Timer.NEVER;
        for (int p = 0; p < img.partitionCount(); p++) {
            if (home[p] == core && table.state(p) != PartitionState.STOPPED && due[p] < d) {
                d = due[p];
            }
        }
        return storm.earliestUnmask(core, d);
    }
}
