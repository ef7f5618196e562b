package warden.arm;

import warden.arm.hw.GenericTimer;
import warden.arm.hw.GicState;
import warden.kernel.api.Access;
import warden.kernel.api.TrapEntry;

/**
 * The monitor's first-level exception handler at EL3 (what VBAR_EL3 points to), as TF-A's
 * runtime exception vectors and {@code handle_sync_exception} / {@code handle_interrupt_exception}
 * do: it decodes ESR_EL3 and calls the kernel entry point for it (decode, then invoke).
 * <ul>
 *   <li>EC 0x17 / 0x13 (SMC): the SMCCC function id in w0 and the imm16 in the ISS are decoded
 *       ({@link Smccc}); version queries are answered here; everything else goes to
 *       {@code onMonitorCall} with the mapped call id (UNKNOWN when it maps to nothing). ELR_EL3
 *       already points past the SMC, so a world switch saves the right resume address;</li>
 *   <li>EC 0x24 (data abort from a lower EL: WnR picks write or read) and 0x20 (instruction
 *       abort): {@code onAccessFault} with FAR_EL3;</li>
 *   <li>EC 0x18 (trapped system register) and 0x00 (unknown): {@code onIllegalInstruction};</li>
 *   <li>anything else is redirected to the guest's own EL1 handler;</li>
 *   <li>an interrupt: the Secure physical timer's PPI 29 is acknowledged through ICC_IAR0_EL1,
 *       the kernel's {@code onTimer} runs, and ICC_EOIR0_EL1 ends it; any other pending
 *       interrupt goes to {@code onExternalInterrupt}, which claims it.</li>
 * </ul>
 * Nothing here allocates.
 *
 * [impl->dsn~arm.trap.decode~1]
 */
final class MonitorVector {
    private final ArmMachine machine;
    private TrapEntry kernel;

    MonitorVector(ArmMachine machine) {
        this.machine = machine;
    }

    void attach(TrapEntry entry) {
        this.kernel = entry;
    }

    void handle(Pe p, int kind) {
        machine.port.monitorOn(p.id);
        p.spend(machine.costs.handlerNs());
        if (kind == Pe.KIND_INTERRUPT) {
            interrupt(p);
        } else if (kernel != null) {
            synchronous(p);
        }
    }

    private void synchronous(Pe p) {
        switch (Esr.ec(p.esr)) {
            case Esr.EC_SMC64:
            case Esr.EC_SMC32:
                smc(p);
                break;
            case Esr.EC_DABT_LOWER:
                kernel.onAccessFault(p.id, (Esr.iss(p.esr) & Esr.WNR) != 0 ? Access.WRITE : Access.READ, p.far);
                break;
            case Esr.EC_IABT_LOWER:
                kernel.onAccessFault(p.id, Access.EXECUTE, p.far);
                break;
            case Esr.EC_SYSREG:
            case Esr.EC_UNKNOWN:
                kernel.onIllegalInstruction(p.id, p.elr);
                break;
            default:
                machine.redirectFault(p.id);
                break;
        }
    }

    private void smc(Pe p) {
        int fid = (int) p.x[0];
        p.noteFunctionId(fid);
        if (Smccc.answeredByMonitor(fid) && Esr.iss(p.esr) == 0) { // SMCCC calls use SMC #0 only
            p.answerInMonitor(Smccc.monitorAnswer(fid, p.x[1]));
            return;
        }
        kernel.onMonitorCall(p.id, Smccc.callId(fid, (int) Esr.iss(p.esr)));
    }

    private void interrupt(Pe p) {
        int hp = p.gic.highestPending();
        if (hp == GenericTimer.PPI_SECURE_PHYS) {
            int id = p.gic.acknowledge0(3);
            if (kernel != null) {
                kernel.onTimer(p.id);
            } else {
                machine.timer.setDeadlineNs(p.id, Long.MAX_VALUE);
            }
            p.gic.endOfInterrupt0(id);
            return;
        }
        if (kernel != null && hp != GicState.SPURIOUS) {
            kernel.onExternalInterrupt(p.id);
        }
    }
}
