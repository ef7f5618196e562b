package warden.x86.hw;

import warden.kernel.api.Access;
import warden.kernel.api.Status;
import warden.kernel.port.ProtectionUnit;
import warden.kernel.port.Refusal;

/**
 * The kernel's {@link ProtectionUnit} on x86 without VT-x/EPT: SMRR (Intel SDM Vol. 3A §11.11.2.4)
 * fences SMRAM off from everything outside SMM, and SMM page tables confine the critical
 * partition, which runs in SMM at CPL 3 under the monitor (the Project Mu "MM Supervisor" design:
 * SMI handlers at ring 3 with supervisor-owned paging, Vol. 3C §34.5 "SMI Handler Execution
 * Environment": paging may be enabled in SMM).
 *
 * <pre>
 *  physical memory     | SMRAM = SMRR range (2^n, aligned)             | outside SMRR         |
 *                      | monitor + SMBASE tiles | SMM slots' regions   | rich-OS slot regions |
 *  SMM, CPL 0 monitor  | all                                           | all                  |
 *  SMM, CPL 3 slot s   | only slot s's regions, through its page tables |                      |
 *  outside SMM         | writes dropped, reads all ones (SMRR)          | everything: no fence |
 * </pre>
 *
 * <p>Guarantees:
 * <ul>
 *   <li>{@link #protectMonitor} accepts a monitor range inside SMRAM that holds every core's SMI
 *       handler and save map, and programs both SMRR MSRs on every core (in SMM);</li>
 *   <li>a slot is an SMM slot when its regions lie in SMRAM (4 KiB pages, not the monitor) and a
 *       rich-OS slot when they lie outside; a region that straddles the SMRR boundary, or a slot
 *       that mixes both, is refused with INVALID_PARAM: no configuration can leave part of a
 *       region unprotected;</li>
 *   <li>a rich-OS slot is recorded but cannot be enforced: outside SMM nothing but SMRR applies.
 *       Two rich-OS slots are therefore not isolated from each other; the validator refuses such
 *       systems through {@code X86IsolationRules};</li>
 *   <li>{@link #allows} and {@link #activate} allocate nothing; loops are bounded by
 *       {@link #REGIONS_MAX} and the core count.</li>
 * </ul>
 *
 * [impl->dsn~x86.protection~1]
 */
public final class X86ProtectionUnit implements ProtectionUnit {
    /** Writes an MSR on a core as the monitor's SMM code does; false when the core raised #GP. */
    public interface Msrs {
        boolean wrmsr(int core, int msr, long value);
    }

    public static final int SLOTS_MAX = 16;
    public static final int REGIONS_MAX = 16;
    public static final long PAGE = 0x1000;
    public static final int WORLD_NONE = 0;
    public static final int WORLD_SMM = 1;
    public static final int WORLD_RICH = 2;

    private final long smramBase;
    private final long smramSize;
    private final long[] handlerLow;
    private final Msrs msrs;
    private final long[] base = new long[SLOTS_MAX * REGIONS_MAX];
    private final long[] size = new long[SLOTS_MAX * REGIONS_MAX];
    private final int[] perms = new int[SLOTS_MAX * REGIONS_MAX];
    private final int[] count = new int[SLOTS_MAX];
    private final int[] world = new int[SLOTS_MAX];
    private final int[] active;
    private long monitorBase;
    private long monitorSize;
    private int refusal;

    /**
     * Boot-time. @param smbase each core's SMBASE (handler and save map at +8000h..+FFFFh);
     * @param msrs how to write the cores' MSRs, or null for a validation-only unit
     */
    public X86ProtectionUnit(long smramBase, long smramSize, long[] smbase, Msrs msrs) {
        if (!Smrr.encodable(smramBase, smramSize)) {
            throw new IllegalArgumentException("SMRAM must be 2^n bytes, aligned, below 4 GiB");
        }
        this.smramBase = smramBase;
        this.smramSize = smramSize;
        this.handlerLow = smbase.clone();
        this.msrs = msrs;
        this.active = new int[smbase.length];
        java.util.Arrays.fill(active, NO_SLOT);
    }

    /** [impl->dsn~x86.smrr~1] */
    @Override
    public int protectMonitor(long mBase, long mSize) {
        if (mSize <= 0 || !inSmram(mBase, mSize)) {
            return refuse(Status.INVALID_PARAM, Refusal.MONITOR_PLACEMENT);
        }
        for (long sb : handlerLow) { // bound: cores
            if (sb + SaveStateDescriptor.HANDLER < mBase || sb + SaveStateDescriptor.MAP_END - mBase > mSize) {
                return refuse(Status.INVALID_PARAM, Refusal.MONITOR_PLACEMENT);
            }
        }
        refusal = Refusal.NONE;
        monitorBase = mBase;
        monitorSize = mSize;
        if (msrs == null) {
            return Status.OK;
        }
        for (int c = 0; c < handlerLow.length; c++) { // bound: cores
            if (!msrs.wrmsr(c, Smrr.IA32_SMRR_PHYSBASE, Smrr.physBaseFor(smramBase, Smrr.TYPE_WB))
                    || !msrs.wrmsr(c, Smrr.IA32_SMRR_PHYSMASK, Smrr.physMaskFor(smramSize))) {
                return Status.FAILED;
            }
        }
        return Status.OK;
    }

