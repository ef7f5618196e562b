package warden.riscv.hw;

import warden.kernel.api.Status;

/**
 * One hart's Physical Memory Protection unit, RV64, modelled after the RISC-V privileged spec
 * (Machine-Level ISA, section "Physical Memory Protection": "Physical Memory Protection CSRs",
 * "Address Matching", "Locking and Privilege Mode", "Priority and Matching Logic").
 *
 * <p>Guarantees:
 * <ul>
 *   <li>0, 16 or 64 entries and a grain of 2^(G+2) bytes, fixed at construction;</li>
 *   <li>CSR writes are WARL ({@link Pmpcfg#legalize}); {@code pmpaddr} keeps bits 55:2 of an
 *       address (register bits 53:0); a locked entry ignores writes to its {@code pmpcfg} byte
 *       and {@code pmpaddr}, and a locked TOR entry also freezes the {@code pmpaddr} before it,
 *       until {@link #reset};</li>
 *   <li>{@link #allows} decides exactly as the spec: the lowest-numbered entry matching any byte
 *       decides and must match all bytes; L=0 entries let M-mode through; no match lets M-mode
 *       through and denies S/U unless the unit has no entries;</li>
 *   <li>the CSR methods and {@link #allows} allocate nothing and loop at most {@link #ENTRIES_MAX}
 *       times.</li>
 * </ul>
 *
 * <p>Errors: an illegal CSR number (odd {@code pmpcfg} on RV64, numbers outside the CSR range)
 * makes a write return a status instead of trapping and a read return 0; the hart model turns
 * that into an illegal-instruction exception.
 *
 * [impl->dsn~riscv.hw.no-allocation~1]
 */
public final class Pmp {
    public static final int ENTRIES_MAX = 64;
    /** Largest grain exponent accepted: a grain of 2^54 bytes. */
    public static final int G_MAX = 52;
    /** Size of the RV64 physical address space covered by PMP (56 bits). */
    public static final long PHYS_LIMIT = 1L << 56;
    /** Writable bits of a pmpaddr register (address bits 55:2). */
    public static final long PMPADDR_MASK = (1L << 54) - 1;
    public static final int PRIV_U = 0;
    public static final int PRIV_S = 1;
    public static final int PRIV_M = 3;

    private final int entryCount;
    private final int g;
    private final long torMask;
    private final long napotOnes;
    private final int[] cfg;
    private final long[] addr;

    /** Boot-time: a reset PMP with {@code entryCount} (0, 16, 64) entries and grain exponent G. */
    public Pmp(int entryCount, int g) {
        if (entryCount != 0 && entryCount != 16 && entryCount != ENTRIES_MAX) {
            throw new IllegalArgumentException("PMP entry count must be 0, 16 or 64: " + entryCount);
        }
        if (g < 0 || g > G_MAX) {
            throw new IllegalArgumentException("PMP grain exponent G outside 0.." + G_MAX + ": " + g);
        }
        this.entryCount = entryCount;
        this.g = g;
        this.torMask = ~((1L << g) - 1);
        this.napotOnes = g >= 2 ? (1L << (g - 1)) - 1 : 0;
        this.cfg = new int[entryCount];
        this.addr = new long[entryCount];
    }

    public int entryCount() {
        return entryCount;
    }

    /** @return G: the grain is 2^(G+2) bytes. */
    public int granularity() {
        return g;
    }

    /** Hart reset: every entry OFF, unlocked, address zero. */
    public void reset() {
        for (int i = 0; i < entryCount; i++) {
            cfg[i] = 0;
            addr[i] = 0;
        }
    }

    /**
     * Writes RV64 CSR {@code pmpcfg<csr>}: byte k goes to entry 4*csr+k unless that entry is
     * locked or not implemented (then the byte is read-only zero or frozen).
     *
     * @return Status.OK; Status.NOT_SUPPORTED for an odd csr (illegal on RV64);
     *         Status.INVALID_PARAM for a number outside 0..15
     * [impl->dsn~riscv.pmp.csr~1] [impl->dsn~riscv.pmp.lock~1]
     */
    public int writePmpcfg(int csr, long value) {
        if (csr < 0 || csr >= Pmpcfg.CSR_NUMBERS) {
            return Status.INVALID_PARAM;
        }
        if (!Pmpcfg.isRv64Csr(csr)) {
            return Status.NOT_SUPPORTED;
        }
        int first = Pmpcfg.firstEntry(csr);
        for (int k = 0; k < Pmpcfg.ENTRIES_PER_CSR; k++) {
            int e = first + k;
            if (e < entryCount && !Pmpcfg.locked(cfg[e])) {
                cfg[e] = Pmpcfg.legalize((int) (value >>> (8 * k)) & 0xFF, g);
            }
        }
        return Status.OK;
    }

