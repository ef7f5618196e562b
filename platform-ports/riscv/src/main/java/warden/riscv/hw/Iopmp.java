package warden.riscv.hw;

import warden.emu.DmaGuard;

/**
 * The board's I/O physical memory protection unit in front of its DMA masters, after the concepts
 * of the RISC-V IOPMP specification ({@code riscv-non-isa/iopmp-spec}, "Terminology and Concepts":
 * requestor ids (RRID), memory domains (MD), the entry array; "Registers": SRCMD_EN, MDCFG,
 * ENTRY_ADDR/ENTRY_CFG, ERR_INFO/ERR_REQADDR/ERR_REQID), in the full model: every bus master has an
 * RRID (the index of the device on the board), {@code SRCMD_EN(s)} says which memory domains RRID s
 * belongs to, memory domain m holds the entries {@code MDCFG(m-1).T <= j < MDCFG(m).T}
 * ({@code MDCFG(-1).T} = 0), and an entry holds an address ({@code ENTRY_ADDR}, address bits 55:2
 * as for PMP) and a configuration ({@code ENTRY_CFG}: R bit 0, W bit 1, X bit 2, A bits 4:3 = OFF,
 * TOR, NA4, NAPOT, matched as the privileged spec's PMP matches them).
 *
 * <p>Guarantees:
 * <ul>
 *   <li>{@link #check}: among the entries of the memory domains of the request's RRID, the
 *       lowest-numbered entry that matches any byte decides (every entry is a priority entry); it
 *       must hold every byte of the access (else a partial hit) and grant R for a read or W for a
 *       write; no matching entry, or an RRID without memory domains or out of range, denies;</li>
 *   <li>a denied request records ERR_INFO (valid, ttype 1 read / 2 write, etype 1 illegal read,
 *       2 illegal write, 4 partial hit, 5 not hit any rule, 6 unknown RRID), ERR_REQADDR and
 *       ERR_REQID (RRID and entry) unless a record is already valid (until {@link #clearError}), and
 *       is counted;</li>
 *   <li>nothing allocates; a check visits the memory domains in entry order and at most
 *       {@link #ENTRIES_MAX} entries (a domain's entries are those above the previous domains').</li>
 * </ul>
 *
 * [impl->dsn~riscv.iopmp~1]
 */
public final class Iopmp implements DmaGuard {
    public static final int ENTRIES_MAX = 64;
    public static final int MDS = 8;
    public static final int RRIDS = 8;
    public static final int CFG_R = 1;
    public static final int CFG_W = 2;
    public static final int CFG_X = 4;
    public static final int A_OFF = 0;
    public static final int A_TOR = 1;
    public static final int A_NA4 = 2;
    public static final int A_NAPOT = 3;
    public static final int A_SHIFT = 3;
    public static final int OK = 0;
    public static final int ETYPE_READ = 1;
    public static final int ETYPE_WRITE = 2;
    public static final int ETYPE_PARTIAL = 4;
    public static final int ETYPE_NOT_HIT = 5;
    public static final int ETYPE_UNKNOWN_RRID = 6;
    private static final long ADDR_MASK = (1L << 54) - 1;

    private final long[] entryAddr = new long[ENTRIES_MAX];
    private final int[] entryCfg = new int[ENTRIES_MAX];
    private final int[] mdTop = new int[MDS];
    private final int[] srcmd = new int[RRIDS];
    private boolean errValid;
    private int errInfo;
    private long errAddr;
    private int errId;
    private long denials;

    /** Writes ENTRY_ADDR(i) (address bits 55:2) and ENTRY_CFG(i); an index out of range is ignored. */
    public void writeEntry(int i, long addrWord, int cfg) {
        if (i >= 0 && i < ENTRIES_MAX) {
            entryAddr[i] = addrWord & ADDR_MASK;
            entryCfg[i] = cfg & (CFG_R | CFG_W | CFG_X | 3 << A_SHIFT);
        }
    }

