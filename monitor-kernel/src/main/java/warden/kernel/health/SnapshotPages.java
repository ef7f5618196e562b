package warden.kernel.health;

import warden.kernel.api.Access;
import warden.kernel.api.RestorePoint;
import warden.kernel.api.SystemImage;

/**
 * The pages a partition's snapshot holds: every 4 KiB page of its writable regions, numbered in
 * region order (page k of the snapshot is at store offset k * 4 KiB). Loops are bounded by the
 * partition's region count (at most {@code REGIONS_PER_PARTITION_MAX}).
 *
 * [impl->dsn~kernel.snapshot.take~1]
 */
final class SnapshotPages {
    private static final int PAGE = RestorePoint.PAGE_BYTES;

    private SnapshotPages() {
    }

    /** @return the pages of p's writable regions (the boot check bounds them by PAGES_MAX). */
    static int count(SystemImage img, int p) {
        long n = 0;
        for (int r = 0; r < img.regionCount(p); r++) { // <= REGIONS_PER_PARTITION_MAX
            int g = img.region(p, r);
            if ((img.regionPerms(g) & Access.WRITE) != 0) {
                n += img.regionSize(g) / PAGE;
            }
        }
        return (int) Math.min(n, RestorePoint.PAGES_MAX);
    }

    /** @return the physical address of p's k-th page, or -1 when p has fewer pages. */
    static long address(SystemImage img, int p, int k) {
        long left = k;
        for (int r = 0; r < img.regionCount(p); r++) { // <= REGIONS_PER_PARTITION_MAX
            int g = img.region(p, r);
            if ((img.regionPerms(g) & Access.WRITE) != 0) {
                long n = img.regionSize(g) / PAGE;
                if (left < n) {
                    return img.regionBase(g) + left * PAGE;
                }
                left -= n;
            }
        }
        return -1;
    }
}
