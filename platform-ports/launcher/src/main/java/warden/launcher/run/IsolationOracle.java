package warden.launcher.run;

import warden.emu.DeviceSpec;
import warden.emu.PlatformDescription;
import warden.kernel.api.Access;
import warden.launcher.config.PartitionSpec;
import warden.launcher.config.RegionSpec;

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

    private static boolean within(long address, int size, long base, long length) {
        return address >= base && size <= length && address - base <= length - size;
    }
}
