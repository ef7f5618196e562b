package warden.emu;

/**
 * The seeded random source of the emulator: SplitMix64 (Steele, Lea, Flood, "Fast splittable
 * pseudorandom number generators", OOPSLA 2014). Same seed, same sequence, on every JVM.
 */
public final class SplitMix64 {
    private long state;

    public SplitMix64(long seed) {
        this.state = seed;
    }

    public long nextLong() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** @return a uniform value in [0, bound) for bound > 0. */
    public long nextLong(long bound) {
        return Long.remainderUnsigned(nextLong(), bound);
    }

    /** @return a uniform value in [lo, hi] (inclusive). */
    public long between(long lo, long hi) {
        return hi <= lo ? lo : lo + nextLong(hi - lo + 1);
    }

    /** @return a uniform double in [0, 1). */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** @return an exponentially distributed value with the given mean, at least 1. */
    public long exponential(long mean) {
        double u = nextDouble();
        long v = (long) (-Math.log(1.0 - u) * mean);
        return Math.max(1, v);
    }

    /** @return a new seed derived from this one and a label, for independent sub-streams. */
    public static long derive(long seed, long label) {
        return new SplitMix64(seed ^ (label * 0xD1B54A32D192ED03L)).nextLong();
    }
}
