package warden.kernel.boot;

import warden.kernel.api.Access;
import warden.kernel.api.ImageCheckCode;
import warden.kernel.api.RestorePoint;
import warden.kernel.api.SystemImage;

/**
 * Boot-time check of the partitions' snapshots: a snapshotted partition's writable regions are
 * 4 KiB-aligned in base and size and hold 1 to {@link RestorePoint#PAGES_MAX} pages in all, its
 * period is not negative, and its requester is none or a privileged partition of the image. No side
 * effects; loops bounded by the partition and region counts.
 *
 * [impl->dsn~kernel.snapshot.boot-check~1]
 */
final class SnapshotCheck {
    private static final long GRANULE = RestorePoint.PAGE_BYTES - 1;

    private SnapshotCheck() {
    }

    /** @return the first partition whose snapshot fails {@link #code}, or -1. */
    static int firstBad(SystemImage img) {
        for (int p = 0; p < img.partitionCount(); p++) { // <= PARTITIONS_MAX
            if (code(img, p) != ImageCheckCode.OK) {
                return p;
            }
        }
        return -1;
    }

    /** @return OK (also for a partition without snapshots), BAD_SNAPSHOT or BAD_SNAPSHOT_REQUESTER. */
    static int code(SystemImage img, int p) {
        if (!img.snapshot(p)) {
            return ImageCheckCode.OK;
        }
        if (!pagesOk(img, p) || img.snapshotPeriodNs(p) < 0) {
            return ImageCheckCode.BAD_SNAPSHOT;
        }
        int by = img.snapshotBy(p);
        if (by != SystemImage.NO_PARTITION && (by < 0 || by >= img.partitionCount() || !img.privileged(by))) {
            return ImageCheckCode.BAD_SNAPSHOT_REQUESTER;
        }
        return ImageCheckCode.OK;
    }

    private static boolean pagesOk(SystemImage img, int p) {
        long pages = 0;
        for (int r = 0; r < img.regionCount(p); r++) { // <= REGIONS_PER_PARTITION_MAX
            int g = img.region(p, r);
            if ((img.regionPerms(g) & Access.WRITE) != 0) {
                if ((img.regionBase(g) & GRANULE) != 0 || (img.regionSize(g) & GRANULE) != 0) {
                    return false;
                }
                pages += img.regionSize(g) / RestorePoint.PAGE_BYTES;
            }
        }
        return pages > 0 && pages <= RestorePoint.PAGES_MAX;
    }
}
