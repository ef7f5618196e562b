package warden.launcher.run;

import java.util.List;

/**
 * Everything a run produced that reports show. Deterministic: the same description, target and
 * seed give an equal RunResult (host timing is kept out of it on purpose).
 */
public record RunResult(String source, String target, String board, long seed, long durationNs,
                        List<PartitionResult> partitions, List<LineResult> lines, List<ProbeResult> probes,
                        List<Violation> violations, List<MonitorEvent> events, boolean safeState,
                        List<warden.emu.TargetMetrics.Metric> targetMetrics,
                        List<ConsoleLine> console, List<CounterValue> counters, List<Check> checks, long engineSteps,
                        List<HostileResult> hostile, List<ChannelResult> channels, List<NicResult> nics,
                        List<CanResult> cans) {

    /**
     * One CAN controller at the end of the run: its owner (null for none), the frames that went out
     * correctly on its bus and the error frames (injected, or ACK errors), the frames it stored in its
     * receive FIFO, filtered out and lost (FIFO full), the frames it sent, its error counters and
     * whether it is bus-off.
     * [impl->dsn~run.can-report~1]
     */
    public record CanResult(String device, String partition, long busFrames, long errorFrames, long received,
                            long filteredOut, long lost, long sent, int tec, int rec, boolean busOff) {
    }

    /**
     * One NIC at the end of the run: its owner (null for none), the frames the wire offered it, those
     * it stored in the receive ring ({@code delivered}) and dropped, its DMA accesses the board's
     * isolation check denied, frames it sent, and the frames its owner's driver took from the ring.
     * [impl->dsn~run.nic-report~1]
     */
    public record NicResult(String device, String partition, long received, long delivered, long dropped,
                            long dmaDenied, long sent, long driverFrames) {
    }

    /**
     * The kernel's statistics of one channel at the end of the run ({@code warden.kernel.api.ChannelStat}):
     * accepted sends and receives, doorbells rung, refused channel calls, resets by an endpoint's
     * restart, and the published and consumed counts since the last reset.
     */
    public record ChannelResult(int id, String name, String from, String to, int crcBits, long sends, long receives,
                                long doorbells, long denied, long resets, long failures, long published,
                                long consumed,
                                E2eResult e2e) {
    }

    /**
     * What the guest models measured on a channel with their end-to-end protection: frames the
     * sender wrote, dropped and overwrote, the most it saw in the ring; frames the receiver read, its
     * verdict counts (names of {@code warden.emu.channel.Verdict}, in its order), the worst
     * end-to-end latency in virtual ns, the most frames it found ready, and the failures reported
     * to the health monitor. Null when neither end's guest uses the channel (e.g. real code).
     */
    public record E2eResult(long framesSent, long drops, long overwrites, long senderHighWater, long framesReceived,
                            List<Long> verdicts, long worstLatencyNs, long receiverHighWater, long failures) {
    }

    /** A health-monitor event: a detected failure and what was done about it. */
    public record MonitorEvent(long timeNs, String kind, String partition, int core, String detail) {
    }

    public record TaskResult(String name, long periodNs, long deadlineNs, long jobs, long misses, long maxResponseNs) {
    }

    public record PartitionResult(String name, String criticality, String workload, List<Integer> cores,
                                  long bootTimeNs, long deadlineMisses, long maxResponseNs, int restarts,
                                  String state, long faults, List<TaskResult> tasks, SnapshotResult snapshot) {
    }

    /**
     * A partition's restore points ({@code warden.kernel.api.RestorePoint} stats), null for a partition
     * without snapshots: its pages, snapshots taken, bytes copied by all of them, pages and virtual
     * time of the last one, the longest one, restores, pages and time of the last restore, fallbacks
     * to a restart. [impl->dsn~run.snapshot-report~1]
     */
    public record SnapshotResult(long pages, long taken, long bytesCopied, long lastPages, long lastNs, long maxNs,
                                 long restores, long restorePages, long restoreNs, long fallbacks) {
    }

    public record LineResult(int line, String device, String partition, int core, long raised, long delivered,
                             long held, long minLatencyNs, long maxLatencyNs, long meanLatencyNs, boolean critical) {
    }

    public record ProbeResult(String partition, long address, int size, String access, String outcome,
                              Integer cause, String causeName, String expected, boolean asExpected, long timeNs) {
    }

    /**
     * What the hostile vCPUs of one partition did: operations by kind, calls the monitor refused,
     * accesses allowed and denied (denials by architectural cause; drops are denials without a
     * fault), and the mismatches with the description's grant, with their first samples.
     */
    public record HostileResult(String partition, long operations, long calls, long callsRefused, long callsUnknown,
                                long callsMisanswered, long loads,
                                long stores, long fetches, long allowed, long denied, long dropped,
                                List<CauseCount> causes, long violations, long foreignViolations,
                                long spuriousDenials,
                                long unloggedDenials, List<HostileAccess> samples, List<HostileAccess> lastDenials,
                                long restarts) {
    }

    public record CauseCount(Integer cause, String name, long count) {
    }

    /** One access (or, for misanswered-call, one call: address = its id) of a hostile guest; {@code what} is violation,
     *  foreign-violation, spurious-denial, unlogged-denial, misanswered-call or denial. */
    public record HostileAccess(String what, long timeNs, long address, int size, String access, String cause) {
    }

    public record Violation(long timeNs, String kind, String partition, int core, long address, String detail) {
    }

    public record ConsoleLine(long timeNs, String partition, String text) {
    }

    public record CounterValue(String name, long value) {
    }

    public record Check(String name, boolean passed, String detail) {
    }

    /** @return true when every check held. */
    public boolean passed() {
        for (Check c : checks) {
            if (!c.passed()) {
                return false;
            }
        }
        return true;
    }
}
