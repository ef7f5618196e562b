package warden.launcher.config;

import java.util.ArrayList;
import java.util.List;
import warden.emu.DeviceSpec;
import warden.emu.MemorySpec;
import warden.emu.PlatformDescription;
import warden.kernel.api.ChannelLayout;

/**
 * Where each channel's ring lives: in monitor-owned RAM, outside the monitor's reserved memory,
 * every partition region, every device window and every other ring. A ring's region is its slots
 * ({@code slots * stride}) rounded up to a power of two of at least 4 KiB and aligned to its size,
 * so that every target's protection unit can express it with one entry (a RISC-V NAPOT PMP entry,
 * a 4 KiB-granule TZC-400 region, 4 KiB SMM pages). Rings are placed in channel order, first fit
 * from the top of the RAM bank that holds the sender's first region downward (on x86 that keeps
 * the ring of an SMM sender inside SMRAM). Deterministic: same description, same addresses.
 *
 * [impl->dsn~config.channel-placement~1]
 */
public final class ChannelPlacement {
    /** Smallest ring region. */
    public static final long MIN_REGION = 0x1000;
    /** Sentinel of {@link #place}: no free RAM for the ring. */
    public static final long NO_ROOM = -1;

    private ChannelPlacement() {
    }

    /** @return the size of a channel's ring region. [impl->dsn~config.channel-placement~1] */
    public static long regionSize(ChannelSpec c) {
        long bytes = Math.max(MIN_REGION, ChannelLayout.ringBytes(c.slotSize(), c.slots(), c.crcBits()));
        return Long.highestOneBit(bytes - 1) << 1;
    }

    /**
     * @return each channel's ring base, in channel order, or {@link #NO_ROOM} for one that does not
     *     fit (or whose sender is unknown or has no region). [impl->dsn~config.channel-placement~1]
     */
    public static long[] place(SystemDescription d, PlatformDescription p, MonitorSpec m) {
        List<long[]> taken = taken(d, p, m);
        long[] at = new long[d.channels().size()];
        for (int i = 0; i < at.length; i++) { // at most CHANNELS_MAX
            ChannelSpec c = d.channels().get(i);
            int s = d.partitionIndex(c.from());
            MemorySpec bank = s < 0 || d.partitions().get(s).memory().isEmpty() ? null
                    : bank(p, d.partitions().get(s).memory().get(0).base());
            long size = regionSize(c);
            at[i] = bank == null ? NO_ROOM : firstFit(bank, size, taken);
            if (at[i] != NO_ROOM) {
                taken.add(new long[] {at[i], size});
            }
        }
        return at;
    }

    private static List<long[]> taken(SystemDescription d, PlatformDescription p, MonitorSpec m) {
        List<long[]> t = new ArrayList<>();
        t.add(new long[] {m.base(), m.size()});
        for (PartitionSpec ps : d.partitions()) { // at most 16 x 8
            for (RegionSpec r : ps.memory()) {
                t.add(new long[] {r.base(), r.size()});
            }
        }
        for (DeviceSpec dev : p.devices()) { // the platform catalog
            t.add(new long[] {dev.base(), dev.size()});
        }
        return t;
    }

    private static MemorySpec bank(PlatformDescription p, long address) {
        for (MemorySpec b : p.memory()) { // the platform's RAM banks
            if (address >= b.base() && address - b.base() < b.size()) {
                return b;
            }
        }
        return null;
    }

    /** Highest size-aligned base in the bank where [base, base+size) overlaps nothing taken. */
    private static long firstFit(MemorySpec bank, long size, List<long[]> taken) {
        long at = (bank.base() + bank.size() - size) & -size;
        while (at >= bank.base()) { // each step skips below one taken range: at most |taken| + 1 steps
            long[] hit = overlap(at, size, taken);
            if (hit == null) {
                return at;
            }
            at = (hit[0] - size) & -size;
        }
        return NO_ROOM;
    }

    private static long[] overlap(long base, long size, List<long[]> taken) {
        for (long[] t : taken) { // at most 16 x 8 regions, the catalog, the rings
            if (base < t[0] + t[1] && t[0] < base + size) {
                return t;
            }
        }
        return null;
    }
}
