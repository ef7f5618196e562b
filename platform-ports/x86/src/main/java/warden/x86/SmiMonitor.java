package warden.x86;

import warden.kernel.api.TrapEntry;

/**
 * The monitor's first-level handlers in SMM: the SMI handler at SMBASE + 8000h, and the SMM IDT
 * entries that serve the critical partition (SYSCALL, #PF, and the monitor's own timer and
 * interrupt vectors while the partition runs in SMM with IF set). Each decodes its source and
 * calls the kernel's {@link TrapEntry}, then either stays in SMM (the critical partition runs)
 * or leaves it with RSM (to the rich OS, or to the park loop when nothing runs).
 *
 * <p>An SMI pulls every core into SMM: the initiating core's handler broadcasts it, every other
 * core enters SMM at its next instruction boundary, waits at the rendezvous for as long as the
 * initiator's handler runs, and resumes with RSM. A core already in SMM latches the SMI and takes
 * it after its RSM. The time each core spends in SMM because of an SMI (until RSM, or until the
 * critical partition starts) is its stall, recorded per core in {@link #stalls}.
 *
 * <p>Loosely timed: a core that already ran past the SMI time in this engine step takes it at its
 * own time (late by at most one quantum); the stall it records is still the modeled one.
 *
 * [impl->dsn~x86.smi~1] [impl->dsn~x86.stall~1] [impl->dsn~x86.no-allocation~1]
 */
final class SmiMonitor {
    private final X86Machine m;
    private final CostModel costs;
    private final LatencyStats stalls;
    private TrapEntry kernel;
    private long smis;

    SmiMonitor(X86Machine m, int cores) {
        this.m = m;
        this.costs = m.costs;
        this.stalls = new LatencyStats(cores);
    }

    void attach(TrapEntry entry) {
        kernel = entry;
    }

    TrapEntry kernel() {
        return kernel;
    }

    LatencyStats stalls() {
        return stalls;
    }

    long smis() {
        return smis;
    }

    /** An SMI is taken on core c; {@code initiator}: this core's source raised it (it broadcasts). */
    void smi(X86Core c, boolean initiator) {
        long t0 = c.time;
        long hold = c.smi.take();
        if (initiator) {
            smis++;
            m.coreEvents.broadcast(c, t0);
        }
        m.smm.enter(c);
        c.spend(costs.rendezvousNs());
        long acting = c.time;
        c.monitorEntered(false);
        m.port.monitorOn(c.id);
        dispatch(c);
        c.monitorLeft();
        if (initiator) {
            m.coreEvents.release(c, c.time - acting);
        } else {
            c.holdUntil(acting + hold);
        }
        if (m.events.tracing()) {
            m.events.instant(c.id, "SMI", "smm", t0, "{\"stallNs\":" + (c.time - t0) + "}");
        }
        exit(c, t0, true);
    }

    /** The SMI handler polls its sources: APM_CNT, the SMI timer, SMI-routed lines, a parked core's wake. */
    private void dispatch(X86Core c) {
        int cmd = c.takeApmCommand();
        if (kernel == null) {
            return;
        }
        if (cmd >= 0) {
            c.spend(costs.handlerNs());
            kernel.onMonitorCall(c.id, ApmCalls.callId(m.smm.mapGpr(c, RegisterFile.RAX))); // [impl->dsn~x86.apm~1]
        }
        if (m.timerDue(c)) {
            m.smiTimer.fire(c.id);
            c.spend(costs.handlerNs());
            kernel.onTimer(c.id);
        }
        if (m.irq.smiPending(c.id) || (c.bound() == null && m.irq.apicLinePending(c.id))) {
            c.spend(costs.handlerNs());
            kernel.onExternalInterrupt(c.id);
        }
    }

    /** SYSCALL from the critical partition (CPL 3 in SMM) into the monitor. [impl->dsn~x86.apm~1] */
    void syscall(X86Core c) {
        c.setRegister(RegisterFile.RIP, c.register(RegisterFile.RIP) + 2);
        c.spend(costs.syscallNs());
        enterFromSmm(c);
        if (kernel != null) {
            c.spend(costs.handlerNs());
            kernel.onMonitorCall(c.id, ApmCalls.callId(c.regs.r[RegisterFile.RAX]));
        }
        leaveFromSmm(c);
    }

    /** The monitor's timer or an SMI-routed line while the critical partition runs in SMM. */
    void interruptInSmm(X86Core c, boolean timer) {
        enterFromSmm(c);
        if (kernel != null) {
            c.spend(costs.handlerNs());
            if (timer) {
                m.smiTimer.fire(c.id);
                kernel.onTimer(c.id);
            } else {
                kernel.onExternalInterrupt(c.id);
            }
        }
        leaveFromSmm(c);
    }

    /** #PF of the critical partition: its SMM page tables do not map the address. */
    void pageFault(X86Core c, int access, long address) {
        enterFromSmm(c);
        if (kernel != null) {
            c.spend(costs.handlerNs());
            kernel.onAccessFault(c.id, access, address);
        }
        leaveFromSmm(c);
    }

    private void enterFromSmm(X86Core c) {
        m.port.monitorOn(c.id);
        c.monitorEntered(true);
    }

    private void leaveFromSmm(X86Core c) {
        c.monitorLeft();
        exit(c, c.time, false);
    }

    /** Stays in SMM when the critical partition is bound; else RSM to the rich OS or the park loop. */
    private void exit(X86Core c, long t0, boolean stall) {
        if (c.bound() != null && c.boundCritical()) {
            if (stall) {
                stalls.record(c.id, c.time - t0);
            }
            return;
        }
        int st = m.smm.rsm(c);
        if (stall) {
            stalls.record(c.id, c.time - t0);
        }
        if (st != Smm.OK) {
            m.reportShutdown(c, st);
        }
    }

    /**
     * Instrumentation, not hardware: SMRR gives no signal when it drops an access from outside SMM.
     * The port tells the kernel anyway (it logs the violation, so reports show the denial), without
     * an SMI, without cost in virtual time and without an exception to the guest.
     */
    void dropped(X86Core c, int access, long address) {
        if (kernel == null) {
            return;
        }
        int cause = c.lastFaultCause;
        long where = c.lastFaultAddress;
        c.noteFault(Vectors.SMRR_DROPPED, address);
        kernel.onAccessFault(c.id, access, address);
        c.noteFault(cause, where);
    }

    /** RSM found invalid state: the core is in shutdown; the kernel sees a fault at the RSM's address. */
    void shutdown(X86Core c, int check) {
        if (kernel != null) {
            kernel.onIllegalInstruction(c.id, c.regs.r[RegisterFile.RIP]);
        }
    }
}
