package warden.kernel.health;

import warden.kernel.api.Counter;
import warden.kernel.api.EventKind;
import warden.kernel.api.HealthAction;
import warden.kernel.api.PartitionState;
import warden.kernel.api.SystemImage;
import warden.kernel.boot.GoldenImages;
import warden.kernel.log.EventLog;
import warden.kernel.port.InterruptController;
import warden.kernel.sched.FaultReports;
import warden.kernel.sched.Scheduler;

/**
 * The health monitor: a watchdog per partition fed by heartbeats (with a boot timeout after each
 * start), crash, fault-storm and context-fault detection, the interrupt storm limit
 * ({@link StormLimit}), and each partition's recovery policy: restart (or restore) up to N times per
 * window, then escalate to stopping the partition or to the system's safe state. Detection and
 * recovery times are logged in virtual time. Tables allocated at boot; loops bounded by the partition
 * count. [impl->dsn~health.policy~1]
 */
// justification: every table has length partitionCount; p comes from a loop below it or the running table
@SuppressWarnings("index")
public final class Health {
    private final SystemImage img;
    private final Scheduler sched;
    private final FaultReports reports;
    private final EventLog log;
    private final long[] counters;
    private final PartitionTable table;
    private final StormLimit storm;
    private final Watchdog watchdog;
    private final GoldenImages golden;
    private final Updates updates;
    private final RestorePoints points;
    private final long[] windowStart;
    private final int[] faultsInWindow;
    private final int[] restartsInWindow;
    private final long[] detectedAt;
    private boolean safeState;
    private int safeStateCause = SystemImage.NO_PARTITION;

    /** Boot-time: every table, each watchdog disarmed, each line outside any window. [impl->dsn~health.watchdog~1]
     * [impl->dsn~health.irq-storm~1] */
    public Health(SystemImage img, Scheduler sched, InterruptController irq, GoldenImages golden, EventLog log,
            long[] counters, PartitionTable table, RestorePoints points) {
        this.img = img;
        this.golden = golden;
        this.points = points;
        this.sched = sched;
        this.reports = sched.reports();
        this.log = log;
        this.counters = counters;
        this.table = table;
        this.storm = new StormLimit(img, irq, counters, log);
        this.watchdog = new Watchdog(img, table, sched.timers(), storm);
        this.updates = new Updates(img, golden, log);
        int n = img.partitionCount();
        windowStart = new long[n];
        faultsInWindow = new int[n];
        restartsInWindow = new int[n];
        detectedAt = new long[n];
        for (int p = 0; p < n; p++) {
            detectedAt[p] = -1;
        }
    }

    /** The partition starts (mission start or a restart): arm its boot timeout. [impl->dsn~health.watchdog~1] */
    public void started(int p, long now) { watchdog.arm(p, img.bootTimeoutNs(p), now); }

    /** A heartbeat re-arms the watchdog, marks a recovery, may commit a trial. [impl->dsn~health.watchdog~1] */
    public void heartbeat(int p, long now) {
        updates.heartbeat(p, watchdog.home(p), now);
        recovered(p, now);
        watchdog.arm(p, img.watchdogNs(p), now);
    }

    /** The first heartbeat after a failure is logged as the recovery, with the time since the detection.
     * [impl->dsn~health.restart~1] [impl->dsn~health.recovery-time~1] */
    private void recovered(int p, long now) {
        if (detectedAt[p] >= 0) {
            long t = Math.max(now, detectedAt[p]); // a lagging core's clock: see recovery-time
            log.append(t, EventKind.PARTITION_RECOVERED, p, watchdog.home(p), t - detectedAt[p], table.restarts(p));
            detectedAt[p] = -1;
        }
    }

    /** The recovery clock starts at the failure that caused this restart (an earlier detection not yet
     * recovered from no longer counts). [impl->dsn~health.recovery-time~1] */
    private void markDetected(int p, long now) { detectedAt[p] = now; }

    /** @return the monitor deadline health needs on {@code core}. [impl->dsn~health.watchdog~1] */
    long deadline(int core) { return watchdog.deadline(core); }

    /** An interrupt of p's {@code line}, counted against p's storm limit. [impl->dsn~health.irq-storm~1] */
    public void interrupt(int p, int line, int core, long now) { storm.interrupt(p, line, core, now, watchdog); }

