package warden.launcher.run;

import warden.emu.DeviceSpec;
import warden.emu.PlatformDescription;
import warden.kernel.api.Access;
import warden.launcher.config.PartitionSpec;
import warden.launcher.config.RegionSpec;
import warden.launcher.config.SystemDescription;

/**
 * What the system description says a partition may reach, computed from the description alone,
 * independently of any protection unit: an access is allowed when all its bytes lie in one of the
 * partition's own memory regions that grants that access, or (for reads and writes) in the window
 * of one of its own devices. Everything else is denied. A probe's outcome on the emulated hardware
 * is checked against this.
 *
 * [impl->dsn~run.isolation-oracle~1]
 */
public final class IsolationOracle {
    private IsolationOracle() {
    }

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
     *     platform's monitor-only devices), or a region or device window that {@code d} gives to a
     *     partition other than {@code p}.
     *
     * [impl->dsn~run.hostile~1]
     */
    public static boolean foreign(SystemDescription d, PartitionSpec p, PlatformDescription platform, long address,
                                  int size) {
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

    private static boolean overlaps(long address, int size, long base, long length) {
        return Long.compareUnsigned(address, base + length) < 0 && Long.compareUnsigned(base, address + size) < 0
                && Long.compareUnsigned(address, address + size) < 0;
    }

    private static boolean within(long address, int size, long base, long length) {
        return address >= base && size <= length && address - base <= length - size;
    }
}