    @Override
    public int beginSlot(int slot) {
        if (slot < 0 || slot >= SLOTS_MAX) {
            return Status.INVALID_PARAM;
        }
        count[slot] = 0;
        world[slot] = WORLD_NONE;
        return Status.OK;
    }

    /** [impl->dsn~x86.protection.refusal~1] */
    @Override
    public int addRegion(int slot, long rBase, long rSize, int rPerms) {
        if (slot < 0 || slot >= SLOTS_MAX) {
            return refuse(Status.INVALID_PARAM, Refusal.BAD_SLOT);
        }
        if (rSize <= 0 || rBase < 0 || rSize > Long.MAX_VALUE - rBase) { // the end would overflow
            return refuse(Status.INVALID_PARAM, Refusal.OUT_OF_RANGE);
        }
        int w = worldOf(rBase, rSize);
        if (w == WORLD_NONE) {
            return refuse(Status.INVALID_PARAM, inSmram(rBase, rSize) ? Refusal.OVERLAPS_MONITOR
                    : Refusal.STRADDLES_BOUNDARY);
        }
        if (world[slot] != WORLD_NONE && world[slot] != w) {
            return refuse(Status.INVALID_PARAM, Refusal.MIXED_WORLDS);
        }
        if (w == WORLD_SMM && ((rBase | rSize) & (PAGE - 1)) != 0) {
            return refuse(Status.INVALID_PARAM, Refusal.MISALIGNED);
        }
        if (count[slot] >= REGIONS_MAX) {
            return refuse(Status.NO_SPACE, Refusal.NO_ENTRIES);
        }
        refusal = Refusal.NONE;
        int i = slot * REGIONS_MAX + count[slot];
        base[i] = rBase;
        size[i] = rSize;
        perms[i] = rPerms & Access.ALL;
        count[slot]++;
        world[slot] = w;
        return Status.OK;
    }

    /** [impl->dsn~x86.protection.refusal~1] */
    @Override
    public int refusal() {
        return refusal;
    }

    /** @return WORLD_SMM inside SMRAM (not the monitor), WORLD_RICH outside, WORLD_NONE otherwise. */
    public int worldOf(long rBase, long rSize) {
        if (inSmram(rBase, rSize)) {
            boolean monitor = rBase < monitorBase + monitorSize && monitorBase < rBase + rSize; // none yet: [0, 0)
            return monitor ? WORLD_NONE : WORLD_SMM;
        }
        boolean disjoint = rBase + rSize <= smramBase || rBase >= smramBase + smramSize;
        return disjoint ? WORLD_RICH : WORLD_NONE;
    }

    /** Selects the SMM page tables of {@code slot} for {@code core} (CR3 load at a world switch). */
    @Override
    public int activate(int core, int slot) {
        if (core < 0 || core >= active.length || (slot != NO_SLOT && (slot < 0 || slot >= SLOTS_MAX))) {
            return Status.INVALID_PARAM;
        }
        active[core] = slot;
        return Status.OK;
    }

    /** @return whether CPL-3 code in SMM on {@code core} may access these bytes (its page tables map them). */
    public boolean allows(int core, long address, int length, int access) {
        int slot = active[core];
        if (slot == NO_SLOT || world[slot] != WORLD_SMM) {
            return false;
        }
        for (int k = 0; k < count[slot]; k++) { // bound: REGIONS_MAX
            int i = slot * REGIONS_MAX + k;
            if ((perms[i] & access) == access && address >= base[i]
                    && address - base[i] <= size[i] - length) { // false for length > size: no overflow in SMRAM
                return true;
            }
        }
        return false;
    }

    public int world(int slot) { return slot >= 0 && slot < SLOTS_MAX ? world[slot] : WORLD_NONE; }
    public int activeSlot(int core) { return active[core]; }
    public int regionCount(int slot) { return count[slot]; }
    public long smramBase() { return smramBase; }
    public long smramSize() { return smramSize; }

    /** Records why the call is refused. @return {@code status} */
    private int refuse(int status, int why) {
        refusal = why;
        return status;
    }

    private boolean inSmram(long b, long s) {
        return b >= smramBase && b - smramBase <= smramSize - s; // false for s > smramSize
    }
}
