package warden.launcher.campaign;

import java.util.Map;
import warden.launcher.report.JsonReader;
import warden.launcher.report.JsonWriter;

/**
 * The fields of the campaign report that carry the honest accounting: per run its outcome, the
 * cause of its detection, the model's detection bound and the critical misses in their classes;
 * per model its contained and latent faults, the mechanisms that detected it and the miss classes
 * with the own-fault bound. Runs of reports written before these fields read back with defaults.
 *
 * [impl->dsn~campaign.accounting-json~1]
 */
final class RunOutcomeJson {
    private RunOutcomeJson() {
    }

    static void run(JsonWriter w, RunOutcome o) {
        w.field("outcome", o.outcome()).field("detail", o.detail()).field("detectionBoundNs", o.detectionBoundNs())
                .field("ownMisses", o.ownMisses()).field("ownMissBound", o.ownMissBound())
                .field("interferenceMisses", o.interferenceMisses()).field("platformMisses", o.platformMisses());
    }

    static void row(JsonWriter w, CampaignSummary.ModelRow r) {
        w.field("contained", r.contained()).field("latent", r.latent()).field("detectionBoundNs", r.detectionBoundNs());
        w.key("detectedBy").beginObject();
        for (Map.Entry<String, Integer> e : r.mechanisms().entrySet()) {
            w.field(e.getKey(), e.getValue());
        }
        w.endObject();
        w.field("ownFaultMisses", r.ownMisses()).field("ownFaultMissesWorstRun", r.ownMissesWorstRun())
                .field("ownFaultMissBound", r.ownMissBound())
                .field("runsOverOwnFaultBound", r.runsOverOwnBound())
                .field("interferenceMisses", r.interferenceMisses()).field("platformFaultMisses", r.platformMisses());
    }

    /** @return {@code base} with the accounting fields of {@code m}, when the report has them. */
    static RunOutcome read(Map<String, Object> m, String source, RunOutcome base) {
        if (!m.containsKey("outcome")) {
            return base;
        }
        RunOutcome b = base;
        return new RunOutcome(b.index(), b.seed(), b.model(), b.partition(), b.partitionCritical(), b.injectNs(),
                b.applied(), b.detected(), b.mechanism(), b.detectionNs(), b.recovered(), b.recoveryNs(),
                b.criticalMisses(), JsonReader.s(m, "outcome", source), (String) m.get("detail"),
                JsonReader.l(m, "detectionBoundNs", source), JsonReader.l(m, "ownMisses", source),
                JsonReader.l(m, "ownMissBound", source), JsonReader.l(m, "interferenceMisses", source),
                JsonReader.l(m, "platformMisses", source));
    }
}
