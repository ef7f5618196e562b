package warden.kernel.core;

import warden.kernel.api.Counter;
import warden.kernel.api.EventKind;
import warden.kernel.api.HealthAction;
import warden.kernel.api.PartitionState;
import warden.kernel.api.SystemImage;
import warden.kernel.port.InterruptController;
import warden.kernel.port.Timer;

/**
 * The health monitor: a watchdog per partition fed by heartbeats (with a boot timeout after each
 * start), crash and fault-storm detection, and each partition's recovery policy: restart with a
 * fresh context up to N times per window, then escalate to stopping the partition or to the
 * system's safe state. Detection and recovery times are logged in virtual time.
 *
 * <p>All tables are allocated at boot; every loop is bounded by the partition count.
 *
 * <p>Interrupt storms: each line owned by a partition with an interrupt limit counts the
 * interrupts it brings within the owner's health window; the one that reaches the limit makes the
 * kernel mask the line at the interrupt controller for the rest of that window, so a storming
 * device costs the cores no more than {@code limit} monitor entries per window. The line is
 * unmasked by the monitor timer of its core when the window ends.
 *
 * <p>Each method carries the tag of the design item it implements.
 *
 * [impl->dsn~health.policy~1]
 */
@SuppressWarnings("index") // justification: every table has length partitionCount (1..PARTITIONS_MAX, checked by ImageCheck at boot) and is indexed by a partition id p from a loop below partitionCount or from the scheduler's running table (ids < partitionCount); home[p] is the lowest set bit of a core mask that ImageCheck proved non-empty and below coreCount
public final class Health {
    private final SystemImage img;
    private final Scheduler sched;
    private final EventLog log;
    private final long[] counters;
    private final int[] state;
    private final int[] restarts;
    private final long[] due;
    private final long[] windowStart;
    private final int[] faultsInWindow;
    private final int[] restartsInWindow;
    private final long[] detectedAt;
    private final int[] home;
    private final InterruptController irq;
    private final GoldenImages golden;
    private final int[] lineCount;
    private final long[] lineWindowStart;
    private final long[] unmaskAt;
    private final long[] stormAt;
    /** Lines masked now: the watchdog paths skip the line table while it is 0 (the usual case). */
    private int maskedLines;
    /** A line's window start before its first interrupt: any time is past its end. */
    private static final long NO_WINDOW = Long.MIN_VALUE / 4;
    private boolean safeState;
    private int safeStateCause = SystemImage.NO_PARTITION;

    /** Boot-time: every table, each watchdog disarmed, each line outside any window. [impl->dsn~health.watchdog~1] [impl->dsn~health.irq-storm~1] */
    Health(SystemImage img, Scheduler sched, InterruptController irq, GoldenImages golden, EventLog log,
           long[] counters, int[] state, int[] restarts) {
        this.img = img;
        this.golden = golden;
        this.irq = irq;
        this.sched = sched;
        this.log = log;
        this.counters = counters;
        this.state = state;
        this.restarts = restarts;
        int n = img.partitionCount();
        due = new long[n];
        windowStart = new long[n];
        faultsInWindow = new int[n];
        restartsInWindow = new int[n];
        detectedAt = new long[n];
        home = new int[n];
        for (int p = 0; p < n; p++) {
            due[p] = Timer.NEVER;
            detectedAt[p] = -1;
            home[p] = Integer.numberOfTrailingZeros(img.coreMask(p));
        }
        lineCount = new int[SystemImage.LINES_MAX];
        lineWindowStart = new long[SystemImage.LINES_MAX];
        unmaskAt = new long[SystemImage.LINES_MAX];
        stormAt = new long[SystemImage.LINES_MAX];
        for (int l = 0; l < SystemImage.LINES_MAX; l++) {
            unmaskAt[l] = Timer.NEVER;
            lineWindowStart[l] = NO_WINDOW;
        }
    }

    /** The partition starts (at mission start or after a restart): arm its boot timeout. [impl->dsn~health.watchdog~1] */
    void started(int p, long now) {
        long t = img.bootTimeoutNs(p);
        due[p] = t > 0 ? now + t : Timer.NEVER;
        sched.setMonitorDeadline(home[p], deadline(home[p]));
    }

    /**
     * A heartbeat: re-arm the watchdog; the first one after a failure marks the recovery.
     *
     * [impl->dsn~health.watchdog~1]
     * [impl->dsn~health.restart~1]
     */
    void heartbeat(int p, long now) {
        if (detectedAt[p] >= 0) {
            log.append(now, EventKind.PARTITION_RECOVERED, p, home[p], now - detectedAt[p], restarts[p]);
            detectedAt[p] = -1;
        }
        long w = img.watchdogNs(p);
        due[p] = w > 0 ? now + w : Timer.NEVER;
        sched.setMonitorDeadline(home[p], deadline(home[p]));
    }

