package warden.arm.hw;

/**
 * The security attribute (AxPROT[1], "NS") of the bus transaction in flight, as the PE that
 * issues it sets it: Secure for EL3 and the Secure world, Non-secure for the Non-secure world
 * (Arm ARM, "Security state"; AMBA AXI "Protection signaling"). Memory-mapped devices that
 * behave differently for Secure and Non-secure accesses (the GIC distributor and redistributors,
 * the TZC-400 programming interface) read it. The engine is single-threaded, so one attribute per
 * board is enough. Monitor code that drives a device directly uses the Secure attribute.
 */
public final class TransactionSecurity {
    private boolean nonSecure;

    /** Sets the attribute of the next accesses. */
    public void set(boolean ns) {
        this.nonSecure = ns;
    }

    /** @return true when the access in flight is Non-secure. */
    public boolean nonSecure() {
        return nonSecure;
    }
}
