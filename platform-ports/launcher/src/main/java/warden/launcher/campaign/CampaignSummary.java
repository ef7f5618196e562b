package warden.launcher.campaign;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import warden.emu.FaultModel;

/**
 * The campaign's figures per fault model (injected, applied, detected within the model's
 * detection bound, recovered, contained, latent, detection and recovery time min/median/max, the
 * mechanisms that detected it) and the critical deadline misses in their classes: all, those of
 * the faulted critical partition itself (with the most any run may cost and how many runs went
 * beyond it), interference (misses of other critical partitions; those from faults in QM
 * partitions apart), and those under platform faults; the diagnostic coverage: per model the share
 * of applied faults detected, and per mechanism the detections it made.
 *
 * <p>Runs are folded in one at a time ({@link #add}) into counters, fixed-size time statistics
 * ({@link TimeStats}) and, of the runs listed by name (undetected, not recovered, over their own
 * bound), the {@link #KEPT} with the lowest indices and their count: the memory does not grow with
 * the number of runs, and the figures do not depend on the order the runs are added in.
 *
 * [impl->dsn~campaign.summary~2]
 * [impl->dsn~campaign.constant-memory~1]
 */
public final class CampaignSummary {
    /** How many runs of each named list are kept (the lowest indices). */
    public static final int KEPT = 20;

    /** Figures of one fault model. */
    public record ModelRow(String model, int injected, int applied, int detected, int recovered,
                           long[] detection, long[] recovery, long criticalMisses, long criticalMissesFromQmFaults,
                           int contained, int latent, long detectionBoundNs, Map<String, Integer> mechanisms,
                           long ownMisses, long ownMissesWorstRun, long ownMissBound, int runsOverOwnBound,
                           long interferenceMisses, long platformMisses) {
        /** @return detected / applied, the diagnostic coverage of this fault model (0 when none applied). */
        public double coverage() {
            return applied == 0 ? 0 : (double) detected / applied;
        }
    }

    /** The running figures of one fault model. */
    private static final class Model {
        final int[] n = new int[6]; // injected, applied, detected, recovered, contained, latent
        final long[] misses = new long[5]; // all, from QM faults, own, interference, platform
        long bound = -1;
        long ownBound = -1;
        long ownWorst;
        int over;
        final Map<String, Integer> mechanisms = new TreeMap<>();
        final TimeStats det = new TimeStats();
        final TimeStats rec = new TimeStats();
    }

    /** The {@link #KEPT} runs with the lowest indices, and how many there were. */
    private static final class Kept {
        final TreeSet<RunOutcome> runs = new TreeSet<>((a, b) -> Integer.compare(a.index(), b.index()));
        long count;

        void add(RunOutcome o) {
            count++;
            runs.add(o);
            if (runs.size() > KEPT) {
                runs.pollLast();
            }
        }
    }

    private final Model[] models = new Model[FaultModel.ALL];
    private final Map<String, Integer> byMechanism = new TreeMap<>();
    private final Kept undetected = new Kept();
    private final Kept unrecovered = new Kept();
    private final Kept overOwnBound = new Kept();
    private long runs;

    public CampaignSummary() {
        for (int m = 0; m < models.length; m++) {
            models[m] = new Model();
        }
    }

    public CampaignSummary(List<RunOutcome> runs) {
        this();
        for (RunOutcome o : runs) {
            add(o);
        }
    }

    /** Folds one run in. */
    public void add(RunOutcome o) {
        runs++;
        if (o.applied() && o.detected()) {
            byMechanism.merge(o.mechanism(), 1, Integer::sum);
        } else if (o.applied()) {
            undetected.add(o);
        }
        if (o.outcome().equals(RunOutcome.NOT_RECOVERED)) {
            unrecovered.add(o);
        }
        if (o.ownMissesOverBound()) {
            overOwnBound.add(o);
        }
        int index = -1;
        for (int m = 0; m < models.length; m++) {
            if (FaultModel.name(m).equals(o.model())) {
                index = m;
            }
        }
        if (index >= 0) {
            fold(models[index], o);
        }
    }

    private static void fold(Model r, RunOutcome o) {
        r.n[0]++;
        r.misses[0] += o.criticalMisses();
        r.misses[1] += o.missesFromQmFault();
        r.misses[2] += o.ownMisses();
        r.misses[3] += o.interferenceMisses();
        r.misses[4] += o.platformMisses();
        r.ownWorst = Math.max(r.ownWorst, o.ownMisses());
        r.bound = Math.max(r.bound, o.detectionBoundNs());
        r.ownBound = Math.max(r.ownBound, o.ownMissBound());
        r.over += o.ownMissesOverBound() ? 1 : 0;
        if (!o.applied()) {
            return;
        }
        r.n[1]++;
        if (o.detected()) {
            r.n[2]++;
            r.det.add(o.detectionNs());
            r.mechanisms.merge(o.mechanism(), 1, Integer::sum);
        }
        if (o.recovered()) {
            r.n[3]++;
            r.rec.add(o.recoveryNs());
        }
        r.n[4] += o.outcome().equals(RunOutcome.CONTAINED) ? 1 : 0;
        r.n[5] += o.outcome().equals(RunOutcome.LATENT) ? 1 : 0;
    }

    /** @return the number of runs folded in. */
    public long runs() {
        return runs;
    }

    /** @return the critical misses that freedom from interference forbids: from QM faults and across partitions. */
    public long interferenceMisses() {
        long m = 0;
        for (Model r : models) {
            m += r.misses[3];
        }
        return m;
    }

    /**
     * @return one row per fault model, in model order: every partition model, and the channel
     *     models that have runs (a campaign of partition faults prints what it printed before)
     */
    public List<ModelRow> rows() {
        List<ModelRow> out = new ArrayList<>();
        for (int m = 0; m < models.length; m++) {
            Model r = models[m];
            if (FaultModel.channelFault(m) && r.n[0] == 0) {
                continue;
            }
            out.add(new ModelRow(FaultModel.name(m), r.n[0], r.n[1], r.n[2], r.n[3], r.det.triple(), r.rec.triple(),
                    r.misses[0], r.misses[1], r.n[4], r.n[5], r.bound, Collections.unmodifiableMap(r.mechanisms),
                    r.misses[2], r.ownWorst, r.ownBound, r.over, r.misses[3], r.misses[4]));
        }
        return out;
    }

    /** @return detections per mechanism, by mechanism name. */
    public Map<String, Integer> detectionsByMechanism() { return byMechanism; }
    /** @return the applied faults not detected: the {@link #KEPT} with the lowest indices. */
    public List<RunOutcome> undetected() { return new ArrayList<>(undetected.runs); }
    public long undetectedCount() { return undetected.count; }
    /** @return the runs detected but not recovered: the {@link #KEPT} with the lowest indices. */
    public List<RunOutcome> unrecovered() { return new ArrayList<>(unrecovered.runs); }
    public long unrecoveredCount() { return unrecovered.count; }
    /** @return the runs whose faulted partition missed more deadlines than its bound (the first {@link #KEPT}). */
    public List<RunOutcome> overOwnBound() { return new ArrayList<>(overOwnBound.runs); }
    public long overOwnBoundCount() { return overOwnBound.count; }
}
