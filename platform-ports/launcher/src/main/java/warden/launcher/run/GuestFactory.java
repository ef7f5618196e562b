package warden.launcher.run;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import warden.emu.DeviceSpec;
import warden.emu.Executor;
import warden.emu.PlatformDescription;
import warden.emu.MemorySpec;
import warden.emu.SplitMix64;
import warden.emu.guest.CanDriver;
import warden.emu.guest.NicDriver;
import warden.emu.guest.MediatedCan;
import warden.emu.guest.HostileGuest;
import warden.emu.guest.ProbeGuest;
import warden.emu.guest.RichOsGuest;
import warden.emu.guest.RtosGuest;
import warden.emu.guest.UpdateSender;
import warden.kernel.api.UpdateReason;
import warden.kernel.api.Access;
import warden.emu.guest.ChannelBinding;
import warden.launcher.config.ChannelPlacement;
import warden.launcher.config.ChannelSpec;
import warden.launcher.config.DescriptionValidator;
import warden.launcher.config.HostileSpec;
import warden.launcher.config.IsrSpec;
import warden.launcher.config.PartitionSpec;
import warden.launcher.config.ProbeSpec;
import warden.launcher.config.RegionSpec;
import warden.launcher.config.ImageCompiler;
import warden.launcher.config.RichOsSpec;
import warden.launcher.config.RtosSpec;
import warden.launcher.config.SystemDescription;
import warden.launcher.config.TaskSpec;
import warden.launcher.config.WorkloadSpec;

/** Turns a partition's workload description into one executor per vCPU. */
final class GuestFactory {
    /** Distance of a NIC driver's ring area below the console buffer. */
    private static final long NIC_GAP = 0x1_0000L;

    private GuestFactory() {
    }

    /**
     * @return the executor of partition {@code index} of {@code d} on {@code core}; {@code primary} for its
     *     first core; {@code loggedDenials} reads the monitor's count of logged access violations.
     */
    static Executor create(SystemDescription d, int index, int core, boolean primary, PlatformDescription platform,
            long seed, LongSupplier loggedDenials) {
        PartitionSpec p = d.partitions().get(index);
        WorkloadSpec w = p.workload();
        if (w instanceof HostileSpec h) {
            return hostile(d, p, h, platform, SplitMix64.derive(hostileSeed(h, seed), 2000 + index * 64L + core),
                    loggedDenials);
        }
        if (w instanceof warden.launcher.config.ElfSpec e) {
            return elf(p, e);
        }
        if (w instanceof warden.launcher.config.LinuxSpec l) {
            // [impl->dsn~run.linux~1]
            warden.riscv.LinuxImage k = l.image();
            return warden.riscv.ElfGuest.linux(p.name(), l.resolved().fdtAddress(), k.image(),
                    l.resolved().entry(), p.watchdogNs() / 4);
        }
        if (w instanceof RtosSpec r) {
            return rtos(d, index, primary, platform, p, r);
        }
        if (w instanceof RichOsSpec r) {
            return richOs(d, index, core, primary, platform, seed, r);
        }
        return probe((ProbeSpec) w, primary);
    }

    /** The RTOS model of a partition, with its channels (primary only), CAN driver and update image tag. */
    private static RtosGuest rtos(SystemDescription d, int index, boolean primary, PlatformDescription platform,
            PartitionSpec p, RtosSpec r) {
        int n = r.tasks().size();
        String[] names = new String[n];
        long[] period = new long[n];
        long[] wcet = new long[n];
        long[] deadline = new long[n];
        for (int i = 0; i < n; i++) {
            TaskSpec t = r.tasks().get(i);
            names[i] = t.name();
            period[i] = t.periodNs();
            wcet[i] = t.wcetNs();
            deadline[i] = t.deadlineNs();
        }
        RtosGuest g = new RtosGuest(p.name(), r.bootNs(), r.tickNs(), names, period, wcet, deadline,
                line(r.isr(), platform), r.isr() == null ? 0 : r.isr().workNs(), consoleBuffer(p));
        g.setChannels(primary ? channelIds(d, index, platform) : new int[0]);
        g.setCanDriver(canDriver(r.isr(), platform));
        if (d.update(p.name()) != null) { // [impl->dsn~emu.guest.image-tag~1]
            g.setImageTag(p.image().load(), d.monitor() != null ? d.monitor().base() : platform.monitorBase());
        }
        return g;
    }

