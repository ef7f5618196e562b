package warden.riscv.hw;

import warden.kernel.api.Status;
import warden.kernel.port.ProtectionUnit;
import warden.kernel.port.Refusal;

/**
 * The kernel's {@link ProtectionUnit} on RISC-V PMP (privileged spec, "Physical Memory
 * Protection"). Each slot (partition) and the NO_SLOT state is one precomputed configuration
 * row: the monitor's entries first, then the slot's regions in the order added.
 *
 * <pre>
 *  row = slot (0..SLOTS_MAX-1) or NO_SLOT_ROW
 *  entry:  0 .. m-1          m .. used-1               used .. entryCount-1
 *        | monitor: no RWX | regions, encoded by     | OFF, pmpaddr 0
 *        | L=0, 1-2 entries| PmpRegionEncoder        |
 * </pre>
 *
 * <p>Guarantees:
 * <ul>
 *   <li>the monitor range is matched by the lowest entries with no permissions, so no region added
 *       later can give S/U mode access to it (lowest-numbered match decides);</li>
 *   <li>an activated slot gives S/U mode exactly the bytes of its regions with their permissions
 *       (on overlap, the region added first decides) and nothing else, when the unit has
 *       entries;</li>
 *   <li>boot calls validate before they change anything: a failed call leaves the slot as it was;</li>
 *   <li>{@link #activate} writes every entry through the CSR methods, allocates nothing, loops at
 *       most entryCount + 8 times, and verifies the configuration by reading it back.</li>
 * </ul>
 * Boot order: {@link #protectMonitor} (optional, once) before any {@link #beginSlot}.
 *
 * [impl->dsn~riscv.pmp.encoder~1] [impl->dsn~riscv.pmp.monitor~1]
 */
public final class RiscvProtectionUnit implements ProtectionUnit {
    public static final int SLOTS_MAX = 16;
    private static final int NO_SLOT_ROW = SLOTS_MAX;
    private static final int ROWS = SLOTS_MAX + 1;

    private final Pmp[] harts;
    private final int entryCount;
    private final int csrCount;
    private final PmpRegionEncoder encoder;
    private final int[] cfg;
    private final long[] addr;
    private final long[] csr;
    private final int[] used = new int[ROWS];
    private int monitorEntries;
    private boolean monitorSet;
    private boolean slotsStarted;
    private int refusal;

    /**
     * Boot-time. {@code harts} may be empty (a validation-only instance); every hart must have
     * {@code entryCount} entries and grain exponent {@code g}.
     */
    public RiscvProtectionUnit(Pmp[] harts, int entryCount, int g) {
        this.encoder = new PmpRegionEncoder(g);
        if (entryCount != 0 && entryCount != 16 && entryCount != Pmp.ENTRIES_MAX) {
            throw new IllegalArgumentException("PMP entry count must be 0, 16 or 64: " + entryCount);
        }
        for (Pmp p : harts) {
            if (p.entryCount() != entryCount || p.granularity() != g) {
                throw new IllegalArgumentException("hart PMP differs from " + entryCount + " entries, G=" + g);
            }
        }
        this.harts = harts.clone();
        this.entryCount = entryCount;
        this.csrCount = entryCount / Pmpcfg.ENTRIES_PER_CSR;
        this.cfg = new int[ROWS * entryCount];
        this.addr = new long[ROWS * entryCount];
        this.csr = new long[ROWS * Math.max(csrCount, 1)];
    }

    public int entryCount() {
        return entryCount;
    }

    /** @return entries the monitor takes in every row (0, 1 or 2). */
    public int monitorEntries() {
        return monitorEntries;
    }

    /** @return entries in use in {@code slot}'s row (NO_SLOT allowed), or -1 for a bad slot. */
    public int entriesUsed(int slot) {
        int row = row(slot);
        return row < 0 ? -1 : used[row];
    }