    /** @return RV64 CSR {@code pmpcfg<csr>}; 0 for an odd or out-of-range number. */
    public long readPmpcfg(int csr) {
        if (!Pmpcfg.isRv64Csr(csr)) {
            return 0;
        }
        int first = Pmpcfg.firstEntry(csr);
        long v = 0;
        for (int k = 0; k < Pmpcfg.ENTRIES_PER_CSR; k++) {
            int e = first + k;
            if (e < entryCount) {
                v |= ((long) cfg[e]) << (8 * k);
            }
        }
        return v;
    }

    /**
     * Writes {@code pmpaddr<i>} (bits 53:0 kept, 63:54 read zero). Ignored when entry i is
     * locked, when entry i+1 is locked TOR, or when entry i is not implemented.
     *
     * @return Status.OK, or Status.INVALID_PARAM for a register number outside 0..63
     * [impl->dsn~riscv.pmp.csr~1] [impl->dsn~riscv.pmp.lock~1]
     */
    public int writePmpaddr(int i, long value) {
        if (i < 0 || i >= ENTRIES_MAX) {
            return Status.INVALID_PARAM;
        }
        if (i >= entryCount || Pmpcfg.locked(cfg[i])) {
            return Status.OK;
        }
        if (i + 1 < entryCount && Pmpcfg.locked(cfg[i + 1]) && Pmpcfg.a(cfg[i + 1]) == Pmpcfg.TOR) {
            return Status.OK;
        }
        addr[i] = value & PMPADDR_MASK;
        return Status.OK;
    }

    /**
     * Reads {@code pmpaddr<i>}: with G &ge; 2 in NAPOT mode bits G-2:0 read as ones; with G &ge; 1
     * in OFF/TOR mode bits G-1:0 read as zeros; the stored value is unchanged by either.
     *
     * [impl->dsn~riscv.pmp.granularity~1]
     */
    public long readPmpaddr(int i) {
        if (i < 0 || i >= entryCount) {
            return 0;
        }
        return (cfg[i] & 0x10) != 0 ? addr[i] | napotOnes : addr[i] & torMask;
    }

    /**
     * @param address  physical address of the first byte
     * @param size     1, 2, 4 or 8 bytes
     * @param access   exactly one of Pmpcfg R, W, X (= Access READ, WRITE, EXECUTE)
     * @param privilege {@link #PRIV_U}, {@link #PRIV_S} or {@link #PRIV_M}
     * @return whether the access succeeds; false for a malformed request or one leaving the
     *         56-bit physical address space
     * [impl->dsn~riscv.pmp.priority~1] [impl->dsn~riscv.pmp.all-bytes~1]
     * [impl->dsn~riscv.pmp.mmode~1] [impl->dsn~riscv.pmp.no-match~1]
     */
    public boolean allows(long address, int size, int access, int privilege) {
        if (!wellFormed(address, size, access, privilege)) {
            return false;
        }
        long end = address + size; // <= 2^56 + 8: no overflow
        for (int i = 0; i < entryCount; i++) { // bound: entryCount <= 64
            int a = Pmpcfg.a(cfg[i]);
            if (a == Pmpcfg.OFF) {
                continue;
            }
            long lo = lowerBound(i, a);
            long hi = upperBound(i, a);
            if (lo >= hi || address >= hi || end <= lo) {
                continue;
            }
            if (address < lo || end > hi) {
                return false;
            }
            if (privilege == PRIV_M && !Pmpcfg.locked(cfg[i])) {
                return true;
            }
            return (cfg[i] & access) != 0;
        }
        return privilege == PRIV_M || entryCount == 0;
    }

    private static boolean wellFormed(long address, int size, int access, int privilege) {
        boolean sizeOk = size == 1 || size == 2 || size == 4 || size == 8;
        boolean accessOk = access == Pmpcfg.R || access == Pmpcfg.W || access == Pmpcfg.X;
        boolean privOk = privilege == PRIV_U || privilege == PRIV_S || privilege == PRIV_M;
        return sizeOk && accessOk && privOk && address >= 0 && address <= PHYS_LIMIT - size;
    }

    /** First byte address of entry i's range (mode a != OFF). [impl->dsn~riscv.pmp.modes~1] */
    private long lowerBound(int i, int a) {
        if (a == Pmpcfg.TOR) {
            return i == 0 ? 0 : (addr[i - 1] & torMask) << 2;
        }
        if (a == Pmpcfg.NA4) {
            return addr[i] << 2;
        }
        long y = addr[i] | napotOnes;
        int t = Long.numberOfTrailingZeros(~y); // trailing ones, <= 54
        return (y >>> (t + 1)) << (t + 3);
    }

    /** One past the last byte address of entry i's range; at most 2^57. */
    private long upperBound(int i, int a) {
        if (a == Pmpcfg.TOR) {
            return (addr[i] & torMask) << 2;
        }
        if (a == Pmpcfg.NA4) {
            return (addr[i] << 2) + 4;
        }
        long y = addr[i] | napotOnes;
        int t = Long.numberOfTrailingZeros(~y);
        return lowerBound(i, a) + (1L << (t + 3));
    }
}
