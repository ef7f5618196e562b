package warden.launcher.config;

import java.util.ArrayList;
import java.util.List;
import warden.kernel.api.SystemImage;

/**
 * Checks of the update sections, each at the line of the entry or field at fault: the partition
 * exists, has one section and a watchdog and boot timeout to judge its trial; the updater exists,
 * is another partition and privileged; the slot size holds the golden image, is at most 1 MiB, and
 * its load range fits a region of the partition; both slots fit the monitor memory after the image
 * store; a package to send fits the slot.
 *
 * [impl->dsn~config.check.update~1]
 */
final class UpdateChecks {
    private UpdateChecks() {
    }

    static void check(SystemDescription d, MonitorSpec m, List<Problem> out) {
        List<String> seen = new ArrayList<>();
        long[][] slots = UpdateSlots.layout(d, m);
        for (int i = 0; i < d.updates().size(); i++) { // at most 16
            UpdateSpec u = d.updates().get(i);
            int p = d.partitionIndex(u.partition());
            if (p < 0) {
                out.add(u.loc().field("partition").problem("unknown partition '" + u.partition() + "'"));
            } else if (seen.contains(u.partition())) {
                out.add(u.loc().field("partition").problem("partition '" + u.partition() + "' has two update"
                        + " sections"));
            } else {
                partition(d.partitions().get(p), u, out);
                updater(d, u, out);
                if (slots[i][1] + u.maxSize() > m.base() + m.size()) {
                    out.add(u.loc().field("maxSize").problem("the two slots of " + u.maxSize() + " bytes need "
                            + Fmt.range(slots[i][0], slots[i][1] + u.maxSize() - slots[i][0])
                            + ", after the image store; the monitor memory ends at " + Fmt.hex(m.base() + m.size())));
                }
            }
            seen.add(u.partition());
        }
    }

    private static void partition(PartitionSpec ps, UpdateSpec u, List<Problem> out) {
        if (ps.watchdogNs() <= 0 || ps.health().bootTimeoutNs() <= 0) {
            out.add(u.loc().field("partition").problem("partition '" + ps.name() + "' needs a watchdog and a"
                    + " health.bootTimeout: a new image on trial that hangs or never boots is found by them"));
        }
        if (u.maxSize() < ps.image().size() || u.maxSize() > SystemImage.IMAGE_BYTES_MAX) {
            out.add(u.loc().field("maxSize").problem("maxSize " + u.maxSize() + " bytes: a slot holds the golden"
                    + " image (" + ps.image().size() + " bytes) and at most " + SystemImage.IMAGE_BYTES_MAX));
        } else if (!loadable(ps, u.maxSize())) {
            out.add(u.loc().field("maxSize").problem("an image of maxSize " + u.maxSize() + " bytes loaded at "
                    + Fmt.hex(ps.image().load()) + " leaves every region of '" + ps.name() + "'"));
        }
        if (u.send() != null && u.send().pkg().image().length > u.maxSize()) {
            out.add(u.send().loc().field("file").problem("the package's image has " + u.send().pkg().image().length
                    + " bytes, more than maxSize " + u.maxSize()));
        }
    }

    private static void updater(SystemDescription d, UpdateSpec u, List<Problem> out) {
        int by = d.partitionIndex(u.by());
        if (by < 0) {
            out.add(u.loc().field("by").problem("unknown partition '" + u.by() + "'"));
        } else if (u.by().equals(u.partition())) {
            out.add(u.loc().field("by").problem("a partition cannot update itself: name a privileged partition"));
        } else if (!d.partitions().get(by).privileged()) {
            out.add(u.loc().field("by").problem("partition '" + u.by() + "' is not privileged: only a privileged"
                    + " partition may send updates"));
        }
    }

    private static boolean loadable(PartitionSpec ps, long size) {
        for (RegionSpec r : ps.memory()) { // at most 8
            long off = ps.image().load() - r.base();
            if (off >= 0 && off <= r.size() - size) {
                return true;
            }
        }
        return false;
    }
}
