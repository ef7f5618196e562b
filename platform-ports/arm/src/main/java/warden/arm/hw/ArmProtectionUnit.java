package warden.arm.hw;

import warden.kernel.api.Access;
import warden.kernel.api.Status;
import warden.kernel.port.ProtectionUnit;
import warden.kernel.port.Refusal;

/**
 * The kernel's {@link ProtectionUnit} on TZC-400 address-space controllers (TZC-400 TRM §2.2),
 * one filter in front of each PE ({@link Tzc400}).
 *
 * <p><b>Per-partition isolation.</b> A TZASC filters by security state and NSAID, not by
 * partition: on its own it separates the Secure world from the Non-secure world, nothing finer.
 * To isolate several partitions, the monitor reprograms the PE's filter at every world switch
 * ({@link #activate}) with the regions of the partition it enters, as the RISC-V port reprograms
 * PMP; a filter per PE lets two partitions run at once on different PEs (one shared TZC-400
 * could not tell two Secure-world partitions apart: Secure accesses carry no NSAID).
 *
 * <pre>
 *  slot row: up to 8 regions (base, size, Access perms), the world of the slot (Secure or
 *            Non-secure). activate(core, slot) programs the core's filter:
 *  region 0   background: no Secure enable, no NSAID enable           (deny everything else)
 *  region k   k = 1..n: [base, base+size-1], filter 0 enabled,
 *             Secure slot:     S_RD_EN / S_WR_EN from perms, no NSAID enable
 *             Non-secure slot: nsaid_rd_en / nsaid_wr_en bit of the PE's NSAID from perms
 *  region k   k = n+1..8: disabled
 * </pre>
 *
 * <p>Guarantees:
 * <ul>
 *   <li>the monitor's memory is never inside any region: a region that overlaps it, or another
 *       region of the same slot, is refused with INVALID_PARAM (overlap is undefined on a
 *       TZC-400), so the background region denies the monitor's memory to every guest,
 *       Secure-world guests included (a TZC-400 cannot tell EL3 from Secure EL1; the monitor's
 *       own data is not reached through the guest's filter in this model);</li>
 *   <li>bases and sizes must be 4 KiB multiples (INVALID_PARAM); a ninth region is NO_SPACE;
 *       execute without read is NOT_SUPPORTED (a fetch is a read transaction at the filter);</li>
 *   <li>execute permission: the TZC-400 filters reads and writes only. The unit also keeps each
 *       region's X permission and {@link #executable} answers fetches with it — the role of the
 *       XN bits of the stage-2 translation a monitor keeps for each partition (Arm ARM, "Stage 2
 *       translation", S2AP/XN);</li>
 *   <li>boot calls validate before they change anything; {@link #activate} writes every region
 *       register through the programming interface (Secure), allocates nothing, loops at most 9
 *       times, and verifies by reading the attributes back.</li>
 * </ul>
 *
 * [impl->dsn~arm.tzc.unit~1] [impl->dsn~arm.hw.no-allocation~1]
 */
public final class ArmProtectionUnit implements ProtectionUnit {
    public static final int SLOTS_MAX = 16;
    public static final int REGIONS_MAX = Tzc400Descriptor.REGIONS - 1;
    private static final int ROWS = SLOTS_MAX + 1;
    private static final int NO_SLOT_ROW = SLOTS_MAX;
    private static final long LIMIT = 1L << 40;

    private final Tzc400[] filters;
    private final TransactionSecurity security;
    private final int nsaid;
    private final long[] base = new long[ROWS * REGIONS_MAX];
    private final long[] size = new long[ROWS * REGIONS_MAX];
    private final int[] perms = new int[ROWS * REGIONS_MAX];
    private final int[] count = new int[ROWS];
    private final boolean[] nonSecure = new boolean[ROWS];
    private final int[] activeRow;
    private long monitorBase;
    private long monitorSize;
    private boolean monitorSet;
    private boolean slotsStarted;
    private int refusal;

