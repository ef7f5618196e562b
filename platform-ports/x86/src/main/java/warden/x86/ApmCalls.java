package warden.x86;

import warden.kernel.api.MonitorCall;

/**
 * The x86 calling convention for monitor calls. The rich OS puts the call id in AL, the
 * arguments in RDI, RSI, RDX, R10, R8, R9, and writes AL to the APM control port B2h
 * ({@code APM_CNT}; ICH/PCH datasheets: a write raises an SMI when APMC_EN is set — QEMU's q35
 * does the same), so the monitor's SMI handler finds the registers in the SMRAM save map. The
 * critical partition, already in SMM at CPL 3, uses the same registers and SYSCALL. The monitor
 * returns the kernel status in RAX and the value in RDX.
 *
 * [impl->dsn~x86.apm~1]
 */
public final class ApmCalls {
    /** The APM control port: a write raises an SMI. */
    public static final int APM_CNT = 0xB2;
    /** The APM status port: a scratch byte with no side effect. */
    public static final int APM_STS = 0xB3;

    private ApmCalls() {
    }

    /**
     * @return the kernel call id for an APM command byte (AL), or MonitorCall.UNKNOWN; the channel
     *     calls are AL = 12..14.
     *
     * [impl->dsn~channel.abi~1]
     */
    public static int callId(long al) {
        long v = al & 0xFF;
        return v < MonitorCall.COUNT ? (int) v : MonitorCall.UNKNOWN;
    }
}
