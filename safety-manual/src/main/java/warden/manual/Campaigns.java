package warden.manual;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns this build's fault campaign reports ({@code warden.campaign/1}, one per target with a fixed
 * seed, read by {@link CampaignFiles}) into the manual's tables: parameters, results per
 * fault model, the safety-mechanism table with measured detection and recovery times, the
 * undetected faults, and the charts.
 *
 * [impl->dsn~manual.campaign~1]
 */
final class Campaigns {
    private Campaigns() {
    }

    /**
     * One campaign report and how it was produced; {@code channel} when its faults are the channel
     * fault models ({@code warden campaign --channel-faults}).
     */
    record Report(String target, Map<String, Object> json, double hostSeconds, int exitCode, boolean channel) {
        Report(String target, Map<String, Object> json, double hostSeconds, int exitCode) {
            this(target, json, hostSeconds, exitCode, false);
        }

        /** @return the target, with "channel faults" for a channel-fault campaign. */
        String label() {
            return channel ? target + " (channel faults)" : target;
        }

        /** @return the part of the campaign's file names after {@code campaign-}. */
        String file() {
            return channel ? "channel-" + target : target;
        }
    }

    /** @return the report {@code json} of {@code target}, as read (tests give sample text). */
    static Report read(String target, String json, double secs, int code) {
        return new Report(target, Json.object(Json.parse(json)), secs, code);
    }

    /** @return a virtual time in ns as "1.234 ms", "12.3 µs" or "17 ns"; negative as "-". */
    static String time(long ns) {
        if (ns < 0) {
            return "-";
        }
        if (ns >= 1_000_000) {
            return String.format(Locale.ROOT, "%.3f ms", ns / 1e6);
        }
        if (ns >= 1_000) {
            return String.format(Locale.ROOT, "%.1f µs", ns / 1e3);
        }
        return ns + " ns";
    }

    private static String triple(Object o) {
        Map<String, Object> m = Json.object(o);
        long min = Json.num(m.get("min"), -1);
        if (min < 0) {
            return "-";
        }
        return time(min) + " / " + time(Json.num(m.get("median"), -1)) + " / " + time(Json.num(m.get("max"), -1));
    }

    static String parameters(List<Report> rs, String missing) {
        if (rs.isEmpty()) {
            return missing;
        }
        Adoc.Table t = new Adoc.Table("Fault campaigns run by this build", "1,2,1,1,1,1,3", "Target", "System", "Seed",
                "Faults", "Virtual time per run", "Host time", "Exit code");
        for (Report r : rs) {
            Map<String, Object> j = r.json();
            t.row(Adoc.cell(r.label()), Adoc.code(Json.str(j.get("source"))), Adoc.cell(Json.str(j.get("seed"))),
                    Adoc.cell(Json.str(j.get("faults"))), time(Json.num(j.get("runNs"), -1)),
                    String.format(Locale.ROOT, "%.1f s", r.hostSeconds()),
                    r.exitCode() == 0 ? "0 (no QM fault caused a critical deadline miss)"
                            : r.exitCode() + " (*a campaign check failed: a fault in a QM partition caused a critical"
                                    + " deadline miss, or a critical partition missed more than its own fault's"
                                    + " bound*)");
        }
        return t.toString();
    }

    static String models(List<Report> rs, String missing) {
        if (rs.isEmpty()) {
            return missing;
        }
        Adoc.Table t = new Adoc.Table("Results per fault model (times in virtual time: min / median / max)",
                "10,20,13,16,12,30,30,22", "Target", "Fault model", "Injected / applied",
                "Detected / recovered (contained, latent)", "Diag. coverage", "Detection time (bound)",
                "Recovery time", "Critical misses (QM-caused); own fault: all, worst run / bound; platform");
        for (Report r : rs) {
            for (Object o : Json.list(r.json().get("summary"))) {
                Map<String, Object> m = Json.object(o);
                t.row(Adoc.cell(r.label()), Adoc.cell(Json.str(m.get("model"))),
                        Json.num(m.get("injected"), 0) + " / " + Json.num(m.get("applied"), 0),
                        Json.num(m.get("detected"), 0) + " / " + Json.num(m.get("recovered"), 0) + outcomes(m),
                        Adoc.cell(Json.str(m.get("diagnosticCoveragePercent"))) + " %",
                        triple(m.get("detectionNs")) + bound(m), triple(m.get("recoveryNs")),
                        Json.num(m.get("criticalDeadlineMisses"), 0) + " ("
                                + Json.num(m.get("criticalDeadlineMissesFromQmFaults"), 0) + ")" + missClasses(m));
            }
        }
        return t.toString();
    }

