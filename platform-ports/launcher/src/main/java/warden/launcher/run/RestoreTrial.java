package warden.launcher.run;

import java.util.ArrayList;
import java.util.List;
import warden.emu.Engine;
import warden.emu.FaultModel;
import warden.emu.Faultable;
import warden.kernel.api.Criticality;
import warden.kernel.api.HealthAction;
import warden.launcher.config.HealthSpec;
import warden.launcher.config.PartitionSpec;
import warden.launcher.config.SnapshotSpec;
import warden.launcher.config.SystemDescription;

/**
 * {@code warden run --snapshot-at T --restore-at T2} on any description: the first critical
 * partition (else the first) gets a one-shot snapshot at its first heartbeat at or after T (beside
 * the snapshots its description asks for); with T2, its healing action becomes {@code restore} and
 * it is crashed at T2 (a wild instruction fetch into the monitor's memory), so the monitor detects
 * the crash and restores it from the snapshot.
 *
 * [impl->dsn~cli.snapshot-options~1]
 */
public final class RestoreTrial {
    private RestoreTrial() {
    }

    /** @return the partition the options act on: the first critical one, else the first. */
    public static int partition(SystemDescription d) {
        for (int i = 0; i < d.partitions().size(); i++) { // at most 16
            if (Criticality.isCritical(d.partitions().get(i).criticality())) {
                return i;
            }
        }
        return 0;
    }

    /** @return {@code d} with the snapshot at {@code atNs} and, when {@code restoreAtNs >= 0}, restore as healing. */
    public static SystemDescription apply(SystemDescription d, long atNs, long restoreAtNs) {
        int p = partition(d);
        PartitionSpec ps = d.partitions().get(p);
        SnapshotSpec old = ps.snapshot();
        SnapshotSpec s = old == null ? new SnapshotSpec(false, atNs, 0, null, ps.loc(), ps.loc())
                : new SnapshotSpec(old.atBoot(), atNs, old.periodNs(), old.requester(), old.loc(), old.requesterLoc());
        PartitionSpec changed = ps.withSnapshot(s);
        if (restoreAtNs >= 0) {
            HealthSpec h = ps.health();
            changed = changed.withHealth(new HealthSpec(h.bootTimeoutNs(), h.faultLimit(), h.irqLimit(), h.windowNs(),
                    h.restarts(), HealthAction.RESTORE, h.escalate(), h.loc()));
        }
        List<PartitionSpec> parts = new ArrayList<>(d.partitions());
        parts.set(p, changed);
        return new SystemDescription(d.source(), d.target(), d.monitor(), parts, d.stimuli(), d.run(), d.loc(),
                d.channels(), d.mediated());
    }

    /** @return an engine source that crashes partition {@code p} at {@code atNs}. */
    public static Engine.Source crash(SystemRun run, int p, long atNs) {
        return new Engine.Source() {
            private long at = atNs;

            @Override
            public long nextEventNs() {
                return at;
            }

            @Override
            public void fire(long nowNs) {
                int core = Integer.numberOfTrailingZeros(run.image().coreMask(p));
                if (run.executor(p, core) instanceof Faultable f) {
                    f.inject(FaultModel.CRASH, run.image().monitorBase(), nowNs);
                }
                at = Long.MAX_VALUE;
            }
        };
    }
}
