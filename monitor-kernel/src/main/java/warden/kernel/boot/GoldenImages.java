package warden.kernel.boot;

import warden.kernel.api.SystemImage;
import warden.kernel.port.GuestMemory;

/**
 * The partitions' golden images: each is kept in the monitor's memory, which no partition can
 * access, and is checked against the partition's SHA-256 digest and copied into the partition's
 * memory at boot and before every restart. A partition without an image (size 0) is restarted
 * without a check or copy. The work is bounded by {@link SystemImage#IMAGE_BYTES_MAX} bytes read
 * and written; nothing is allocated after boot.
 *
 * [impl->dsn~health.golden-image~1]
 */
// justification: tables of 2 slots (and DIGEST_BYTES bytes) per partition, indexed by p < partitionCount and s < 2
@SuppressWarnings("index")
public final class GoldenImages {
    private final SystemImage img;
    private final GuestMemory mem;
    private final Sha256 sha = new Sha256();
    private final int[] active;
    private final int[] slotSize;
    private final byte[] slotDigest;

    /** Boot-time: every partition runs from slot A, its golden image. [impl->dsn~kernel.update.slots~1] */
    public GoldenImages(SystemImage img, GuestMemory mem) {
        this.img = img;
        this.mem = mem;
        int n = img.partitionCount();
        active = new int[n];
        slotSize = new int[2 * n];
        slotDigest = new byte[2 * n * SystemImage.DIGEST_BYTES];
        for (int p = 0; p < n; p++) {
            slotSize[2 * p] = img.imageSize(p);
            for (int i = 0; i < SystemImage.DIGEST_BYTES; i++) {
                slotDigest[2 * p * SystemImage.DIGEST_BYTES + i] = (byte) img.digestByte(p, i);
            }
        }
    }

    /** @return the slot p runs from: 0 (A, the golden image store) or 1 (B). [impl->dsn~kernel.update.slots~1] */
    public int active(int p) {
        return active[p];
    }

    /** @return where slot s of p is kept in the monitor's memory. [impl->dsn~kernel.update.slots~1] */
    public long slotBase(int p, int s) {
        return s == 0 ? img.imageStore(p) : img.slotB(p);
    }

    /**
     * Records a verified image of {@code size} bytes with {@code digest} in slot s of p, which its
     * next {@link #activate} makes the one reloaded. [impl->dsn~kernel.update.slots~1]
     */
    public void install(int p, int s, int size, byte[] digest) {
        slotSize[2 * p + s] = size;
        for (int i = 0; i < SystemImage.DIGEST_BYTES; i++) {
            slotDigest[(2 * p + s) * SystemImage.DIGEST_BYTES + i] = digest[i];
        }
    }

    /** p's restarts reload slot s from now on. [impl->dsn~kernel.update.slots~1] */
    public void activate(int p, int s) {
        active[p] = s;
    }

    /**
     * Checks partition p's golden image against its digest and, if it matches, copies it to its
     * load address.
     *
     * @return true when the partition has no image, or its image matched and was copied; false
     *     when the image does not match its digest or a byte could not be read or written
     */
    public boolean reload(int p) {
        int s = active[p];
        int size = slotSize[2 * p + s];
        if (size == 0) {
            return true;
        }
        long store = slotBase(p, s);
        if (!matches(p, s, store, size)) {
            return false;
        }
        long load = img.imageLoad(p);
        boolean ok = true;
        for (int i = 0; i < SystemImage.IMAGE_BYTES_MAX && i < size; i++) {
            int b = mem.readByte(store + i);
            ok &= b >= 0 && mem.writeByte(load + i, b) == 0;
        }
        return ok;
    }

    /**
     * @return whether the slot's bytes hash to its digest (slot A's is the image's until an update
     *     replaces it). [impl->dsn~health.golden-image~1] [impl->dsn~kernel.update.slots~1]
     */
    private boolean matches(int p, int s, long store, int size) {
        boolean same = sha.hash(mem, store, size);
        for (int i = 0; i < SystemImage.DIGEST_BYTES; i++) {
            same &= sha.digestByte(i) == (slotDigest[(2 * p + s) * SystemImage.DIGEST_BYTES + i] & 0xff);
        }
        return same;
    }
}