    /**
     * @return the earliest watchdog deadline of the partitions whose home is {@code core}, or the
     *     earlier end of a storm mask of a line routed to {@code core}.
     *
     * [impl->dsn~health.watchdog~1]
     * [impl->dsn~health.irq-storm~1]
     */
    long deadline(int core) {
        long d = Timer.NEVER;
        for (int p = 0; p < img.partitionCount(); p++) {
            if (home[p] == core && state[p] != PartitionState.STOPPED && due[p] < d) {
                d = due[p];
            }
        }
        if (maskedLines == 0) {
            return d; // no line is masked: every unmaskAt is NEVER
        }
        for (int l = 1; l < SystemImage.LINES_MAX; l++) {
            if (unmaskAt[l] < d && img.lineCore(l) == core) {
                d = unmaskAt[l];
            }
        }
        return d;
    }

    /**
     * Counts an interrupt of {@code line}, owned by partition p and routed to {@code core}, against
     * the owner's interrupt limit; the one that reaches the limit within the window masks the line
     * until the window ends. The interrupt itself is still delivered.
     *
     * [impl->dsn~health.irq-storm~1]
     */
    void interrupt(int p, int line, int core, long now) {
        int limit = img.irqLimit(p);
        if (limit <= 0) {
            return;
        }
        if (now - lineWindowStart[line] >= img.healthWindowNs(p)) {
            lineWindowStart[line] = now;
            lineCount[line] = 0;
        }
        lineCount[line]++;
        if (lineCount[line] >= limit && unmaskAt[line] == Timer.NEVER) {
            irq.setEnabled(line, false);
            unmaskAt[line] = lineWindowStart[line] + img.healthWindowNs(p);
            maskedLines++;
            stormAt[line] = now;
            counters[Counter.INTERRUPT_STORMS]++;
            log.append(now, EventKind.INTERRUPT_STORM, p, core, line, lineCount[line]);
            sched.setMonitorDeadline(core, deadline(core));
        }
    }

    /** Unmasks the storm-masked lines of {@code core} whose window has ended. [impl->dsn~health.irq-storm~1] */
    private void unmask(int core, long now) {
        if (maskedLines == 0) {
            return; // no line is masked
        }
        for (int l = 1; l < SystemImage.LINES_MAX; l++) {
            if (unmaskAt[l] <= now && img.lineCore(l) == core) {
                unmaskAt[l] = Timer.NEVER;
                maskedLines--;
                lineWindowStart[l] = NO_WINDOW;
                lineCount[l] = 0;
                irq.setEnabled(l, true);
                log.append(now, EventKind.LINE_RESTORED, img.lineOwner(l), core, l, now - stormAt[l]);
            }
        }
    }

    /** The monitor timer of {@code core} fired: fail every partition homed there whose watchdog expired. [impl->dsn~health.watchdog~1] */
    void expire(int core, long now) {
        unmask(core, now);
        for (int p = 0; p < img.partitionCount(); p++) {
            if (home[p] == core && due[p] <= now) { // a stopped partition's due is NEVER
                due[p] = Timer.NEVER;
                failure(p, HealthAction.REASON_WATCHDOG, now);
            }
        }
        sched.setMonitorDeadline(core, deadline(core));
    }

    /** An access fault of partition p: a storm of them within a window is a failure. [impl->dsn~health.detect~1] */
    void accessFault(int p, long now) {
        roll(p, now);
        faultsInWindow[p]++;
        int limit = img.faultLimit(p);
        if (limit > 0 && faultsInWindow[p] > limit) {
            faultsInWindow[p] = 0;
            failure(p, HealthAction.REASON_FAULT_STORM, now);
        }
    }

    /** Starts a new health window when the current one has ended. [impl->dsn~health.detect~1] [impl->dsn~health.policy~1] */
    private void roll(int p, long now) {
        if (now - windowStart[p] >= img.healthWindowNs(p)) {
            windowStart[p] = now;
            faultsInWindow[p] = 0;
            restartsInWindow[p] = 0;
        }
    }

    /**
     * Reports the partitions whose saved context failed its integrity check as failed (reason
     * {@code context}); their policy then restarts them with fresh contexts, or escalates.
     *
     * [impl->dsn~kernel.context-integrity~1]
     */
    void contextFaults(long now) {
        for (int p = 0; p < img.partitionCount(); p++) {
            if (sched.takeCorrupt(p)) {
                failure(p, HealthAction.REASON_CONTEXT, now);
            }
        }
    }

