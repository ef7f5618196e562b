package warden.kernel.boot;

import warden.kernel.api.SystemImage;

/**
 * Boot-time check of the partitions' update sections: a partition another one may update names an
 * existing, privileged updater other than itself, has a golden image, slots of at least that image
 * and at most {@link SystemImage#IMAGE_BYTES_MAX} bytes, both slots (A at the golden image store, B
 * at its own base) inside the monitor's memory without overlapping each other or any other
 * partition's images or slots, a load range of the slot size inside one of its regions, a trial
 * window, a version of at least 0, and a watchdog and boot timeout that judge the trial. No side
 * effects; loops bounded by the partition and region counts.
 *
 * [impl->dsn~kernel.update.boot-check~1]
 */
final class UpdateCheck {
    private UpdateCheck() {
    }

    /** @return the first partition whose update section fails a check, or -1. [impl->dsn~kernel.update.boot-check~1] */
    static int firstBad(SystemImage img) {
        for (int p = 0; p < img.partitionCount(); p++) {
            if (img.updateBy(p) != SystemImage.NO_PARTITION && !(sectionOk(img, p) && slotsApart(img, p))) {
                return p;
            }
        }
        return -1;
    }

    /** @return whether p's updater, sizes, trial, health and load range are sound.
     * [impl->dsn~kernel.update.boot-check~1] */
    static boolean sectionOk(SystemImage img, int p) {
        int by = img.updateBy(p);
        int max = img.slotMax(p);
        if (by < 0 || by >= img.partitionCount() || by == p || !img.privileged(by)) {
            return false;
        }
        if (img.imageSize(p) <= 0 || max < img.imageSize(p) || max > SystemImage.IMAGE_BYTES_MAX) {
            return false;
        }
        if (img.trialNs(p) <= 0 || img.imageVersion(p) < 0 || img.watchdogNs(p) <= 0 || img.bootTimeoutNs(p) <= 0) {
            return false;
        }
        for (int i = 0; i < img.regionCount(p); i++) { // <= REGIONS_PER_PARTITION_MAX
            int r = img.region(p, i);
            long off = img.imageLoad(p) - img.regionBase(r);
            if (off >= 0 && off <= img.regionSize(r) - max) {
                return true;
            }
        }
        return false;
    }

    /**
     * @return whether both of p's slots lie in the monitor's memory, apart from each other and from
     *     every other partition's image store and slot B. [impl->dsn~kernel.update.boot-check~1]
     */
    static boolean slotsApart(SystemImage img, int p) {
        int max = img.slotMax(p);
        if (!inMonitor(img, img.imageStore(p), max) || !inMonitor(img, img.slotB(p), max)
                || ImageCheck.overlaps(img.imageStore(p), max, img.slotB(p), max)) {
            return false;
        }
        for (int q = 0; q < img.partitionCount(); q++) {
            if (q == p) {
                continue;
            }
            int qa = img.updateBy(q) == SystemImage.NO_PARTITION ? img.imageSize(q) : img.slotMax(q);
            if (qa > 0 && (ImageCheck.overlaps(img.imageStore(p), max, img.imageStore(q), qa)
                    || ImageCheck.overlaps(img.slotB(p), max, img.imageStore(q), qa))) {
                return false;
            }
            if (img.updateBy(q) != SystemImage.NO_PARTITION
                    && (ImageCheck.overlaps(img.imageStore(p), max, img.slotB(q), img.slotMax(q))
                    || ImageCheck.overlaps(img.slotB(p), max, img.slotB(q), img.slotMax(q)))) {
                return false;
            }
        }
        return true;
    }

    /** @return whether [base, base+size) lies inside the monitor's memory. [impl->dsn~kernel.update.boot-check~1] */
    private static boolean inMonitor(SystemImage img, long base, int size) {
        return ImageCheck.fits(base, size) && base >= img.monitorBase()
                && base - img.monitorBase() <= img.monitorSize() - size;
    }
}
