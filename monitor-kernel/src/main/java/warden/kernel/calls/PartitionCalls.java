package warden.kernel.calls;

import warden.kernel.api.EventKind;
import warden.kernel.api.HealthAction;
import warden.kernel.api.Status;
import warden.kernel.api.SystemImage;
import warden.kernel.health.Health;
import warden.kernel.health.PartitionTable;
import warden.kernel.health.RestorePoints;
import warden.kernel.log.EventLog;
import warden.kernel.port.Timer;

/**
 * The partition's own life cycle: HEARTBEAT (feeds its watchdog; the first one marks it booted),
 * PARTITION_INFO (its own or, when privileged, another partition's public information),
 * PARTITION_RESET (a restart it asks for) and REPORT_FAILURE (a failure it found itself). Decode
 * has no side effects; invoke cannot fail once decode returned {@link Status#OK}.
 *
 * [impl->dsn~kernel.mcall.heartbeat~1]
 */
public final class PartitionCalls {
    private final SystemImage img;
    private final Reply reply;
    private final PartitionTable table;
    private final Health health;
    private final EventLog log;
    private final Timer timer;
    private final RestorePoints points;

    PartitionCalls(SystemImage img, Reply reply, PartitionTable table, Health health, EventLog log, Timer timer,
            RestorePoints points) {
        this.img = img;
        this.reply = reply;
        this.table = table;
        this.health = health;
        this.log = log;
        this.timer = timer;
        this.points = points;
    }

    /**
     * A heartbeat feeds the watchdog, and is the point at which the boot, one-shot and periodic
     * snapshots are taken (after the reply, so a restore resumes the partition after this call).
     *
     * [impl->dsn~kernel.mcall.heartbeat~1] [impl->dsn~kernel.snapshot.take~1]
     */
    void heartbeat(int core, int p) {
        long t = timer.now(core);
        boolean first = table.heartbeat(p, t);
        if (first) {
            log.append(t, EventKind.PARTITION_BOOTED, p, core, 0, 0);
        }
        reply.to(core, Status.OK, 0);
        health.heartbeat(p, t);
        points.heartbeat(p, core, t, first);
    }

    /**
     * A partition may read its own information; another partition's only when it is privileged.
     *
     * [impl->dsn~kernel.mcall.partition-info~1]
     */
    public int decodePartitionInfo(int caller, long index) {
        if (index == -1) {
            return Status.OK;
        }
        if (index < 0 || index >= img.partitionCount()) {
            return Status.INVALID_PARAM;
        }
        if (index != caller && !img.privileged(caller)) {
            return Status.DENIED;
        }
        return Status.OK;
    }

    /** [impl->dsn~kernel.mcall.partition-info~1] */
    int partitionInfo(int core, int p, long index) {
        int st = decodePartitionInfo(p, index);
        if (st != Status.OK) {
            return reply.to(core, st, 0);
        }
        int target = index == -1 ? p : (int) index;
        return reply.to(core, Status.OK, packInfo(target, table.state(target)));
    }

    /**
     * Packs a partition's public information: criticality in bits 7..0, state in bits 15..8,
     * core mask in bits 47..16.
     *
     * [impl->dsn~kernel.mcall.decode-invoke~1]
     */
    public long packInfo(int p, int state) {
        return (img.criticality(p) & 0xffL) | ((state & 0xffL) << 8)
                | ((img.coreMask(p) & 0xffffffffL) << 16);
    }

    /** PARTITION_RESET: the caller is restarted (not a failure). [impl->dsn~kernel.mcall.decode-invoke~1] */
    void reset(int core, int p) {
        reply.to(core, Status.OK, 0);
        health.requestedRestart(p, timer.now(core));
    }

    /** REPORT_FAILURE: the caller found a failure of its own. [impl->dsn~kernel.mcall.decode-invoke~1] */
    int reportFailure(int core, int p) {
        reply.to(core, Status.OK, 0);
        health.failure(p, HealthAction.REASON_REPORTED, timer.now(core));
        return Status.OK;
    }
}