    /**
     * The honest accounting of a model's row, when the report has it: contained and latent faults.
     *
     * [impl->dsn~manual.campaign-accounting~1]
     */
    private static String outcomes(Map<String, Object> m) {
        return m.containsKey("contained") ? " (" + Json.num(m.get("contained"), 0) + ", "
                + Json.num(m.get("latent"), 0) + ")" : "";
    }

    /** [impl->dsn~manual.campaign-accounting~1] */
    private static String bound(Map<String, Object> m) {
        return m.containsKey("detectionBoundNs")
                ? " (bound " + time(Json.num(m.get("detectionBoundNs"), -1)) + ")" : "";
    }

    /**
     * The own-fault misses (all, worst run, bound) and platform misses of a model's row.
     *
     * [impl->dsn~manual.campaign-accounting~1]
     */
    private static String missClasses(Map<String, Object> m) {
        if (!m.containsKey("ownFaultMisses")) {
            return "";
        }
        long bound = Json.num(m.get("ownFaultMissBound"), -1);
        return "; " + Json.num(m.get("ownFaultMisses"), 0) + ", " + Json.num(m.get("ownFaultMissesWorstRun"), 0)
                + " / " + (bound < 0 ? "-" : Long.toString(bound)) + "; " + Json.num(m.get("platformFaultMisses"), 0)
                + (Json.num(m.get("runsOverOwnFaultBound"), 0) > 0 ? " (*" + Json.num(m.get("runsOverOwnFaultBound"), 0)
                        + " runs over their bound*)" : "");
    }

    /** The safety-mechanism table: the design (mechanisms.tsv) beside what the campaigns measured. */
    static String mechanisms(List<Report> rs, String missing) throws IOException {
        Map<String, String[]> design = design();
        Map<String, List<long[]>> measured = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        for (Report r : rs) {
            measure(r, design, measured, counts);
        }
        StringBuilder b = new StringBuilder();
        if (rs.isEmpty()) {
            b.append(missing);
        }
        Adoc.Table t = new Adoc.Table("Safety mechanisms: design and measured performance (all targets)",
                "6,6,6,6,4,5,5", "Mechanism", "Fault addressed", "Detection time (design)", "Reaction",
                "Detections in the campaigns", "Measured detection, from the injection (min / median / max)",
                "Measured recovery (min / median / max)");
        boolean channels = rs.stream().anyMatch(Report::channel);
        for (Map.Entry<String, String[]> e : design.entrySet()) {
            String[] d = e.getValue();
            List<long[]> m = measured.getOrDefault(e.getKey(), List.of());
            boolean none = rs.isEmpty() || Coverage.channelOnly(d) && !channels;
            t.row(Adoc.cell(d[1]), Adoc.cell(d[2]), Adoc.cell(d[3]), Adoc.cell(d[4]),
                    none ? "*Evidence missing*" + (rs.isEmpty() ? "" : " (no channel-fault campaign report)")
                            : m.size() + (m.isEmpty() ? " (never the detecting mechanism)"
                            : " +\n" + Adoc.cell(models(counts.get(e.getKey())))),
                    none ? "-" : stats(m, 0), none ? "-" : stats(m, 1));
        }
        return b.append(t).toString();
    }

