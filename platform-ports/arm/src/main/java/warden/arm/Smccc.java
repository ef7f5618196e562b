package warden.arm;

import warden.kernel.api.MonitorCall;
import warden.kernel.api.Status;

/**
 * The SMC Calling Convention (Arm DEN0028, §2.5 "Function Identifier", §6 "Function Identifier
 * ranges" / owning entity numbers, §7 "SMC_UNK"): w0 holds the function id — bit 31 fast (1) or
 * yielding (0), bit 30 SMC64 (1) or SMC32 (0), bits 29:24 the owning entity number (0 Arm
 * architecture, 1 CPU, 2 SiP, 3 OEM, 4 standard secure service such as PSCI, 5 standard
 * hypervisor, 6 vendor hypervisor, 7 vendor-specific EL3 monitor, 48-49 trusted applications,
 * 50-63 trusted OS), bits 23:16 zero for fast calls, bits 15:0 the function number; x1..x6 hold
 * the arguments (SMC32: only their low 32 bits count); the result comes back in x0..x3.
 *
 * <p>Warden's own calls are fast calls of the vendor-specific EL3 monitor service (owning entity
 * {@link #WARDEN_OEN}), SMC64 or SMC32, function number = kernel call id: x0 returns the kernel
 * status (0, or a negative code; NOT_SUPPORTED is -1 = SMC_UNK), x1 the value. PSCI (entity 4) is
 * decoded by {@link Psci}. Anything else is unknown: the kernel counts it and the caller gets
 * {@link #SMC_UNK} in x0. The decode has no side effects and allocates nothing.
 *
 * [impl->dsn~arm.smccc.decode~1]
 */
public final class Smccc {
    public static final int FAST = 1 << 31;
    public static final int SMC64 = 1 << 30;
    public static final int OEN_SHIFT = 24;
    public static final int OEN_MASK = 0x3F;
    public static final int OEN_ARM = 0;
    public static final int OEN_STANDARD = 4;
    /** Vendor-specific EL3 monitor service calls (SMCCC v1.5, TF-A OEN_VEN_EL3_START). */
    public static final int WARDEN_OEN = 7;
    /** SMCCC_VERSION: Arm architecture service, function 0. */
    public static final int SMCCC_VERSION = 0x8000_0000;
    /** The SMCCC version the monitor implements: 1.5 (entity 7 is defined from 1.5 on). */
    public static final int VERSION_1_5 = 0x0001_0005;
    /** Unknown function identifier. */
    public static final long SMC_UNK = -1L;

    private Smccc() {
    }

    /** @return a function id. */
    public static int fid(boolean fast, boolean smc64, int oen, int function) {
        return (fast ? FAST : 0) | (smc64 ? SMC64 : 0) | ((oen & OEN_MASK) << OEN_SHIFT) | (function & 0xFFFF);
    }

    /** @return the function id Warden's guests use for a kernel call (fast, SMC64). */
    public static int wardenFid(int callId) {
        return fid(true, true, WARDEN_OEN, callId);
    }

    public static boolean fast(int fid) { return (fid & FAST) != 0; }
    public static boolean smc64(int fid) { return (fid & SMC64) != 0; }
    public static int oen(int fid) { return (fid >>> OEN_SHIFT) & OEN_MASK; }
    public static int function(int fid) { return fid & 0xFFFF; }

    /** @return whether the bits 23:16 a fast call must leave zero are zero. */
    public static boolean wellFormed(int fid) {
        return !fast(fid) || (fid & 0x00FF_0000) == 0;
    }

    /**
     * @return the kernel call id an SMC with function id {@code fid} and immediate {@code imm16}
     *         maps to, or MonitorCall.UNKNOWN. PSCI calls map through {@link Psci#callId}; the
     *         function number of the Warden range is the call id, the channel calls included (12..14)
     *         and the update calls (18..21, arguments in x1..x4; 17 is reserved, answered SMC_UNK).
     *
     * [impl->dsn~channel.abi~1] [impl->dsn~port.update-abi~1]
     */
    public static int callId(int fid, int imm16) {
        if (imm16 != 0 || !wellFormed(fid) || !fast(fid)) {
            return MonitorCall.UNKNOWN;
        }
        if (oen(fid) == WARDEN_OEN) {
            int f = function(fid);
            return f < MonitorCall.COUNT ? f : MonitorCall.UNKNOWN;
        }
        if (oen(fid) == OEN_STANDARD) {
            return Psci.callId(fid);
        }
        return MonitorCall.UNKNOWN;
    }

    /** SMCCC_ARCH_FEATURES: Arm architecture service, function 1 (not offered: SMC_UNK). */
    public static final int SMCCC_ARCH_FEATURES = 0x8000_0001;

    /**
     * @return function ids a hostile guest aims at: Warden's calls (SMC64 and SMC32, past the last
     *     one too), the same yielding and with reserved bits 23:16 set, SMCCC_VERSION and
     *     ARCH_FEATURES, every PSCI id the monitor knows and some it does not, other owning
     *     entities (SiP, OEM, standard hypervisor, trusted OS) and all ones.
     *     [impl->dsn~emu.guest.hostile-raw~1]
     */
    public static long[] hostileIds() {
        int n = MonitorCall.COUNT + 2;
        long[] ids = new long[3 * n + 21];
        int i = 0;
        for (int k = 0; k < n; k++) {
            ids[i++] = wardenFid(k) & 0xFFFF_FFFFL;
            ids[i++] = fid(true, false, WARDEN_OEN, k) & 0xFFFF_FFFFL;
            ids[i++] = wardenFid(k) & 0xFFFF_FFFFL;
        }
        int[] more = {fid(false, true, WARDEN_OEN, MonitorCall.HEARTBEAT),
            wardenFid(MonitorCall.GET_TIME) | 0x0001_0000, wardenFid(MonitorCall.VERSION) | 0x0080_0000,
            SMCCC_VERSION, SMCCC_ARCH_FEATURES, Psci.PSCI_VERSION,
            Psci.PSCI_FEATURES, Psci.CPU_SUSPEND_32, Psci.CPU_SUSPEND_64, Psci.CPU_ON_32, Psci.CPU_ON_64,
            Psci.SYSTEM_OFF, Psci.SYSTEM_RESET, 0x8400_0004, 0x8400_0005, 0x8200_0000, 0x8300_0001, 0x8500_0000,
            0xB200_0000, 0x3200_0000, -1};
        for (int f : more) {
            ids[i++] = f & 0xFFFF_FFFFL;
        }
        return ids;
    }

    /** @return whether the monitor answers {@code fid} itself (version queries, no kernel state). */
    public static boolean answeredByMonitor(int fid) {
        return fid == SMCCC_VERSION || Psci.answeredByMonitor(fid);
    }

    /** @return x0 for a call the monitor answers itself ({@link #answeredByMonitor}). */
    public static long monitorAnswer(int fid, long x1) {
        return fid == SMCCC_VERSION ? VERSION_1_5 : Psci.monitorAnswer(fid, x1);
    }

    /** @return the SMC32 or SMC64 view of an argument register. */
    public static long argument(int fid, long x) {
        return smc64(fid) ? x : x & 0xFFFF_FFFFL;
    }

    /** @return x0 for a kernel status, for a Warden call (the status itself) or a PSCI call. */
    public static long returnCode(int fid, int status) {
        if (oen(fid) == OEN_STANDARD && status != Status.NOT_SUPPORTED) {
            return Psci.returnCode(status);
        }
        return status == Status.NOT_SUPPORTED ? SMC_UNK : status;
    }
}