    /** [impl->dsn~riscv.pmp.monitor~1] */
    @Override
    public int protectMonitor(long base, long size) {
        if (monitorSet || slotsStarted) {
            return refuse(Status.BAD_STATE, Refusal.BAD_STATE);
        }
        int st = encoder.check(base, size, 0);
        if (st != Status.OK) {
            return refuse(st, encoder.why(base, size, 0));
        }
        if (encoder.entriesNeeded(base, size, addr, 0, 0) > entryCount) {
            return refuse(Status.NO_SPACE, Refusal.NO_ENTRIES);
        }
        refusal = Refusal.NONE;
        monitorEntries = encoder.encode(base, size, 0, cfg, addr, 0, 0);
        monitorSet = true;
        for (int r = 1; r < ROWS; r++) { // bound: ROWS
            resetRow(r);
        }
        used[0] = monitorEntries;
        pack(0);
        return Status.OK;
    }

    @Override
    public int beginSlot(int slot) {
        if (slot < 0 || slot >= SLOTS_MAX) {
            return Status.INVALID_PARAM;
        }
        slotsStarted = true;
        resetRow(slot);
        return Status.OK;
    }

    @Override
    public int addRegion(int slot, long base, long size, int perms) {
        if (slot < 0 || slot >= SLOTS_MAX) {
            return refuse(Status.INVALID_PARAM, Refusal.BAD_SLOT);
        }
        int st = encoder.check(base, size, perms);
        if (st != Status.OK) {
            return refuse(st, encoder.why(base, size, perms));
        }
        int start = slot * entryCount;
        if (used[slot] + encoder.entriesNeeded(base, size, addr, start, used[slot]) > entryCount) {
            return refuse(Status.NO_SPACE, Refusal.NO_ENTRIES);
        }
        refusal = Refusal.NONE;
        slotsStarted = true;
        used[slot] += encoder.encode(base, size, perms, cfg, addr, start, used[slot]);
        pack(slot);
        return Status.OK;
    }

    /** [impl->dsn~riscv.pmp.refusal~1] */
    @Override
    public int refusal() {
        return refusal;
    }

    /**
     * Mission-time: programs hart {@code core}'s PMP with the slot's row (NO_SLOT: monitor only).
     * [impl->dsn~riscv.pmp.activate~1] [impl->dsn~riscv.hw.no-allocation~1]
     *
     * @return Status.OK; Status.INVALID_PARAM for a bad core or slot (always, with no harts);
     *         Status.FAILED when a locked entry kept the hart from taking the configuration
     */
    @Override
    public int activate(int core, int slot) {
        int row = row(slot);
        if (core < 0 || core >= harts.length || row < 0) {
            return Status.INVALID_PARAM;
        }
        Pmp pmp = harts[core];
        int start = row * entryCount;
        for (int i = 0; i < entryCount; i++) { // bound: entryCount <= 64
            pmp.writePmpaddr(i, addr[start + i]);
        }
        int st = Status.OK;
        for (int c = 0; c < csrCount; c++) { // bound: csrCount <= 8
            pmp.writePmpcfg(2 * c, csr[row * csrCount + c]);
            if (pmp.readPmpcfg(2 * c) != csr[row * csrCount + c]) {
                st = Status.FAILED;
            }
        }
        return st;
    }

    private int row(int slot) {
        if (slot == NO_SLOT) {
            return NO_SLOT_ROW;
        }
        return slot >= 0 && slot < SLOTS_MAX ? slot : -1;
    }

    /** Records why the call is refused. @return {@code status} */
    private int refuse(int status, int why) {
        refusal = why;
        return status;
    }

    /** Row r := the monitor entries (kept in row 0's first entries), the rest OFF. Boot-time. */
    private void resetRow(int r) {
        int start = r * entryCount;
        for (int i = 0; i < entryCount; i++) { // bound: entryCount
            boolean mon = i < monitorEntries;
            cfg[start + i] = mon ? cfg[i] : 0;
            addr[start + i] = mon ? addr[i] : 0;
        }
        used[r] = monitorEntries;
        pack(r);
    }

    /** Packs row r's entry bytes into its pmpcfg CSR values. */
    private void pack(int r) {
        for (int c = 0; c < csrCount; c++) { // bound: csrCount
            long v = 0;
            for (int k = 0; k < Pmpcfg.ENTRIES_PER_CSR; k++) {
                v |= ((long) cfg[r * entryCount + c * Pmpcfg.ENTRIES_PER_CSR + k]) << (8 * k);
            }
            csr[r * csrCount + c] = v;
        }
    }
}