    /** Writes MDCFG(m).T, the top entry index (exclusive) of memory domain m; out of range: ignored. */
    public void writeMdcfg(int m, int top) {
        if (m >= 0 && m < MDS && top >= 0 && top <= ENTRIES_MAX) {
            mdTop[m] = top;
        }
    }

    /** Writes SRCMD_EN(s): bit m set = RRID s belongs to memory domain m; out of range: ignored. */
    public void writeSrcmdEn(int rrid, int mds) {
        if (rrid >= 0 && rrid < RRIDS) {
            srcmd[rrid] = mds & ((1 << MDS) - 1);
        }
    }

    public long entryAddr(int i) { return entryAddr[i]; }
    public int entryCfg(int i) { return entryCfg[i]; }
    public int mdcfg(int m) { return mdTop[m]; }
    public int srcmdEn(int rrid) { return srcmd[rrid]; }

    @Override
    public boolean permits(int master, long address, int length, boolean write) {
        return check(master, address, length, write) == OK;
    }

    /** Decides a request; see the class guarantees. @return OK or the error type (etype). */
    public int check(int rrid, long address, int length, boolean write) {
        if (rrid < 0 || rrid >= RRIDS) {
            return deny(ETYPE_UNKNOWN_RRID, rrid, -1, address, write);
        }
        long last = address + length - 1;
        int bottom = 0;
        for (int m = 0; m < MDS; m++) { // domains in entry order; at most 64 entries in all
            int top = mdTop[m];
            for (int j = bottom; j < top && (srcmd[rrid] >>> m & 1) != 0; j++) {
                long lo = low(j);
                long hi = high(j);
                if (lo >= hi || last < lo || address >= hi) {
                    continue;
                }
                if (address < lo || last >= hi) {
                    return deny(ETYPE_PARTIAL, rrid, j, address, write);
                }
                int need = write ? CFG_W : CFG_R;
                return (entryCfg[j] & need) != 0 ? OK : deny(write ? ETYPE_WRITE : ETYPE_READ, rrid, j, address, write);
            }
            bottom = Math.max(bottom, top);
        }
        return deny(ETYPE_NOT_HIT, rrid, -1, address, write);
    }

    /** @return the first byte entry j matches (its range is empty when low >= high). */
    private long low(int j) {
        int a = entryCfg[j] >>> A_SHIFT & 3;
        if (a == A_TOR) {
            return j == 0 ? 0 : entryAddr[j - 1] << 2;
        }
        if (a == A_NAPOT) {
            long ones = Long.numberOfTrailingZeros(~entryAddr[j]);
            return (entryAddr[j] & ~((1L << ones) - 1)) << 2; // the trailing ones cleared
        }
        return entryAddr[j] << 2;
    }

    /** @return one past the last byte entry j matches. */
    private long high(int j) {
        int a = entryCfg[j] >>> A_SHIFT & 3;
        switch (a) {
            case A_TOR: return entryAddr[j] << 2;
            case A_NA4: return (entryAddr[j] << 2) + 4;
            case A_NAPOT: return low(j) + (8L << Long.numberOfTrailingZeros(~entryAddr[j]));
            default: return 0;
        }
    }

    private int deny(int etype, int rrid, int entry, long address, boolean write) {
        denials++;
        if (!errValid) {
            errValid = true;
            errInfo = 1 | (write ? 2 : 1) << 1 | etype << 4;
            errAddr = address;
            errId = (rrid & 0xFFFF) | (entry & 0xFFFF) << 16;
        }
        return etype;
    }

    /** Clears the error record (ERR_INFO.v written with 1). */
    public void clearError() {
        errValid = false;
    }

    /** @return ERR_INFO: bit 0 v, bits 2:1 ttype, bits 7:4 etype (0 when no record is valid). */
    public int errInfo() { return errValid ? errInfo : 0; }
    public long errReqAddr() { return errAddr; }
    /** @return ERR_REQID: RRID in bits 15:0, the entry (0xFFFF for none) in bits 31:16. */
    public int errReqId() { return errId; }
    public long denials() { return denials; }
}
