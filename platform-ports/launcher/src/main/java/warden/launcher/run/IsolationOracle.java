package warden.launcher.run;

import warden.emu.DeviceSpec;
import warden.emu.PlatformDescription;
import warden.kernel.api.Access;
import warden.launcher.config.ChannelPlacement;
import warden.launcher.config.ChannelSpec;
import warden.launcher.config.DescriptionValidator;
import warden.launcher.config.PartitionSpec;
import warden.launcher.config.RegionSpec;
import warden.launcher.config.SystemDescription;

/**
 * What the system description says a partition may reach, computed from the description alone,
 * independently of any protection unit: an access is allowed when all its bytes lie in one of the
 * partition's own memory regions that grants that access, or (for reads and writes) in the window
 * of one of its own devices, or in the ring of one of its channels (read and write for the sender,
 * read for the receiver). Everything else is denied. A probe's outcome on the emulated hardware
 * is checked against this.
 *
 * [impl->dsn~run.isolation-oracle~1] [impl->dsn~run.channel-binding~1]
 */
public final class IsolationOracle {
    private IsolationOracle() {
    }

    /**
     * As {@link #allowed(PartitionSpec, PlatformDescription, long, int, int)}, and the rings of p's
     * channels: read-write for their sender, read-only for their receiver, never executable.
     *
     * [impl->dsn~run.isolation-oracle~1]
     */
    public static boolean allowed(SystemDescription d, PartitionSpec p, PlatformDescription platform, long address,
                                  int size, int access) {
        return allowed(d, p, platform, rings(d, platform), address, size, access);
    }

    /** @return the ring bases of d's channels, in channel order. [impl->dsn~run.channel-binding~1] */
    public static long[] rings(SystemDescription d, PlatformDescription platform) {
        return d.channels().isEmpty() ? new long[0]
                : ChannelPlacement.place(d, platform, DescriptionValidator.effectiveMonitor(d, platform));
    }

    /** As above with the ring bases computed once ({@link #rings}). [impl->dsn~run.channel-binding~1] */
    public static boolean allowed(SystemDescription d, PartitionSpec p, PlatformDescription platform, long[] at,
                                  long address, int size, int access) {
        if (allowed(p, platform, address, size, access)) {
            return true;
        }
        if (address < 0 || size <= 0 || address + size < address) {
            return false;
        }
        for (int i = 0; i < at.length; i++) { // at most CHANNELS_MAX
            ChannelSpec c = d.channels().get(i);
            int perms = c.from().equals(p.name()) ? Access.READ | Access.WRITE
                    : c.to().equals(p.name()) ? Access.READ : 0;
            if ((perms & access) == access && within(address, size, at[i], ChannelPlacement.regionSize(c))) {
                return true;
            }
        }
        return false;
    }

    /** [impl->dsn~run.isolation-oracle~1] */
    public static boolean allowed(PartitionSpec p, PlatformDescription platform, long address, int size, int access) {
        if (address < 0 || size <= 0 || address + size < address) {
            return false;
        }
        for (RegionSpec r : p.memory()) {
            if ((r.perms() & access) == access && within(address, size, r.base(), r.size())) {
                return platform.inRam(address, size);
            }
        }
        if (access == Access.EXECUTE) {
            return false;
        }
        for (String name : p.devices()) {
            DeviceSpec d = platform.device(name);
            if (d != null && within(address, size, d.base(), d.size())) {
                return true;
            }
        }
        return false;
    }

    /**
     * @return whether [address, address+size) overlaps the monitor's memory or one of its devices (the
     *     platform's monitor-only devices), a region or device window that {@code d} gives to a
     *     partition other than {@code p}, or the ring of a channel {@code p} is not an endpoint of.
     *
     * [impl->dsn~run.hostile~1]
     */
    public static boolean foreign(SystemDescription d, PartitionSpec p, PlatformDescription platform, long address,
                                  int size) {
        return foreign(d, p, platform, rings(d, platform), address, size);
    }

    /** As above with the ring bases computed once ({@link #rings}). [impl->dsn~run.hostile~1] */
    public static boolean foreign(SystemDescription d, PartitionSpec p, PlatformDescription platform, long[] rings,
                                  long address, int size) {
        long monitorBase = d.monitor() != null ? d.monitor().base() : platform.monitorBase();
        long monitorSize = d.monitor() != null ? d.monitor().size() : platform.monitorSize();
        if (overlaps(address, size, monitorBase, monitorSize)) {
            return true;
        }
        for (DeviceSpec dev : platform.devices()) {
            if (dev.monitorOnly() && overlaps(address, size, dev.base(), dev.size())) {
                return true;
            }
        }
        if (foreignRing(d, p, rings, address, size)) {
            return true;
        }
        for (PartitionSpec other : d.partitions()) {
            if (other == p) {
                continue;
            }
            for (RegionSpec r : other.memory()) {
                if (overlaps(address, size, r.base(), r.size())) {
                    return true;
                }
            }
            for (String name : other.devices()) {
                DeviceSpec dev = platform.device(name);
                if (dev != null && overlaps(address, size, dev.base(), dev.size())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean foreignRing(SystemDescription d, PartitionSpec p, long[] at, long address, int size) {
        for (int i = 0; i < at.length; i++) { // at most CHANNELS_MAX
            ChannelSpec c = d.channels().get(i);
            boolean endpoint = c.from().equals(p.name()) || c.to().equals(p.name());
            if (!endpoint && overlaps(address, size, at[i], ChannelPlacement.regionSize(c))) {
                return true;
            }
        }
        return false;
    }

    private static boolean overlaps(long address, int size, long base, long length) {
        return Long.compareUnsigned(address, base + length) < 0 && Long.compareUnsigned(base, address + size) < 0
                && Long.compareUnsigned(address, address + size) < 0;
    }

    private static boolean within(long address, int size, long base, long length) {
        return address >= base && size <= length && address - base <= length - size;
    }
}
