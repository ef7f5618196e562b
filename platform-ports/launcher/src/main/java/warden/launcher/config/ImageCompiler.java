package warden.launcher.config;

import java.util.Arrays;
import warden.emu.DeviceSpec;
import warden.emu.PlatformDescription;
import warden.kernel.api.SystemImage;
import warden.kernel.api.SystemImageBuilder;

/**
 * Compiles a validated description into the kernel's frozen {@link SystemImage}: the monitor
 * memory, then per partition (in file order, so a partition's id is its index) its attributes,
 * golden image (kept in the upper half of the monitor memory, see {@link ImageStore}) and its
 * digest, regions and devices (MMIO windows from the platform catalog), then the interrupt routing:
 * each assigned device's line goes to the partition's first core at priority 7 (critical) or 1
 * (QM), and the explicit overrides replace those defaults; then the channels with their rings
 * ({@link ChannelPlacement}). Call it only on a description for which
 * {@link DescriptionValidator#validate} returned no problems.
 *
 * [impl->dsn~config.compile~1]
 */
public final class ImageCompiler {
    private ImageCompiler() {
    }

    /** @return the image of a valid description on platform {@code p}. */
    public static SystemImage compile(SystemDescription d, PlatformDescription p) {
        MonitorSpec m = DescriptionValidator.effectiveMonitor(d, p);
        SystemImageBuilder b = SystemImage.builder(p.cores()).monitor(m.base(), m.size());
        int[] owner = new int[SystemImage.LINES_MAX];
        int[] core = new int[SystemImage.LINES_MAX];
        int[] priority = new int[SystemImage.LINES_MAX];
        Arrays.fill(owner, SystemImage.NO_PARTITION);
        long[] store = ImageStore.layout(d.partitions(), m);
        for (PartitionSpec ps : d.partitions()) { // at most 16
            int id = partition(b, ps, p, d);
            b.image(id, store[id], ps.image().size(), ps.image().load());
            for (String name : ps.devices()) { // default routes
                int line = p.device(name).line();
                if (line > 0 && line < SystemImage.LINES_MAX) {
                    owner[line] = id;
                    core[line] = ps.cores().get(0);
                    priority[line] = LineReader.defaultPriority(ps.criticality());
                }
            }
            for (LineSpec l : ps.interrupts()) { // overrides replace defaults
                owner[l.line()] = id;
                core[l.line()] = l.core();
                priority[l.line()] = l.priority();
            }
        }
        for (int l = 1; l < SystemImage.LINES_MAX; l++) {
            if (owner[l] != SystemImage.NO_PARTITION) {
                b.line(owner[l], l, core[l], priority[l]);
            }
        }
        channels(b, d, p, m);
        mediated(b, d, p);
        updates(b, d, m);
        return b.build();
    }

    /**
     * Each update section: the partition's golden image moves to its slot A, slot B follows
     * ({@link UpdateSlots}), with its updater, key, version and trial. [impl->dsn~config.update~1]
     */
    private static void updates(SystemImageBuilder b, SystemDescription d, MonitorSpec m) {
        long[][] slots = UpdateSlots.layout(d, m);
        for (int i = 0; i < slots.length; i++) { // at most 16, validated
            UpdateSpec u = d.updates().get(i);
            int p = d.partitionIndex(u.partition());
            PartitionSpec ps = d.partitions().get(p);
            b.image(p, slots[i][0], ps.image().size(), ps.image().load());
            b.update(p, d.partitionIndex(u.by()), slots[i][1], (int) u.maxSize(), u.key(), u.version(), u.trialNs());
        }
    }

    /**
     * Each access-control entry of each mediated device, in file order, for the kernel's table.
     *
     * [impl->dsn~config.mediated~1]
     */
    private static void mediated(SystemImageBuilder b, SystemDescription d, PlatformDescription p) {
        for (MediatedSpec md : d.mediated()) { // at most 16, validated
            DeviceSpec dev = p.device(md.device());
            int index = deviceIndex(d, md.device());
            for (AclEntrySpec e : md.acl()) { // at most 64
                int entry = b.aclEntry(d.partitionIndex(e.partition()), index, MediatedChecks.offset(e, dev),
                        e.access(), e.mask(), e.min(), e.max(), e.rate(), e.windowNs());
                if (e.preset() >= 0) {
                    b.aclPreset(entry, e.preset()); // [impl->dsn~config.mediated-preset~1]
                }
            }
        }
    }

    /**
     * @return the index in the image of the device called {@code name} (the partitions' device lists
     *     in file order), or -1 when no partition lists it. [impl->dsn~config.mediated~1]
     */
    public static int deviceIndex(SystemDescription d, String name) {
        int i = 0;
        for (PartitionSpec ps : d.partitions()) { // at most 16
            for (String dev : ps.devices()) { // at most 64
                if (dev.equals(name)) {
                    return i;
                }
                i++;
            }
        }
        return -1;
    }

    /** Each channel in file order (its index is its id), its ring where {@link ChannelPlacement} puts it. */
    private static void channels(SystemImageBuilder b, SystemDescription d, PlatformDescription p, MonitorSpec m) {
        long[] at = ChannelPlacement.place(d, p, m);
        for (int i = 0; i < at.length; i++) { // at most CHANNELS_MAX, validated
            ChannelSpec c = d.channels().get(i);
            int id = b.channel(c.name(), d.partitionIndex(c.from()), d.partitionIndex(c.to()), at[i],
                    ChannelPlacement.regionSize(c), c.slotSize(), c.slots(), c.doorbell(), c.full());
            b.channelProtection(id, c.dataId(), c.maxAgeNs(), c.counterWindow()).channelCrc(id, c.crcBits());
        }
    }

    private static int partition(SystemImageBuilder b, PartitionSpec ps, PlatformDescription p, SystemDescription d) {
        int mask = 0;
        for (int c : ps.cores()) { // at most CORES_MAX, validated
            mask |= 1 << c;
        }
        int id = b.partition(ps.name(), ps.criticality(), mask, ps.entry(), ps.watchdogNs(), ps.privileged());
        b.digest(id, ps.digest());
        HealthSpec h = ps.health();
        b.health(id, h.bootTimeoutNs(), h.faultLimit(), h.windowNs(), h.restarts(), h.onFailure(), h.escalate());
        b.irqLimit(id, h.irqLimit());
        SnapshotSpec s = ps.snapshot();
        if (s != null) {
            b.snapshot(id, s.atBoot(), s.atNs(), s.periodNs(),
                    s.requester() == null ? SystemImage.NO_PARTITION : d.partitionIndex(s.requester()));
        }
        for (RegionSpec r : ps.memory()) { // at most 8
            b.region(id, r.base(), r.size(), r.perms());
        }
        for (String name : ps.devices()) { // validated: in the catalog, assignable
            DeviceSpec dev = p.device(name);
            b.device(id, dev.name(), dev.base(), dev.size());
        }
        return id;
    }
}
