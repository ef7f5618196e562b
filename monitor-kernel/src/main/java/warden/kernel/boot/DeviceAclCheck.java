package warden.kernel.boot;

import warden.kernel.api.Access;
import warden.kernel.api.DeviceAcl;
import warden.kernel.api.SystemImage;

/**
 * Boot-time check of an image's access-control list of mediated devices (at most
 * {@link DeviceAcl#ENTRIES_MAX} entries, which the builder's table holds): each entry names an
 * existing partition and device that partition does not own, a 4-byte aligned register inside the
 * device's window (below
 * {@link DeviceAcl#OFFSET_MAX}), one or both of read and write, a mask and a range of 32-bit values
 * with min &lt;= max, a rate &gt;= 0 and, with a rate, a window &gt; 0; no two entries of the same
 * partition, device and register share a direction (so at most one entry decides an access); a
 * preset is a value the entry itself would let its partition write, on at most one entry of its
 * register. No side effects; loops bounded by the table size.
 *
 * [impl->dsn~kernel.device.boot-check~1]
 */
final class DeviceAclCheck {
    private DeviceAclCheck() {
    }

    /** @return the first entry that fails a check, or -1. [impl->dsn~kernel.device.boot-check~1] */
    static int firstBad(SystemImage img) {
        for (int e = 0; e < img.aclTotal(); e++) { // <= ENTRIES_MAX: SystemImageBuilder.aclEntry
            if (!entryOk(img, e) || !alone(img, e) || !presetOk(img, e)) {
                return e;
            }
        }
        return -1;
    }

    private static boolean entryOk(SystemImage img, int e) {
        int p = img.aclPartition(e);
        int d = img.aclDevice(e);
        if (p < 0 || p >= img.partitionCount() || d < 0 || d >= img.deviceTotal() || img.deviceOwner(d) == p) {
            return false;
        }
        int off = img.aclOffset(e);
        int acc = img.aclAccess(e);
        if (off < 0 || off > DeviceAcl.OFFSET_MAX - 3 || (off & 3) != 0 || off + 4 > img.deviceSize(d)
                || acc == 0 || (acc & ~(Access.READ | Access.WRITE)) != 0) {
            return false;
        }
        long mask = img.aclMask(e);
        long min = img.aclMin(e);
        long max = img.aclMax(e);
        return mask >= 0 && mask <= DeviceAcl.VALUE_MAX && min >= 0 && min <= max && max <= DeviceAcl.VALUE_MAX
                && img.aclRate(e) >= 0 && (img.aclRate(e) == 0 || img.aclWindowNs(e) > 0);
    }

    private static boolean alone(SystemImage img, int e) {
        for (int o = 0; o < img.aclTotal(); o++) { // <= ENTRIES_MAX; the entries before e
            if (o < e && img.aclPartition(o) == img.aclPartition(e) && img.aclDevice(o) == img.aclDevice(e)
                    && img.aclOffset(o) == img.aclOffset(e) && (img.aclAccess(o) & img.aclAccess(e)) != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * @return whether entry e has no preset, or one its own checks would let its partition write
     *     (write access, no bit outside the mask, inside [min, max]) and no earlier entry presets the
     *     same register of the same device. [impl->dsn~kernel.device.preset~1]
     */
    static boolean presetOk(SystemImage img, int e) {
        long v = img.aclPreset(e);
        if (v == -1) {
            return true;
        }
        if ((img.aclAccess(e) & Access.WRITE) == 0 || (v & ~img.aclMask(e)) != 0 || v < img.aclMin(e)
                || v > img.aclMax(e)) {
            return false;
        }
        for (int o = 0; o < img.aclTotal(); o++) { // <= ENTRIES_MAX; the entries before e
            if (o < e && img.aclPreset(o) != -1 && img.aclDevice(o) == img.aclDevice(e)
                    && img.aclOffset(o) == img.aclOffset(e)) {
                return false;
            }
        }
        return true;
    }
}
