package warden.x86;

import warden.x86.hw.LocalApic;

/**
 * How the monitor hands an event to the guest on a core. The critical partition runs in SMM under
 * the monitor, which calls its handler directly (an upcall at CPL 3). The rich OS gets its held
 * lines re-raised one at a time (a self-IPI with the line's vector) and its timer as the LVT timer
 * vector in its local APIC, taken through its own IDT once the core is back outside SMM with IF
 * set. A #PF of the critical partition goes to its
 * handler; an access SMRR dropped raised no exception, so nothing is delivered for it.
 *
 * [impl->dsn~x86.interrupts~1]
 */
final class Delivery {
    /** Held lines the monitor re-raises to the rich OS, one per core at a time (= the kernel's FIFO bound). */
    static final int QUEUE_MAX = 64;
    private final X86Machine m;
    private final SmiTimer smiTimer;
    private final LatencyStats tickLatency;
    private final int[] queue;
    private final int[] head;
    private final int[] count;

    Delivery(X86Machine m, SmiTimer smiTimer, LatencyStats tickLatency, int cores) {
        this.m = m;
        this.smiTimer = smiTimer;
        this.tickLatency = tickLatency;
        this.queue = new int[cores * QUEUE_MAX];
        this.head = new int[cores];
        this.count = new int[cores];
    }

    /** @return whether a held line waits to be re-raised to the rich OS on core c. */
    boolean queued(X86Core c) {
        return count[c.id] > 0;
    }

    /**
     * Re-raises the oldest held line to the rich OS (a self-IPI with the line's vector, taken at
     * once): one at a time, so that lines the kernel held are not merged in the IRR.
     */
    void reraise(X86Core c) {
        int line = queue[c.id * QUEUE_MAX + head[c.id]];
        head[c.id] = (head[c.id] + 1) % QUEUE_MAX;
        count[c.id]--;
        m.events.interrupt(c, line);
    }

    void interrupt(X86Core c, int line) {
        if (c.bound() == null) {
            return;
        }
        if (c.boundCritical()) {
            m.events.interrupt(c, line);
        } else if (count[c.id] < QUEUE_MAX) {
            queue[c.id * QUEUE_MAX + (head[c.id] + count[c.id]) % QUEUE_MAX] = line;
            count[c.id]++;
        } else {
            // The re-raise queue is full (more held lines than the kernel's own FIFO bound): hand
            // the line to the rich OS at once rather than lose it. Counted as delivered like any other.
            m.events.interrupt(c, line);
        }
    }

    /** The safety partition's tick measures its latency behind the SMI timer's deadline that expired. */
    void timer(X86Core c) {
        if (c.bound() == null) {
            return;
        }
        if (c.boundCritical()) {
            long fired = smiTimer.consumeFired(c.id);
            if (fired >= 0) {
                tickLatency.record(c.id, c.time - fired);
            }
            m.events.timer(c);
        } else {
            c.apic.accept(LocalApic.TIMER_VECTOR);
        }
    }

    void fault(X86Core c) {
        if (c.bound() == null || c.shutdown || c.lastFaultCause == Vectors.SMRR_DROPPED) {
            return;
        }
        m.events.fault(c, c.lastFaultCause, "address", c.lastFaultAddress);
    }
}
