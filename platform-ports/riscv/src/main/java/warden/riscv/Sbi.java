package warden.riscv;

import warden.kernel.api.MonitorCall;
import warden.kernel.api.Status;

/**
 * The RISC-V calling convention for monitor calls (RISC-V SBI specification, "Binary Encoding"):
 * a7 holds the extension id (EID), a6 the function id (FID), a0..a5 the arguments; the monitor
 * returns an error code in a0 and a value in a1.
 *
 * <p>Warden's own calls live in the firmware-specific extension space (0x0A000000-0x0AFFFFFF) at
 * {@link #WARDEN_EID}, FID = kernel call id. Two standard extensions map onto kernel calls: TIME
 * {@code sbi_set_timer} (EID 0x54494D45, FID 0, deadline in timebase ticks) and the Debug Console
 * {@code sbi_debug_console_write} (EID 0x4442434E, FID 0: num_bytes, base_lo, base_hi). Anything
 * else maps to {@link MonitorCall#UNKNOWN}, which the kernel answers with NOT_SUPPORTED.
 *
 * [impl->dsn~riscv.sbi.mapping~1]
 */
public final class Sbi {
    public static final long WARDEN_EID = 0x0A00_5744L;
    public static final long TIME_EID = 0x5449_4D45L;
    public static final long DBCN_EID = 0x4442_434EL;

    public static final int SBI_SUCCESS = 0;
    public static final int SBI_ERR_FAILED = -1;
    public static final int SBI_ERR_NOT_SUPPORTED = -2;
    public static final int SBI_ERR_INVALID_PARAM = -3;
    public static final int SBI_ERR_DENIED = -4;
    public static final int SBI_ERR_INVALID_ADDRESS = -5;
    public static final int SBI_ERR_INVALID_STATE = -10;

    private Sbi() {
    }

    /**
     * @return the kernel call id for (EID, FID), or MonitorCall.UNKNOWN. The Warden extension's FID
     *     is the call id, the channel calls included (FID 12..14).
     *
     * [impl->dsn~channel.abi~1]
     */
    public static int callId(long eid, long fid) {
        if (eid == WARDEN_EID && fid >= 0 && fid < MonitorCall.COUNT) {
            return (int) fid;
        }
        if (eid == TIME_EID && fid == 0) {
            return MonitorCall.SET_TIMER;
        }
        if (eid == DBCN_EID && fid == 0) {
            return MonitorCall.CONSOLE_WRITE;
        }
        return MonitorCall.UNKNOWN;
    }

    /** @return the SBI error code for a kernel status. */
    public static int error(int status) {
        switch (status) {
            case Status.OK: return SBI_SUCCESS;
            case Status.NOT_SUPPORTED: return SBI_ERR_NOT_SUPPORTED;
            case Status.INVALID_PARAM: return SBI_ERR_INVALID_PARAM;
            case Status.DENIED: return SBI_ERR_DENIED;
            case Status.INVALID_ADDRESS: return SBI_ERR_INVALID_ADDRESS;
            case Status.BAD_STATE: return SBI_ERR_INVALID_STATE;
            default: return SBI_ERR_FAILED;
        }
    }

    /** @return the kernel status for an SBI error code (the inverse of {@link #error}). */
    public static int status(long error) {
        switch ((int) error) {
            case SBI_SUCCESS: return Status.OK;
            case SBI_ERR_NOT_SUPPORTED: return Status.NOT_SUPPORTED;
            case SBI_ERR_INVALID_PARAM: return Status.INVALID_PARAM;
            case SBI_ERR_DENIED: return Status.DENIED;
            case SBI_ERR_INVALID_ADDRESS: return Status.INVALID_ADDRESS;
            case SBI_ERR_INVALID_STATE: return Status.BAD_STATE;
            default: return Status.FAILED;
        }
    }
}
