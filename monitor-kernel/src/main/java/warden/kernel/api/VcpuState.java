package warden.kernel.api;

/**
 * Scheduling states of a vCPU (one partition on one core), with frozen ids: what
 * {@link Monitor#vcpuState} reports.
 *
 * [impl->dsn~kernel.sched.critical-first~1]
 */
public final class VcpuState {
    /** The partition does not run on that core: no such vCPU. */
    public static final int NONE = 0;
    /** May run: the scheduler runs the most critical READY vCPU of each core. */
    public static final int READY = 1;
    /** Has nothing to do until its next event (a timer expiry or an interrupt wakes it). */
    public static final int WAITING = 2;
    /** Taken out of scheduling: by its own request, its partition's stop, or a failed context check. */
    public static final int STOPPED = 3;

    private VcpuState() {
    }
}
