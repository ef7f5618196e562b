package warden.arm;

import warden.kernel.api.MonitorCall;
import warden.kernel.api.Status;

/**
 * The Power State Coordination Interface over SMCCC entity 4 (Arm DEN0022, §5.1 "Function
 * prototypes" and the function ids, §5.2.2 "Return error codes"), mapped onto what the kernel
 * offers:
 * <ul>
 *   <li>PSCI_VERSION (0x8400_0000): answered by the monitor, version 1.1;</li>
 *   <li>PSCI_FEATURES (0x8400_000A): answered by the monitor: SUCCESS (0) for the functions
 *       below that are implemented, NOT_SUPPORTED (-1) for every other id;</li>
 *   <li>CPU_SUSPEND (0x8400_0001 / 0xC400_0001), a standby request: the kernel's YIELD — the
 *       caller sleeps until its next interrupt or timer and the call returns SUCCESS;</li>
 *   <li>CPU_OFF (0x8400_0002): the kernel's VCPU_OFF — the calling vCPU stops;</li>
 *   <li>CPU_ON (0x8400_0003 / 0xC400_0003; x1 = target MPIDR, Aff0 = core, x2 = entry): the
 *       kernel's VCPU_ON — only one of the caller's own cores, only when that vCPU is off
 *       (else ALREADY_ON, -4), only at an entry in the caller's executable memory;</li>
 *   <li>SYSTEM_RESET (0x8400_0009): the kernel's PARTITION_RESET — "the system" of a partition
 *       is the partition: it is restarted from its entry point, nothing else is touched;</li>
 *   <li>SYSTEM_OFF and every other PSCI function: NOT_SUPPORTED (-1), logged by the kernel as an
 *       unknown call (a partition may not power the board off).</li>
 * </ul>
 *
 * [impl->dsn~arm.psci~2]
 */
public final class Psci {
    public static final int PSCI_VERSION = 0x8400_0000;
    public static final int CPU_SUSPEND_32 = 0x8400_0001;
    public static final int CPU_SUSPEND_64 = 0xC400_0001;
    public static final int CPU_OFF = 0x8400_0002;
    public static final int CPU_ON_32 = 0x8400_0003;
    public static final int CPU_ON_64 = 0xC400_0003;
    public static final int SYSTEM_OFF = 0x8400_0008;
    public static final int SYSTEM_RESET = 0x8400_0009;
    public static final int PSCI_FEATURES = 0x8400_000A;
    /** PSCI 1.1: major in bits 31:16, minor in 15:0. */
    public static final int VERSION_1_1 = 0x0001_0001;

    public static final int SUCCESS = 0;
    public static final int NOT_SUPPORTED = -1;
    public static final int INVALID_PARAMETERS = -2;
    public static final int DENIED = -3;
    public static final int ALREADY_ON = -4;
    public static final int INTERNAL_FAILURE = -6;
    public static final int INVALID_ADDRESS = -9;

    private Psci() {
    }

    /** @return the kernel call a PSCI function maps to, or MonitorCall.UNKNOWN. */
    public static int callId(int fid) {
        switch (fid) {
            case CPU_SUSPEND_32:
            case CPU_SUSPEND_64:
                return MonitorCall.YIELD;
            case CPU_OFF:
                return MonitorCall.VCPU_OFF;
            case CPU_ON_32:
            case CPU_ON_64:
                return MonitorCall.VCPU_ON;
            case SYSTEM_RESET:
                return MonitorCall.PARTITION_RESET;
            default:
                return MonitorCall.UNKNOWN;
        }
    }

    /** @return true for CPU_ON, whose first argument is an MPIDR (the core is its Aff0 field). */
    public static boolean takesMpidr(int fid) {
        return fid == CPU_ON_32 || fid == CPU_ON_64;
    }

    public static boolean answeredByMonitor(int fid) {
        return fid == PSCI_VERSION || fid == PSCI_FEATURES;
    }

    /** @return x0 for PSCI_VERSION or PSCI_FEATURES(x1). */
    public static long monitorAnswer(int fid, long x1) {
        if (fid == PSCI_VERSION) {
            return VERSION_1_1;
        }
        int queried = (int) x1;
        boolean implemented = queried == PSCI_VERSION || queried == PSCI_FEATURES
                || callId(queried) != MonitorCall.UNKNOWN;
        return implemented ? SUCCESS : NOT_SUPPORTED;
    }

    /** @return the PSCI return code for a kernel status. */
    public static long returnCode(int status) {
        switch (status) {
            case Status.OK: return SUCCESS;
            case Status.NOT_SUPPORTED: return NOT_SUPPORTED;
            case Status.INVALID_PARAM: return INVALID_PARAMETERS;
            case Status.DENIED: return DENIED;
            case Status.INVALID_ADDRESS: return INVALID_ADDRESS;
            case Status.BAD_STATE: return ALREADY_ON;
            default: return INTERNAL_FAILURE;
        }
    }
}
