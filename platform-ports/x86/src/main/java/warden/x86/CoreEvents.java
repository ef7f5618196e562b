package warden.x86;

import warden.x86.hw.LocalApic;
import warden.x86.hw.SaveStateDescriptor;

/**
 * What a core takes at an instruction boundary, in priority order, and when its next event is:
 * outside SMM an SMI (from another core, the SMI timer, an SMI-routed line, or a parked core's
 * wake) before the local APIC's interrupts to the rich OS; in SMM, while the critical partition
 * runs with IF set, the monitor's timer, SMI-routed lines and the rich OS's Fixed lines through
 * the SMM IDT (the monitor claims the latter and the kernel holds them for the rich OS, so none
 * is merged in the IRR while the rich OS cannot run). SMIs and NMIs
 * reaching a core in SMM stay latched until its RSM (Intel SDM Vol. 3C §34.3.1, §34.8).
 *
 * [impl->dsn~x86.smi~1] [impl->dsn~x86.apic~1]
 */
final class CoreEvents {
    private final X86Machine m;

    CoreEvents(X86Machine m) {
        this.m = m;
    }

    /** Takes the first due event of core c; @return true when one was taken. */
    boolean take(X86Core c) {
        if (c.smm) {
            if (c.bound() == null || !c.boundCritical()) {
                return false;
            }
            boolean timer = m.timerDue(c);
            if (timer || m.irq.smiPending(c.id) || m.irq.apicLinePending(c.id)) {
                m.monitor.interruptInSmm(c, timer);
                return true;
            }
            return false;
        }
        if (c.smi.at() <= c.time) {
            m.monitor.smi(c, c.smi.initiator());
            return true;
        }
        if (m.timerDue(c) || m.irq.smiPending(c.id) || (c.bound() == null && m.irq.apicLinePending(c.id))) {
            m.monitor.smi(c, true);
            return true;
        }
        c.apic.tick(c.time);
        if (c.bound() != null && interruptible(c) && m.delivery.queued(c)) {
            m.delivery.reraise(c);
            return true;
        }
        if (c.bound() != null && interruptible(c) && c.apic.deliverable()) {
            deliver(c);
            return true;
        }
        return false;
    }

    /** @return whether an event is due now (the executor's budget is zero). */
    boolean due(X86Core c) {
        if (c.smm) {
            return c.boundCritical() && (m.timerDue(c) || m.irq.smiPending(c.id) || m.irq.apicLinePending(c.id));
        }
        return c.smi.at() <= c.time || m.timerDue(c) || m.irq.smiPending(c.id) || c.apic.timerDueNs() <= c.time
                || (interruptible(c) && (c.apic.deliverable() || m.delivery.queued(c)));
    }

    /** @return the time of core c's next timed event (monitor timer, SMI arrival, APIC timer). */
    long nextNs(X86Core c) {
        long t = m.smiTimer.deadline(c.id);
        if (!c.smm) {
            t = Math.min(t, Math.min(c.smi.at(), c.apic.timerDueNs()));
        }
        return t;
    }

    private static boolean interruptible(X86Core c) {
        return (c.regs.r[RegisterFile.RFLAGS] & SaveStateDescriptor.RFLAGS_IF) != 0;
    }

    /** The local APIC hands its highest vector to the rich OS's IDT; the handler ends with EOI. */
    private void deliver(X86Core c) {
        int v = c.apic.acknowledge();
        if (v == LocalApic.TIMER_VECTOR) {
            m.events.timer(c);
        } else {
            m.events.interrupt(c, v - LocalApic.LINE_VECTOR_BASE);
        }
        c.apic.eoi();
        if (v != LocalApic.TIMER_VECTOR) {
            m.irq.taken(c.id, v - LocalApic.LINE_VECTOR_BASE); // a raise merged behind it is requested again
        }
    }

    /** Another core's SMI reaches every core that is not shut down (a core in SMM latches it). */
    void broadcast(X86Core from, long t0) {
        for (X86Core o : m.cores) { // bound: cores
            if (o != from && !o.shutdown) {
                o.smi.arrive(t0);
            }
        }
    }

    /** The initiator's handler is done: cores waiting at the rendezvous are held {@code holdNs}. */
    void release(X86Core from, long holdNs) {
        for (X86Core o : m.cores) { // bound: cores
            if (o != from && !o.smm && o.smi.at() != Long.MAX_VALUE) {
                o.smi.holdFor(holdNs);
            }
        }
    }

    /** An ICR write of core c: SMI, NMI or Fixed to the destination core (§10.6.1). */
    void ipi(X86Core c, long icr) {
        int dest = LocalApic.icrDestination(icr);
        if (dest >= m.cores.length) {
            return;
        }
        X86Core t = m.cores[dest];
        int mode = LocalApic.icrDeliveryMode(icr);
        if (mode == LocalApic.ICR_SMI) {
            t.smi.arriveFromIpi(c.time);
        } else if (mode == LocalApic.ICR_NMI) {
            t.raiseNmi();
        } else if (mode == LocalApic.ICR_FIXED) {
            t.apic.accept((int) (icr & 0xFF));
        }
    }
}
