package warden.launcher.campaign;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import warden.launcher.report.JsonReader;
import warden.launcher.report.JsonWriter;

/**
 * The campaign report, schema {@value #SCHEMA}: the campaign's parameters, every run (so that
 * shards merge by concatenation and any run can be replayed from its index and seed), the
 * per-model summary and the diagnostic coverage. The header says which campaign and which part
 * of it the report holds (seed, target, run length, the campaign's total count, shard index and
 * count, and whether every run of the shard is in it), so that shards are merged only with their
 * siblings and an interrupted report is resumed only by its own campaign.
 *
 * [impl->dsn~campaign.json~1]
 * [impl->dsn~campaign.shard-header~1]
 */
public final class CampaignJson {
    public static final String SCHEMA = "warden.campaign/1";

    private CampaignJson() {
    }

    /**
     * Which campaign a report belongs to and which part of it it holds.
     *
     * @param total the campaign's number of runs (all shards)
     * @param complete whether every run of the shard is in the report (false: interrupted)
     */
    public record Header(String source, String target, long seed, long runNs, int total, int shard, int shards,
                         boolean complete) {
        /** @return the first field where {@code o} is another campaign or shard, or null when none */
        public String mismatch(Header o) {
            String[][] fields = {
                {"seed", "" + seed, "" + o.seed}, {"target", target, o.target}, {"runNs", "" + runNs, "" + o.runNs},
                {"campaignFaults", "" + total, "" + o.total}, {"shards", "" + shards, "" + o.shards},
                {"source", source, o.source},
            };
            for (String[] f : fields) {
                if (!f[1].equals(f[2])) {
                    return f[0] + " " + f[2] + " (not " + f[1] + ")";
                }
            }
            return null;
        }
    }

    public static String write(String source, String target, long seed, int faults, long runNs, List<RunOutcome> runs) {
        return write(new Header(source, target, seed, runNs, faults, 0, 1, true), runs);
    }

