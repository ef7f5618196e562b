package warden.x86;

import warden.emu.Target;
import warden.port.contract.PortContractTest;

/**
 * The port contract on x86 (SMM + SMRR, no VT-x): a denied access of the rich OS outside SMM does
 * not fault — SMRR drops the write and answers a read with a fixed value, all ones (Intel SDM
 * Vol. 3A §11.11.2.4) — while the port still reports it to the kernel. The critical partition,
 * in SMM, does fault (#PF) on pages its SMM page tables do not map.
 */
class X86PortContractTest extends PortContractTest {
    @Override
    protected Target newTarget() {
        return new X86Target();
    }

    @Override
    protected boolean deniedAccessFaults() {
        return false;
    }

    @Override
    protected long deniedReadValue() {
        return 0xFFFF_FFFFL;
    }
}
