package warden.kernel.api;

/**
 * Reactions of the health monitor to a detected partition failure, and the reasons it detects,
 * with frozen ids.
 */
public final class HealthAction {
    /** Restart the partition from its entry point with a fresh context. */
    public static final int RESTART = 0;
    /** Take the partition out of scheduling for good. */
    public static final int STOP = 1;
    /** Bring the whole system to its safe state: every partition stopped, every core idle. */
    public static final int SAFE_STATE = 2;
    /**
     * Restore the partition from its last snapshot (memory, vCPU contexts, device and guest state);
     * without a valid snapshot, or when its digest does not match, restart it instead.
     */
    public static final int RESTORE = 3;

    /** No heartbeat within the watchdog period (or the boot timeout after a start). */
    public static final int REASON_WATCHDOG = 1;
    /** An illegal instruction or an instruction fetch outside the partition (a wild jump). */
    public static final int REASON_CRASH = 2;
    /** More access faults within a window than the partition's limit. */
    public static final int REASON_FAULT_STORM = 3;
    /** The partition reported a failure itself (e.g. a task's deadline overrun). */
    public static final int REASON_REPORTED = 4;
    /** A vCPU's saved context no longer matched its check value when it was to be restored. */
    public static final int REASON_CONTEXT = 5;
    /** A restart was refused: the partition's golden image no longer matches its digest. */
    public static final int REASON_IMAGE = 6;
    /** The protection unit did not take the partition's slot at a world switch (its isolation hardware failed). */
    public static final int REASON_PROTECTION = 7;
    /** An updated partition on trial sent no heartbeat since its switch before its watchdog expired. */
    public static final int REASON_TRIAL = 8;

    public static final long DEFAULT_WINDOW_NS = 1_000_000_000L;
    public static final int DEFAULT_RESTARTS = 3;

    private static final String[] ACTIONS = {"restart", "stop", "safe-state", "restore"};
    private static final String[] REASONS = {"none", "watchdog", "crash", "fault-storm", "reported", "context", "image",
        "protection", "trial"};

    private HealthAction() {
    }

    public static String name(int action) {
        return action >= 0 && action < ACTIONS.length ? ACTIONS[action] : "?";
    }

    /** @return the id for "restart", "stop", "safe-state" or "restore", or -1. */
    public static int parse(String text) {
        for (int i = 0; i < ACTIONS.length; i++) {
            if (ACTIONS[i].equals(text)) {
                return i;
            }
        }
        return -1;
    }

    public static String reason(int reason) {
        return reason >= 0 && reason < REASONS.length ? REASONS[reason] : "?";
    }
}
