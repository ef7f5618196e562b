package warden.x86.hw;

import warden.emu.DmaGuard;

/**
 * The protected memory regions of the board's DMA-remapping unit (Intel Virtualization Technology
 * for Directed I/O Architecture Specification, "Protected Memory Regions" and the registers
 * PMEN_REG, PLMBASE_REG, PLMLIMIT_REG, PHMBASE_REG, PHMLIMIT_REG): with PMEN_REG.EPM (bit 31) set,
 * a DMA request that touches the protected low-memory range [PLMBASE, PLMLIMIT] or the protected
 * high-memory range [PHMBASE, PHMLIMIT] is blocked, whatever master issued it; PMEN_REG.PRS (bit 0)
 * reports the state. Base and limit are 2 MiB granular on this board (the specification leaves the
 * granularity N ≥ 21 to the implementation): base bits 20:0 read as 0, limit bits 20:0 as ones, so
 * a range [base, limit] covers whole 2 MiB blocks; a range whose base lies above its limit is empty.
 * Base and limit are written only while the protection is off (EPM = 0); writes while it is on are
 * ignored, so software disables it, programs the ranges and enables it again.
 * The low range holds addresses below 4 GiB only.
 *
 * <p>What the port does with it ({@link #protect}): the protections are global, not per master, so
 * they can only keep DMA out of memory no DMA master may reach. On this board every DMA-capable
 * device lies outside SMRAM, which critical partitions cannot own (X86IsolationRules), and only one
 * partition runs outside SMM, so every owned NIC belongs to that partition; the monitor protects
 * SMRAM (the monitor's memory, the critical partitions' memory and the SMM-only device window) as
 * the low range at boot, exactly the memory SMRR keeps from that partition's cores. A NIC owned by
 * no partition does no DMA at all ({@link DmaGuard#CLOSED}). Nothing allocates; a check is constant time.
 *
 * [impl->dsn~x86.dma-pmr~1]
 */
public final class VtdPmr implements DmaGuard {
    public static final int PMEN_EPM = 1 << 31;
    public static final int PMEN_PRS = 1;
    public static final long GRANULE = 1L << 21;
    private static final long LOW_MASK = 0xFFFF_FFFFL & ~(GRANULE - 1);

    private boolean enabled;
    private long plmBase;
    private long plmEnd;
    private long phmBase;
    private long phmEnd;
    private long blocked;

    /** Writes PMEN_REG: bit 31 EPM enables the protected ranges. */
    public void writePmen(int value) {
        enabled = (value & PMEN_EPM) != 0;
    }

    /** @return PMEN_REG: EPM and PRS, both the protection's state. */
    public int readPmen() {
        return enabled ? PMEN_EPM | PMEN_PRS : 0;
    }

    /** Writes PLMBASE_REG (bits 31:21); ignored while the protection is enabled. */
    public void writePlmBase(long value) {
        plmBase = enabled ? plmBase : value & LOW_MASK;
    }

    /** Writes PLMLIMIT_REG (bits 31:21: the range's last 2 MiB block); ignored while enabled. */
    public void writePlmLimit(long value) {
        plmEnd = enabled ? plmEnd : (value & LOW_MASK) + GRANULE;
    }

    /** Writes PHMBASE_REG (bits 63:21); ignored while the protection is enabled. */
    public void writePhmBase(long value) {
        phmBase = enabled ? phmBase : value & ~(GRANULE - 1);
    }

    /** Writes PHMLIMIT_REG (bits 63:21: the range's last 2 MiB block); ignored while enabled. */
    public void writePhmLimit(long value) {
        phmEnd = enabled ? phmEnd : (value & ~(GRANULE - 1)) + GRANULE;
    }

    public long plmBase() { return plmBase; }
    /** @return PLMLIMIT as read: the range's last byte. */
    public long plmLimit() { return plmEnd - 1; }
    public long phmBase() { return phmBase; }
    public long phmLimit() { return phmEnd - 1; }

    /**
     * The monitor's boot programming: protection off, [base, base + size) as the protected
     * low-memory range (both 2 MiB aligned, below 4 GiB), the high range empty, protection on.
     */
    public void protect(long base, long size) {
        writePmen(0);
        writePlmBase(base);
        writePlmLimit(base + size - 1);
        writePhmBase(GRANULE);
        writePhmLimit(0);
        writePmen(PMEN_EPM);
    }

    @Override
    public boolean permits(int master, long address, int length, boolean write) {
        long last = address + length - 1;
        boolean hit = enabled
                && (touches(address, last, plmBase, plmEnd) || touches(address, last, phmBase, phmEnd));
        if (hit) {
            blocked++;
        }
        return !hit;
    }

    private static boolean touches(long first, long last, long base, long end) {
        return base < end && first < end && last >= base;
    }

    /** @return DMA requests blocked. */
    public long blocked() {
        return blocked;
    }
}
