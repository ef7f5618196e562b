package warden.kernel.api;

/**
 * The kernel's mission-phase entry points, as a port's first-level trap handler calls them after
 * decoding the architectural cause (mcause, ESR_EL3, SMI source). Each returns a {@link Status};
 * none allocates or throws.
 */
public interface TrapEntry {
    /** A monitor call (ecall, SMC, APM write) with a kernel call id the port mapped. */
    int onMonitorCall(int core, int callId);

    /** The protection unit denied an access: {@code access} is one {@link Access} bit. */
    int onAccessFault(int core, int access, long address);

    /** An illegal instruction at {@code pc}. */
    int onIllegalInstruction(int core, long pc);

    /** An external interrupt is pending on {@code core}. */
    int onExternalInterrupt(int core);

    /** The monitor timer of {@code core} expired. */
    int onTimer(int core);
}
