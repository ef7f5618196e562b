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
 *   <li>CPU_ON, CPU_OFF, SYSTEM_OFF, SYSTEM_RESET and every other PSCI function: NOT_SUPPORTED
 *       (-1). Cores are assigned to partitions statically by the system description; a partition
 *       may not start or stop a core or reset the system, so these reach the kernel as unknown
 *       calls, which it counts and logs.</li>
 * </ul>
 *
 * [impl->dsn~arm.psci~1]
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
    public static final int INTERNAL_FAILURE = -6;
    public static final int INVALID_ADDRESS = -9;

    private Psci() {
    }

    /** @return the kernel call a PSCI function maps to, or MonitorCall.UNKNOWN. */
    public static int callId(int fid) {
        if (fid == CPU_SUSPEND_32 || fid == CPU_SUSPEND_64) {
            return MonitorCall.YIELD;
        }
        return MonitorCall.UNKNOWN;
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
                || queried == CPU_SUSPEND_32 || queried == CPU_SUSPEND_64;
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
            default: return INTERNAL_FAILURE;
        }
    }
}
