package warden.verification.contract;

import warden.emu.Target;
import warden.riscv.RiscvTarget;

/** The port contract on RISC-V: every denied access raises an access fault. */
class RiscvPortContractTest extends PortContractTest {
    @Override
    protected Target newTarget() {
        return new RiscvTarget();
    }

    @Override
    protected boolean deniedAccessFaults() {
        return true;
    }
}
