package warden.arm.hw;

/**
 * The interrupt state a GICv3 keeps per INTID (IHI 0069, §1.2 "Terminology", §4.1 "Interrupt
 * lifecycle"): group and group-modifier bits, enable, pending, active, 8-bit priority, and the
 * target PE of each SPI (GICD_IROUTER with Interrupt_Routing_Mode = 0). SGIs and PPIs (INTIDs
 * 0-31) are banked per PE in the redistributors; SPIs (32 and up) live in the distributor.
 *
 * <pre>
 *  slot:  0 .. 31        32 .. 63        ...  PEs*32 .. PEs*32 + (intids-32) - 1
 *       | PE 0 SGI/PPI | PE 1 SGI/PPI |  ... | SPIs 32 .. intids-1            |
 * </pre>
 *
 * <p>Device lines are level-sensitive with the event count kept at the device: a raise while the
 * INTID is pending or active is remembered and the INTID becomes pending again when it is
 * deactivated (§4.1.2: a level-sensitive interrupt stays pending while its request is asserted),
 * so no device event is lost. Register-level access with the security rules is in
 * {@link GicRegisters}; the distributor enables in {@link #ctlr}.
 *
 * [impl->dsn~arm.gic.state~1] [impl->dsn~arm.hw.no-allocation~1]
 */
public final class GicState {
    /** GICD_CTLR bits (secure view), IHI 0069 §12.9.4. */
    public static final int CTLR_ENABLE_GRP0 = 1;
    public static final int CTLR_ENABLE_GRP1NS = 1 << 1;
    public static final int CTLR_ENABLE_GRP1S = 1 << 2;
    public static final int CTLR_ARE_S = 1 << 4;
    public static final int CTLR_ARE_NS = 1 << 5;
    public static final int CTLR_DS = 1 << 6;
    /** The special INTID meaning "no pending interrupt" (§2.2.1). */
    public static final int SPURIOUS = 1023;
    public static final int PRIVATE = 32;
    public static final int INTIDS_MAX = 1020;

    private final int intids;
    private final int pes;
    final boolean[] groupBit;
    final boolean[] modBit;
    final boolean[] enabled;
    final boolean[] pending;
    final boolean[] active;
    final int[] priority;
    final int[] route;
    final int[] heldEvents;
    int ctlr = CTLR_ARE_S | CTLR_ARE_NS;
    /** 64-bit words of INTIDs per PE in {@link #candidates}. */
    private final int words;
    /**
     * Per PE: the INTIDs it sees that are pending, enabled and inactive (an SPI only on the PE
     * its GICD_IROUTER names), {@link #words} words each; every change of those inputs keeps it.
     */
    private final long[] candidates;
    /** Per PE: the number of bits set in its {@link #candidates} words. */
    private final int[] candidateCount;
    /** Per slot: the PE whose {@link #candidates} hold the slot's bit, or -1. */
    private final int[] markedPe;
    /** Changes with every write of the interrupt state, so a CPU interface can reuse an answer. */
    private long version;

    /** Boot-time: INTIDs 0..intids-1 (a multiple of 32, 64..1020), {@code pes} PEs. */
    public GicState(int intids, int pes) {
        if (intids < 2 * PRIVATE || intids > INTIDS_MAX + 4 || intids % PRIVATE != 0 || pes < 1) {
            throw new IllegalArgumentException("GIC with " + intids + " INTIDs and " + pes + " PEs");
        }
        this.intids = intids;
        this.pes = pes;
        int slots = pes * PRIVATE + intids - PRIVATE;
        groupBit = new boolean[slots];
        modBit = new boolean[slots];
        enabled = new boolean[slots];
        pending = new boolean[slots];
        active = new boolean[slots];
        priority = new int[slots];
        route = new int[slots];
        heldEvents = new int[slots];
        words = (intids + 63) / 64;
        candidates = new long[pes * words];
        candidateCount = new int[pes];
        markedPe = new int[slots];
        for (int i = 0; i < slots; i++) { // bound: slots
            markedPe[i] = -1;
        }
    }

