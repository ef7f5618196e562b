package warden.launcher.campaign;

import java.util.ArrayList;
import java.util.List;
import warden.emu.DeviceSpec;
import warden.emu.FaultModel;
import warden.emu.MemorySpec;
import warden.emu.PlatformDescription;
import warden.emu.SplitMix64;
import warden.launcher.config.PartitionSpec;
import warden.launcher.config.RegionSpec;
import warden.launcher.config.SystemDescription;

/**
 * Where a fault hits, drawn from the run's seed. A crash, fault storm or isolation violation
 * targets an address anywhere in the platform's map outside what the partition owns: one of the
 * windows of the map (the monitor's memory as the description places it, each RAM range, each
 * device window, the 4 GiB below the first RAM range) is drawn with equal weight, then an 8-byte
 * aligned address in it (room left for the storm's 64 accesses), redrawn while it falls in the
 * partition's own memory or devices. A memory corruption draws one bit of the partition's whole
 * memory (all its regions, weighted by size): its bit address, byte address times 8 plus the bit.
 *
 * [impl->dsn~campaign.fault-models~2]
 */
final class FaultAddresses {
    /** Room a fault storm needs after its first address: 64 accesses of 8 bytes. */
    static final long STORM_SPAN = 64 * 8;
    private static final int TRIES = 64;

    private FaultAddresses() {
    }

    static long draw(int model, PartitionSpec ps, SystemDescription d, PlatformDescription pd, SplitMix64 r) {
        if (model == FaultModel.MEMORY_CORRUPTION) {
            return ownBit(ps, r);
        }
        List<long[]> windows = windows(pd);
        long[] monitor = d.monitor() != null ? new long[] {d.monitor().base(), d.monitor().size()}
                : new long[] {pd.monitorBase(), pd.monitorSize()}; // no monitor section: the board's
        windows.add(monitor);
        for (int t = 0; t < TRIES; t++) {
            long[] w = windows.get((int) r.nextLong(windows.size()));
            long span = Math.max(8, w[1] - STORM_SPAN);
            long a = (w[0] + r.nextLong(span)) & ~7L;
            if (!owns(ps, pd, a, STORM_SPAN)) {
                return a;
            }
        }
        return monitor[0];
    }

    /** @return a bit address drawn uniformly from the partition's memory regions. */
    static long ownBit(PartitionSpec ps, SplitMix64 r) {
        long total = 0;
        for (RegionSpec m : ps.memory()) {
            total += m.size();
        }
        long at = r.nextLong(total);
        for (RegionSpec m : ps.memory()) {
            if (at < m.size()) {
                return (m.base() + at) * 8 + r.nextLong(8);
            }
            at -= m.size();
        }
        throw new IllegalStateException("a partition without memory");
    }

    private static List<long[]> windows(PlatformDescription pd) {
        List<long[]> out = new ArrayList<>();
        long low = Long.MAX_VALUE;
        for (MemorySpec m : pd.memory()) {
            out.add(new long[] {m.base(), m.size()});
            low = Math.min(low, m.base());
        }
        for (DeviceSpec dev : pd.devices()) {
            out.add(new long[] {dev.base(), dev.size()});
        }
        out.add(new long[] {0, low == Long.MAX_VALUE || low == 0 ? 1L << 32 : low});
        return out;
    }

    private static boolean owns(PartitionSpec ps, PlatformDescription pd, long a, long span) {
        for (RegionSpec m : ps.memory()) {
            if (a < m.base() + m.size() && m.base() < a + span) {
                return true;
            }
        }
        for (String name : ps.devices()) {
            DeviceSpec dev = pd.device(name);
            if (dev != null && a < dev.base() + dev.size() && dev.base() < a + span) {
                return true;
            }
        }
        return false;
    }
}