    /** [impl->dsn~health.detect~1] [impl->dsn~health.policy~1] */
    void failure(int p, int reason, long now) {
        if (state[p] == PartitionState.STOPPED) { // the safe state stops every partition first
            return;
        }
        counters[Counter.FAILURES_DETECTED]++;
        roll(p, now);
        int action = img.onFailure(p);
        if (action == HealthAction.RESTART && restartsInWindow[p] >= img.maxRestarts(p)) {
            action = img.escalation(p);
        }
        log.append(now, EventKind.FAILURE_DETECTED, p, home[p], reason, action);
        if (action == HealthAction.RESTART) {
            restart(p, now);
        } else if (action == HealthAction.STOP) {
            stop(p, reason, now);
        } else {
            enterSafeState(p, now);
        }
    }

    /** [impl->dsn~health.restart~1] */
    private void restart(int p, long now) {
        if (!reloadOrEscalate(p, now)) {
            return;
        }
        restarts[p]++;
        restartsInWindow[p]++;
        counters[Counter.RESTARTS]++;
        if (detectedAt[p] < 0) {
            detectedAt[p] = now;
        }
        state[p] = PartitionState.BOOTING;
        log.append(now, EventKind.PARTITION_RESTARTED, p, home[p], restarts[p], restartsInWindow[p]);
        sched.restartPartition(p, img.entry(p));
        started(p, now);
    }

    /** The partition asked to be restarted: a restart that is not a failure (not counted in the window). [impl->dsn~health.restart~1] */
    void requestedRestart(int p, long now) {
        if (state[p] == PartitionState.STOPPED || !reloadOrEscalate(p, now)) {
            return;
        }
        restarts[p]++;
        counters[Counter.RESTARTS]++;
        state[p] = PartitionState.BOOTING;
        log.append(now, EventKind.PARTITION_RESTARTED, p, home[p], restarts[p], restartsInWindow[p]);
        sched.restartPartition(p, img.entry(p));
        started(p, now);
    }

    /**
     * Reloads partition p from its golden image before a restart. When the image fails its digest
     * check the restart is refused: {@code image-corrupt} is logged and the partition's escalation
     * (stop, or the safe state) is taken instead, since a restart could not give it a sound image.
     *
     * @return true when the restart may go ahead
     *
     * [impl->dsn~health.golden-image~1]
     */
    private boolean reloadOrEscalate(int p, long now) {
        if (golden.reload(p)) {
            return true;
        }
        log.append(now, EventKind.IMAGE_CORRUPT, p, home[p], img.imageStore(p), img.imageSize(p));
        log.append(now, EventKind.FAILURE_DETECTED, p, home[p], HealthAction.REASON_IMAGE, img.escalation(p));
        counters[Counter.FAILURES_DETECTED]++;
        if (img.escalation(p) == HealthAction.STOP) {
            stop(p, HealthAction.REASON_IMAGE, now);
        } else {
            enterSafeState(p, now);
        }
        return false;
    }

    /** [impl->dsn~health.policy~1] */
    private void stop(int p, int reason, long now) {
        state[p] = PartitionState.STOPPED;
        due[p] = Timer.NEVER;
        log.append(now, EventKind.PARTITION_STOPPED, p, home[p], reason, 0);
        sched.stopPartition(p);
        sched.setMonitorDeadline(home[p], deadline(home[p]));
    }

    /**
     * p's slot was refused by a core's protection unit: whatever p's policy, the system goes to
     * its safe state, since no restart repairs the isolation hardware. [impl->dsn~kernel.protection-check~1]
     */
    void protectionFault(int p, long now) {
        if (safeState) {
            return;
        }
        counters[Counter.FAILURES_DETECTED]++;
        log.append(now, EventKind.FAILURE_DETECTED, p, home[p], HealthAction.REASON_PROTECTION, HealthAction.SAFE_STATE);
        enterSafeState(p, now);
    }

    /** [impl->dsn~health.safe-state~1] */
    private void enterSafeState(int cause, long now) {
        log.append(now, EventKind.SAFE_STATE, cause, home[cause], cause, 0);
        for (int p = 0; p < img.partitionCount(); p++) {
            if (state[p] != PartitionState.STOPPED) {
                stop(p, HealthAction.REASON_REPORTED, now);
            }
        }
        safeState = true;
        safeStateCause = cause;
    }

    /** [impl->dsn~health.safe-state~1] */
    public boolean inSafeState() {
        return safeState;
    }

    /** @return the partition whose failure brought the system to its safe state. [impl->dsn~health.safe-state~1] */
    public int safeStateCause() {
        return safeStateCause;
    }
}
