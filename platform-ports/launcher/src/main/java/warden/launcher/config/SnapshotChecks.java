package warden.launcher.config;

import java.util.List;
import warden.kernel.api.Access;
import warden.kernel.api.HealthAction;
import warden.kernel.api.RestorePoint;

/**
 * Checks of the partitions' snapshots and of {@code restore} as a healing action, each at the line
 * at fault: a snapshot's requester is another partition of the description and privileged; the
 * writable regions of a snapshotted partition are 4 KiB-aligned (the page granule of dirty
 * tracking) and hold at most {@link RestorePoint#PAGES_MAX} pages; {@code onFailure: restore} needs
 * a {@code snapshot} block.
 *
 * [impl->dsn~config.snapshot~1]
 */
final class SnapshotChecks {
    private static final long GRANULE = RestorePoint.PAGE_BYTES - 1;

    private SnapshotChecks() {
    }

    static void check(SystemDescription d, List<Problem> out) {
        for (PartitionSpec ps : d.partitions()) { // at most 16
            SnapshotSpec s = ps.snapshot();
            if (s == null) {
                if (ps.health().onFailure() == HealthAction.RESTORE) {
                    out.add(ps.health().loc().field("onFailure").problem("partition '" + ps.name()
                            + "' heals by restore but has no snapshot to restore: add a 'snapshot' block"
                            + " (e.g. snapshot: {at: [boot]})"));
                }
                continue;
            }
            requester(d, ps, s, out);
            long pages = 0;
            for (RegionSpec r : ps.memory()) { // at most 8
                if ((r.perms() & Access.WRITE) == 0) {
                    continue;
                }
                if ((r.base() & GRANULE) != 0 || (r.size() & GRANULE) != 0) {
                    out.add(s.loc().problem("partition '" + ps.name() + "' has snapshots, so its writable region"
                            + " at " + Fmt.hex(r.base()) + " must be 4 KiB-aligned in base and size (snapshots"
                            + " track written memory in 4 KiB pages)"));
                }
                pages += r.size() / RestorePoint.PAGE_BYTES;
            }
            if (pages > RestorePoint.PAGES_MAX) {
                out.add(s.loc().problem("partition '" + ps.name() + "' has " + pages + " pages of writable memory;"
                        + " a snapshot holds at most " + RestorePoint.PAGES_MAX + " (256 MiB)"));
            }
        }
    }

    private static void requester(SystemDescription d, PartitionSpec ps, SnapshotSpec s, List<Problem> out) {
        if (s.requester() == null) {
            return;
        }
        int i = d.partitionIndex(s.requester());
        if (i < 0) {
            out.add(s.requesterLoc().problem("onRequestBy names '" + s.requester() + "', which is no partition"));
        } else if (!d.partitions().get(i).privileged()) {
            out.add(s.requesterLoc().problem("onRequestBy names '" + s.requester() + "', which is not privileged:"
                    + " only a privileged partition may request snapshots (privileged: true)"));
        }
    }
}