    public int intids() { return intids; }
    public int pes() { return pes; }
    public int ctlr() { return ctlr; }

    // ---- register writes of the distributor and redistributor frames (GicRegisters, GicDistributor) ----

    void setCtlr(int value) { ctlr = value; version++; }
    void setGroupBit(int slot, boolean one) { groupBit[slot] = one; version++; }
    void setModBit(int slot, boolean one) { modBit[slot] = one; version++; }
    void setEnabled(int slot, boolean on) { enabled[slot] = on; refresh(slot); }
    void setPending(int slot, boolean on) { pending[slot] = on; refresh(slot); }
    void setActive(int slot, boolean on) { active[slot] = on; refresh(slot); }
    void setPriority(int slot, int value) { priority[slot] = value; version++; }
    void setRoute(int slot, int pe) { route[slot] = pe; refresh(slot); }

    /** @return a number that changes with every write of the interrupt state. */
    long version() { return version; }

    /**
     * Recomputes the slot's candidate bit after a change of its pending, enable, active or route
     * state: O(1).
     *
     * [impl->dsn~arm.gic.candidate-summary~1]
     */
    private void refresh(int slot) {
        version++;
        int owner = markedPe[slot];
        int id = slot < pes * PRIVATE ? slot % PRIVATE : slot - pes * PRIVATE + PRIVATE;
        int want = -1;
        if (pending[slot] && enabled[slot] && !active[slot]) {
            want = slot < pes * PRIVATE ? slot / PRIVATE : route[slot];
        }
        if (want == owner) {
            return;
        }
        long bit = 1L << (id & 63);
        if (owner >= 0) {
            candidates[owner * words + (id >>> 6)] &= ~bit;
            candidateCount[owner]--;
        }
        if (want >= 0 && want < pes) {
            candidates[want * words + (id >>> 6)] |= bit;
            candidateCount[want]++;
            markedPe[slot] = want;
        } else {
            markedPe[slot] = -1;
        }
    }

    /**
     * @return whether some INTID is pending, enabled and inactive for {@code pe} (nothing can be
     *     signalled to it otherwise): O(1)
     *
     * [impl->dsn~arm.gic.candidate-summary~1]
     */
    public boolean anyCandidate(int pe) {
        return pe >= 0 && pe < pes && candidateCount[pe] != 0;
    }

    /** @return the state slot of {@code intid} as seen by {@code pe}, or -1. */
    public int slot(int pe, int intid) {
        if (intid < 0 || intid >= intids || pe < 0 || pe >= pes) {
            return -1;
        }
        return intid < PRIVATE ? pe * PRIVATE + intid : pes * PRIVATE + intid - PRIVATE;
    }

    /** @return the group (GicGroups) of the INTID at {@code slot}. */
    public int group(int slot) {
        return GicGroups.group(groupBit[slot], modBit[slot]);
    }

    /** @return whether the distributor forwards the group (GICD_CTLR.EnableGrp*). */
    public boolean groupEnabled(int group) {
        int bit = group == GicGroups.GROUP0 ? CTLR_ENABLE_GRP0
                : group == GicGroups.GROUP1_SECURE ? CTLR_ENABLE_GRP1S : CTLR_ENABLE_GRP1NS;
        return (ctlr & bit) != 0;
    }

    /**
     * A device asserts SPI or PPI {@code intid} (for a PPI, on {@code pe}). @return false for an
     * INTID that does not exist.
     */
    public boolean raise(int pe, int intid) {
        int s = slot(intid < PRIVATE ? pe : 0, intid);
        if (s < 0) {
            return false;
        }
        if (pending[s] && !enabled[s]) {
            return true; // a disabled INTID stays pending: the request merges into it
        }
        if (pending[s] || active[s]) {
            heldEvents[s]++;
        } else {
            pending[s] = true;
            refresh(s);
        }
        return true;
    }

