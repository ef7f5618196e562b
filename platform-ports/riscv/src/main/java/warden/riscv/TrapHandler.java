package warden.riscv;

import warden.kernel.api.Access;
import warden.kernel.api.TrapEntry;

/**
 * The monitor's first-level M-mode trap handler (what {@code mtvec} points to): decodes
 * {@code mcause} and calls the kernel entry point for it, as OpenSBI's {@code sbi_trap_handler}
 * does. For an ecall it decodes the SBI registers and advances {@code mepc} past the ecall before
 * the kernel runs, so that a world switch saves the right resume address.
 *
 * [impl->dsn~riscv.trap.decode~1]
 */
final class TrapHandler {
    private final RiscvMachine machine;
    private TrapEntry kernel;

    TrapHandler(RiscvMachine machine) {
        this.machine = machine;
    }

    void attach(TrapEntry entry) {
        this.kernel = entry;
    }

    void handle(Hart h) {
        machine.port.monitorOn(h.id);
        h.spend(machine.costs.handlerNs());
        if (kernel == null) {
            return;
        }
        long cause = h.st.mcause;
        int code = (int) (cause & 0xff);
        if ((cause & Csr.INTERRUPT) != 0) {
            interrupt(h, code);
            return;
        }
        switch (code) {
            case Csr.EXC_ECALL_S:
            case Csr.EXC_ECALL_U:
                ecall(h);
                break;
            case Csr.EXC_LOAD_ACCESS:
                kernel.onAccessFault(h.id, Access.READ, h.st.mtval);
                break;
            case Csr.EXC_STORE_ACCESS:
                kernel.onAccessFault(h.id, Access.WRITE, h.st.mtval);
                break;
            case Csr.EXC_FETCH_ACCESS:
                kernel.onAccessFault(h.id, Access.EXECUTE, h.st.mtval);
                break;
            case Csr.EXC_ILLEGAL:
                kernel.onIllegalInstruction(h.id, h.st.mepc);
                break;
            default:
                // Any other exception is the guest's own business: hand it back.
                machine.redirectFault(h.id);
                break;
        }
    }

    /** An SBI call: answered by the port itself, or mapped onto a kernel call. */
    private void ecall(Hart h) {
        h.skipEcall();
        if (Sbi.answeredByPort(h.x[17], h.x[16])) {
            machine.answerInPort(h);
            return;
        }
        if (Sbi.answeredForCode(h.x[17], h.x[16]) && h.runsLinux()) {
            machine.answerForCode(h);
            return;
        }
        machine.mapArgs(h);
        int partition = h.boundPartition();
        kernel.onMonitorCall(h.id, Sbi.callId(h.x[17], h.x[16], h.x[10]));
        if (h.x[17] == Sbi.TIME_EID && h.boundPartition() == partition) { // only a timer call can be due a beat
            ElfGuest g = h.codeGuest();
            if (g != null && g.heartbeatDue(h.time)) {
                heartbeatFor(h, partition);
            }
        }
    }

    /**
     * A heartbeat on behalf of a Linux guest that re-armed its timer ({@link ElfGuest#linux}): the
     * kernel's HEARTBEAT call, its result dropped (set_timer's result stays in a0 and a1, unless the
     * heartbeat switched the hart to another partition, whose registers are then not touched).
     * [impl->dsn~riscv.linux.heartbeat~1]
     */
    private void heartbeatFor(Hart h, int partition) {
        long a0 = h.x[10];
        long a1 = h.x[11];
        kernel.onMonitorCall(h.id, warden.kernel.api.MonitorCall.HEARTBEAT);
        if (h.boundPartition() == partition) {
            h.x[10] = a0;
            h.x[11] = a1;
        }
    }

    private void interrupt(Hart h, int code) {
        switch (code) {
            case Csr.IRQ_M_EXT:
                kernel.onExternalInterrupt(h.id);
                break;
            case Csr.IRQ_M_TIMER:
                kernel.onTimer(h.id);
                break;
            case Csr.IRQ_M_SOFT:
                machine.clint.write(4L * h.id, 4, 0, h.time);
                break;
            default:
                break;
        }
    }
}
