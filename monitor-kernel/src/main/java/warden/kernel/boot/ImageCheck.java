package warden.kernel.boot;

import static warden.kernel.api.ImageCheckCode.OK;
import static warden.kernel.api.ImageCheckCode.NO_PARTITIONS;
import static warden.kernel.api.ImageCheckCode.TOO_MANY_CORES;
import static warden.kernel.api.ImageCheckCode.BAD_CORES;
import static warden.kernel.api.ImageCheckCode.BAD_CRITICALITY;
import static warden.kernel.api.ImageCheckCode.NO_REGIONS;
import static warden.kernel.api.ImageCheckCode.BAD_REGION;
import static warden.kernel.api.ImageCheckCode.REGION_OVERLAP;
import static warden.kernel.api.ImageCheckCode.MONITOR_OVERLAP;
import static warden.kernel.api.ImageCheckCode.BAD_MONITOR;
import static warden.kernel.api.ImageCheckCode.DEVICE_OVERLAP;
import static warden.kernel.api.ImageCheckCode.BAD_DEVICE;
import static warden.kernel.api.ImageCheckCode.BAD_LINE;
import static warden.kernel.api.ImageCheckCode.DUPLICATE_LINE;
import static warden.kernel.api.ImageCheckCode.TWO_CRITICAL_ON_CORE;
import static warden.kernel.api.ImageCheckCode.CORE_OVERCOMMITTED;
import static warden.kernel.api.ImageCheckCode.BAD_IMAGE;
import static warden.kernel.api.ImageCheckCode.IMAGE_DIGEST;
import static warden.kernel.api.ImageCheckCode.BAD_CHANNEL;
import static warden.kernel.api.ImageCheckCode.BAD_ACL;
import static warden.kernel.api.ImageCheckCode.BAD_UPDATE;

import warden.kernel.api.Access;
import warden.kernel.api.Criticality;
import warden.kernel.api.ImageCheckResult;
import warden.kernel.api.SystemImage;

/**
 * Boot-time validation of a {@link SystemImage}, run by the kernel even though the launcher has
 * validated the description already (defence in depth). It has no side effects; it returns a
 * frozen result code and records the indices of the offending items in {@link #first()} and
 * {@link #second()} so that a caller can name them.
 *
 * <p>Every loop is bounded by a table size of {@link SystemImage} ({@code *_MAX}).
 *
 * [impl->dsn~kernel.boot.revalidate~1]
 */
public final class ImageCheck implements ImageCheckResult {
    /** Partitions that may share one core. */
    public static final int PARTITIONS_PER_CORE_MAX = 4;

    private int lastCode = OK;
    private int first = -1;
    private int second = -1;

    /** @return the code the last {@link #check} returned. */
    public int lastCode() {
        return lastCode;
    }

    /** @return the first offending index of the last check (partition, region, device or line). */
    public int first() {
        return first;
    }

    /** @return the second offending index of the last check, or -1. */
    public int second() {
        return second;
    }

    /** Runs every check against an image for a platform with {@code platformCores} cores. */
    public int check(SystemImage img, int platformCores) {
        first = -1;
        second = -1;
        int r = checkShape(img, platformCores);
        if (r == OK) {
            r = checkRegions(img);
        }
        if (r == OK) {
            r = checkDevices(img);
        }
        if (r == OK) {
            r = checkLines(img);
        }
        if (r == OK) {
            r = checkCores(img);
        }
        if (r == OK) {
            r = checkImages(img);
        }
        if (r == OK) {
            int c = ChannelCheck.firstBad(img);
            r = c < 0 ? OK : fail(BAD_CHANNEL, c, -1);
        }
        if (r == OK) {
            int e = DeviceAclCheck.firstBad(img);
            r = e < 0 ? OK : fail(BAD_ACL, e, -1);
        }
        if (r == OK) {
            int p = SnapshotCheck.firstBad(img);
            r = p < 0 ? OK : fail(SnapshotCheck.code(img, p), p, -1);
        }
        if (r == OK) {
            int u = UpdateCheck.firstBad(img);
            r = u < 0 ? OK : fail(BAD_UPDATE, u, img.updateBy(u));
        }
        lastCode = r;
        return r;
    }

    private int fail(int code, int a, int b) {
        first = a;
        second = b;
        return code;
    }

    private int checkShape(SystemImage img, int platformCores) {
        int n = img.partitionCount();
        if (n <= 0 || n > SystemImage.PARTITIONS_MAX) {
            return fail(NO_PARTITIONS, -1, -1);
        }
        if (img.coreCount() <= 0) {
            return fail(BAD_CORES, -1, img.coreCount()); // the image itself names no core
        }
        if (img.coreCount() > platformCores || img.coreCount() > SystemImage.CORES_MAX) {
            return fail(TOO_MANY_CORES, img.coreCount(), platformCores);
        }
        if (img.monitorSize() <= 0 || !fits(img.monitorBase(), img.monitorSize())) {
            return fail(BAD_MONITOR, -1, -1);
        }
        int allCores = (1 << img.coreCount()) - 1;
        for (int p = 0; p < n; p++) {
            int mask = img.coreMask(p);
            if (mask == 0 || (mask & ~allCores) != 0) {
                return fail(BAD_CORES, p, -1);
            }
            if (img.criticality(p) < Criticality.QM || img.criticality(p) > Criticality.MAX) {
                return fail(BAD_CRITICALITY, p, -1);
            }
            if (img.regionCount(p) <= 0) {
                return fail(NO_REGIONS, p, -1);
            }
        }
        return OK;
    }

