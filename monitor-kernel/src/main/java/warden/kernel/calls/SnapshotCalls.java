package warden.kernel.calls;

import warden.kernel.api.PartitionState;
import warden.kernel.api.Status;
import warden.kernel.api.SystemImage;
import warden.kernel.health.PartitionTable;
import warden.kernel.health.RestorePoints;

/**
 * SNAPSHOT (id 17): a privileged partition asks for a restore point of a partition whose
 * description names it as the requester. Decode has no side effects; invoke takes the snapshot
 * ({@link RestorePoints#take}), whose only failure is the port's (a page or context not saved).
 *
 * [impl->dsn~kernel.snapshot.call~1]
 */
public final class SnapshotCalls {
    private final SystemImage img;
    private final Reply reply;
    private final PartitionTable table;
    private final RestorePoints points;

    SnapshotCalls(SystemImage img, Reply reply, PartitionTable table, RestorePoints points) {
        this.img = img;
        this.reply = reply;
        this.table = table;
        this.points = points;
    }

    /**
     * @return OK when {@code caller} may snapshot partition {@code target}: INVALID_PARAM for an index
     *     outside the image; DENIED when the target has no snapshots or names another requester, or
     *     the caller is not privileged; BAD_STATE when the target is stopped
     *
     * [impl->dsn~kernel.snapshot.call~1]
     */
    public int decode(int caller, long target) {
        if (target < 0 || target >= img.partitionCount()) {
            return Status.INVALID_PARAM;
        }
        int t = (int) target;
        if (img.snapshotBy(t) != caller || !img.privileged(caller)) { // no snapshots: no requester (NO_PARTITION)
            return Status.DENIED;
        }
        return table.state(t) == PartitionState.STOPPED ? Status.BAD_STATE : Status.OK;
    }

    /** SNAPSHOT: the value is the number of pages copied. [impl->dsn~kernel.snapshot.call~1] */
    int snapshot(int core, int caller, long target, long now) {
        int st = decode(caller, target);
        if (st != Status.OK) {
            return reply.to(core, st, 0);
        }
        int pages = points.take((int) target, core, now);
        return pages < 0 ? reply.to(core, Status.FAILED, 0) : reply.to(core, Status.OK, pages);
    }
}
