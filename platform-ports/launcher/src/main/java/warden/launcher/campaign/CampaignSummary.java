package warden.launcher.campaign;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import warden.emu.FaultModel;

/**
 * The campaign's figures per fault model (injected, detected, recovered, detection and recovery
 * time min/median/max, critical deadline misses) and the diagnostic coverage: per model the share
 * of applied faults a safety mechanism detected, and per mechanism the detections it made.
 *
 * [impl->dsn~campaign.summary~1]
 */
public final class CampaignSummary {
    /** Figures of one fault model. */
    public record ModelRow(String model, int injected, int applied, int detected, int recovered,
                           long[] detection, long[] recovery, long criticalMisses, long criticalMissesFromQmFaults) {
        /** @return detected / applied, the diagnostic coverage of this fault model (0 when none applied). */
        public double coverage() {
            return applied == 0 ? 0 : (double) detected / applied;
        }
    }

    private final List<ModelRow> rows = new ArrayList<>();
    private final Map<String, Integer> byMechanism = new LinkedHashMap<>();
    private final List<RunOutcome> undetected = new ArrayList<>();
    private final List<RunOutcome> unrecovered = new ArrayList<>();

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
            if (o.applied() && o.detected() && !o.recovered()) {
                unrecovered.add(o);
            }
        }
    }

    private static ModelRow row(String model, List<RunOutcome> runs) {
        int injected = 0;
        int applied = 0;
        int detected = 0;
        int recovered = 0;
        long misses = 0;
        long qmMisses = 0;
        List<Long> det = new ArrayList<>();
        List<Long> rec = new ArrayList<>();
        for (RunOutcome o : runs) {
            if (!o.model().equals(model)) {
                continue;
            }
            injected++;
            misses += o.criticalMisses();
            // a platform fault (a core's timer) is no fault of the QM partition it was drawn for
            qmMisses += o.partitionCritical() || FaultModel.platformFault(FaultModel.parse(model)) ? 0
                    : o.criticalMisses();
            if (!o.applied()) {
                continue;
            }
            applied++;
            if (o.detected()) {
                detected++;
                det.add(o.detectionNs());
            }
            if (o.recovered()) {
                recovered++;
                rec.add(o.recoveryNs());
            }
        }
        return new ModelRow(model, injected, applied, detected, recovered, stats(det), stats(rec), misses, qmMisses);
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

    public List<ModelRow> rows() { return rows; }
    public Map<String, Integer> detectionsByMechanism() { return byMechanism; }
    public List<RunOutcome> undetected() { return undetected; }
    public List<RunOutcome> unrecovered() { return unrecovered; }
}
