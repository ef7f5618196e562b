package warden.launcher.campaign;

/**
 * What one campaign run did and saw: the fault (model, partition, time, seed), whether a safety
 * mechanism detected it and which, the detection and recovery times in virtual ns (-1 when not
 * detected or not recovered), and the deadline misses of critical partitions other than the one
 * faulted.
 */
public record RunOutcome(int index, long seed, String model, String partition, boolean partitionCritical,
                         long injectNs, boolean applied, boolean detected, String mechanism, long detectionNs,
                         boolean recovered, long recoveryNs, long criticalMisses) {
}
