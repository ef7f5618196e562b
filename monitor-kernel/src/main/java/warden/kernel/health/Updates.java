package warden.kernel.health;

import warden.kernel.api.EventKind;
import warden.kernel.api.HealthAction;
import warden.kernel.api.SystemImage;
import warden.kernel.api.UpdateReason;
import warden.kernel.boot.GoldenImages;
import warden.kernel.log.EventLog;

/**
 * Each partition's over-the-air update state and its anti-rollback counter, held by the monitor:
 * idle, receiving (a transfer into the inactive slot), verified (switches at the next restart) and
 * on trial (runs the new slot; a failure rolls back to the old slot, the first heartbeat after the
 * trial window commits and advances the counter). A restart of a partition abandons every transfer
 * to it or from it, so the old image keeps running. Tables allocated at boot; loops bounded by the
 * partition count.
 *
 * [impl->dsn~kernel.update.trial~1]
 */
// justification: every table has length partitionCount; p is a partition id below it
@SuppressWarnings("index")
public final class Updates {
    private final SystemImage img;
    private final GoldenImages golden;
    private final EventLog log;
    private final int[] state;
    private final int[] size;
    private final int[] received;
    private final long[] version;
    private final long[] committed;
    private final long[] switchedAt;
    private final boolean[] beatSinceSwitch;

    /** Boot-time: every counter at its golden image's version. [impl->dsn~kernel.update.trial~1] */
    Updates(SystemImage img, GoldenImages golden, EventLog log) {
        this.img = img;
        this.golden = golden;
        this.log = log;
        int n = img.partitionCount();
        state = new int[n];
        size = new int[n];
        received = new int[n];
        version = new long[n];
        committed = new long[n];
        switchedAt = new long[n];
        beatSinceSwitch = new boolean[n];
        for (int p = 0; p < n; p++) {
            committed[p] = img.imageVersion(p);
        }
    }

    /** @return p's {@link UpdateReason} state (IDLE .. ON_TRIAL). [impl->dsn~kernel.update.calls~1] */
    public int state(int p) { return state[p]; }
    /** @return the size of p's image under transfer or verified. [impl->dsn~kernel.update.calls~1] */
    public int size(int p) { return size[p]; }
    /** @return the bytes of p's transfer received so far. [impl->dsn~kernel.update.calls~1] */
    public int received(int p) { return received[p]; }
    /** @return the version of p's transfer, verified or trial image. [impl->dsn~kernel.update.calls~1] */
    public long version(int p) { return version[p]; }
    /** @return p's anti-rollback counter: the version of its last committed image. [impl->dsn~kernel.update.trial~1] */
    public long committed(int p) { return committed[p]; }
    /** @return the slot p runs from. [impl->dsn~kernel.update.slots~1] */
    public int activeSlot(int p) { return golden.active(p); }
    /** @return the slot a transfer to p writes: the one p does not run from. [impl->dsn~kernel.update.slots~1] */
    public int inactiveSlot(int p) { return 1 - golden.active(p); }
    /** @return where the inactive slot of p is kept. [impl->dsn~kernel.update.slots~1] */
    public long inactiveBase(int p) { return golden.slotBase(p, 1 - golden.active(p)); }

    /** A transfer of {@code bytes} bytes of {@code v} to p starts. [impl->dsn~kernel.update.calls~1] */
    public void begin(int p, int bytes, long v) {
        state[p] = UpdateReason.RECEIVING;
        size[p] = bytes;
        received[p] = 0;
        version[p] = v;
    }

    /** {@code bytes} more bytes of p's transfer arrived. [impl->dsn~kernel.update.calls~1] */
    public void arrived(int p, int bytes) {
        received[p] += bytes;
    }

    /** p's transfer failed: the inactive slot holds nothing to switch to. [impl->dsn~kernel.update.verify~1] */
    public void discard(int p) {
        state[p] = UpdateReason.IDLE;
    }

    /** p's image verified with {@code digest}: it switches at p's next restart. [impl->dsn~kernel.update.verify~1] */
    public void verified(int p, byte[] digest, int home, long now) {
        golden.install(p, inactiveSlot(p), size[p], digest);
        state[p] = UpdateReason.VERIFIED;
        log.append(now, EventKind.UPDATE_VERIFIED, p, home, version[p], size[p]);
    }

    /**
     * p restarts: every transfer to or from p is abandoned (the power-loss case), then a verified
     * image of p becomes its active slot, on trial from now.
     *
     * [impl->dsn~kernel.update.switch~1]
     */
    void beforeRestart(int p, int home, long now) {
        for (int q = 0; q < img.partitionCount(); q++) {
            if (state[q] == UpdateReason.RECEIVING && (q == p || img.updateBy(q) == p)) {
                state[q] = UpdateReason.IDLE;
                log.append(now, EventKind.UPDATE_ABORTED, q, home, received[q], size[q]);
            }
        }
        if (state[p] == UpdateReason.VERIFIED) {
            golden.activate(p, inactiveSlot(p));
            state[p] = UpdateReason.ON_TRIAL;
            switchedAt[p] = now;
            beatSinceSwitch[p] = false;
            log.append(now, EventKind.UPDATE_SWITCHED, p, home, golden.active(p), version[p]);
        }
    }

    /** @return whether p runs a new image on trial. [impl->dsn~kernel.update.trial~1] */
    boolean onTrial(int p) {
        return state[p] == UpdateReason.ON_TRIAL;
    }

    /**
     * @return the reason of a watchdog expiry of p: {@code trial} when p is on trial and sent no
     *     heartbeat since its switch (a new image that never booted). [impl->dsn~kernel.update.trial~1]
     */
    int watchdogReason(int p) {
        return onTrial(p) && !beatSinceSwitch[p] ? HealthAction.REASON_TRIAL : HealthAction.REASON_WATCHDOG;
    }

    /**
     * A heartbeat of p: the first one at or after the end of the trial window commits the update,
     * and the counter takes its version. [impl->dsn~kernel.update.trial~1]
     */
    void heartbeat(int p, int home, long now) {
        if (!onTrial(p)) {
            return;
        }
        beatSinceSwitch[p] = true;
        if (now - switchedAt[p] >= img.trialNs(p)) {
            committed[p] = version[p];
            state[p] = UpdateReason.IDLE;
            log.append(now, EventKind.UPDATE_COMMITTED, p, home, committed[p], now - switchedAt[p]);
        }
    }

    /**
     * p failed on trial ({@code reason}): logged as a failure whose action is a restart, and its old
     * slot is active again. [impl->dsn~kernel.update.trial~1]
     */
    void rollBack(int p, int reason, int home, long now) {
        log.append(now, EventKind.FAILURE_DETECTED, p, home, reason, HealthAction.RESTART);
        golden.activate(p, inactiveSlot(p));
        state[p] = UpdateReason.IDLE;
        log.append(now, EventKind.UPDATE_ROLLED_BACK, p, home, reason, now - switchedAt[p]);
    }
}
