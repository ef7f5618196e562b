package warden.manual;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The measured diagnostic coverage per safety mechanism, from the runs of this build's campaign
 * reports alone: for each mechanism of {@code mechanisms.tsv} and each target, the faults of the
 * fault models it is designed to detect that were injected, those it detected within the model's
 * bound, and detected / injected with the ISO 26262-5:2018 Annex D class that figure reaches, and
 * the class its one-sided 95 % lower confidence bound (Clopper-Pearson) reaches; the same restricted
 * to faults in a critical partition; and the FMEA's mechanisms that no campaign exercises, with
 * the verification that covers them instead. A run counts as detected by a mechanism only when the
 * report says it was detected, names that mechanism, and (when the run carries its bound) its
 * detection time is within the bound; every other run of the mechanism's models counts against it.
 *
 * [impl->dsn~manual.diagnostic-coverage~1]
 */
final class Coverage {
    static final String SOURCE = "Coverage classes of ISO 26262-5:2018 Annex D (Table D.1): low at least 60 %, "
            + "medium at least 90 %, high at least 99 %.";
    private static final Pattern ITEM = Pattern.compile("dsn~[^~\\s,)]+~\\d+");
    private static final String CHANNEL = "channel-";

    private Coverage() {
    }

    /** @return the mechanism key of a run's mechanism: "e2e-verdict" is e2e, "+health-monitor" is dropped. */
    static String key(String runMechanism) {
        String k = runMechanism == null ? "" : runMechanism;
        k = k.endsWith("+health-monitor") ? k.substring(0, k.length() - "+health-monitor".length()) : k;
        return k.startsWith("e2e-") ? "e2e" : k;
    }

    /** @return the fault models a design row of mechanisms.tsv names (none for "-" or a row without them). */
    static List<String> models(String[] design) {
        List<String> out = new ArrayList<>();
        if (design.length > 5) {
            for (String m : design[5].split(",")) {
                if (!m.isBlank() && !m.strip().equals("-")) {
                    out.add(m.strip());
                }
            }
        }
        return out;
    }

    /** @return whether every fault model of the design row is a channel fault model (and it has some). */
    static boolean channelOnly(String[] design) {
        List<String> m = models(design);
        return !m.isEmpty() && m.stream().allMatch(x -> x.startsWith(CHANNEL));
    }

    /** What one mechanism's models did on one target. */
    private static final class Tally {
        final Map<String, Integer> injected = new LinkedHashMap<>();
        int detected;
        int byOther;
        int notApplied;
        int overBound;
        int undetected;

