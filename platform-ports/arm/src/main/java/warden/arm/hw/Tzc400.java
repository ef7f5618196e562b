package warden.arm.hw;

import warden.emu.MmioDevice;

/**
 * One filter of a CoreLink TZC-400 (TZC-400 TRM, Arm DDI 0504, §2.2 "Regions", §2.3 "Security
 * inversion" not enabled, §3.3 registers; layout {@link Tzc400Descriptor}): region 0 as the
 * always-enabled background and regions 1-8 with base, top, secure read/write enables
 * (S_RD_EN bit 30, S_WR_EN bit 31) and per-NSAID Non-secure enables.
 *
 * <p>Guarantees:
 * <ul>
 *   <li>an access is decided by the one enabled region 1-8 that holds all of its bytes, else by
 *       region 0; an access that meets two enabled regions 1-8 is denied and sets
 *       INT_STATUS.OVERLAP (the TRM leaves overlap undefined; software must not program it, and
 *       {@link warden.arm.hw.ArmProtectionUnit} rejects it); an access that straddles a region
 *       end is denied (AXI bursts never cross 4 KiB; Warden does not split accesses);</li>
 *   <li>Secure accesses need the region's S_RD_EN / S_WR_EN; Non-secure accesses need the bit of
 *       their NSAID in nsaid_rd_en / nsaid_wr_en;</li>
 *   <li>a denied access records FAIL_ADDRESS / FAIL_CONTROL / FAIL_ID and INT_STATUS.STATUS (a
 *       second one before INT_CLEAR sets OVERRUN), reads return zero and writes are dropped;
 *       {@link #check} returns {@link #DENY_ERROR} when ACTION asks for an error response (the PE
 *       takes a synchronous external abort), else {@link #DENY_SILENT};</li>
 *   <li>base and top are 4 KiB granular (base bits 11:0 RAZ/WI, top bits 11:0 read as ones);
 *       the programming interface is Secure-only (Non-secure accesses are RAZ/WI);</li>
 *   <li>nothing allocates; checks loop at most 9 times;</li>
 *   <li>fault injection for tests and campaigns ({@link #stickAttributeBits}): attribute bits of a
 *       region stuck at 0, as a permanent hardware fault; it is no register of the programming
 *       interface, so no guest and no bus access reaches it.</li>
 * </ul>
 *
 * [impl->dsn~arm.tzc.regions~1] [impl->dsn~arm.tzc.denied~1] [impl->dsn~arm.hw.no-allocation~1]
 */
public final class Tzc400 implements MmioDevice {
    public static final int ALLOW = 0;
    public static final int DENY_SILENT = 1;
    public static final int DENY_ERROR = 2;
    private static final long ADDRESS_MASK = (1L << 40) - 1;

    private final long[] base = new long[Tzc400Descriptor.REGIONS];
    private final long[] top = new long[Tzc400Descriptor.REGIONS];
    private final int[] attributes = new int[Tzc400Descriptor.REGIONS];
    private final int[] idAccess = new int[Tzc400Descriptor.REGIONS];
    private final int[] stuckAtZero = new int[Tzc400Descriptor.REGIONS];
    private final TransactionSecurity security;
    private int action = Tzc400Descriptor.ACTION_ERR;
    private int intStatus;
    private long failAddress;
    private int failControl;
    private int failId;

    /** Boot-time: all regions disabled, region 0 denies everything, ACTION = error response. */
    public Tzc400(TransactionSecurity security) {
        this.security = security;
        top[0] = ADDRESS_MASK;
    }

    /** Decides an access; see the class guarantees. @return ALLOW, DENY_SILENT or DENY_ERROR. */
    public int check(long address, int size, boolean write, boolean nonSecure, int nsaid) {
        long last = address + size - 1;
        int region = 0;
        for (int n = 1; n < Tzc400Descriptor.REGIONS; n++) { // bound: 8 regions
            if ((attributes[n] & Tzc400Descriptor.FILTER_EN_MASK) == 0 || last < base[n] || address > top[n]) {
                continue;
            }
            boolean inside = address >= base[n] && last <= top[n] && last >= address;
            if (region != 0 || !inside) {
                if (region != 0) {
                    intStatus |= 1 << Tzc400Descriptor.INT_STATUS_OVERLAP_SHIFT;
                }
                return deny(address, write, nonSecure, nsaid);
            }
            region = n;
        }
        boolean ok = nonSecure
                ? (idAccess[region] & (1 << ((write ? Tzc400Descriptor.NSAID_WR_SHIFT : 0) + (nsaid & 0xF)))) != 0
                : (attributes[region] & (write ? Tzc400Descriptor.S_WR_EN : Tzc400Descriptor.S_RD_EN)) != 0;
        return ok ? ALLOW : deny(address, write, nonSecure, nsaid);
    }

    private int deny(long address, boolean write, boolean nonSecure, int nsaid) {
        if ((intStatus & 1) != 0) {
            intStatus |= 1 << Tzc400Descriptor.INT_STATUS_OVERRUN_SHIFT;
        } else {
            intStatus |= 1;
            failAddress = address;
            failControl = (write ? Tzc400Descriptor.FAIL_CONTROL_WRITE : 0)
                    | (nonSecure ? Tzc400Descriptor.FAIL_CONTROL_NON_SECURE : 0);
            failId = nsaid;
        }
        return (action & Tzc400Descriptor.ACTION_ERR) != 0 ? DENY_ERROR : DENY_SILENT;
    }