    /**
     * Golden images: at most IMAGE_BYTES_MAX bytes, kept inside the monitor memory without overlap,
     * and loaded entirely inside one region of their own partition (the monitor writes the copy, so
     * the partition's own access rights do not matter: code is typically loaded into an rx region).
     */
    private int checkImages(SystemImage img) {
        int n = img.partitionCount();
        for (int p = 0; p < n; p++) {
            int size = img.imageSize(p);
            if (size == 0) {
                continue;
            }
            long store = img.imageStore(p);
            if (size < 0 || size > SystemImage.IMAGE_BYTES_MAX || !fits(store, size)
                    || store < img.monitorBase() || store - img.monitorBase() > img.monitorSize() - size) {
                return fail(BAD_IMAGE, p, -1);
            }
            boolean loadable = false;
            for (int i = 0; i < img.regionCount(p); i++) {
                int r = img.region(p, i);
                long off = img.imageLoad(p) - img.regionBase(r);
                if (off >= 0 && off <= img.regionSize(r) - size) {
                    loadable = true;
                }
            }
            if (!loadable) {
                return fail(BAD_IMAGE, p, -1);
            }
            for (int q = 0; q < n && q < p; q++) {
                if (img.imageSize(q) > 0 && overlaps(store, size, img.imageStore(q), img.imageSize(q))) {
                    return fail(BAD_IMAGE, p, q);
                }
            }
        }
        return OK;
    }

    /** Records a failed digest at boot (the kernel, not the image shape, found it). */
    public void digestFailed(int p) {
        lastCode = fail(IMAGE_DIGEST, p, -1);
    }

    private int checkRegions(SystemImage img) {
        int total = img.regionTotal();
        for (int r = 0; r < total; r++) {
            long base = img.regionBase(r);
            long size = img.regionSize(r);
            int perms = img.regionPerms(r);
            if (size <= 0 || !fits(base, size) || perms == 0 || (perms & ~Access.ALL) != 0) {
                return fail(BAD_REGION, r, -1);
            }
            if (overlaps(base, size, img.monitorBase(), img.monitorSize())) {
                return fail(MONITOR_OVERLAP, r, -1);
            }
            for (int o = r + 1; o < total; o++) {
                if (overlaps(base, size, img.regionBase(o), img.regionSize(o))) {
                    return fail(REGION_OVERLAP, r, o);
                }
            }
        }
        return OK;
    }

    private int checkDevices(SystemImage img) {
        int total = img.deviceTotal();
        for (int d = 0; d < total; d++) {
            long base = img.deviceBase(d);
            long size = img.deviceSize(d);
            int owner = img.deviceOwner(d);
            if (size <= 0 || !fits(base, size) || owner < 0 || owner >= img.partitionCount()) {
                return fail(BAD_DEVICE, d, -1);
            }
            if (overlaps(base, size, img.monitorBase(), img.monitorSize())) {
                return fail(MONITOR_OVERLAP, d, -1);
            }
            for (int o = d + 1; o < total; o++) {
                if (overlaps(base, size, img.deviceBase(o), img.deviceSize(o))) {
                    return fail(DEVICE_OVERLAP, d, o);
                }
            }
            for (int r = 0; r < img.regionTotal(); r++) {
                if (overlaps(base, size, img.regionBase(r), img.regionSize(r))) {
                    return fail(DEVICE_OVERLAP, d, r);
                }
            }
        }
        return OK;
    }

    private int checkLines(SystemImage img) {
        if (img.duplicateLine() != 0) {
            return fail(DUPLICATE_LINE, img.duplicateLine(), -1);
        }
        for (int l = 1; l < SystemImage.LINES_MAX; l++) {
            int owner = img.lineOwner(l);
            if (owner == SystemImage.NO_PARTITION) {
                continue;
            }
            if (owner < 0 || owner >= img.partitionCount()) {
                return fail(BAD_LINE, l, -1);
            }
            int core = img.lineCore(l);
            if (core < 0 || core >= img.coreCount() || (img.coreMask(owner) & (1 << core)) == 0) {
                return fail(BAD_LINE, l, owner);
            }
            if (img.linePriority(l) < 1 || img.linePriority(l) > 7) {
                return fail(BAD_LINE, l, owner);
            }
        }
        return OK;
    }

    private int checkCores(SystemImage img) {
        for (int c = 0; c < img.coreCount(); c++) {
            int critical = -1;
            int sharing = 0;
            for (int p = 0; p < img.partitionCount(); p++) {
                if ((img.coreMask(p) & (1 << c)) == 0) {
                    continue;
                }
                sharing++;
                if (Criticality.isCritical(img.criticality(p))) {
                    if (critical >= 0) {
                        return fail(TWO_CRITICAL_ON_CORE, critical, p);
                    }
                    critical = p;
                }
            }
            if (sharing > PARTITIONS_PER_CORE_MAX) {
                return fail(CORE_OVERCOMMITTED, c, sharing);
            }
        }
        return OK;
    }

    /** @return true when [base, base+size) does not wrap past 2^64 and base is non-negative. */
    static boolean fits(long base, long size) {
        return base >= 0 && size > 0 && base + size > base;
    }

    /** @return true when two non-empty ranges share at least one byte (overflow-safe). */
    static boolean overlaps(long aBase, long aSize, long bBase, long bSize) {
        return aBase < bBase + bSize && bBase < aBase + aSize;
    }
}