    /**
     * @return whether a raise of {@code intid} now would merge into its pending state: the INTID is
     *     disabled (GICD_ICENABLER) and already pending, so the distributor cannot forward it and
     *     keeps only the one pending request (IHI 0069 §4.1.2)
     */
    public boolean mergesRaise(int pe, int intid) {
        int s = slot(intid < PRIVATE ? pe : 0, intid);
        return s >= 0 && pending[s] && !enabled[s];
    }

    /** @return requests of {@code intid} the GIC holds: its pending state plus held device events. */
    public long heldRequests(int pe, int intid) {
        int s = slot(intid < PRIVATE ? pe : 0, intid);
        return s < 0 ? 0 : (pending[s] ? 1 : 0) + heldEvents[s];
    }

    /**
     * A level-sensitive source (the generic timer's PPI) drives its request: the INTID is pending
     * exactly while the request is asserted (§4.1.1). Ignored for an INTID that does not exist.
     */
    public void level(int pe, int intid, boolean asserted) {
        int s = slot(pe, intid);
        if (s >= 0 && pending[s] != asserted) {
            pending[s] = asserted;
            refresh(s);
        }
    }

    /** Acknowledge: pending to active (§4.1). */
    void activate(int slot) {
        pending[slot] = false;
        active[slot] = true;
        refresh(slot);
    }

    /** Deactivation: active to inactive, pending again when the device holds another event. */
    void deactivate(int slot) {
        active[slot] = false;
        if (heldEvents[slot] > 0 && !pending[slot]) {
            heldEvents[slot]--;
            pending[slot] = true;
        }
        refresh(slot);
    }

    /** @return the PE an SPI targets, or the PE itself for SGIs/PPIs. */
    public int target(int pe, int intid) {
        return intid < PRIVATE ? pe : route[slot(0, intid)];
    }

    /**
     * @return the INTID of the highest-priority pending, enabled, inactive interrupt for
     *         {@code pe} whose group the distributor forwards and {@code groupMask} (bit per group)
     *         admits, lowest INTID on ties; {@link #SPURIOUS} when none. Visits only the PE's
     *         candidates: O(1) when there are none, else O(words + candidates).
     *
     * [impl->dsn~arm.gic.candidate-summary~1]
     */
    public int highestPending(int pe, int groupMask) {
        if (!anyCandidate(pe)) {
            return SPURIOUS;
        }
        int best = SPURIOUS;
        int bestPrio = 0x100;
        for (int w = 0; w < words; w++) { // bound: words <= 16
            long m = candidates[pe * words + w];
            for (int b = 0; b < 64 && m != 0; b++) { // bound: 64 bits, lowest INTID first
                int id = 64 * w + Long.numberOfTrailingZeros(m);
                m &= m - 1;
                int s = slot(pe, id);
                if (priority[s] >= bestPrio) {
                    continue;
                }
                int g = group(s);
                if ((groupMask & (1 << g)) == 0 || !groupEnabled(g)) {
                    continue;
                }
                best = id;
                bestPrio = priority[s];
            }
        }
        return best;
    }

    /** @return the priority of an INTID as {@code pe} sees it, or 0xFF when it does not exist. */
    public int priority(int pe, int intid) {
        int s = slot(pe, intid);
        return s < 0 ? 0xFF : priority[s];
    }

    /** @return the group of an INTID as {@code pe} sees it, or -1 when it does not exist. */
    public int groupOf(int pe, int intid) {
        int s = slot(pe, intid);
        return s < 0 ? -1 : group(s);
    }

    public boolean pending(int pe, int intid) {
        int s = slot(pe, intid);
        return s >= 0 && pending[s];
    }

    public boolean active(int pe, int intid) {
        int s = slot(pe, intid);
        return s >= 0 && active[s];
    }

    /** @return device events held behind a pending or active INTID. */
    public int heldEvents(int pe, int intid) {
        int s = slot(pe, intid);
        return s < 0 ? 0 : heldEvents[s];
    }
}
