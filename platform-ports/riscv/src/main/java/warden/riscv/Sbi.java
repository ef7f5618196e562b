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

    /** Base extension (SBI v2.0 §4): mandatory in a full SBI, not offered by Warden's monitor. */
    public static final long BASE_EID = 0x10L;
    /** Hart state management (§9), system reset (§10), IPI (§7), RFENCE (§8), PMU (§11). */
    public static final long HSM_EID = 0x48_534DL;
    public static final long SRST_EID = 0x5352_5354L;
    public static final long IPI_EID = 0x73_5049L;
    public static final long RFENCE_EID = 0x5246_4E43L;
    public static final long PMU_EID = 0x50_4D55L;
    /** The legacy extensions (§5, v0.1 calls): EIDs 0x00 to 0x0F. */
    public static final long LEGACY_LAST_EID = 0x0FL;
    /** The firmware-specific EID space (§3) Warden's own extension lives in. */
    public static final long FIRMWARE_FIRST_EID = 0x0A00_0000L;
    public static final long FIRMWARE_LAST_EID = 0x0AFF_FFFFL;

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
     * @return EIDs a hostile guest aims at: Warden's (weighted), TIME, DBCN, the standard extensions
     *     Warden does not offer (base, HSM, SRST, IPI, RFENCE, PMU), the legacy ids and the edges of
     *     the firmware-specific space. [impl->dsn~emu.guest.hostile-raw~1]
     */
    public static long[] hostileIds() {
        long[] ids = new long[] {WARDEN_EID, WARDEN_EID, WARDEN_EID, WARDEN_EID, TIME_EID, DBCN_EID, BASE_EID, HSM_EID,
            SRST_EID, IPI_EID, RFENCE_EID, PMU_EID, FIRMWARE_FIRST_EID, FIRMWARE_LAST_EID, WARDEN_EID + 1,
            WARDEN_EID | 1L << 32, 0, 1, 2, 3, 8, LEGACY_LAST_EID};
        return ids;
    }

    /**
     * @return the kernel call id for (EID, FID), or MonitorCall.UNKNOWN: only these exact 64-bit
     *     register values map, so a random EID or FID (upper bits set, a legacy or standard
     *     extension Warden does not offer) is unknown, never a Warden call.
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
