package warden.launcher.campaign;

import java.util.ArrayList;
import java.util.List;
import warden.launcher.config.DefaultSystem;
import warden.launcher.report.JsonWriter;

/**
 * The healing-scenario campaign ({@code warden campaign --scenarios}): a fixed, deterministic set
 * of runs of the target's default system, one row each (restore points: {@link RestoreScenarios};
 * over-the-air update: {@link OtaScenarios}), and its report {@value #SCHEMA}.
 *
 * [impl->dsn~campaign.scenarios~1]
 */
public final class ScenarioCampaign {
    public static final String SCHEMA = "warden.scenarios/1";

    private final String target;
    private final long seed;

    public ScenarioCampaign(String target, long seed) {
        this.target = target;
        this.seed = seed;
    }

    /** @return the rows of every scenario, restore points first, in a fixed order. */
    public List<ScenarioRow> run() throws Exception {
        List<ScenarioRow> rows = new ArrayList<>(new RestoreScenarios(target, seed).rows());
        rows.addAll(new OtaScenarios(target, seed).rows());
        return rows;
    }

    /** @return how many rows did not have their expected outcome (or let another critical partition miss). */
    public static long failed(List<ScenarioRow> rows) {
        return rows.stream().filter(r -> !r.passed()).count();
    }

    /**
     * @return the report: schema, system, target, seed, the rows' count and failures, and each row
     *     with its figures (virtual ns; -1 where the scenario has none)
     */
    // [impl->dsn~campaign.scenarios-cli~1]
    public String json(List<ScenarioRow> rows) {
        JsonWriter w = new JsonWriter().beginObject().field("schema", SCHEMA).field("source", DefaultSystem.SOURCE)
                .field("target", target).field("seed", seed).field("rowCount", rows.size())
                .field("failed", failed(rows));
        w.key("rows").beginArray();
        for (ScenarioRow r : rows) {
            w.beginObject().field("scenario", r.scenario()).field("partition", r.partition())
                    .field("expected", r.expected()).field("observed", r.observed())
                    .field("verdict", r.passed() ? "pass" : "fail").field("detectNs", r.detectNs())
                    .field("recoverNs", r.recoverNs()).field("pagesWritten", r.pagesWritten())
                    .field("restorePages", r.restorePages()).field("restoreBytes", r.restoreBytes())
                    .field("restoreNs", r.restoreNs()).field("snapshotPages", r.snapshotPages())
                    .field("snapshotNs", r.snapshotNs()).field("ownMisses", r.ownMisses())
                    .field("otherCriticalMisses", r.otherCriticalMisses())
                    .field("furtherFailures", r.furtherFailures())
                    .field("timerFaults", r.timerFaults()).field("proof", r.proof())
                    .field("note", r.note()).endObject();
        }
        return w.endArray().endObject().toString();
    }
}