    /** Boot-time: {@code filters} may be empty (a validation-only unit); {@code nsaid} 0..15. */
    public ArmProtectionUnit(Tzc400[] filters, TransactionSecurity security, int nsaid) {
        this.filters = filters.clone();
        this.security = security;
        this.nsaid = nsaid & 0xF;
        this.activeRow = new int[filters.length];
        for (int c = 0; c < activeRow.length; c++) {
            activeRow[c] = NO_SLOT_ROW;
        }
    }

    /** Boot-time: the world the partition of {@code slot} runs in (false: Secure world). */
    public void world(int slot, boolean nonSecureWorld) {
        if (slot >= 0 && slot < SLOTS_MAX) {
            nonSecure[slot] = nonSecureWorld;
        }
    }

    @Override
    public int protectMonitor(long b, long s) {
        if (monitorSet || slotsStarted) {
            return refuse(Status.BAD_STATE, Refusal.BAD_STATE);
        }
        if (!granular(b, s)) {
            return refuse(Status.INVALID_PARAM, outside(b, s) ? Refusal.OUT_OF_RANGE : Refusal.MISALIGNED);
        }
        refusal = Refusal.NONE;
        monitorBase = b;
        monitorSize = s;
        monitorSet = true;
        return Status.OK;
    }

    @Override
    public int beginSlot(int slot) {
        if (slot < 0 || slot >= SLOTS_MAX) {
            return Status.INVALID_PARAM;
        }
        slotsStarted = true;
        count[slot] = 0;
        return Status.OK;
    }

    /** [impl->dsn~arm.tzc.overlap~1] [impl->dsn~arm.tzc.refusal~1] */
    @Override
    public int addRegion(int slot, long b, long s, int p) {
        if (slot < 0 || slot >= SLOTS_MAX) {
            return refuse(Status.INVALID_PARAM, Refusal.BAD_SLOT);
        }
        if (!granular(b, s)) {
            return refuse(Status.INVALID_PARAM, outside(b, s) ? Refusal.OUT_OF_RANGE : Refusal.MISALIGNED);
        }
        if ((p & ~Access.ALL) != 0) {
            return refuse(Status.INVALID_PARAM, Refusal.UNSUPPORTED_ACCESS);
        }
        if ((p & Access.EXECUTE) != 0 && (p & Access.READ) == 0) {
            return refuse(Status.NOT_SUPPORTED, Refusal.UNSUPPORTED_ACCESS); // a fetch is a read at the TZC-400
        }
        if (overlaps(b, s, monitorBase, monitorSize)) { // no monitor yet: [0, 0) meets no region
            return refuse(Status.INVALID_PARAM, Refusal.OVERLAPS_MONITOR);
        }
        int first = slot * REGIONS_MAX;
        for (int i = 0; i < count[slot]; i++) { // bound: 8
            if (overlaps(b, s, base[first + i], size[first + i])) {
                return refuse(Status.INVALID_PARAM, Refusal.OVERLAPS_REGION);
            }
        }
        if (count[slot] >= REGIONS_MAX) {
            return refuse(Status.NO_SPACE, Refusal.NO_ENTRIES);
        }
        refusal = Refusal.NONE;
        slotsStarted = true;
        int i = first + count[slot];
        base[i] = b;
        size[i] = s;
        perms[i] = p;
        count[slot]++;
        return Status.OK;
    }

    /** [impl->dsn~arm.tzc.refusal~1] */
    @Override
    public int refusal() {
        return refusal;
    }

    private int refuse(int status, int why) {
        refusal = why;
        return status;
    }

    /** @return whether the range is empty or leaves the 40-bit address space the filter covers. */
    private static boolean outside(long b, long s) {
        return s <= 0 || b < 0 || s > LIMIT - b; // b >= LIMIT with s > 0 makes s > LIMIT - b
    }

    private static boolean granular(long b, long s) {
        long g = Tzc400Descriptor.GRANULE;
        return s > 0 && b >= 0 && b % g == 0 && s % g == 0 && s <= LIMIT - b; // s > 0: b < LIMIT
    }

    private static boolean overlaps(long b1, long s1, long b2, long s2) {
        return b1 < b2 + s2 && b2 < b1 + s1;
    }

