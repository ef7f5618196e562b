package warden.emu;

/**
 * Runs guest code on a core for a budget of virtual time, then returns. Guest models (an RTOS, a
 * rich OS, a probe) and instruction-set interpreters share this interface; the kernel never sees
 * it, so adding an interpreter needs no kernel change.
 *
 * <p>{@link #onInterrupt}, {@link #onTimer} and {@link #onFault} are the port delivering an event
 * to the guest's own handler (its S-mode / EL1 trap vector); they may be called while
 * {@link #run} is on the stack (a fault raised by one of its accesses) and must only record state.
 */
public interface Executor {
    /** Budget used up. */
    int EXIT_BUDGET = 0;
    /** The vCPU was switched off the core (after a yield or a preemption). */
    int EXIT_DETACHED = 1;

    /**
     * Runs while {@link GuestCpu#budget()} is positive: the core ends the budget when its step
     * ends, when its timer is due, when an interrupt is pending, or when this vCPU is detached.
     */
    int run(GuestCpu cpu);

    void onInterrupt(int line, long nowNs);

    void onTimer(long nowNs);

    void onFault(int cause, long address, long nowNs);

    /** @return a short kind name ("rtos", "rich-os", "probe", ...). */
    String kind();
}