    public static String write(Header h, List<RunOutcome> runs) {
        java.io.StringWriter out = new java.io.StringWriter();
        try {
            write(h, new CampaignSummary(runs), runs.size(), w -> {
                boolean first = true;
                for (RunOutcome o : runs) {
                    w.write(run(o, first));
                    first = false;
                }
            }, out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // a StringWriter does not throw
        }
        return out.toString();
    }

    /** What writes the run objects of a report, each as {@link #run(RunOutcome, boolean)} gives it. */
    public interface Runs {
        void writeTo(java.io.Writer w) throws java.io.IOException;
    }

    /**
     * Writes the report of {@code count} runs summarised by {@code s} to {@code out}, streaming the
     * runs from {@code runs} (in index order): the report is never held in memory whole.
     *
     * [impl->dsn~campaign.constant-memory~1]
     */
    public static void write(Header h, CampaignSummary s, long count, Runs runs, java.io.Writer out)
            throws java.io.IOException {
        JsonWriter w = new JsonWriter().beginObject();
        w.field("schema", SCHEMA).field("source", h.source()).field("target", h.target()).field("seed", h.seed())
                .field("faults", count).field("runNs", h.runNs()).field("campaignFaults", h.total())
                .field("shard", h.shard()).field("shards", h.shards()).field("complete", h.complete());
        w.key("summary").beginArray();
        for (CampaignSummary.ModelRow r : s.rows()) {
            w.beginObject().field("model", r.model()).field("injected", r.injected()).field("applied", r.applied())
                    .field("detected", r.detected()).field("recovered", r.recovered())
                    .field("diagnosticCoveragePercent", Math.round(r.coverage() * 1000) / 10.0 + "");
            triple(w, "detectionNs", r.detection());
            triple(w, "recoveryNs", r.recovery());
            w.field("criticalDeadlineMisses", r.criticalMisses())
                    .field("criticalDeadlineMissesFromQmFaults", r.criticalMissesFromQmFaults());
            RunOutcomeJson.row(w, r);
            w.endObject();
        }
        w.endArray();
        w.key("detectionsByMechanism").beginObject();
        for (Map.Entry<String, Integer> e : s.detectionsByMechanism().entrySet()) {
            w.field(e.getKey(), e.getValue());
        }
        w.endObject();
        w.key("runs").beginArray();
        String prefix = w.toString();
        out.write(prefix, 0, prefix.length() - 1); // without the newline toString adds
        runs.writeTo(out);
        out.write(count == 0 ? "]\n}\n" : "\n  ]\n}\n");
    }

    /** @return one run object of the report's runs array, preceded by a comma unless it is the first. */
    public static String run(RunOutcome o, boolean first) {
        JsonWriter w = new JsonWriter().beginObject();
        w.field("index", o.index()).field("seed", o.seed()).field("model", o.model())
                .field("partition", o.partition()).field("partitionCritical", o.partitionCritical())
                .field("injectNs", o.injectNs()).field("applied", o.applied()).field("detected", o.detected())
                .field("mechanism", o.mechanism()).field("detectionNs", o.detectionNs())
                .field("recovered", o.recovered()).field("recoveryNs", o.recoveryNs())
                .field("criticalMisses", o.criticalMisses());
        RunOutcomeJson.run(w, o);
        w.endObject();
        String text = w.toString();
        return (first ? "\n    " : ",\n    ") + text.substring(0, text.length() - 1);
    }

    private static void triple(JsonWriter w, String key, long[] v) {
        w.key(key).beginObject().field("min", v[0]).field("median", v[1]).field("max", v[2]).endObject();
    }

    /** Reads the runs of a campaign report (for merging shards). @throws IllegalArgumentException on a bad file. */
    public static List<RunOutcome> readRuns(String json, String source) {
        List<RunOutcome> out = new ArrayList<>();
        Map<String, Object> root = JsonReader.parse(json, source);
        if (!SCHEMA.equals(root.get("schema"))) {
            throw new IllegalArgumentException(source + ": not a campaign report (schema " + SCHEMA + " expected)");
        }
        Object runs = root.get("runs");
        if (!(runs instanceof List<?> list)) {
            throw new IllegalArgumentException(source + ": no runs array");
        }
        for (Object o : list) {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) o;
            out.add(RunOutcomeJson.read(m, source, new RunOutcome(JsonReader.i(m, "index", source),
                    JsonReader.l(m, "seed", source),
                    JsonReader.s(m, "model", source), JsonReader.s(m, "partition", source),
                    JsonReader.b(m, "partitionCritical", source),
                    JsonReader.l(m, "injectNs", source), JsonReader.b(m, "applied", source),
                    JsonReader.b(m, "detected", source),
                    (String) m.get("mechanism"), JsonReader.l(m, "detectionNs", source),
                    JsonReader.b(m, "recovered", source),
                    JsonReader.l(m, "recoveryNs", source), JsonReader.l(m, "criticalMisses", source))));
        }
        return out;
    }

    /**
     * Reads the header of a campaign report.
     *
     * @throws IllegalArgumentException on a bad file or one without the header (an older report)
     */
    public static Header readHeader(String json, String source) {
        Map<String, Object> root = JsonReader.parse(json, source);
        if (!SCHEMA.equals(root.get("schema"))) {
            throw new IllegalArgumentException(source + ": not a campaign report (schema " + SCHEMA + " expected)");
        }
        if (!root.containsKey("campaignFaults")) {
            throw new IllegalArgumentException(source + ": no campaignFaults/shard/shards/complete fields"
                    + " (a report of an older warden); run its campaign again");
        }
        return new Header(JsonReader.s(root, "source", source), JsonReader.s(root, "target", source),
                JsonReader.l(root, "seed", source), JsonReader.l(root, "runNs", source),
                JsonReader.i(root, "campaignFaults", source), JsonReader.i(root, "shard", source),
                JsonReader.i(root, "shards", source), JsonReader.b(root, "complete", source));
    }

    /** @return the value of a top-level long field of a report. */
    public static long header(String json, String source, String key) {
        return JsonReader.l(JsonReader.parse(json, source), key, source);
    }

    public static String headerText(String json, String source, String key) {
        return JsonReader.s(JsonReader.parse(json, source), key, source);
    }
}
