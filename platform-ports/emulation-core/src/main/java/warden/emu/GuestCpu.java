package warden.emu;

/**
 * The view an executor has of the core it runs on, the same on every architecture. Every access
 * goes through the port's protection model and bus, and a denied one raises the architecture's
 * own trap (the kernel sees it) before the method returns {@link #FAULT}. A monitor call goes
 * through the port's calling convention (SBI ecall, SMC, APM port write) into the kernel.
 */
public interface GuestCpu {
    int OK = 0;
    int FAULT = 1;

    /** @return this core's id. */
    int core();

    /** @return this core's virtual time in ns. */
    long now();

    /**
     * @return how much virtual time the executor may still use before it must return: zero once
     *         the step ends, the core's timer is due, an interrupt is pending or the vCPU was
     *         switched off the core. Re-read after every access or call.
     */
    long budget();

    /** Consumes {@code ns} of guest computation. */
    void advance(long ns);

    /** Loads {@code size} bytes; on OK the value is {@link #lastValue()}. */
    int load(long address, int size);

    int store(long address, int size, long value);

    /** Checks an instruction fetch of 4 bytes at {@code address}. */
    int fetch(long address);

    /** @return the loaded value, or the value a monitor call returned. */
    long lastValue();

    /** @return the architectural cause code of the last fault (e.g. RISC-V mcause 5). */
    int lastFaultCause();

    /** @return the architecture's name for a cause code, e.g. "load access fault". */
    String causeName(int cause);

    /**
     * Makes monitor call {@code callId}; @return the kernel's status, value in lastValue(). A vCPU
     * that a world switch took off the core (during its previous call) is frozen: its call does not
     * reach the monitor, which would take it for the partition now running, and returns FAILED.
     */
    int call(int callId, long arg0, long arg1);

    /**
     * {@link #call} with up to six arguments (missing ones are 0), in the port's argument
     * registers: a0..a5 on RISC-V, x1..x6 on Arm, RDI, RSI, RDX, R10, R8, R9 on x86.
     */
    int call(int callId, long[] args);

    /** {@link #rawCallTarget} of a call the port's monitor answers itself (version queries): no kernel call. */
    int ANSWERED_BY_MONITOR = -2;

    /**
     * A monitor call with every register of the port's calling convention chosen by the caller, as
     * a guest that ignores the convention would make it: RISC-V {@code a7 = id} (SBI EID),
     * {@code a6 = function} (FID), {@code a0..a5 = args}, ECALL; Arm {@code x0 = id} (SMCCC function
     * id, read from w0), {@code x1..x7 = args}, {@code SMC #function} (the low 16 bits: the
     * immediate); x86 {@code RAX = id}, {@code RDI, RSI, RDX, R10, R8, R9 = args}, then
     * {@code OUT 0B2h, AL} (SYSCALL in SMM), {@code function} unused. Missing arguments are 0.
     *
     * @return the status register as the guest reads it after the call (a0, x0, RAX); the value
     *     register (a1, x1, RDX) is in lastValue(). A frozen vCPU's call does not reach the monitor
     *     (see {@link #call}) and returns Status.FAILED.
     */
    long rawCall(long id, long function, long[] args);

    /**
     * @return what the port's decoder makes of {@link #rawCall}{@code (id, function, ..)}: the kernel
     *     call id it maps to, MonitorCall.UNKNOWN (the kernel refuses it as unknown), or
     *     {@link #ANSWERED_BY_MONITOR}. It has no side effect.
     */
    int rawCallTarget(long id, long function);

    /** @return the status register value the architecture's convention gives an unknown call. */
    long notSupportedCode();

    /**
     * @return ids of the port's calling convention worth aiming at: the ones it decodes and the
     *     standard ones it does not (a hostile guest draws among them and mutates them).
     */
    long[] callIds();

    /** @return false once a world switch has taken this vCPU off the core: return at once. */
    boolean attached();
}
