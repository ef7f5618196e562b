package warden.launcher.config;

import java.util.List;

/**
 * One partition: its name, criticality ({@code warden.kernel.api.Criticality} id), cores, entry
 * point, golden-image digest (32 bytes), watchdog period (0 = none), memory regions, assigned
 * devices, explicit interrupt routing overrides and workload. Defaults are already applied.
 */
public record PartitionSpec(String name, int criticality, List<Integer> cores, boolean privileged,
                            long entry, byte[] digest, long watchdogNs, List<RegionSpec> memory,
                            List<String> devices, List<LineSpec> interrupts, WorkloadSpec workload,
                            Loc loc) {
    public PartitionSpec {
        cores = List.copyOf(cores);
        digest = digest.clone();
        memory = List.copyOf(memory);
        devices = List.copyOf(devices);
        interrupts = List.copyOf(interrupts);
    }

    /** @return a copy of the 32-byte digest. */
    @Override
    public byte[] digest() {
        return digest.clone();
    }
}
