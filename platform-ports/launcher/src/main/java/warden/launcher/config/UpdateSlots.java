package warden.launcher.config;

/**
 * Where the updatable partitions' slots are kept: after the image store, in the order of the
 * {@code updates} section, slot A then slot B of {@code maxSize} bytes each, at 4 KiB boundaries.
 * Slot A holds the golden image (the partition's image store moves there).
 *
 * [impl->dsn~config.update~1]
 */
final class UpdateSlots {
    private UpdateSlots() {
    }

    /** @return per update section {slot A, slot B}. */
    static long[][] layout(SystemDescription d, MonitorSpec m) {
        long[][] out = new long[d.updates().size()][];
        long next = align(ImageStore.end(d.partitions(), m));
        for (int i = 0; i < out.length; i++) { // at most 16
            long size = d.updates().get(i).maxSize();
            long b = align(next + size);
            out[i] = new long[] {next, b};
            next = align(b + size);
        }
        return out;
    }

    private static long align(long a) {
        return (a + ImageStore.ALIGN - 1) & -ImageStore.ALIGN;
    }
}