    /** The rich-OS model of one vCPU, with its channels, CAN driver and mediated CAN frames (primary only). */
    private static RichOsGuest richOs(SystemDescription d, int index, int core, boolean primary,
                                      PlatformDescription platform, long seed, RichOsSpec r) {
        PartitionSpec p = d.partitions().get(index);
        RichOsGuest g = new RichOsGuest(p.name(), primary, r.bootNs(), r.tickNs(), r.burstMinNs(), r.burstMaxNs(),
                r.idleMinNs(), r.idleMaxNs(), line(r.isr(), platform), r.isr() == null ? 0 : r.isr().workNs(),
                consoleBuffer(p), SplitMix64.derive(seed, index * 64L + core));
        g.setChannels(primary ? channelIds(d, index, platform) : new int[0]);
        g.setCanDriver(canDriver(r.isr(), platform));
        g.setNicDriver(nicDriver(r.isr(), platform, p));
        if (primary && r.canTx() != null) { // [impl->dsn~emu.guest.can-mediated~1]
            g.setMediatedCan(new MediatedCan(ImageCompiler.deviceIndex(d, r.canTx().device()), r.canTx().mailbox(),
                    r.canTx().id(), r.canTx().periodNs()));
        }
        for (warden.launcher.config.UpdateSpec u : d.updates()) { // at most 16 [impl->dsn~emu.guest.updater~1]
            if (primary && u.by().equals(p.name()) && u.send() != null) {
                g.setUpdateSender(new UpdateSender(u.send().pkg(), d.partitionIndex(u.partition()), u.send().atNs(),
                        (consoleBuffer(p) - UpdateReason.CHUNK_MAX) & ~7L, u.send().powerLossAfter()));
            }
        }
        return g;
    }

    /**
     * A real binary: the interpreter runs it on the core's hart from the golden image the kernel
     * loaded, with a1 = its device tree, and where its RTOS statistics block lies if it keeps one.
     * [impl->dsn~run.elf~1] [impl->dsn~run.rtos-stats~1]
     */
    private static Executor elf(PartitionSpec p, warden.launcher.config.ElfSpec e) {
        return new warden.riscv.ElfGuest(p.name(), e.resolved().fdtAddress(), e.elf().rtosStats());
    }

    private static Executor probe(ProbeSpec s, boolean primary) {
        int n = primary ? s.accesses().size() : 0;
        long[] address = new long[n];
        int[] size = new int[n];
        int[] access = new int[n];
        for (int i = 0; i < n; i++) {
            address[i] = s.accesses().get(i).address();
            size[i] = s.accesses().get(i).size();
            access[i] = s.accesses().get(i).access();
        }
        return new ProbeGuest(s.startNs(), address, size, access);
    }

    /** @return the hostile workload's own seed, else the run's. */
    private static long hostileSeed(HostileSpec h, long runSeed) {
        return h.seed() != null ? h.seed() : runSeed;
    }

    /**
     * A hostile vCPU aimed at the whole physical map: every RAM bank and device window of the board,
     * the monitor's memory, every partition's regions and its own channel rings (the others' lie in
     * the RAM banks); checked against what {@code p} is granted.
     *
     * [impl->dsn~run.hostile~1]
     */
    private static Executor hostile(SystemDescription d, PartitionSpec p, HostileSpec h, PlatformDescription platform,
                                    long seed, LongSupplier loggedDenials) {
        List<long[]> windows = windows(d, p, platform);
        long[] base = new long[windows.size()];
        long[] size = new long[windows.size()];
        for (int i = 0; i < base.length; i++) {
            base[i] = windows.get(i)[0];
            size[i] = windows.get(i)[1];
        }
        long[] rings = IsolationOracle.rings(d, platform);
        HostileGuest.Oracle oracle = new HostileGuest.Oracle() {
            @Override
            public boolean granted(long address, int size, int access) {
                return IsolationOracle.allowed(d, p, platform, rings, address, size, access);
            }

            @Override
            public boolean foreign(long address, int size) {
                return IsolationOracle.foreign(d, p, platform, rings, address, size);
            }

            @Override
            public long loggedDenials() {
                return loggedDenials.getAsLong();
            }
        };
        return new HostileGuest(h.startNs(), h.periodNs(), h.operations(), h.mix(), base, size, oracle, seed);
    }