    /** Core's monitor timer fired: fail each partition whose watchdog expired. [impl->dsn~health.watchdog~1] */
    public void expire(int core, long now) {
        storm.unmask(core, now);
        for (int p = 0; p < img.partitionCount(); p++) {
            if (watchdog.expired(p, core, now)) {
                failure(p, updates.watchdogReason(p), now);
            }
        }
        watchdog.reprogram(core);
    }

    /** An access fault of partition p: a storm of them within a window is a failure. [impl->dsn~health.detect~1] */
    public void accessFault(int p, long now) {
        roll(p, now);
        faultsInWindow[p]++;
        int limit = img.faultLimit(p);
        if (limit > 0 && faultsInWindow[p] > limit) {
            faultsInWindow[p] = 0;
            failure(p, HealthAction.REASON_FAULT_STORM, now);
        }
    }

    /** Starts a new window when the current one has ended. [impl->dsn~health.detect~1] [impl->dsn~health.policy~1] */
    private void roll(int p, long now) {
        if (now - windowStart[p] >= img.healthWindowNs(p)) {
            windowStart[p] = now;
            faultsInWindow[p] = 0;
            restartsInWindow[p] = 0;
        }
    }

    /** The end of every kernel entry: the faults the world switch posted during the entry are handled
     * now, saved contexts that failed their check first, then a refused protection slot.
     * [impl->dsn~kernel.context-integrity~1] */
    public void endOfEntry(long now) {
        if (reports.corruptPending()) {
            contextFaults(now);
        }
        protectionFaults(now);
    }

    /** Reports the partitions whose saved context failed its integrity check as failed (reason
     * {@code context}); their policy restarts them or escalates. [impl->dsn~kernel.context-integrity~1] */
    private void contextFaults(long now) {
        for (int p = 0; p < img.partitionCount(); p++) {
            if (reports.takeCorrupt(p)) {
                failure(p, HealthAction.REASON_CONTEXT, now);
            }
        }
    }

    /** A slot refused at a world switch brings the system to its safe state. [impl->dsn~kernel.protection-check~1] */
    public void protectionFaults(long now) {
        int p = reports.takeProtectionFault();
        if (p != SystemImage.NO_PARTITION) {
            protectionFault(p, now);
        }
    }

    /** [impl->dsn~health.detect~1] [impl->dsn~health.policy~1] */
    public void failure(int p, int reason, long now) {
        if (table.state(p) == PartitionState.STOPPED) { // the safe state stops every partition first
            return;
        }
        counters[Counter.FAILURES_DETECTED]++;
        roll(p, now);
        if (updates.onTrial(p)) {
            trialFailed(p, reason, now);
            return;
        }
        int action = img.onFailure(p);
        if ((action == HealthAction.RESTART || action == HealthAction.RESTORE) // a restore counts as a restart
                && restartsInWindow[p] >= img.maxRestarts(p)) {
            action = img.escalation(p);
        }
        log.append(now, EventKind.FAILURE_DETECTED, p, watchdog.home(p), reason, action);
        if (action == HealthAction.RESTART) {
            restart(p, now);
        } else if (action == HealthAction.RESTORE) {
            restore(p, now);
        } else if (action == HealthAction.STOP) {
            stop(p, reason, now);
        } else {
            enterSafeState(p, now);
        }
    }

    /** A new image failed its trial: back to the old one, whatever the policy. [impl->dsn~kernel.update.trial~1] */
    private void trialFailed(int p, int reason, long now) {
        updates.rollBack(p, reason, watchdog.home(p), now);
        restart(p, now);
    }

    /** Restores p's snapshot, counted like a restart and timed to the next heartbeat; without a sound
     * snapshot, a restart from the golden image. [impl->dsn~kernel.snapshot.fallback~1] */
    private void restore(int p, long now) {
        if (!points.restoreOrLog(p, watchdog.home(p), now)) {
            restart(p, now);
            return;
        }
        restartsInWindow[p]++;
        markDetected(p, now);
        watchdog.arm(p, img.watchdogNs(p), now);
    }

