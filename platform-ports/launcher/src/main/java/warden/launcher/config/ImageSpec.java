package warden.launcher.config;

/**
 * A partition's golden image: its bytes (from {@code image.file}, or generated from the partition's
 * name when only {@code image.size} is given or there is no {@code image} block), the address its
 * copy is loaded to (default: the entry point) and, when known, where it came from.
 *
 * [impl->dsn~config.image~1]
 */
public record ImageSpec(byte[] content, long load, String source, Loc loc) {
    /** Size of the generated image of a partition without an {@code image} block. */
    public static final int DEFAULT_SIZE = 4096;

    public ImageSpec {
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    public int size() {
        return content.length;
    }

    /**
     * @return deterministic bytes standing in for a partition's binary (the emulated guests are
     *     models and execute no code): a SplitMix64 stream seeded with the name's hash
     */
    public static byte[] generated(String name, int size) {
        byte[] out = new byte[size];
        warden.emu.SplitMix64 r = new warden.emu.SplitMix64(name.hashCode() * 0x9E3779B97F4A7C15L);
        for (int i = 0; i < size; i += 8) {
            long v = r.nextLong();
            for (int k = 0; k < 8 && i + k < size; k++) {
                out[i + k] = (byte) (v >>> (8 * k));
            }
        }
        return out;
    }
}
