package warden.arm.hw;

/**
 * One PE's GICv3 CPU interface, the system registers ICC_* (IHI 0069 §4.8 "Interrupt
 * prioritization", §4.1 lifecycle, §12.2 "AArch64 System register descriptions of the CPU
 * interface"): the priority mask ICC_PMR_EL1, the active priorities ICC_AP0R0_EL1 and
 * ICC_AP1R0_EL1 (Secure and Non-secure copies) from which the running priority ICC_RPR_EL1
 * follows, the group enables ICC_IGRPEN0_EL1 and ICC_IGRPEN1_EL1 (banked), acknowledge
 * (ICC_IAR0_EL1, ICC_IAR1_EL1) and end of interrupt (ICC_EOIR0_EL1, ICC_EOIR1_EL1, EOImode 0:
 * priority drop and deactivation together).
 *
 * <p>Guarantees:
 * <ul>
 *   <li>5 priority bits (ICC_CTLR_EL1.PRIbits = 4, 32 levels): priorities compare by bits 7:3;</li>
 *   <li>an interrupt is signalled when its priority is below ICC_PMR_EL1 and its group priority
 *       is below the running priority (0xFF when nothing is active), as {@link GicGroups#signal}
 *       says for the PE's state;</li>
 *   <li>ICC_IAR0_EL1 at EL3 returns 1020 or 1021 when the highest-priority pending interrupt is
 *       Group 1 Secure or Non-secure (§2.2.1 special INTIDs), 1023 when nothing can be
 *       acknowledged; an acknowledge sets the priority's bit in the group's active priorities;</li>
 *   <li>a Non-secure ICC_PMR_EL1 access (SCR_EL3.FIQ = 1) sees the Non-secure view: writes are
 *       ignored while the mask is in the secure half, else store {@code (v >> 1) | 0x80}; reads
 *       return {@code (pmr << 1) & 0xFF}, or 0 in the secure half — Non-secure software can never
 *       mask a secure-priority interrupt;</li>
 *   <li>nothing allocates; every loop is bounded by 32 or the INTID count.</li>
 * </ul>
 *
 * [impl->dsn~arm.gic.ack~1] [impl->dsn~arm.hw.no-allocation~1]
 */
public final class GicCpuInterface {
    public static final int SPECIAL_G1S = 1020;
    public static final int SPECIAL_G1NS = 1021;
    private static final int IDLE_PRIORITY = 0xFF;
    private static final int LEVEL_SHIFT = 3;

    private final GicState s;
    private final int pe;
    private final int[] apr = new int[3];
    private int pmr;
    private boolean igrpen0;
    private boolean igrpen1s;
    private boolean igrpen1ns;
    private int bpr1;
    /** {@link #signal}'s last answer, valid while the state's version and this interface are unchanged. */
    private boolean cacheValid;
    private long cachedVersion;
    private int cachedPeState;
    private int cachedSignal;

    /** Boot-time: the CPU interface of {@code pe}; reset state: PMR 0 (all masked), groups off. */
    public GicCpuInterface(GicState state, int pe) {
        this.s = state;
        this.pe = pe;
    }

    private int groupMask() {
        return (igrpen0 ? 1 << GicGroups.GROUP0 : 0) | (igrpen1s ? 1 << GicGroups.GROUP1_SECURE : 0)
                | (igrpen1ns ? 1 << GicGroups.GROUP1_NONSECURE : 0);
    }

    /** @return ICC_RPR_EL1: the running priority, 0xFF when no interrupt is active. */
    public int runningPriority() {
        int all = apr[0] | apr[1] | apr[2];
        return all == 0 ? IDLE_PRIORITY : Integer.numberOfTrailingZeros(all) << LEVEL_SHIFT;
    }

    /** @return the highest-priority pending interrupt this interface forwards, or 1023. */
    public int highestPending() {
        return s.highestPending(pe, groupMask());
    }

    /** @return whether {@code intid} (not 1023) is above the priority mask and the running priority. */
    private boolean sufficient(int intid) {
        if (intid == GicState.SPURIOUS) {
            return false;
        }
        int p = s.priority(pe, intid);
        return p < pmr && (p >>> LEVEL_SHIFT) < (runningPriority() >>> LEVEL_SHIFT);
    }

