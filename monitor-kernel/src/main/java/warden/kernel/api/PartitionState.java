package warden.kernel.api;

/** Life-cycle states of a partition, with frozen ids. */
public final class PartitionState {
    /** Started from its entry point; no heartbeat yet. */
    public static final int BOOTING = 0;
    /** Has sent its first heartbeat. */
    public static final int RUNNING = 1;
    /** Taken out of scheduling by the monitor. */
    public static final int STOPPED = 2;

    private static final String[] NAMES = {"booting", "running", "stopped"};

    private PartitionState() {
    }

    public static String name(int state) {
        return state >= 0 && state < NAMES.length ? NAMES[state] : "?";
    }
}
