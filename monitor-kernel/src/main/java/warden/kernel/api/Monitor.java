package warden.kernel.api;

import warden.kernel.api.rules.BootPhase;

/**
 * The kernel's public face: obtain one on a platform from {@code warden.kernel.Warden.create},
 * {@link #boot} a {@link SystemImage}, {@link #start} the mission, and hand it to the port as its
 * {@link TrapEntry}. The read-only queries serve reports and tests; none of them allocates, and
 * none changes the kernel's state.
 */
public interface Monitor extends TrapEntry {
    /** Validates, allocates, programs and seals. @return Status.OK or an error. */
    @BootPhase
    int boot(SystemImage image);

    /** Starts the mission phase: every core runs its most critical partition. */
    int start();

    /** @return the {@link ImageCheckCode} of the last boot's check ({@link ImageCheckCode#OK} = 0). */
    int imageCheckCode();

    /** @return the last boot-time image check: its code and the offending indices. */
    ImageCheckResult imageCheck();

    /** @return the name of an {@link ImageCheckCode} ("OK", "REGION_OVERLAP", ...), or "?". */
    static String imageCheckName(int code) {
        return ImageCheckCode.name(code);
    }

    /** @return true once boot sealed the kernel. */
    boolean sealed();

    /**
     * Fault injection (campaigns, tests; no guest reaches it): flips one bit of the saved context
     * of partition p's vCPU on {@code core}, as an upset in the monitor's memory would.
     * @return Status.OK, BAD_STATE (not sealed, no such vCPU, or it runs now), INVALID_PARAM
     */
    int upsetSavedContext(int p, int core, int word, int bit);

    /** @return the value of a {@link Counter}. */
    long counter(int id);

    /** @return partition p's {@link PartitionState}. */
    int partitionState(int p);

    /** @return when partition p sent its first heartbeat (ns), or -1. */
    long bootTimeNs(int p);

    /** @return when partition p sent its last heartbeat (ns), or -1. */
    long lastHeartbeatNs(int p);

    /** @return how many times partition p was restarted. */
    int restarts(int p);

    /** @return true once the health monitor brought the system to its safe state. */
    boolean inSafeState();

    /** @return the partition running on core, or SystemImage.NO_PARTITION. */
    int running(int core);

    /** @return the {@link VcpuState} of p's vCPU on core. */
    int vcpuState(int p, int core);

    /** @return how many interrupts are held for p's vCPU on core. */
    int heldInterrupts(int p, int core);

    /** @return the kernel's event log as a read-only view (for ports and reports). */
    EventRecords eventRecords();

    /**
     * @return {@link ChannelStat} {@code stat} of channel c: a statistic, or its current published
     *     or consumed count.
     */
    long channelStat(int c, int stat);

    /** @return {@link RestorePoint} stat {@code stat} of partition p's snapshots (0 without snapshots). */
    long snapshotStat(int p, int stat);
}
