package warden.x86;

import warden.kernel.api.MonitorCall;

/**
 * The x86 calling convention for monitor calls. The rich OS puts the call id in RAX (the whole
 * register: the monitor reads it from the save map, so bits above AL must be zero), the
 * arguments in RDI, RSI, RDX, R10, R8, R9, and writes AL to the APM control port B2h
 * ({@code APM_CNT}; ICH/PCH datasheets: a write raises an SMI when APMC_EN is set — QEMU's q35
 * does the same), so the monitor's SMI handler finds the registers in the SMRAM save map. The
 * critical partition, already in SMM at CPL 3, uses the same registers and SYSCALL. The monitor
 * returns the kernel status in RAX and the value in RDX; an unknown id gets NOT_SUPPORTED (-1).
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
     * @return the kernel call id for RAX (the whole register, read from the save map after an APM
     *     SMI, live after SYSCALL), or MonitorCall.UNKNOWN: a value with any bit set above the
     *     kernel's ids (in AL or above it) is unknown, not the call its low byte names; the channel
     *     calls are RAX = 12..14, the update calls RAX = 18..21 (arguments in RDI, RSI, RDX, R10); 17
     *     is reserved and answered NOT_SUPPORTED by the kernel.
     *
     * [impl->dsn~x86.apm~1] [impl->dsn~channel.abi~1] [impl->dsn~port.update-abi~1]
     */
    public static int callId(long rax) {
        return rax >= 0 && rax < MonitorCall.COUNT ? (int) rax : MonitorCall.UNKNOWN;
    }

    /**
     * @return RAX values a hostile guest aims at: the kernel's ids and the next ones, the last
     *     command byte, and kernel ids with bits set above AL. [impl->dsn~emu.guest.hostile-raw~1]
     */
    public static long[] hostileIds() {
        int n = MonitorCall.COUNT + 2;
        long[] ids = new long[2 * n + 3];
        for (int k = 0; k < n; k++) {
            ids[2 * k] = k;
            ids[2 * k + 1] = k;
        }
        ids[2 * n] = 0xFF;
        ids[2 * n + 1] = 0x100 | MonitorCall.GET_TIME;
        ids[2 * n + 2] = 0xFFFF_FFFF_0000_0000L | MonitorCall.HEARTBEAT;
        return ids;
    }
}