    /**
     * @return {@link GicGroups#IRQ} or {@link GicGroups#FIQ} when an interrupt is signalled to the
     *         PE in state {@code peState}, or -1 when none is. The answer is reused while neither the
     *         GIC's interrupt state nor this interface changed: O(1) for a repeated query.
     *
     * [impl->dsn~arm.gic.candidate-summary~1]
     */
    public int signal(int peState) {
        if (cacheValid && cachedVersion == s.version() && cachedPeState == peState) {
            return cachedSignal;
        }
        int id = highestPending();
        int signal = sufficient(id) ? GicGroups.signal(s.groupOf(pe, id), peState) : -1;
        cacheValid = true;
        cachedVersion = s.version();
        cachedPeState = peState;
        cachedSignal = signal;
        return signal;
    }

    /** ICC_IAR0_EL1 read at {@code el}: acknowledges a Group 0 interrupt. */
    public int acknowledge0(int el) {
        int id = highestPending();
        if (!sufficient(id)) {
            return GicState.SPURIOUS;
        }
        int g = s.groupOf(pe, id);
        if (g == GicGroups.GROUP0) {
            return ack(id, g);
        }
        if (el == 3) {
            return g == GicGroups.GROUP1_SECURE ? SPECIAL_G1S : SPECIAL_G1NS;
        }
        return GicState.SPURIOUS;
    }

    /** ICC_IAR1_EL1 read through the Secure or Non-secure copy: acknowledges a Group 1 interrupt of that state. */
    public int acknowledge1(boolean nonSecureCopy) {
        int id = highestPending();
        if (!sufficient(id)) {
            return GicState.SPURIOUS;
        }
        int g = s.groupOf(pe, id);
        int want = nonSecureCopy ? GicGroups.GROUP1_NONSECURE : GicGroups.GROUP1_SECURE;
        return g == want ? ack(id, g) : GicState.SPURIOUS;
    }

    private int ack(int id, int group) {
        cacheValid = false;
        s.activate(s.slot(pe, id));
        apr[group] |= 1 << (s.priority(pe, id) >>> LEVEL_SHIFT);
        return id;
    }

    /** ICC_EOIR0_EL1 write: priority drop in Group 0 and deactivation of a Group 0 {@code intid}. */
    public void endOfInterrupt0(int intid) {
        eoi(GicGroups.GROUP0, intid);
    }

    /** ICC_EOIR1_EL1 write through the Secure or Non-secure copy. */
    public void endOfInterrupt1(boolean nonSecureCopy, int intid) {
        eoi(nonSecureCopy ? GicGroups.GROUP1_NONSECURE : GicGroups.GROUP1_SECURE, intid);
    }

    private void eoi(int group, int intid) {
        if (apr[group] == 0) {
            return; // no active priority in this group: UNPREDICTABLE, ignored here
        }
        cacheValid = false;
        apr[group] &= apr[group] - 1; // drop the highest active priority
        int slot = s.slot(pe, intid);
        if (slot >= 0 && s.active[slot] && s.group(slot) == group) {
            s.deactivate(slot);
        }
    }

    /** ICC_PMR_EL1 read in the view of the access. */
    public int readPmr(boolean nonSecure) {
        if (!nonSecure) {
            return pmr;
        }
        return (pmr & 0x80) == 0 ? 0 : (pmr << 1) & 0xFF;
    }

    /** ICC_PMR_EL1 write in the view of the access (low 3 bits not implemented). */
    public void writePmr(int value, boolean nonSecure) {
        int v = value & 0xFF;
        if (nonSecure) {
            if ((pmr & 0x80) == 0) {
                return;
            }
            v = (v >>> 1) | 0x80;
        }
        pmr = v & 0xF8;
        cacheValid = false;
    }

    public void writeIgrpen0(boolean on) {
        igrpen0 = on;
        cacheValid = false;
    }
    public boolean igrpen0() { return igrpen0; }

    /** ICC_IGRPEN1_EL1 write through the Secure or Non-secure copy. */
    public void writeIgrpen1(boolean nonSecureCopy, boolean on) {
        cacheValid = false;
        if (nonSecureCopy) {
            igrpen1ns = on;
        } else {
            igrpen1s = on;
        }
    }

    public boolean igrpen1(boolean nonSecureCopy) { return nonSecureCopy ? igrpen1ns : igrpen1s; }

    /** ICC_BPR1_EL1 (kept for the world switch; preemption here uses bits 7:3). */
    public int bpr1() { return bpr1; }
    public void writeBpr1(int v) { bpr1 = v & 7; }

    /** @return ICC_AP0R0_EL1 / ICC_AP1R0_EL1 (0 Group 0, 1 Group 1 Secure, 2 Group 1 Non-secure). */
    public int activePriorities(int group) { return apr[group]; }
}
