package warden.arm;

/**
 * ESR_ELx, the Exception Syndrome Register (Arm ARM, DDI 0487, "ESR_EL3" / "ESR_EL1" and "ISS
 * encoding for an exception from a Data Abort / Instruction Abort / SMC instruction"): EC in bits
 * 31:26, IL bit 25, ISS bits 24:0. The exception classes the port raises are listed below; a
 * data abort carries WnR (ISS bit 6) and the fault status code DFSC (bits 5:0), an SMC its imm16.
 *
 * [impl->dsn~arm.esr.encoding~1]
 */
public final class Esr {
    public static final int EC_UNKNOWN = 0x00;
    public static final int EC_SMC32 = 0x13;
    public static final int EC_SMC64 = 0x17;
    public static final int EC_SYSREG = 0x18;
    public static final int EC_IABT_LOWER = 0x20;
    public static final int EC_IABT_SAME = 0x21;
    public static final int EC_DABT_LOWER = 0x24;
    public static final int EC_DABT_SAME = 0x25;

    public static final int EC_SHIFT = 26;
    public static final long IL = 1L << 25;
    public static final long ISS_MASK = (1L << 25) - 1;
    /** Data abort ISS: write, not read. */
    public static final long WNR = 1L << 6;
    /** Fault status code: synchronous external abort, not on a translation table walk. */
    public static final int FSC_EXTERNAL = 0x10;
    /** Fault status code: permission fault, level 3. */
    public static final int FSC_PERMISSION_L3 = 0x0F;

    private Esr() {
    }

    /** @return an ESR value with EC, IL = 1 (32-bit instruction) and ISS. */
    public static long of(int ec, long iss) {
        return ((long) ec << EC_SHIFT) | IL | (iss & ISS_MASK);
    }

    public static int ec(long esr) {
        return (int) ((esr >>> EC_SHIFT) & 0x3F);
    }

    public static long iss(long esr) {
        return esr & ISS_MASK;
    }

    /** @return the EC of the same exception taken to the guest's EL1 from {@code fromEl} (lower or same EL). */
    public static int retarget(int ec, int fromEl) {
        boolean same = fromEl == 1;
        if (ec == EC_DABT_LOWER || ec == EC_DABT_SAME) {
            return same ? EC_DABT_SAME : EC_DABT_LOWER;
        }
        if (ec == EC_IABT_LOWER || ec == EC_IABT_SAME) {
            return same ? EC_IABT_SAME : EC_IABT_LOWER;
        }
        return ec;
    }

    /** @return the architecture's name for an exception class, with its code. */
    public static String name(int ec) {
        switch (ec) {
            case EC_UNKNOWN: return "unknown reason (EC 0x00)";
            case EC_SMC32: return "SMC from AArch32 (EC 0x13)";
            case EC_SMC64: return "SMC from AArch64 (EC 0x17)";
            case EC_SYSREG: return "trapped MSR/MRS or system instruction (EC 0x18)";
            case EC_IABT_LOWER: return "instruction abort from a lower EL (EC 0x20)";
            case EC_IABT_SAME: return "instruction abort at the same EL (EC 0x21)";
            case EC_DABT_LOWER: return "data abort from a lower EL (EC 0x24)";
            case EC_DABT_SAME: return "data abort at the same EL (EC 0x25)";
            default: return "exception class 0x" + Integer.toHexString(ec);
        }
    }
}
