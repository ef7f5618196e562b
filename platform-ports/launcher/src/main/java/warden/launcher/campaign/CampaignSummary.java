package warden.launcher.campaign;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
 * [impl->dsn~campaign.summary~2]
 */
public final class CampaignSummary {
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

    private final List<ModelRow> rows = new ArrayList<>();
    private final Map<String, Integer> byMechanism = new LinkedHashMap<>();
    private final List<RunOutcome> undetected = new ArrayList<>();
    private final List<RunOutcome> unrecovered = new ArrayList<>();
    private final List<RunOutcome> overOwnBound = new ArrayList<>();

    public CampaignSummary(List<RunOutcome> runs) {
        for (int m = 0; m < FaultModel.COUNT; m++) {
            rows.add(row(FaultModel.name(m), runs));
        }
        for (RunOutcome o : runs) {
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
        }
    }

    private static ModelRow row(String model, List<RunOutcome> runs) {
        int[] n = new int[6]; // injected, applied, detected, recovered, contained, latent
        long[] misses = new long[5]; // all, from QM faults, own, interference, platform
        long bound = -1;
        long ownBound = -1;
        long ownWorst = 0;
        int over = 0;
        Map<String, Integer> mechanisms = new TreeMap<>();
        List<Long> det = new ArrayList<>();
        List<Long> rec = new ArrayList<>();
        for (RunOutcome o : runs) {
            if (!o.model().equals(model)) {
                continue;
            }
            n[0]++;
            add(misses, o);
            ownWorst = Math.max(ownWorst, o.ownMisses());
            bound = Math.max(bound, o.detectionBoundNs());
            ownBound = Math.max(ownBound, o.ownMissBound());
            over += o.ownMissesOverBound() ? 1 : 0;
            if (!o.applied()) {
                continue;
            }
            n[1]++;
            if (o.detected()) {
                n[2]++;
                det.add(o.detectionNs());
                mechanisms.merge(o.mechanism(), 1, Integer::sum);
            }
            if (o.recovered()) {
                n[3]++;
                rec.add(o.recoveryNs());
            }
            n[4] += o.outcome().equals(RunOutcome.CONTAINED) ? 1 : 0;
            n[5] += o.outcome().equals(RunOutcome.LATENT) ? 1 : 0;
        }
        return new ModelRow(model, n[0], n[1], n[2], n[3], stats(det), stats(rec), misses[0], misses[1], n[4], n[5],
                bound, mechanisms, misses[2], ownWorst, ownBound, over, misses[3], misses[4]);
    }

    private static void add(long[] misses, RunOutcome o) {
        misses[0] += o.criticalMisses();
        misses[1] += o.missesFromQmFault();
        misses[2] += o.ownMisses();
        misses[3] += o.interferenceMisses();
        misses[4] += o.platformMisses();
    }

    /** @return {min, median, max}, or {-1, -1, -1} for no values. */
    static long[] stats(List<Long> values) {
        if (values.isEmpty()) {
            return new long[] {-1, -1, -1};
        }
        long[] v = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(v);
        return new long[] {v[0], v[v.length / 2], v[v.length - 1]};
    }

    /** @return the critical misses that freedom from interference forbids: from QM faults and across partitions. */
    public long interferenceMisses() {
        long m = 0;
        for (ModelRow r : rows) {
            m += r.interferenceMisses();
        }
        return m;
    }

    public List<ModelRow> rows() { return rows; }
    public Map<String, Integer> detectionsByMechanism() { return byMechanism; }
    public List<RunOutcome> undetected() { return undetected; }
    public List<RunOutcome> unrecovered() { return unrecovered; }
    /** @return the runs whose faulted critical partition missed more deadlines than its bound. */
    public List<RunOutcome> overOwnBound() { return overOwnBound; }
}
