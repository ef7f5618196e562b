package warden.kernel.api;

/**
 * The kernel's system counters, with stable ids (in the manner of Aeron's
 * {@code SystemCounterDescriptor}): reports and tools refer to them by id, so ids are never reused.
 */
public final class Counter {
    public static final int MONITOR_CALLS = 0;
    public static final int UNKNOWN_CALLS = 1;
    public static final int DENIED_CALLS = 2;
    public static final int INTERRUPTS = 3;
    public static final int SPURIOUS_INTERRUPTS = 4;
    public static final int HELD_INTERRUPTS = 5;
    public static final int DELIVERED_INTERRUPTS = 6;
    public static final int PENDING_OVERFLOWS = 7;
    public static final int TIMER_EXPIRIES = 8;
    public static final int WORLD_SWITCHES = 9;
    public static final int ACCESS_FAULTS = 10;
    public static final int ILLEGAL_INSTRUCTIONS = 11;
    public static final int KERNEL_ENTRIES = 12;
    public static final int FAILURES_DETECTED = 13;
    public static final int RESTARTS = 14;
    /** Held interrupts dropped because their owner was restarted or stopped. */
    public static final int DISCARDED_INTERRUPTS = 15;
    /** Lines masked by the interrupt-storm limiter. */
    public static final int INTERRUPT_STORMS = 16;
    /** Saved contexts that failed their integrity check. */
    public static final int CONTEXT_FAULTS = 17;
    /** Monitor timers found not to have fired at their deadline. */
    public static final int TIMER_FAULTS = 18;
    /** Snapshots (restore points) taken. */
    public static final int SNAPSHOTS = 19;
    /** Partitions restored from a snapshot (a restore that fell back to a restart counts as a restart). */
    public static final int RESTORES = 20;
    public static final int COUNT = 21;

    private static final String[] NAMES = {
        "monitorCalls", "unknownCalls", "deniedCalls", "interrupts", "spuriousInterrupts",
        "heldInterrupts", "deliveredInterrupts", "pendingOverflows", "timerExpiries",
        "worldSwitches", "accessFaults", "illegalInstructions", "kernelEntries",
        "failuresDetected", "restarts", "discardedInterrupts",
        "interruptStorms", "contextFaults", "timerFaults", "snapshots", "restores"
    };

    private Counter() {
    }

    public static String name(int id) {
        return id >= 0 && id < COUNT ? NAMES[id] : "?";
    }
}