    /** [impl->dsn~arm.tzc.activate~1] */
    @Override
    public int activate(int core, int slot) {
        int row = row(slot);
        if (core < 0 || core >= filters.length || row < 0) {
            return Status.INVALID_PARAM;
        }
        Tzc400 f = filters[core];
        boolean saved = security.nonSecure();
        security.set(false);
        f.write(Tzc400Descriptor.offset(0, Tzc400Descriptor.ATTRIBUTES), 4, 0, 0);
        f.write(Tzc400Descriptor.offset(0, Tzc400Descriptor.ID_ACCESS), 4, 0, 0);
        int st = Status.OK;
        for (int n = 1; n <= REGIONS_MAX; n++) { // bound: 8 regions
            int attr = program(f, row, n);
            if (f.read(Tzc400Descriptor.offset(n, Tzc400Descriptor.ATTRIBUTES), 4, 0) != (attr & 0xFFFF_FFFFL)) {
                st = Status.FAILED;
            }
        }
        security.set(saved);
        activeRow[core] = row;
        return st;
    }

    /** Writes region n of a filter from row's region n-1 (or disables it). @return its attributes. */
    private int program(Tzc400 f, int row, int n) {
        int k = n - 1;
        if (k >= count[row]) {
            f.write(Tzc400Descriptor.offset(n, Tzc400Descriptor.ATTRIBUTES), 4, 0, 0);
            return 0;
        }
        int i = row * REGIONS_MAX + k;
        long last = base[i] + size[i] - 1;
        boolean r = (perms[i] & Access.READ) != 0;
        boolean w = (perms[i] & Access.WRITE) != 0;
        int attr = 1 | (nonSecure[row] ? 0 : (r ? Tzc400Descriptor.S_RD_EN : 0) | (w ? Tzc400Descriptor.S_WR_EN : 0));
        int ids = nonSecure[row] ? Tzc400Descriptor.idAccess(nsaid, r, w) : 0;
        f.write(Tzc400Descriptor.offset(n, Tzc400Descriptor.BASE_LOW), 4, base[i] & 0xFFFF_FFFFL, 0);
        f.write(Tzc400Descriptor.offset(n, Tzc400Descriptor.BASE_HIGH), 4, base[i] >>> 32, 0);
        f.write(Tzc400Descriptor.offset(n, Tzc400Descriptor.TOP_LOW), 4, last & 0xFFFF_FFFFL, 0);
        f.write(Tzc400Descriptor.offset(n, Tzc400Descriptor.TOP_HIGH), 4, last >>> 32, 0);
        f.write(Tzc400Descriptor.offset(n, Tzc400Descriptor.ID_ACCESS), 4, ids, 0);
        f.write(Tzc400Descriptor.offset(n, Tzc400Descriptor.ATTRIBUTES), 4, attr, 0);
        return attr;
    }

    /** @return whether a {@code len}-byte fetch at {@code address} lies in one X region of the core's active slot. */
    public boolean executable(int core, long address, int len) {
        if (core < 0 || core >= filters.length) {
            return false;
        }
        int row = activeRow[core];
        for (int k = 0; k < count[row]; k++) { // bound: 8
            int i = row * REGIONS_MAX + k;
            if ((perms[i] & Access.EXECUTE) != 0 && address >= base[i]
                    && address - base[i] <= size[i] - len) { // false for len > size: no overflow below 2^40
                return true;
            }
        }
        return false;
    }

    /** @return regions in use in {@code slot}'s row (NO_SLOT allowed), or -1 for a bad slot. */
    public int regionsUsed(int slot) {
        int row = row(slot);
        return row < 0 ? -1 : count[row];
    }

    /** @return the row of a slot: its own, NO_SLOT's (the monitor-only row), or -1 for a bad slot. */
    private static int row(int slot) {
        return slot >= 0 && slot < SLOTS_MAX ? slot : slot == NO_SLOT ? NO_SLOT_ROW : -1;
    }

    /** @return the filter of a core. */
    public Tzc400 filter(int core) {
        return filters[core];
    }
}
