package warden.launcher.config;

import java.util.List;

/**
 * Where the partitions' golden images are kept: in the upper half of the monitor memory (the lower
 * half is the monitor's own, e.g. the SMBASE areas on x86), one after the other in file order, each
 * at a 4 KiB boundary.
 *
 * [impl->dsn~config.image~1]
 */
public final class ImageStore {
    public static final long ALIGN = 0x1000;

    private ImageStore() {
    }

    /** @return the first address of the image store of this monitor memory. */
    public static long start(MonitorSpec m) {
        return align(m.base() + m.size() / 2);
    }

    /** @return each partition's image address, in file order. */
    public static long[] layout(List<PartitionSpec> parts, MonitorSpec m) {
        long[] at = new long[parts.size()];
        long next = start(m);
        for (int i = 0; i < parts.size(); i++) { // at most 16 partitions
            at[i] = next;
            next = align(next + parts.get(i).image().size());
        }
        return at;
    }

    /** @return the end of the store a layout needs (exclusive). */
    public static long end(List<PartitionSpec> parts, MonitorSpec m) {
        long[] at = layout(parts, m);
        return at.length == 0 ? start(m) : at[at.length - 1] + parts.get(at.length - 1).image().size();
    }

    private static long align(long a) {
        return (a + ALIGN - 1) & -ALIGN;
    }
}
