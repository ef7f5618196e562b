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

    /** @return false once a world switch has taken this vCPU off the core: return at once. */
    boolean attached();
}
