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
public final class GoldenImages {
    private final SystemImage img;
    private final GuestMemory mem;
    private final Sha256 sha = new Sha256();

    public GoldenImages(SystemImage img, GuestMemory mem) {
        this.img = img;
        this.mem = mem;
    }

    /**
     * Checks partition p's golden image against its digest and, if it matches, copies it to its
     * load address.
     *
     * @return true when the partition has no image, or its image matched and was copied; false
     *     when the image does not match its digest or a byte could not be read or written
     */
    public boolean reload(int p) {
        int size = img.imageSize(p);
        if (size == 0) {
            return true;
        }
        long store = img.imageStore(p);
        if (!sha.matches(mem, store, size, img, p)) {
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
}