        int injectedAll() {
            return injected.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /**
     * The two tables (all faults; faults in a critical partition) and the list of mechanisms that no
     * fault model exercises.
     *
     * @param rs       the usable reports, partition and channel campaigns
     * @param targets  the targets the build was to run campaigns on
     * @param analysis the software safety analysis (for the FMEA's mechanisms and their evidence), or null
     */
    static String tables(List<Campaigns.Report> rs, List<String> targets, AnalysisFile analysis)
            throws IOException {
        return tables(rs, targets, targets, analysis);
    }

    /**
     * @param channelTargets the targets the build was to run channel-fault campaigns on (those whose
     *     default system has channels); the channel mechanisms get rows for these only
     */
    static String tables(List<Campaigns.Report> rs, List<String> targets, List<String> channelTargets,
            AnalysisFile analysis) throws IOException {
        Map<String, String[]> design = Campaigns.design();
        StringBuilder b = new StringBuilder();
        b.append("Measured diagnostic coverage (DC) = faults detected by the mechanism within the model's detection "
                + "bound / faults of the models it is designed to detect that were injected. A fault that was not "
                + "applied, detected by another mechanism, detected after its bound or not at all counts against it. ")
                .append(SOURCE).append(" Annex D's figures weigh failure rates of hardware parts; these are shares of "
                + "the campaign's injected faults of each model (drawn uniformly over the models, partitions and "
                + "times of the campaign), so they estimate a mechanism's coverage of the injected fault models "
                + "only. The lower bound is the one-sided 95 % Clopper-Pearson bound of the measured share: with "
                + "few faults even a measured 100 % does not support the high class.\n\n");
        if (rs.stream().noneMatch(Campaigns.Report::channel)) {
            b.append("*Evidence missing:* no channel-fault campaign report in this build, so the channel mechanisms "
                    + "are not measured here. ").append(CampaignFiles.HOW_CHANNEL).append("\n\n");
        }
        if (!channelTargets.containsAll(targets)) {
            b.append("The channel mechanisms are measured on ").append(String.join(", ", channelTargets))
                    .append(" only: the default system has no channels on the other targets.\n\n");
        }
        b.append(table(rs, targets, channelTargets, design, false)).append('\n');
        b.append(table(rs, targets, channelTargets, design, true)).append('\n');
        b.append(unmeasured(design, analysis));
        return b.toString();
    }

    private static String table(List<Campaigns.Report> rs, List<String> targets, List<String> channelTargets,
            Map<String, String[]> design, boolean critical) {
        Adoc.Table t = new Adoc.Table(critical ? "Measured diagnostic coverage per safety mechanism: faults in a "
                + "critical (ASIL) partition only" : "Measured diagnostic coverage per safety mechanism: all faults",
                "6,2,6,2,2,4,2,3,3", "Mechanism", "Target", "Fault models (injected)", "Injected",
                "Detected by it within the bound", "Not detected by it: by another mechanism, not applied, after "
                        + "the bound, not at all", "DC", "Class (ISO 26262-5 Annex D)", "95 % lower bound, its class");
        Set<String> keys = new LinkedHashSet<>(design.keySet());
        for (Campaigns.Report r : rs) {
            for (Map<String, Object> run : runs(r)) {
                if (Boolean.TRUE.equals(run.get("detected"))) {
                    keys.add(key(Json.str(run.get("mechanism"))));
                }
            }
        }
        for (String k : keys) {
            String[] d = design.getOrDefault(k, new String[] {k, k + " (no design entry in mechanisms.tsv)"});
            List<String> models = models(d);
            if (models.isEmpty() && design.containsKey(k)) {
                continue; // no fault model exercises it: listed below with its verification
            }
            for (String target : channelOnly(d) ? channelTargets : targets) {
                row(t, d, k, report(rs, target, channelOnly(d)), target, critical);
            }
        }
        return t.toString();
    }

    /** Adds the row of mechanism {@code k} on {@code target}, from its report (null: none in this build). */
    private static void row(Adoc.Table t, String[] d, String k, Campaigns.Report r, String target, boolean critical) {
        List<String> models = models(d);
        if (r == null) {
            t.row(Adoc.cell(d[1]), Adoc.cell(target), Adoc.cell(String.join(", ", models)), "*Evidence missing*",
                    "-", "No " + (channelOnly(d) ? "channel-fault" : "fault") + " campaign report for this target in "
                            + "this build (see the evidence-status table)", "-", "-", "-");
            return;
        }
        Tally y = tally(r, k, models, critical);
        int n = y.injectedAll();
        t.row(Adoc.cell(d[1]), Adoc.cell(target), Adoc.cell(perModel(y, models)), Integer.toString(n),
                Integer.toString(y.detected), y.byOther + ", " + y.notApplied + ", " + y.overBound + ", "
                        + y.undetected, n == 0 ? "-" : percent(y.detected, n),
                n == 0 ? (critical ? "not measured: no fault of its models hit a critical partition"
                        : "not measured: none of its models was injected") : dcClass(y.detected * 1000L / n),
                n == 0 ? "-" : lowerBound(y.detected, n));
    }

    private static Campaigns.Report report(List<Campaigns.Report> rs, String target, boolean channel) {
        for (Campaigns.Report r : rs) {
            if (r.target().equals(target) && r.channel() == channel) {
                return r;
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> runs(Campaigns.Report r) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object o : Json.list(r.json().get("runs"))) {
            out.add(Json.object(o));
        }
        return out;
    }

    private static Tally tally(Campaigns.Report r, String k, List<String> models, boolean critical) {
        Tally y = new Tally();
        for (String m : models) {
            y.injected.put(m, 0);
        }
        for (Map<String, Object> run : runs(r)) { // a model it detected though not designed for counts whole
            if (Boolean.TRUE.equals(run.get("detected")) && k.equals(key(Json.str(run.get("mechanism"))))) {
                y.injected.putIfAbsent(Json.str(run.get("model")), 0);
            }
        }
        for (Map<String, Object> run : runs(r)) {
            String model = Json.str(run.get("model"));
            if (!y.injected.containsKey(model)) {
                continue;
            }
            if (critical && !Boolean.TRUE.equals(run.get("partitionCritical"))) {
                continue;
            }
            y.injected.merge(model, 1, Integer::sum);
            boolean detected = Boolean.TRUE.equals(run.get("detected"));
            long bound = Json.num(run.get("detectionBoundNs"), -1);
            long at = Json.num(run.get("detectionNs"), -1);
            if (!Boolean.TRUE.equals(run.get("applied"))) {
                y.notApplied++;
            } else if (!detected) {
                y.undetected++;
            } else if (!k.equals(key(Json.str(run.get("mechanism"))))) {
                y.byOther++;
            } else if (at < 0 || bound >= 0 && at > bound) {
                y.overBound++;
            } else {
                y.detected++;
            }
        }
        return y;
    }

    private static String perModel(Tally y, List<String> declared) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Integer> e : y.injected.entrySet()) {
            String note = declared.contains(e.getKey()) ? "" : " (not designed for it)";
            parts.add(e.getKey() + " " + e.getValue() + note);
        }
        return String.join(", ", parts);
    }

