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
 * @param channels   one-way channels between partitions, possibly empty (their index is their id)
 * @param mediated   mediated devices with their access-control entries, possibly empty
 * @param updates    update sections of partitions, possibly empty
 */
public record SystemDescription(String source, String target, MonitorSpec monitor,
                                List<PartitionSpec> partitions, List<StimulusSpec> stimuli,
                                RunSpec run, Loc loc, List<ChannelSpec> channels, List<MediatedSpec> mediated,
                                List<UpdateSpec> updates) {
    public SystemDescription {
        partitions = List.copyOf(partitions);
        stimuli = List.copyOf(stimuli);
        channels = List.copyOf(channels);
        mediated = List.copyOf(mediated);
        updates = List.copyOf(updates);
    }

    /** A description without update sections. */
    public SystemDescription(String source, String target, MonitorSpec monitor, List<PartitionSpec> partitions,
                             List<StimulusSpec> stimuli, RunSpec run, Loc loc, List<ChannelSpec> channels,
                             List<MediatedSpec> mediated) {
        this(source, target, monitor, partitions, stimuli, run, loc, channels, mediated, List.of());
    }

    /** @return the update section of partition {@code name}, or null. */
    public UpdateSpec update(String name) {
        for (UpdateSpec u : updates) { // at most 16
            if (u.partition().equals(name)) {
                return u;
            }
        }
        return null;
    }

    /** A description without mediated devices. */
    public SystemDescription(String source, String target, MonitorSpec monitor, List<PartitionSpec> partitions,
                             List<StimulusSpec> stimuli, RunSpec run, Loc loc, List<ChannelSpec> channels) {
        this(source, target, monitor, partitions, stimuli, run, loc, channels, List.of());
    }

    /** A description without channels. */
    public SystemDescription(String source, String target, MonitorSpec monitor, List<PartitionSpec> partitions,
                             List<StimulusSpec> stimuli, RunSpec run, Loc loc) {
        this(source, target, monitor, partitions, stimuli, run, loc, List.of());
    }

    /** @return the index of the partition called {@code name}, or -1. */
    public int partitionIndex(String name) {
        for (int i = 0; i < partitions.size(); i++) { // at most 16
            if (partitions.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
