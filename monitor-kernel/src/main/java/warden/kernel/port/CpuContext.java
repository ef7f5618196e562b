package warden.kernel.port;

/**
 * CPU state of the guests on each core: saving and restoring a partition's context (the world
 * switch), monitor-call arguments and results, and delivery of virtual interrupts and faults to
 * the guest that runs on a core.
 */
public interface CpuContext {
    /**
     * @return the number of 64-bit words one saved context needs. Boot-time; constant per port.
     */
    int contextWords();

    /**
     * Fills a fresh context for a partition's vCPU on a core: everything zero except what the
     * architecture requires at reset, and the program counter at {@code entry}. Boot-time, and
     * mission-time for a restart (must not allocate).
     */
    void initContext(long[] ctx, int offset, int partition, int core, long entry);

    /**
     * Saves the running guest's state of {@code core} into {@code ctx[offset..]} and detaches the
     * guest from the core. Mission-time.
     */
    void save(int core, long[] ctx, int offset);

    /**
     * Loads {@code ctx[offset..]} into {@code core} and attaches partition {@code partition}'s
     * vCPU on that core as the running guest. Mission-time.
     */
    void restore(int core, int partition, long[] ctx, int offset);

    /** Leaves the core with no guest: it waits for an interrupt in the monitor. Mission-time. */
    void idle(int core);

    /** @return monitor-call argument i (0..5) of the guest trapped on {@code core}. */
    long callArg(int core, int index);

    /** Writes a monitor call's status and value into the trapped guest's return registers. */
    void setCallResult(int core, int status, long value);

    /** Delivers virtual interrupt {@code line} to the guest running on {@code core}. */
    void deliverInterrupt(int core, int line);

    /** Delivers a virtual timer interrupt to the guest running on {@code core}. */
    void deliverTimer(int core);

    /**
     * Redirects the synchronous exception that trapped on {@code core} to the guest's own handler
     * (as OpenSBI's {@code sbi_trap_redirect} does), with its architectural cause intact.
     */
    void redirectFault(int core);
}
