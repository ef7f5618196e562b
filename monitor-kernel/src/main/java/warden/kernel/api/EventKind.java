package warden.kernel.api;

/** Kinds of records in the kernel's event log, with frozen ids. */
public final class EventKind {
    /** A guest access the protection unit denied: a = address, b = access kind (Access bit). */
    public static final int ACCESS_VIOLATION = 1;
    /** An illegal instruction in a guest: a = program counter. */
    public static final int ILLEGAL_INSTRUCTION = 2;
    /** A monitor call the kernel does not know: a = call id as mapped by the port. */
    public static final int UNKNOWN_CALL = 3;
    /** A monitor call refused by the kernel's checks: a = call id, b = status. */
    public static final int DENIED_CALL = 4;
    /** The first heartbeat of a partition: it has booted. */
    public static final int PARTITION_BOOTED = 5;
    /** An interrupt line with no owner fired: a = line. */
    public static final int UNOWNED_INTERRUPT = 6;
    /** A held-interrupt queue overflowed and an interrupt was dropped: a = line. */
    public static final int PENDING_OVERFLOW = 7;
    /** The health monitor detected a failure: a = reason (HealthAction.REASON_*), b = action taken. */
    public static final int FAILURE_DETECTED = 8;
    /** A partition was restarted: a = restarts so far, b = restarts within the current window. */
    public static final int PARTITION_RESTARTED = 9;
    /** A restarted partition sent its first heartbeat: a = recovery time in ns since detection. */
    public static final int PARTITION_RECOVERED = 10;
    /** A partition was stopped: a = reason. */
    public static final int PARTITION_STOPPED = 11;
    /** The system entered its safe state: a = the partition whose failure caused it. */
    public static final int SAFE_STATE = 12;
    /** A line reached its owner's interrupt limit and was masked for the rest of the window: a = line, b = count. */
    public static final int INTERRUPT_STORM = 13;
    /** A storm-masked line was unmasked at the end of its window: a = line, b = time masked in ns. */
    public static final int LINE_RESTORED = 14;
    /** A saved vCPU context failed its integrity check and was not restored: a = core's word count. */
    public static final int CONTEXT_CORRUPT = 15;
    /** A partition's golden image failed its digest check at a restart: a = image address, b = size. */
    public static final int IMAGE_CORRUPT = 16;
    /** A core's monitor timer did not fire at its deadline: core = the core, a = lateness in ns, b = the deadline. */
    public static final int TIMER_FAULT = 17;
    /** A core's timer fired again after a timer fault: a = time since the detection in ns. */
    public static final int TIMER_RECOVERED = 18;
    /**
     * A channel's receiver reported the channel's end-to-end failure (partition = the receiver):
     * a = channel, b = failures reported on it so far.
     */
    public static final int CHANNEL_FAILURE = 19;
    /**
     * A mediated device access refused by the access-control list (partition = the caller), a
     * diagnostic record: a = {@link DeviceAcl#denial} (reason, direction, device, register offset),
     * b = the value written (0 for a read).
     */
    public static final int DEVICE_DENIED = 20;
    /**
     * A snapshot of a partition was taken: a = pages copied (written since the last snapshot),
     * b = virtual time the port charged for it in ns.
     */
    public static final int SNAPSHOT_TAKEN = 21;
    /** A partition was restored from its snapshot: a = pages copied back, b = virtual time charged in ns. */
    public static final int PARTITION_RESTORED = 22;
    /**
     * A restore found no usable snapshot and restarts the partition from its golden image instead:
     * a = why ({@link RestorePoint#NO_SNAPSHOT}, {@link RestorePoint#DIGEST_MISMATCH},
     * {@link RestorePoint#STATE_LOST}), b = the snapshots taken so far.
     */
    public static final int SNAPSHOT_CORRUPT = 23;
    /**
     * An update call refused (partition = the caller): a = {@link UpdateReason} code << 8 | target,
     * b = a detail (the size, offset or version the refusal is about).
     */
    public static final int UPDATE_REFUSED = 24;
    /** An update image verified (partition = the target): a = version, b = size; it switches at the next restart. */
    public static final int UPDATE_VERIFIED = 25;
    /** A partition restarted from its new slot, on trial (partition = the target): a = slot, b = version. */
    public static final int UPDATE_SWITCHED = 26;
    /** An update passed its trial (partition = the target): a = version now held, b = ns since the switch. */
    public static final int UPDATE_COMMITTED = 27;
    /**
     * An update failed its trial and the old slot runs again (partition = the target): a = reason
     * (HealthAction.REASON_*), b = ns from the switch to the detection.
     */
    public static final int UPDATE_ROLLED_BACK = 28;
    /**
     * A transfer abandoned by a restart of its target or its updater (partition = the target): a =
     * bytes received, b = the image's size; the old image keeps running.
     */
    public static final int UPDATE_ABORTED = 29;

    private static final String[] NAMES = {
        "none", "access-violation", "illegal-instruction", "unknown-call", "denied-call",
        "partition-booted", "unowned-interrupt", "pending-overflow", "failure-detected",
        "partition-restarted", "partition-recovered", "partition-stopped", "safe-state",
        "interrupt-storm", "line-restored", "context-corrupt", "image-corrupt",
        "timer-fault", "timer-recovered", "channel-failure", "device-denied",
        "snapshot-taken", "partition-restored", "snapshot-corrupt", "update-refused", "update-verified",
        "update-switched", "update-committed", "update-rolled-back", "update-aborted"
    };

    private EventKind() {
    }

    public static String name(int kind) {
        return kind > 0 && kind < NAMES.length ? NAMES[kind] : "?";
    }
}
