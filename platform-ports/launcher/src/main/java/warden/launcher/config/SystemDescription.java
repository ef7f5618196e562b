package warden.launcher.config;

import java.util.List;

/**
 * A loaded system description: what partitions run where with which memory, devices and workload,
 * which device interrupts the environment raises, and how long to run. Syntactically valid by
 * construction (the loader checked every key and type); {@link DescriptionValidator} checks it
 * against a target.
 *
 * @param source     file name the description came from
 * @param target     target named in the file ("riscv", "arm", "x86"), or null when absent
 * @param monitor    the monitor's memory, or null to use the platform default
 * @param partitions 1 to 16 partitions, in file order (their index is their partition id)
 * @param stimuli    interrupt stimuli of devices, possibly empty
 * @param run        run length and seed (defaults filled in)
 * @param loc        location of the document root
 */
public record SystemDescription(String source, String target, MonitorSpec monitor,
                                List<PartitionSpec> partitions, List<StimulusSpec> stimuli,
                                RunSpec run, Loc loc) {
    public SystemDescription {
        partitions = List.copyOf(partitions);
        stimuli = List.copyOf(stimuli);
    }
}