    /** @return detected / injected in percent, rounded down to 0.1 % so that it never reads higher than measured. */
    static String percent(long detected, long injected) {
        long p = detected * 1000 / injected;
        return p / 10 + "." + p % 10 + " %";
    }

    /** @return the Annex D class that a coverage of {@code permille} tenths of a percent reaches. */
    static String dcClass(long permille) {
        return permille >= 990 ? "high" : permille >= 900 ? "medium" : permille >= 600 ? "low" : "below low";
    }

    /** @return the one-sided 95 % Clopper-Pearson lower bound of detected / injected, and its class. */
    static String lowerBound(int detected, int injected) {
        double p = clopperPearsonLower(detected, injected, 0.05);
        long permille = (long) Math.floor(p * 1000);
        return String.format(Locale.ROOT, "%d.%d %%, %s", permille / 10, permille % 10, dcClass(permille));
    }

    /**
     * @return the p for which P(X >= x) = alpha with X ~ Binomial(n, p): the one-sided lower bound of
     *     the share x / n at confidence 1 - alpha (0 when x is 0), by bisection
     */
    static double clopperPearsonLower(int x, int n, double alpha) {
        if (x <= 0) {
            return 0;
        }
        double lo = 0;
        double hi = (double) x / n;
        for (int i = 0; i < 60; i++) {
            double mid = (lo + hi) / 2;
            if (upperTail(x, n, mid) < alpha) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** @return P(X >= x) for X ~ Binomial(n, p). */
    private static double upperTail(int x, int n, double p) {
        double sum = 0;
        for (int k = x; k <= n; k++) {
            sum += Math.exp(logChoose(n, k) + k * Math.log(p) + (n - k) * Math.log1p(-p));
        }
        return sum;
    }

    private static double logChoose(int n, int k) {
        double s = 0;
        for (int i = 1; i <= k; i++) {
            s += Math.log(n - k + i) - Math.log(i);
        }
        return s;
    }

    /**
     * The mechanisms no fault model exercises: the rows of mechanisms.tsv without fault models, and
     * every mechanism of the FMEA that is none of mechanisms.tsv's and whose rows cite no campaign
     * mechanism, each with the FMEA rows and the tests and items their evidence names.
     */
    static String unmeasured(Map<String, String[]> design, AnalysisFile analysis) {
        Map<String, Set<String>> covered = new LinkedHashMap<>(); // FMEA item -> campaign keys
        Map<String, List<String>> unexercised = new LinkedHashMap<>(); // mechanism text -> its items
        for (String[] d : design.values()) {
            Matcher m = ITEM.matcher(d[1]);
            List<String> items = new ArrayList<>();
            while (m.find()) {
                items.add(m.group());
                if (!models(d).isEmpty()) {
                    covered.computeIfAbsent(m.group(), x -> new TreeSet<>()).add(d[0]);
                }
            }
            if (models(d).isEmpty()) {
                unexercised.put(d[1], items);
            }
        }
        Map<String, List<AnalysisFile.Row>> fmea = fmea(design, analysis, covered);
        Adoc.Table t = new Adoc.Table("Safety mechanisms not measured by fault injection, and what verifies them "
                + "instead", "5,2,7", "Mechanism", "FMEA rows", "Verification instead (tests and items the FMEA "
                        + "rows name)");
        Set<String> listed = new TreeSet<>();
        for (Map.Entry<String, List<String>> e : unexercised.entrySet()) {
            List<AnalysisFile.Row> rows = new ArrayList<>();
            for (String item : e.getValue()) {
                rows.addAll(fmea.getOrDefault(item, List.of()));
                listed.add(item);
            }
            t.row(Adoc.cell(e.getKey()) + " +\n_No fault model of the campaigns injects what it detects._",
                    Adoc.cell(ids(rows)), verification(rows));
        }
        for (Map.Entry<String, List<AnalysisFile.Row>> e : fmea.entrySet()) {
            if (!covered.containsKey(e.getKey()) && !listed.contains(e.getKey())) {
                t.row(Adoc.code(e.getKey()), Adoc.cell(ids(e.getValue())), verification(e.getValue()));
            }
        }
        String none = analysis == null ? "*Evidence missing:* the software safety analysis (" + AnalysisFile.PATH
                + ") could not be read, so the FMEA's mechanisms are not listed here.\n\n" : "";
        return none + t;
    }

    /**
     * @return the FMEA's rows by mechanism; adds to {@code covered} the mechanisms whose rows cite a
     *     campaign mechanism that some fault model exercises
     */
    private static Map<String, List<AnalysisFile.Row>> fmea(Map<String, String[]> design, AnalysisFile analysis,
            Map<String, Set<String>> covered) {
        Map<String, List<AnalysisFile.Row>> fmea = new LinkedHashMap<>();
        if (analysis == null) {
            return fmea;
        }
        for (AnalysisFile.Row r : analysis.rows(AnalysisFile.FMEA, 0)) {
            fmea.computeIfAbsent(r.cell(1), x -> new ArrayList<>()).add(r);
            for (String ref : AnalysisFile.refs(r.cell(6))) {
                String k = ref.startsWith("campaign:") ? ref.substring("campaign:".length()) : null;
                if (k != null && !models(design.getOrDefault(k, new String[0])).isEmpty()) {
                    covered.computeIfAbsent(r.cell(1), x -> new TreeSet<>()).add(k);
                }
            }
        }
        return fmea;
    }

    private static String ids(List<AnalysisFile.Row> rows) {
        List<String> ids = new ArrayList<>();
        for (AnalysisFile.Row r : rows) {
            ids.add(r.cell(0));
        }
        return ids.isEmpty() ? "-" : String.join(", ", ids);
    }

    private static String verification(List<AnalysisFile.Row> rows) {
        Set<String> refs = new LinkedHashSet<>();
        for (AnalysisFile.Row r : rows) {
            for (String ref : AnalysisFile.refs(r.cell(6))) {
                if (!ref.startsWith("campaign:")) {
                    refs.add(ref);
                }
            }
        }
        if (refs.isEmpty()) {
            return "*None named in the FMEA*";
        }
        List<String> out = new ArrayList<>();
        for (String ref : refs) {
            out.add(Adoc.code(ref.contains("#") ? ref.substring(ref.lastIndexOf('.', ref.indexOf('#')) + 1) : ref));
        }
        return String.join(", ", out);
    }
}
