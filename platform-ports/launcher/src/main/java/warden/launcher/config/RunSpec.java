package warden.launcher.config;

/** How long to run (virtual time) and the seed of every random choice. */
public record RunSpec(long durationNs, long seed, Loc loc) {
    /** Default run length: 100 ms. */
    public static final long DEFAULT_DURATION_NS = 100_000_000L;
    /** Default seed. */
    public static final long DEFAULT_SEED = 1L;
}
