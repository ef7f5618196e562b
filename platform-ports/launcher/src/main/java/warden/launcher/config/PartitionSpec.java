package warden.launcher.config;

import java.util.List;
import java.util.Map;

/**
 * One partition: its name, criticality ({@code warden.kernel.api.Criticality} id), cores, entry
 * point, golden image, its digest (32 bytes), watchdog period (0 = none), memory regions, assigned
 * devices, explicit interrupt routing overrides, workload, health policy and snapshots (null for
 * none). Defaults are already applied.
 */
public record PartitionSpec(String name, int criticality, List<Integer> cores, boolean privileged,
                            long entry, ImageSpec image, byte[] digest, long watchdogNs, List<RegionSpec> memory,
                            List<String> devices, List<LineSpec> interrupts, WorkloadSpec workload, HealthSpec health,
                            Loc loc, Map<String, Loc> fieldLocs, SnapshotSpec snapshot) {
    public PartitionSpec {
        cores = List.copyOf(cores);
        digest = digest.clone();
        memory = List.copyOf(memory);
        devices = List.copyOf(devices);
        interrupts = List.copyOf(interrupts);
        fieldLocs = Map.copyOf(fieldLocs);
    }

    /** A partition without snapshots. */
    public PartitionSpec(String name, int criticality, List<Integer> cores, boolean privileged,
                         long entry, ImageSpec image, byte[] digest, long watchdogNs, List<RegionSpec> memory,
                         List<String> devices, List<LineSpec> interrupts, WorkloadSpec workload, HealthSpec health,
                         Loc loc, Map<String, Loc> fieldLocs) {
        this(name, criticality, cores, privileged, entry, image, digest, watchdogNs, memory, devices, interrupts,
                workload, health, loc, fieldLocs, null);
    }

    /** @return this partition with {@code s} as its snapshots (the CLI's --snapshot-at). */
    public PartitionSpec withSnapshot(SnapshotSpec s) {
        return new PartitionSpec(name, criticality, cores, privileged, entry, image, digest, watchdogNs, memory,
                devices, interrupts, workload, health, loc, fieldLocs, s);
    }

    /** @return this partition with {@code h} as its health policy (the CLI's --restore-at). */
    public PartitionSpec withHealth(HealthSpec h) {
        return new PartitionSpec(name, criticality, cores, privileged, entry, image, digest, watchdogNs, memory,
                devices, interrupts, workload, h, loc, fieldLocs, snapshot);
    }

    /**
     * @return the location of a field of this partition such as "cores", "cores[1]", "devices[0]"
     *         or "entry": the field's own line when it was read from YAML, else the partition's.
     */
    public Loc at(String field) {
        Loc l = fieldLocs.get(field);
        return l != null ? l : loc.field(field);
    }

    /** @return a copy of the 32-byte digest. */
    @Override
    public byte[] digest() {
        return digest.clone();
    }
}
