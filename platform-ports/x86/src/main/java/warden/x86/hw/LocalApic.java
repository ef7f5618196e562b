package warden.x86.hw;

/**
 * One core's local APIC, reduced to what the rich OS's interrupt delivery needs (Intel SDM Vol. 3A
 * ch. 10 "Advanced Programmable Interrupt Controller"): the IRR and ISR vector bitmaps (§10.8.4
 * "Interrupt Acceptance for Fixed Interrupts"), EOI (§10.8.5), the LVT timer in TSC-deadline mode
 * (§10.5.4 "APIC Timer", §10.5.4.1 "TSC-Deadline Mode", MSR IA32_TSC_DEADLINE 6E0h; the TSC counts
 * virtual nanoseconds here) and the ICR's delivery modes (§10.6.1 "Interrupt Command Register").
 *
 * <p>Guarantees:
 * <ul>
 *   <li>a fixed interrupt sets its vector's IRR bit; {@link #acknowledge} moves the highest IRR
 *       vector to the ISR and returns it, only when it is above the highest in-service vector
 *       (§10.8.3.1: priority is the vector's class, the upper four bits);</li>
 *   <li>{@link #eoi} clears the highest ISR bit; vectors 0..15 are reserved and never accepted;</li>
 *   <li>the timer fires once when the TSC reaches the deadline: it sets the LVT timer vector in the
 *       IRR and disarms (writing 0 disarms, as the SDM says for IA32_TSC_DEADLINE); a masked LVT
 *       entry does not interrupt;</li>
 *   <li>nothing allocates; loops are bounded by the four 64-bit bitmap words.</li>
 * </ul>
 *
 * [impl->dsn~x86.apic~1]
 */
public final class LocalApic {
    public static final int IA32_TSC_DEADLINE = 0x6E0;
    /** ICR delivery modes (bits 10:8). */
    public static final int ICR_FIXED = 0;
    public static final int ICR_SMI = 2;
    public static final int ICR_NMI = 4;
    /** Vector the monitor gives the rich OS's timer in the LVT timer entry. */
    public static final int TIMER_VECTOR = 0xEC;
    /** Device line l is delivered to the rich OS as vector LINE_VECTOR_BASE + l. */
    public static final int LINE_VECTOR_BASE = 0x20;
    /** 64-bit words of a vector bitmap. */
    public static final int WORDS = 4;

    private final long[] irr = new long[WORDS];
    private final long[] isr = new long[WORDS];
    private int lvtTimerVector = TIMER_VECTOR;
    private boolean lvtTimerMasked;
    private long deadline;

    /** @return the ICR delivery mode field of an ICR value (bits 10:8). */
    public static int icrDeliveryMode(long icr) {
        return (int) ((icr >>> 8) & 7);
    }

    /** @return the ICR destination field (bits 63:56, physical mode). */
    public static int icrDestination(long icr) {
        return (int) ((icr >>> 56) & 0xFF);
    }

    /** @return an ICR value with a delivery mode, a vector and a physical destination. */
    public static long icr(int destination, int mode, int vector) {
        return ((long) (destination & 0xFF) << 56) | ((long) (mode & 7) << 8) | (vector & 0xFF);
    }

    /** A fixed interrupt with {@code vector} arrives (16..255; others are ignored). */
    public void accept(int vector) {
        if (vector >= 16 && vector < 256) {
            irr[vector >>> 6] |= 1L << (vector & 63);
        }
    }

    /** @return whether {@code vector} is requested (IRR). */
    public boolean requested(int vector) {
        return vector >= 0 && vector < 256 && (irr[vector >>> 6] & (1L << (vector & 63))) != 0;
    }

    /** @return whether a vector of {@code mask} (words {@code off}..{@code off}+3) is requested (IRR). */
    public boolean anyRequested(long[] mask, int off) {
        return ((irr[0] & mask[off]) | (irr[1] & mask[off + 1]) | (irr[2] & mask[off + 2])
                | (irr[3] & mask[off + 3])) != 0;
    }

    /** @return whether an IRR vector's class is above the highest in-service class. */
    public boolean deliverable() {
        int r = highest(irr);
        return r >= 0 && (r >> 4) > (highest(isr) >> 4);
    }

    /** INTA: @return the vector moved from IRR to ISR, or -1 when none is deliverable. */
    public int acknowledge() {
        if (!deliverable()) {
            return -1;
        }
        int v = highest(irr);
        irr[v >>> 6] &= ~(1L << (v & 63));
        isr[v >>> 6] |= 1L << (v & 63);
        return v;
    }

    /** Clears a requested vector without servicing it (the monitor claimed it). */
    public void withdraw(int vector) {
        if (vector >= 0 && vector < 256) {
            irr[vector >>> 6] &= ~(1L << (vector & 63));
        }
    }

    /** End of interrupt: clears the highest in-service vector. */
    public void eoi() {
        int v = highest(isr);
        if (v >= 0) {
            isr[v >>> 6] &= ~(1L << (v & 63));
        }
    }

    /** WRMSR IA32_TSC_DEADLINE: arms the timer at {@code tsc} (0 disarms). */
    public void writeTscDeadline(long tsc) {
        deadline = tsc;
    }

    public long tscDeadline() {
        return deadline;
    }

    /** Writes the LVT timer entry: vector (bits 7:0) and mask (bit 16). */
    public void writeLvtTimer(int vector, boolean masked) {
        lvtTimerVector = vector & 0xFF;
        lvtTimerMasked = masked;
    }

    /** @return the TSC at which the timer fires, or Long.MAX_VALUE when disarmed or masked. */
    public long timerDueNs() {
        return deadline == 0 || lvtTimerMasked ? Long.MAX_VALUE : deadline;
    }

    /** Fires the timer if due at {@code nowNs}: @return true when it requested its vector. */
    public boolean tick(long nowNs) {
        if (timerDueNs() > nowNs) {
            return false;
        }
        deadline = 0;
        accept(lvtTimerVector);
        return true;
    }

    private static int highest(long[] bits) {
        for (int w = WORDS - 1; w >= 0; w--) { // bound: 4 words
            if (bits[w] != 0) {
                return w * 64 + 63 - Long.numberOfLeadingZeros(bits[w]);
            }
        }
        return -1;
    }
}