    /** [impl->dsn~health.restart~1] */
    private void restart(int p, long now) {
        if (reloadOrEscalate(p, now)) {
            restartsInWindow[p]++;
            markDetected(p, now);
            relaunch(p, now);
        }
    }

    /** The partition asked to be restarted: not a failure (not counted in the window). [impl->dsn~health.restart~1] */
    public void requestedRestart(int p, long now) {
        if (table.state(p) == PartitionState.STOPPED) {
            return;
        }
        if (reloadOrEscalate(p, now)) {
            relaunch(p, now);
        }
    }

    /** Counts, logs and starts p from its entry with fresh contexts. [impl->dsn~health.restart~1] */
    private void relaunch(int p, long now) {
        int restarts = table.restarted(p);
        counters[Counter.RESTARTS]++;
        log.append(now, EventKind.PARTITION_RESTARTED, p, watchdog.home(p), restarts, restartsInWindow[p]);
        sched.restartPartition(p, img.entry(p));
        started(p, now);
    }

    /** Before every restart the update state is settled ({@link Updates#beforeRestart}), then p is reloaded
     * from its golden image. An image failing its digest check refuses the restart: {@code image-corrupt} is
     * logged and p's escalation (stop, or the safe state) taken instead, as a restart could not give it a
     * sound image. @return true when the restart may go ahead
     * [impl->dsn~health.golden-image~1] */
    private boolean reloadOrEscalate(int p, long now) {
        updates.beforeRestart(p, watchdog.home(p), now);
        if (golden.reload(p) || reloadOldSlot(p, now)) {
            return true;
        }
        log.append(now, EventKind.IMAGE_CORRUPT, p, watchdog.home(p), img.imageStore(p), img.imageSize(p));
        log.append(now, EventKind.FAILURE_DETECTED, p, watchdog.home(p), HealthAction.REASON_IMAGE, img.escalation(p));
        counters[Counter.FAILURES_DETECTED]++;
        if (img.escalation(p) == HealthAction.STOP) {
            stop(p, HealthAction.REASON_IMAGE, now);
        } else {
            enterSafeState(p, now);
        }
        return false;
    }

    /** A new image on trial that no longer matches its digest: the old slot runs again, if it reloads.
     * [impl->dsn~kernel.update.trial~1] */
    private boolean reloadOldSlot(int p, long now) {
        if (!updates.onTrial(p)) {
            return false;
        }
        updates.rollBack(p, HealthAction.REASON_IMAGE, watchdog.home(p), now);
        return golden.reload(p);
    }

    /** [impl->dsn~health.policy~1] */
    private void stop(int p, int reason, long now) {
        table.stopped(p);
        log.append(now, EventKind.PARTITION_STOPPED, p, watchdog.home(p), reason, 0);
        sched.stopPartition(p);
        watchdog.disarm(p);
    }

    /** p's slot was refused by a core's protection unit: whatever p's policy, the system goes to its
     * safe state, since no restart repairs the isolation hardware. [impl->dsn~kernel.protection-check~1] */
    void protectionFault(int p, long now) {
        if (safeState) {
            return;
        }
        counters[Counter.FAILURES_DETECTED]++;
        log.append(now, EventKind.FAILURE_DETECTED, p, watchdog.home(p), HealthAction.REASON_PROTECTION,
                HealthAction.SAFE_STATE);
        enterSafeState(p, now);
    }

    /** [impl->dsn~health.safe-state~1] */
    private void enterSafeState(int cause, long now) {
        log.append(now, EventKind.SAFE_STATE, cause, watchdog.home(cause), cause, 0);
        for (int p = 0; p < img.partitionCount(); p++) {
            if (table.state(p) != PartitionState.STOPPED) {
                stop(p, HealthAction.REASON_REPORTED, now);
            }
        }
        safeState = true;
        safeStateCause = cause;
    }

    /** @return the partitions' update states. [impl->dsn~kernel.update.trial~1] */
    public Updates updates() { return updates; }
    /** [impl->dsn~health.safe-state~1] */
    public boolean inSafeState() { return safeState; }
    /** @return the partition whose failure brought the system to its safe state. [impl->dsn~health.safe-state~1] */
    public int safeStateCause() { return safeStateCause; }
}
