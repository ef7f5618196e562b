package warden.arm.hw;

/**
 * The Arm generic timer as the monitor uses it (Arm ARM, chapter D11 "The Generic Timer in
 * AArch64 state"; registers CNTFRQ_EL0, CNTPCT_EL0, CNTPS_CTL_EL1, CNTPS_CVAL_EL1): one system
 * counter at a fixed frequency and, per PE, the Secure physical timer, whose interrupt is PPI
 * {@link #PPI_SECURE_PHYS} (INTID 29, Server Base System Architecture).
 *
 * <p>Guarantees:
 * <ul>
 *   <li>{@code CNTPCT = floor(ns * hz / 10^9)}, without overflow for every {@code ns >= 0}
 *       (frequency up to 1 GHz; QEMU virt: 62.5 MHz);</li>
 *   <li>the timer condition is met when ENABLE = 1 and CNTPCT &ge; CNTPS_CVAL_EL1 (unsigned);
 *       ISTATUS reads it; the interrupt is asserted when the condition is met and IMASK = 0;</li>
 *   <li>{@link #setDeadlineNs} rounds the compare value up, so the timer never fires before the
 *       deadline and at most one counter tick after it; {@link #nextFireNs} is the first ns at
 *       which it is asserted;</li>
 *   <li>nothing allocates.</li>
 * </ul>
 *
 * [impl->dsn~arm.timer.secure~1] [impl->dsn~arm.hw.no-allocation~1]
 */
public final class GenericTimer {
    public static final int PPI_SECURE_PHYS = 29;
    public static final int CTL_ENABLE = 1;
    public static final int CTL_IMASK = 1 << 1;
    public static final int CTL_ISTATUS = 1 << 2;
    private static final long NS = 1_000_000_000L;

    private final long hz;
    private final int[] ctl;
    private final long[] cval;

    /** Boot-time: {@code pes} PEs, counter frequency 1 Hz .. 1 GHz. */
    public GenericTimer(int pes, long hz) {
        if (hz < 1 || hz > NS || pes < 1) {
            throw new IllegalArgumentException("generic timer: " + pes + " PEs at " + hz + " Hz");
        }
        this.hz = hz;
        this.ctl = new int[pes];
        this.cval = new long[pes];
    }

    /** @return CNTFRQ_EL0. */
    public long frequency() { return hz; }

    /** @return CNTPCT_EL0 at virtual time {@code ns} (0 for negative times). */
    public long counter(long ns) {
        if (ns <= 0) {
            return 0;
        }
        return (ns / NS) * hz + (ns % NS) * hz / NS;
    }

    /** @return the first counter value at or after virtual time {@code ns}: ceil(ns * hz / 1e9). */
    public long ticksAtOrAfter(long ns) {
        if (ns <= 0) {
            return 0;
        }
        return (ns / NS) * hz + ((ns % NS) * hz + NS - 1) / NS;
    }

    /** @return the first ns at which the counter reaches {@code ticks} (unsigned); MAX_VALUE if never. */
    public long ticksToNs(long ticks) {
        if (ticks < 0) {
            return Long.MAX_VALUE;
        }
        long q = ticks / hz;
        if (q > (Long.MAX_VALUE - NS) / NS) {
            return Long.MAX_VALUE;
        }
        return q * NS + ((ticks % hz) * NS + hz - 1) / hz;
    }

    /** @return CNTPS_CTL_EL1 of {@code pe} at {@code ns}, ISTATUS included. */
    public int readCtl(int pe, long ns) {
        boolean met = (ctl[pe] & CTL_ENABLE) != 0 && Long.compareUnsigned(counter(ns), cval[pe]) >= 0;
        return ctl[pe] | (met ? CTL_ISTATUS : 0);
    }

    /** CNTPS_CTL_EL1 write (ISTATUS is read-only). */
    public void writeCtl(int pe, int value) { ctl[pe] = value & (CTL_ENABLE | CTL_IMASK); }

    public long readCval(int pe) { return cval[pe]; }
    public void writeCval(int pe, long value) { cval[pe] = value; }

    /** @return whether the Secure physical timer of {@code pe} asserts its interrupt at {@code ns}. */
    public boolean asserted(int pe, long ns) {
        int c = readCtl(pe, ns);
        return (c & CTL_ISTATUS) != 0 && (c & CTL_IMASK) == 0;
    }

    /** @return the first ns at which the interrupt is asserted; MAX_VALUE when disabled or masked. */
    public long nextFireNs(int pe) {
        if ((ctl[pe] & CTL_ENABLE) == 0 || (ctl[pe] & CTL_IMASK) != 0) {
            return Long.MAX_VALUE;
        }
        return ticksToNs(cval[pe]);
    }

    /** Arms the timer of {@code pe} for {@code deadlineNs}, or disables it for Long.MAX_VALUE. */
    public void setDeadlineNs(int pe, long deadlineNs) {
        if (deadlineNs == Long.MAX_VALUE) {
            writeCtl(pe, 0);
            return;
        }
        writeCval(pe, ticksAtOrAfter(deadlineNs));
        writeCtl(pe, CTL_ENABLE);
    }
}
