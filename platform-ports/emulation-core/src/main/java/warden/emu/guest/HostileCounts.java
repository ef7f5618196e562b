package warden.emu.guest;

/**
 * What a {@link HostileGuest} did and saw: operations by kind, monitor calls by outcome (unknown ones
 * and those not answered with the architecture's not-supported code apart), accesses
 * allowed and denied, denials by architectural cause, and the mismatches with the description's
 * grant (violations, spurious denials, unlogged denials), each with its first few samples and the
 * last few denials as examples. Counts survive restarts.
 *
 * [impl->dsn~emu.guest.hostile~1]
 */
public final class HostileCounts {
    /** The cause name of an access the hardware dropped without a fault and the monitor logged. */
    public static final String DROPPED = "dropped without a fault (writes ignored, reads give a fixed value)";
    /** How many distinct causes, and how many samples of each mismatch, are kept. */
    public static final int KEPT = 8;

    /** One access: when, where, how many bytes, which access (Access.READ/WRITE/EXECUTE), and its cause. */
    public record Sample(long timeNs, long address, int size, int access, String cause) {
    }

    private final long[] ops = new long[HostileGuest.KINDS];
    private long calls;
    private long callsRefused;
    private long callsKnown;
    private long callsUnknown;
    private final Mismatch misanswered = new Mismatch();
    private long skipped;
    private long allowed;
    private long denied;
    private long dropped;
    private long handlerEntries;
    private long restarts;
    private final int[] causeCode = new int[KEPT];
    private final String[] causeName = new String[KEPT];
    private final long[] causeCount = new long[KEPT];
    private int causes;
    private long otherCauses;
    private final Mismatch violations = new Mismatch();
    private final Mismatch foreignViolations = new Mismatch();
    private final Mismatch spurious = new Mismatch();
    private final Mismatch unlogged = new Mismatch();
    private final Sample[] recent = new Sample[KEPT];
    private long recentCount;

    /** A count and its first {@link #KEPT} samples. */
    public static final class Mismatch {
        private long count;
        private final Sample[] first = new Sample[KEPT];

        void add(Sample s) {
            if (count < KEPT) {
                first[(int) count] = s;
            }
            count++;
        }

        public long count() { return count; }

        /** @return the first samples, at most {@link #KEPT}. */
        public java.util.List<Sample> samples() {
            return java.util.Arrays.asList(first).subList(0, (int) Math.min(count, KEPT));
        }
    }

    /**
     * One raw call: {@code target} is what the port decoded it to, {@code returned} the status
     * register after it (non-zero: refused, or a version the monitor answered).
     */
    void call(int target, long returned, boolean misanswered, long id, long function, long notSupported, long now) {
        ops[HostileGuest.CALL]++;
        calls++;
        if (returned != 0) {
            callsRefused++;
        }
        if (target >= 0 && target < warden.kernel.api.MonitorCall.COUNT) {
            callsKnown++;
        }
        if (target == warden.kernel.api.MonitorCall.UNKNOWN) {
            callsUnknown++;
        }
        if (misanswered) {
            this.misanswered.add(new Sample(now, id, 8, 0, String.format("function 0x%x returned 0x%x, not 0x%x",
                    function, returned, notSupported)));
        }
    }

    void skipped() {
        ops[HostileGuest.CALL]++;
        skipped++;
    }

    void allowed(int kind, boolean granted, boolean foreign, long address, int size, int access, long now) {
        ops[kind]++;
        allowed++;
        if (!granted) {
            violations.add(new Sample(now, address, size, access, null));
        }
        if (foreign) {
            foreignViolations.add(new Sample(now, address, size, access, null));
        }
    }

    void denied(int kind, boolean granted, int cause, String name, boolean logged, long address, int size,
                int access, long now) {
        ops[kind]++;
        denied++;
        if (cause < 0) {
            dropped++;
        }
        countCause(cause, name);
        Sample s = new Sample(now, address, size, access, name);
        recent[(int) (recentCount++ % KEPT)] = s;
        if (granted) {
            spurious.add(s);
        }
        if (!logged) {
            unlogged.add(s);
        }
    }

    private void countCause(int cause, String name) {
        for (int i = 0; i < causes; i++) {
            if (causeCode[i] == cause) {
                causeCount[i]++;
                return;
            }
        }
        if (causes == KEPT) {
            otherCauses++;
            return;
        }
        causeCode[causes] = cause;
        causeName[causes] = name;
        causeCount[causes++] = 1;
    }

    void handlerEntered() { handlerEntries++; }

    void restarted() { restarts++; }

    /** @return operations of one kind (HostileGuest.CALL, LOAD, STORE, FETCH). */
    public long ops(int kind) { return ops[kind]; }
    /** @return every operation: calls (skipped ones included) and accesses. */
    public long total() { return ops[0] + ops[1] + ops[2] + ops[3]; }
    public long calls() { return calls; }
    /** @return calls the monitor answered with a status other than OK. */
    public long callsRefused() { return callsRefused; }
    /** @return calls whose id is one of the kernel's call ids. */
    public long callsKnown() { return callsKnown; }
    /** @return calls the port's decoder made unknown (the kernel refuses them as such). */
    public long callsUnknown() { return callsUnknown; }
    /**
     * @return unknown calls not answered with the architecture's not-supported code (the sample's
     *     address is the call's id)
     */
    public Mismatch misanswered() { return misanswered; }
    /** @return VCPU_OFF draws that were not issued. */
    public long skippedCalls() { return skipped; }
    public long allowed() { return allowed; }
    public long denied() { return denied; }
    /** @return denials without a fault: the access completed but the monitor logged it. */
    public long dropped() { return dropped; }
    /** @return how many times the guest's own fault handler was entered. */
    public long handlerEntries() { return handlerEntries; }
    public long restarts() { return restarts; }
    public int causes() { return causes; }
    public int causeCode(int i) { return causeCode[i]; }
    public String causeName(int i) { return causeName[i]; }
    public long causeCount(int i) { return causeCount[i]; }
    /** @return denials whose cause did not fit the table (more than {@link #KEPT} distinct causes). */
    public long otherCauses() { return otherCauses; }
    /** @return accesses that succeeded outside the grant. */
    public Mismatch violations() { return violations; }
    /** @return violations that reached another partition's or the monitor's memory or devices. */
    public Mismatch foreignViolations() { return foreignViolations; }
    /** @return accesses denied although the description grants them. */
    public Mismatch spurious() { return spurious; }
    /** @return denials the monitor did not log (exactly one record per denial is expected). */
    public Mismatch unlogged() { return unlogged; }

    /** @return the last denials, oldest first, at most {@link #KEPT}. */
    public java.util.List<Sample> recentDenials() {
        java.util.List<Sample> out = new java.util.ArrayList<>();
        long from = Math.max(0, recentCount - KEPT);
        for (long i = from; i < recentCount; i++) {
            out.add(recent[(int) (i % KEPT)]);
        }
        return out;
    }
}
