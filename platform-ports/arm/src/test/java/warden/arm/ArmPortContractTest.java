package warden.arm;

import warden.emu.Target;
import warden.port.contract.PortContractTest;

/**
 * The port contract on Arm: a denied access is a TZC-400 error response, taken to EL3 as a
 * synchronous external abort (SCR_EL3.EA = 1), so the kernel sees every denial; a fetch without
 * execute permission is an instruction abort.
 */
// [utest->dsn~arm.port~1] [utest->dsn~arm.scenarios~1]
class ArmPortContractTest extends PortContractTest {
    @Override
    protected Target newTarget() {
        return new ArmTarget();
    }

    @Override
    protected boolean deniedAccessFaults() {
        return true;
    }
}