    /** The board's RAM banks and device windows, the monitor, every region and p's rings. [impl->dsn~run.hostile~1] */
    private static List<long[]> windows(SystemDescription d, PartitionSpec p, PlatformDescription platform) {
        List<long[]> windows = new ArrayList<>();
        for (MemorySpec m : platform.memory()) {
            windows.add(new long[] {m.base(), m.size()});
        }
        for (DeviceSpec dev : platform.devices()) {
            windows.add(new long[] {dev.base(), dev.size()});
        }
        windows.add(d.monitor() != null ? new long[] {d.monitor().base(), d.monitor().size()}
                : new long[] {platform.monitorBase(), platform.monitorSize()});
        for (PartitionSpec other : d.partitions()) {
            for (RegionSpec r : other.memory()) {
                windows.add(new long[] {r.base(), r.size()});
            }
        }
        for (ChannelBinding c : channels(d, d.partitionIndex(p.name()), platform)) { // its own rings
            windows.add(new long[] {c.base(), c.regionSize()});
        }
        return windows;
    }

    /**
     * @return the channels partition {@code index} is an endpoint of, in channel-id order, with
     *     what its guest needs to use them (the lead passes these to the guest models).
     *
     * [impl->dsn~run.channel-binding~1]
     */
    static List<ChannelBinding> channels(SystemDescription d, int index, PlatformDescription platform) {
        List<ChannelBinding> out = new ArrayList<>();
        if (d.channels().isEmpty() || index < 0) {
            return out;
        }
        String name = d.partitions().get(index).name();
        long[] at = ChannelPlacement.place(d, platform, DescriptionValidator.effectiveMonitor(d, platform));
        for (int i = 0; i < at.length; i++) { // at most CHANNELS_MAX
            ChannelSpec c = d.channels().get(i);
            if (c.from().equals(name) || c.to().equals(name)) {
                out.add(new ChannelBinding(i, c.name(), c.from().equals(name), at[i], ChannelPlacement.regionSize(c),
                        c.slotSize(), c.slots(), c.doorbell(), c.full(), c.dataId(), c.maxAgeNs(), c.counterWindow(),
                        c.crcBits()));
            }
        }
        return out;
    }

    /**
     * @return the ids of the channels partition {@code index} is an endpoint of: its primary vCPU's
     *     guest model sends or receives on them (role and ring from CHANNEL_INFO).
     *
     * [impl->dsn~run.channel-binding~1]
     */
    static int[] channelIds(SystemDescription d, int index, PlatformDescription platform) {
        List<ChannelBinding> mine = channels(d, index, platform);
        int[] ids = new int[mine.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = mine.get(i).id();
        }
        return ids;
    }

    /** @return a driver of the ISR's device when it is a CAN controller, else null. [impl->dsn~run.can-traffic~1] */
    private static CanDriver canDriver(IsrSpec isr, PlatformDescription platform) {
        DeviceSpec d = isr == null ? null : platform.device(isr.device());
        return d != null && d.kind().equals("can") ? new CanDriver(d.base()) : null;
    }

    /**
     * @return a driver of the ISR's device when it is a NIC, its ring 64 KiB below the console buffer
     *     (4 KiB aligned), else null; null too when the partition's RAM has no room for it.
     *     [impl->dsn~run.nic-traffic~1]
     */
    private static NicDriver nicDriver(IsrSpec isr, PlatformDescription platform, PartitionSpec p) {
        DeviceSpec d = isr == null ? null : platform.device(isr.device());
        if (d == null || !d.kind().equals("nic")) {
            return null;
        }
        long area = (consoleBuffer(p) - NIC_GAP) & ~0xFFFL;
        for (RegionSpec r : p.memory()) { // at most 16
            if ((r.perms() & Access.WRITE) != 0 && area >= r.base() && area + NicDriver.AREA <= r.base() + r.size()) {
                return new NicDriver(d.base(), area);
            }
        }
        return null;
    }

    private static int line(IsrSpec isr, PlatformDescription platform) {
        if (isr == null) {
            return 0;
        }
        DeviceSpec d = platform.device(isr.device());
        return d == null ? 0 : d.line();
    }

    /** A 256-byte console buffer at the end of the partition's first writable region. */
    private static long consoleBuffer(PartitionSpec p) {
        for (RegionSpec r : p.memory()) {
            if ((r.perms() & (Access.READ | Access.WRITE)) == (Access.READ | Access.WRITE) && r.size() >= 256) {
                return r.base() + r.size() - 256;
            }
        }
        return p.memory().get(0).base();
    }
}
