package warden.kernel.api;

/**
 * Status codes returned by every kernel entry point and monitor call. Zero is success; errors are
 * negative and frozen. Ports translate them to their ABI (SBI error codes on RISC-V, SMCCC return
 * values on Arm, a register value on x86); {@link #NOT_SUPPORTED} is what an unknown call gets
 * (SMCCC {@code SMC_UNK}, SBI {@code SBI_ERR_NOT_SUPPORTED}).
 *
 * [impl->dsn~kernel.status-codes~1]
 */
public final class Status {
    public static final int OK = 0;
    public static final int NOT_SUPPORTED = -1;
    public static final int INVALID_PARAM = -2;
    public static final int DENIED = -3;
    public static final int INVALID_ADDRESS = -4;
    public static final int FAILED = -5;
    public static final int BAD_STATE = -6;
    public static final int NO_SPACE = -7;
    /** A mediated device access its access-control entry allows, refused for its rate limit in the window. */
    public static final int RATE_LIMITED = -8;
    /** An update chunk whose offset is not the number of bytes received so far. */
    public static final int SEQUENCE = -9;
    /** An update image whose digest or signature does not verify. */
    public static final int VERIFY_FAILED = -10;
    /** An update whose version is not newer than the monitor's anti-rollback counter. */
    public static final int STALE_VERSION = -11;

    private static final String[] NAMES = {
        "OK", "NOT_SUPPORTED", "INVALID_PARAM", "DENIED", "INVALID_ADDRESS", "FAILED", "BAD_STATE",
        "NO_SPACE", "RATE_LIMITED", "SEQUENCE", "VERIFY_FAILED", "STALE_VERSION"
    };

    private Status() {
    }

    /** @return the name of a status code, or "?" when it is not one. */
    public static String name(int status) {
        int i = -status;
        if (i < 0 || i >= NAMES.length) {
            return "?";
        }
        return NAMES[i];
    }
}
