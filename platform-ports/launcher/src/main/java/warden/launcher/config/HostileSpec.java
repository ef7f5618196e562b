package warden.launcher.config;

/**
 * A hostile guest: from {@code startNs} on, {@code operations} random monitor calls and accesses in
 * every period of {@code periodNs}, drawn with the weights of {@code mix} (calls, loads, stores,
 * fetches) from a random stream seeded by {@code seed}, or by the run seed when {@code seed} is null.
 *
 * [impl->dsn~config.workload.hostile~1]
 */
public record HostileSpec(long startNs, long periodNs, int operations, int[] mix, Long seed, Loc loc)
        implements WorkloadSpec {
    /** The default weight of each operation kind. */
    public static final int DEFAULT_WEIGHT = 1;

    public HostileSpec {
        mix = mix.clone();
    }

    @Override
    public int[] mix() {
        return mix.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HostileSpec h && h.startNs == startNs && h.periodNs == periodNs
                && h.operations == operations && java.util.Arrays.equals(h.mix, mix)
                && java.util.Objects.equals(h.seed, seed) && h.loc.equals(loc);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(startNs, periodNs, operations, java.util.Arrays.hashCode(mix), seed, loc);
    }

    @Override
    public String toString() {
        return "HostileSpec[start=" + startNs + ", period=" + periodNs + ", operations=" + operations + ", mix="
                + java.util.Arrays.toString(mix) + ", seed=" + seed + "]";
    }
}
