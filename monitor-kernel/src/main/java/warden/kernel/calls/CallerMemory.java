package warden.kernel.calls;

import warden.kernel.api.SystemImage;

/**
 * The memory a calling partition owns, as its monitor calls' decode checks it: a buffer must lie
 * entirely inside one of the caller's own regions that grants the access. Deny by default:
 * anything else, the monitor's memory included, is refused.
 *
 * [impl->dsn~kernel.mcall.decode-invoke~1]
 */
public final class CallerMemory {
    private final SystemImage img;

    /** [impl->dsn~kernel.boot~1] */
    public CallerMemory(SystemImage img) {
        this.img = img;
    }

    /** @return true when [address, address+length) lies in one readable region of partition p. */
    public boolean ownsReadable(int p, long address, long length) {
        return owns(p, address, length, warden.kernel.api.Access.READ);
    }

    /** @return true when [address, address+length) lies in one region of p that grants {@code perm}. */
    boolean owns(int p, long address, long length, int perm) {
        if (address < 0 || length <= 0 || address + length < address) {
            return false;
        }
        int n = img.regionCount(p);
        for (int i = 0; i < n; i++) {
            int r = img.region(p, i);
            long base = img.regionBase(r);
            long size = img.regionSize(r);
            if ((img.regionPerms(r) & perm) != 0 && address >= base
                    && address - base <= size - length && length <= size) {
                return true;
            }
        }
        return false;
    }
}