    /** The design rows of mechanisms.tsv, keyed by mechanism name, in file order. */
    static Map<String, String[]> design() throws IOException {
        Map<String, String[]> design = new LinkedHashMap<>();
        try (InputStream in = Campaigns.class.getResourceAsStream("mechanisms.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] c = line.split("\t");
                    design.put(c[0], c);
                }
            }
        }
        return design;
    }

    /** Adds one report's detected runs to the measured times and the per-target counts. */
    private static void measure(Report r, Map<String, String[]> design, Map<String, List<long[]>> measured,
            Map<String, Map<String, Integer>> counts) {
        for (Object o : Json.list(r.json().get("runs"))) {
            Map<String, Object> run = Json.object(o);
            if (!Boolean.TRUE.equals(run.get("detected"))) {
                continue;
            }
            String k = Coverage.key(Json.str(run.get("mechanism")));
            design.putIfAbsent(k, new String[] {k, k + " (no design entry in mechanisms.tsv)", "-", "-", "-", "-"});
            long recovery = Boolean.TRUE.equals(run.get("recovered")) ? Json.num(run.get("recoveryNs"), -1) : -1;
            measured.computeIfAbsent(k, x -> new ArrayList<>())
                    .add(new long[] {Json.num(run.get("detectionNs"), -1), recovery});
            counts.computeIfAbsent(k, x -> new LinkedHashMap<>()).merge(r.label(), 1, Integer::sum);
        }
    }

    private static String models(Map<String, Integer> byTargetModel) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Integer> e : byTargetModel.entrySet()) {
            parts.add(e.getKey() + " " + e.getValue());
        }
        return "(" + String.join(", ", parts) + ")";
    }

    static String stats(List<long[]> rows, int col) {
        List<Long> v = new ArrayList<>();
        for (long[] r : rows) {
            if (r[col] >= 0) {
                v.add(r[col]);
            }
        }
        if (v.isEmpty()) {
            return "-";
        }
        Collections.sort(v);
        return time(v.get(0)) + " / " + time(v.get((v.size() - 1) / 2)) + " / " + time(v.get(v.size() - 1));
    }

    /** Faults no mechanism detected, and QM faults that made a critical task miss: by target and model. */
    static String undetected(List<Report> rs, String missing) {
        if (rs.isEmpty()) {
            return missing;
        }
        Adoc.Table t = new Adoc.Table("Undetected faults and critical deadline misses caused by QM faults",
                "1,2,2,1,4", "Target", "Fault model", "Partition", "Runs",
                "Run indices (replay with `warden campaign --replay K`)");
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (Report r : rs) {
            for (Object o : Json.list(r.json().get("runs"))) {
                Map<String, Object> run = Json.object(o);
                boolean undetected = Boolean.TRUE.equals(run.get("applied"))
                        && !Boolean.TRUE.equals(run.get("detected"));
                boolean qmMiss = !Boolean.TRUE.equals(run.get("partitionCritical"))
                        && Json.num(run.get("criticalMisses"), 0) > 0;
                if (undetected || qmMiss) {
                    String k = r.label() + "\t" + Json.str(run.get("model"))
                            + (qmMiss ? " (critical miss)" : " (undetected)") + "\t" + Json.str(run.get("partition"));
                    rows.computeIfAbsent(k, x -> new ArrayList<>()).add(Json.str(run.get("index")));
                }
            }
        }
        if (rows.isEmpty()) {
            return "Every applied fault was detected, and no fault in a QM partition made a critical task miss "
                    + "a deadline.\n";
        }
        for (Map.Entry<String, List<String>> e : rows.entrySet()) {
            String[] k = e.getKey().split("\t");
            List<String> idx = e.getValue();
            String shown = String.join(", ", idx.subList(0, Math.min(12, idx.size())))
                    + (idx.size() > 12 ? ", …" : "");
            t.row(Adoc.cell(k[0]), Adoc.cell(k[1]), Adoc.cell(k[2]), Integer.toString(idx.size()), Adoc.cell(shown));
        }
        return t.toString();
    }

    static String charts(List<Report> rs, String missing) {
        if (rs.isEmpty()) {
            return missing;
        }
        StringBuilder b = new StringBuilder();
        for (Report r : rs) {
            String t = r.file();
            b.append(".Detection and recovery times on ").append(r.label()).append(" (from `campaign-").append(t)
                    .append(".svg`)\nimage::campaign-").append(t).append(".svg[Campaign chart ").append(t)
                    .append(",width=100%]\n\n");
        }
        return b.toString();
    }
}
