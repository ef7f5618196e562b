package warden.launcher.campaign;

/**
 * What one campaign run did and saw: the fault (model, partition, time, seed), whether the safety
 * mechanism expected for that model detected it within the model's detection bound and which one
 * (its cause in {@code detail}), the detection and recovery times in virtual ns (-1 when not
 * detected or not recovered), the outcome ({@link #RECOVERED}, {@link #CONTAINED},
 * {@link #NOT_RECOVERED}, {@link #UNDETECTED}, {@link #LATENT}, {@link #NOT_APPLIED}), and the
 * critical deadline misses in four classes: all of them ({@code criticalMisses}), those of the
 * faulted critical partition itself ({@code ownMisses}, bounded by {@code ownMissBound}), those of
 * other critical partitions caused by a partition's fault ({@code interferenceMisses}: with a
 * fault in a QM partition, every critical miss; must be 0), and those under a platform fault
 * ({@code platformMisses}).
 */
public record RunOutcome(int index, long seed, String model, String partition, boolean partitionCritical,
                         long injectNs, boolean applied, boolean detected, String mechanism, long detectionNs,
                         boolean recovered, long recoveryNs, long criticalMisses, String outcome, String detail,
                         long detectionBoundNs, long ownMisses, long ownMissBound, long interferenceMisses,
                         long platformMisses) {
    public static final String RECOVERED = "recovered";
    public static final String CONTAINED = "contained";
    public static final String NOT_RECOVERED = "not-recovered";
    public static final String UNDETECTED = "undetected";
    public static final String LATENT = "latent";
    public static final String NOT_APPLIED = "not-applied";

    /** A run read from a report written before the outcome and the miss classes were recorded. */
    public RunOutcome(int index, long seed, String model, String partition, boolean partitionCritical,
                      long injectNs, boolean applied, boolean detected, String mechanism, long detectionNs,
                      boolean recovered, long recoveryNs, long criticalMisses) {
        this(index, seed, model, partition, partitionCritical, injectNs, applied, detected, mechanism, detectionNs,
                recovered, recoveryNs, criticalMisses, !applied ? NOT_APPLIED : !detected ? UNDETECTED
                        : recovered ? RECOVERED : NOT_RECOVERED, null, -1, 0, -1,
                partitionCritical ? 0 : criticalMisses, 0);
    }

    /** @return whether the faulted partition's own misses exceed their bound. */
    public boolean ownMissesOverBound() {
        return ownMissBound >= 0 && ownMisses > ownMissBound;
    }

    /** @return the critical misses caused by a fault in a QM partition (freedom from interference: 0). */
    public long missesFromQmFault() {
        return partitionCritical ? 0 : interferenceMisses;
    }
}
