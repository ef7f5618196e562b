package warden.riscv;

import warden.emu.Target;
import warden.port.contract.PortContractTest;

/**
 * The port contract on RISC-V: every denied access raises an access fault.
 *
 * [utest->dsn~riscv.port~1]
 * [utest->dsn~riscv.world-switch~1]
 */
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
