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
 * <p>For guests that run real code (SBI specification 2.0): the Base extension (EID 0x10) is
 * answered by the port itself ({@link #base}); HSM {@code hart_start}/{@code hart_stop} map onto
 * VCPU_ON/VCPU_OFF; SRST {@code system_reset} onto PARTITION_RESET (cold or warm reboot) or
 * VCPU_OFF (shutdown: the vCPU stops). The kernel offers no inter-partition IPI or remote fence;
 * to a Linux guest the port answers IPI and RFENCE within the caller itself (a partition's own
 * harts, see {@link #answeredForCode}) and the legacy console; to other guests and models they are
 * not supported (probe_extension says 0, a call gets SBI_ERR_NOT_SUPPORTED).
 * Warden's extension has one function the port answers: {@link #CLAIM_FID} returns the lowest
 * virtual interrupt line delivered and not yet claimed (the guest's stand-in for a PLIC claim;
 * SEIP falls when none is left).
 *
 * [impl->dsn~riscv.sbi.mapping~1]
 */
public final class Sbi {
    public static final long WARDEN_EID = 0x0A00_5744L;
    public static final long TIME_EID = 0x5449_4D45L;
    public static final long DBCN_EID = 0x4442_434EL;
    public static final long BASE_EID = 0x10L;
    public static final long HSM_EID = 0x0048_534DL;
    public static final long SRST_EID = 0x5352_5354L;
    public static final long IPI_EID = 0x0073_5049L;
    public static final long RFENCE_EID = 0x5246_4E43L;
    /** Warden extension function answered by the port: claim a delivered virtual interrupt line. */
    public static final long CLAIM_FID = 0x100;
    /** SBI specification version 2.0 (major in bits 30:24, minor in 23:0). */
    public static final long SPEC_VERSION = 2L << 24;
    /**
     * get_impl_id: Warden has no id in the SBI specification's table of implementations (0-11 are
     * taken by BBL, OpenSBI, Xvisor, KVM, RustSBI, Diosix, Coffer, Xen, PolarFire HSS, coreboot,
     * oreboot, bhyve); it answers with the Warden extension's "WD" signature, outside that table.
     */
    public static final long IMPL_ID = 0x5744;

    /** Performance monitoring (SBI v2.0 §11): not offered. */
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
     * @return the kernel call id for (EID, FID) with a0 = {@code a0} (the SRST reset type), or
     *     MonitorCall.UNKNOWN [impl->dsn~riscv.sbi.hsm-srst~1]
     */
    public static int callId(long eid, long fid, long a0) {
        if (eid == HSM_EID) {
            return fid == 0 ? MonitorCall.VCPU_ON : fid == 1 ? MonitorCall.VCPU_OFF : MonitorCall.UNKNOWN;
        }
        if (eid == SRST_EID && fid == 0) {
            return a0 == 0 ? MonitorCall.VCPU_OFF : a0 == 1 || a0 == 2 ? MonitorCall.PARTITION_RESET
                    : MonitorCall.UNKNOWN;
        }
        return callId(eid, fid);
    }

    /** @return whether the port itself answers (EID, FID), without a kernel call. */
    public static boolean answeredByPort(long eid, long fid) {
        return eid == BASE_EID || eid == WARDEN_EID && fid == CLAIM_FID;
    }

    /** Legacy (v0.1) console_putchar and console_getchar, what Linux's earlycon=sbi uses. */
    public static final long LEGACY_PUTCHAR = 1;
    public static final long LEGACY_GETCHAR = 2;
    /** Legacy send_ipi, remote_fence_i, remote_sfence_vma and remote_sfence_vma_asid. */
    public static final long LEGACY_SEND_IPI = 4;
    public static final long LEGACY_LAST_FENCE = 7;

    /**
     * @return whether the port answers (EID, FID) itself for a Linux guest: the
     *     legacy console and IPI/fence calls (0x01, 0x02, 0x04..0x07), IPI send_ipi and the RFENCE
     *     functions, within the caller's own partition [impl->dsn~riscv.sbi.linux~1]
     */
    public static boolean answeredForCode(long eid, long fid) {
        return eid == LEGACY_PUTCHAR || eid == LEGACY_GETCHAR || eid >= LEGACY_SEND_IPI && eid <= LEGACY_LAST_FENCE
                || eid == IPI_EID && fid == 0 || eid == RFENCE_EID && fid >= 0 && fid <= 6;
    }

    /** @return whether probe_extension reports {@code eid} as available. */
    public static boolean available(long eid) {
        return eid == BASE_EID || eid == TIME_EID || eid == DBCN_EID || eid == HSM_EID || eid == SRST_EID
                || eid == WARDEN_EID;
    }

    /**
     * The Base extension (SBI 2.0 chapter 4): {@code out[0]} = error, {@code out[1]} = value.
     * mvendorid, marchid and mimpid are what this hart's CSRs read: 0 (not implemented).
     */
    public static void base(long fid, long a0, long[] out) {
        out[0] = SBI_SUCCESS;
        int function = fid >= 0 && fid <= 6 ? (int) fid : -1; // a 64-bit FID is never truncated into range
        switch (function) {
            case 0: out[1] = SPEC_VERSION; break;
            case 1: out[1] = IMPL_ID; break;
            case 2: out[1] = MonitorCall.ABI_VERSION; break;
            case 3: out[1] = available(a0) ? 1 : 0; break;
            case 4: case 5: case 6: out[1] = 0; break;
            default: out[0] = SBI_ERR_NOT_SUPPORTED; out[1] = 0; break;
        }
    }

    /**
     * @return the kernel call id for (EID, FID), or MonitorCall.UNKNOWN: only these exact 64-bit
     *     register values map, so a random EID or FID (upper bits set, a legacy or standard
     *     extension Warden does not offer) is unknown, never a Warden call. The Warden extension's FID
     *     is the call id, the channel calls included (FID 12..14) and the update calls (FID 18..21,
     *     arguments in a0..a3; FID 17 is reserved, answered SBI_ERR_NOT_SUPPORTED by the kernel).
     *
     * [impl->dsn~channel.abi~1] [impl->dsn~port.update-abi~1]
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