    /** @return whether TZCINT is asserted (ACTION asks for an interrupt and a failure is recorded). */
    public boolean interruptAsserted() {
        return (action & Tzc400Descriptor.ACTION_INT) != 0 && (intStatus & 1) != 0;
    }

    @Override
    public long read(long offset, int size, long nowNs) {
        if (size != 4 || security.nonSecure()) {
            return 0;
        }
        int n = Tzc400Descriptor.region(offset);
        if (n >= 0) {
            return readRegion(n, (int) (offset - Tzc400Descriptor.offset(n, 0)));
        }
        switch ((int) offset) {
            case (int) Tzc400Descriptor.BUILD_CONFIG: return (Tzc400Descriptor.REGIONS - 1) | (39 << 8);
            case (int) Tzc400Descriptor.ACTION: return action;
            case (int) Tzc400Descriptor.GATE_KEEPER: return 0x1_0001; // filter 0 open
            case (int) Tzc400Descriptor.INT_STATUS: return intStatus;
            case (int) Tzc400Descriptor.FAIL_ADDRESS_LOW: return failAddress & 0xFFFF_FFFFL;
            case (int) Tzc400Descriptor.FAIL_ADDRESS_HIGH: return failAddress >>> 32;
            case (int) Tzc400Descriptor.FAIL_CONTROL: return failControl & 0xFFFF_FFFFL;
            case (int) Tzc400Descriptor.FAIL_ID: return failId;
            default: return 0;
        }
    }

    private long readRegion(int n, int reg) {
        switch (reg) {
            case Tzc400Descriptor.BASE_LOW: return base[n] & 0xFFFF_F000L;
            case Tzc400Descriptor.BASE_HIGH: return base[n] >>> 32;
            case Tzc400Descriptor.TOP_LOW: return top[n] & 0xFFFF_FFFFL;
            case Tzc400Descriptor.TOP_HIGH: return top[n] >>> 32;
            case Tzc400Descriptor.ATTRIBUTES: return attributes[n] & 0xFFFF_FFFFL;
            case Tzc400Descriptor.ID_ACCESS: return idAccess[n] & 0xFFFF_FFFFL;
            default: return 0;
        }
    }

    @Override
    public void write(long offset, int size, long value, long nowNs) {
        if (size != 4 || security.nonSecure()) {
            return;
        }
        int n = Tzc400Descriptor.region(offset);
        int v = (int) value;
        if (n >= 0) {
            writeRegion(n, (int) (offset - Tzc400Descriptor.offset(n, 0)), v);
        } else if (offset == Tzc400Descriptor.ACTION) {
            action = v & 3;
        } else if (offset == Tzc400Descriptor.INT_CLEAR && (v & 1) != 0) {
            intStatus = 0;
        }
    }

    private void writeRegion(int n, int reg, int v) {
        long lo = v & 0xFFFF_FFFFL;
        if (n == 0) { // background: only the security enables and the ID access are writable
            if (reg == Tzc400Descriptor.ATTRIBUTES) {
                attributes[0] = v & (Tzc400Descriptor.S_WR_EN | Tzc400Descriptor.S_RD_EN) & ~stuckAtZero[0];
            } else if (reg == Tzc400Descriptor.ID_ACCESS) {
                idAccess[0] = v;
            }
            return;
        }
        switch (reg) {
            case Tzc400Descriptor.BASE_LOW: base[n] = (base[n] & ~0xFFFF_FFFFL) | (lo & 0xFFFF_F000L); break;
            case Tzc400Descriptor.BASE_HIGH: base[n] = ((lo & 0xFF) << 32) | (base[n] & 0xFFFF_FFFFL); break;
            case Tzc400Descriptor.TOP_LOW: top[n] = (top[n] & ~0xFFFF_FFFFL) | lo | 0xFFFL; break;
            case Tzc400Descriptor.TOP_HIGH: top[n] = ((lo & 0xFF) << 32) | (top[n] & 0xFFFF_FFFFL); break;
            case Tzc400Descriptor.ATTRIBUTES:
                attributes[n] = v & (Tzc400Descriptor.S_WR_EN | Tzc400Descriptor.S_RD_EN
                        | Tzc400Descriptor.FILTER_EN_MASK) & ~stuckAtZero[n];
                break;
            case Tzc400Descriptor.ID_ACCESS: idAccess[n] = v; break;
            default: break;
        }
    }

    /**
     * Fault injection, for tests and fault campaigns only: from now on the bits of
     * {@code stuckAtZeroMask} in region {@code region}'s attribute register are permanently stuck at
     * 0, as a stuck-at-0 fault of the register's flip-flops. They read as 0, decide accesses as 0
     * and ignore writes of 1; faults add up and nothing clears them. No guest reaches this: it is no
     * register of the programming interface. A region outside 0-8 is ignored. Allocates nothing.
     *
     * [impl->dsn~arm.tzc.fault-injection~1]
     */
    public void stickAttributeBits(int region, int stuckAtZeroMask) {
        if (region < 0 || region >= Tzc400Descriptor.REGIONS) {
            return;
        }
        stuckAtZero[region] |= stuckAtZeroMask;
        attributes[region] &= ~stuckAtZeroMask;
    }

    public int intStatus() { return intStatus; }
    public long failAddress() { return failAddress; }
    public int failControl() { return failControl; }
}
