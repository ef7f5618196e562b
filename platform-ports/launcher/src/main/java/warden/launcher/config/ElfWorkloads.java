package warden.launcher.config;

import java.util.ArrayList;
import java.util.List;
import warden.emu.DeviceSpec;
import warden.emu.PlatformDescription;
import warden.riscv.ElfPartition;

/**
 * Resolves the {@code kind: elf} partitions of a description against the target's board: each
 * gets its golden image (the ELF's segments, then the device tree of what it owns on this board:
 * memory regions, harts and timebase, devices and their lines), the digest of that image and the
 * ELF's entry point. Other partitions, and every partition on a target that cannot run real
 * binaries, are left as they are (the validator refuses elf there).
 *
 * [impl->dsn~config.workload.elf~1]
 */
public final class ElfWorkloads {
    private ElfWorkloads() {
    }

    /** @return whether {@code target} runs {@code kind: elf} workloads (only RISC-V does, today). */
    public static boolean supported(PlatformDescription target) {
        return target.target().equals("riscv");
    }

    /** @return {@code d} with every elf partition's golden image built for {@code p}'s board. */
    public static SystemDescription resolve(SystemDescription d, PlatformDescription p) {
        if (!supported(p)) {
            return d;
        }
        List<PartitionSpec> out = new ArrayList<>();
        boolean changed = false;
        for (PartitionSpec ps : d.partitions()) { // at most 16
            if (ps.workload() instanceof ElfSpec e) {
                ElfPartition image = ElfPartition.build(e.elf(), owned(d, ps, p));
                out.add(new PartitionSpec(ps.name(), ps.criticality(), ps.cores(), ps.privileged(), image.entry(),
                        new ImageSpec(image.image(), image.load(), e.file(), e.loc()),
                        PartitionReader.sha256(image.image()), ps.watchdogNs(), ps.memory(), ps.devices(),
                        ps.interrupts(), e.with(image), ps.health(), ps.loc(), fieldLocs(ps), ps.snapshot()));
                changed = true;
            } else if (ps.workload() instanceof LinuxSpec l && !ps.memory().isEmpty()) {
                ElfPartition tree = l.image().partition(owned(d, ps, p), l.bootargs());
                out.add(new PartitionSpec(ps.name(), ps.criticality(), ps.cores(), ps.privileged(), tree.entry(),
                        new ImageSpec(tree.image(), tree.load(), l.file(), l.loc()),
                        PartitionReader.sha256(tree.image()), ps.watchdogNs(), ps.memory(), ps.devices(),
                        ps.interrupts(), l.with(tree), ps.health(), ps.loc(), fieldLocs(ps)));
                changed = true; // [impl->dsn~config.workload.linux~1]
            } else {
                out.add(ps);
            }
        }
        // the channels and mediated devices stay: an elf partition may be a channel's endpoint or an
        // access-control entry's partition [impl->dsn~guest.rtos.channels~1]
        return changed ? new SystemDescription(d.source(), d.target(), d.monitor(), out, d.stimuli(), d.run(), d.loc(),
                d.channels(), d.mediated(), d.updates()) : d;
    }

    private static java.util.Map<String, Loc> fieldLocs(PartitionSpec ps) {
        java.util.Map<String, Loc> m = new java.util.HashMap<>();
        for (String k : new String[] {"cores", "devices", "entry"}) {
            m.put(k, ps.at(k));
        }
        for (int i = 0; i < ps.cores().size(); i++) {
            m.put("cores[" + i + "]", ps.at("cores[" + i + "]"));
        }
        for (int i = 0; i < ps.devices().size(); i++) {
            m.put("devices[" + i + "]", ps.at("devices[" + i + "]"));
        }
        return m;
    }

    /**
     * What partition {@code ps} of {@code d} owns on board {@code p}: regions, harts, timebase, its
     * devices and the channels it is an endpoint of (their ids: their places in the file).
     */
    static ElfPartition.Owned owned(SystemDescription d, PartitionSpec ps, PlatformDescription p) {
        List<long[]> regions = new ArrayList<>();
        for (RegionSpec r : ps.memory()) {
            regions.add(new long[] {r.base(), r.size()});
        }
        List<DeviceSpec> devices = new ArrayList<>();
        for (String name : ps.devices()) {
            DeviceSpec dev = p.device(name);
            if (dev != null) {
                devices.add(dev);
            }
        }
        List<Integer> channels = new ArrayList<>();
        for (int i = 0; i < d.channels().size(); i++) { // at most CHANNELS_MAX
            ChannelSpec c = d.channels().get(i);
            if (c.from().equals(ps.name()) || c.to().equals(ps.name())) {
                channels.add(i);
            }
        }
        return new ElfPartition.Owned(ps.name(), ps.cores(), p.timebaseHz(), regions, devices, channels);
    }
}
