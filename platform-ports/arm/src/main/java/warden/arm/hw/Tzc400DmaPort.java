package warden.arm.hw;

import warden.emu.DmaGuard;
import warden.emu.dev.nic.NicBoard;
import warden.kernel.api.Access;
import warden.kernel.api.SystemImage;

/**
 * The TZC-400 filter in front of the board's DMA port (a TZC-400 has up to four filters, one per
 * memory port; TZC-400 TRM, Arm DDI 0504, "Filter units"), and its boot-time programming by the
 * EL3 firmware from the system image. The DMA masters are Non-secure and each has its own NSAID,
 * {@link #NSAID_FIRST} + its index on the board (the AXI master's NSAID input; TRM "NSAID"): regions
 * 1-8 of the filter hold the memory regions of the DMA masters' owners, each enabling read and write
 * (per the region's access) only for the NSAIDs of the masters of its owner (nsaid_rd_en /
 * nsaid_wr_en of REGION_ID_ACCESS); a memory region with exactly the base and size of one already
 * programmed (two masters of one owner, or a region two owners share) adds its master's NSAID to
 * that filter region; regions that only overlap get filter regions of their own, which the TZC-400
 * denies (INT_STATUS.OVERLAP): less access, never more. Region 0 stays without enables, so every
 * other address, and every master without an owner, is denied; a denied access is recorded by the
 * filter (FAIL_* registers).
 *
 * <p>Guarantees: {@link #permits} is exactly the filter's Non-secure check with the master's NSAID;
 * a master beyond {@link #MASTERS_MAX} is denied; regions that no longer fit the eight are left
 * out (less access, never more) and counted in {@link #program}'s result; the filter's programming
 * interface is not on the bus (EL3 programs it through the Secure attribute). Nothing allocates
 * after construction; {@link #program} loops at most 8 masters × 16 regions × 8 filter regions.
 *
 * [impl->dsn~arm.tzc.dma~1]
 */
public final class Tzc400DmaPort implements DmaGuard {
    /** NSAID of DMA master 0 (PEs use their own; the filter here sees only DMA masters). */
    public static final int NSAID_FIRST = 8;
    public static final int MASTERS_MAX = 16 - NSAID_FIRST;

    private final Tzc400 filter;
    private final TransactionSecurity security;
    /** Base and top of filter regions 1..8 as programmed (index 0 unused). */
    private final long[] bases = new long[Tzc400Descriptor.REGIONS];
    private final long[] tops = new long[Tzc400Descriptor.REGIONS];
    private final int[] ids = new int[Tzc400Descriptor.REGIONS];

    /** Boot-time: a filter of its own with every region disabled. */
    public Tzc400DmaPort(TransactionSecurity security) {
        this.security = security;
        this.filter = new Tzc400(security);
    }

    @Override
    public boolean permits(int master, long address, int length, boolean write) {
        if (master < 0 || master >= MASTERS_MAX) {
            return false;
        }
        return filter.check(address, length, write, true, NSAID_FIRST + master) == Tzc400.ALLOW;
    }

    /** @return the DMA port's filter (its FAIL_* and INT_STATUS registers). */
    public Tzc400 filter() {
        return filter;
    }

    /**
     * Programs the filter for the DMA masters of {@code nics} through the Secure programming interface.
     * @return regions of DMA owners left out because the filter's eight were used up
     */
    public int program(SystemImage image, NicBoard nics) {
        security.set(false);
        int used = 0;
        int left = 0;
        for (int m = 0; m < nics.masters(); m++) { // bound: a NicBoard holds at most 8 = MASTERS_MAX
            int p = nics.owner(m);
            for (int r = 0; p != SystemImage.NO_PARTITION && r < image.regionCount(p); r++) { // bound: 16
                int region = image.region(p, r);
                int perms = image.regionPerms(region);
                long base = image.regionBase(region);
                long top = base + image.regionSize(region) - 1;
                int n = find(base, top, used);
                if (n == 0 && used == Tzc400Descriptor.REGIONS - 1) {
                    left++;
                    continue;
                }
                if (n == 0) {
                    n = ++used;
                    bases[n] = base;
                    tops[n] = top;
                    write(n, Tzc400Descriptor.BASE_LOW, base & 0xFFFF_FFFFL);
                    write(n, Tzc400Descriptor.BASE_HIGH, base >>> 32);
                    write(n, Tzc400Descriptor.TOP_LOW, top & 0xFFFF_FFFFL);
                    write(n, Tzc400Descriptor.TOP_HIGH, top >>> 32);
                    write(n, Tzc400Descriptor.ATTRIBUTES, 1);
                }
                ids[n] |= Tzc400Descriptor.idAccess(NSAID_FIRST + m, (perms & Access.READ) != 0,
                        (perms & Access.WRITE) != 0);
                write(n, Tzc400Descriptor.ID_ACCESS, ids[n] & 0xFFFF_FFFFL);
            }
        }
        return left;
    }

    /** @return the filter region 1..used programmed with exactly this base and top, or 0. */
    private int find(long base, long top, int used) {
        for (int n = 1; n <= used; n++) { // bound: 8 regions
            if (bases[n] == base && tops[n] == top) {
                return n;
            }
        }
        return 0;
    }

    private void write(int n, int reg, long value) {
        filter.write(Tzc400Descriptor.offset(n, reg), 4, value, 0);
    }
}
