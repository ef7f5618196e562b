package warden.manual;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns this build's evidence files into the AsciiDoc includes of the safety manual:
 * {@code Generate --root REPO --out DIR [--evidence DIR] [--trace DIR] [--version V] [--maven V]
 * [--faults N] [--seed S] [--targets a,b]}. It reads files only: the other modules' reports under
 * the repository, the campaign and default-system files of {@code --evidence} (default
 * {@value CampaignFiles#DIR}) and the trace engine's output in {@code --trace} (default
 * {@value TraceEvidence#DIR}); {@code --faults}, {@code --seed} and {@code --targets} say which
 * campaign reports this build must have. Missing or malformed evidence never fails the build: it is
 * stated in the chapter that needed it, in the evidence-status table, and on standard output (a
 * malformed file also on standard error, with what is wrong). Exit 2 only on bad arguments or an
 * output directory it cannot write; exit 1, after writing every include, when a hand-written source
 * of the manual is wrong (the software safety analysis, {@link SafetyAnalysis}), each finding on
 * standard error as {@code file:line: message}.
 *
 * [impl->dsn~manual.generate~1]
 */
public final class Generate {
    private Generate() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("generate: " + e.getMessage());
            System.exit(2);
            return;
        }
        long start = System.nanoTime();
        Evidence ev;
        try {
            ev = run(o);
        } catch (IOException | UncheckedIOException e) {
            System.err.println("generate: cannot write the includes to " + o.get("out") + ": " + e.getMessage());
            System.exit(2);
            return;
        }
        for (String e : ev.errors()) {
            System.err.println(e);
        }
        List<Evidence.Entry> missing = ev.missing();
        System.out.printf("safety manual: includes written to %s in %.1f s; %d evidence item(s) missing%n",
                ev.out(), (System.nanoTime() - start) / 1e9, missing.size());
        for (Evidence.Entry e : missing) {
            System.out.println("  Evidence missing: " + e.what() + " (" + e.where() + ": " + e.figure() + ")");
        }
        if (!ev.errors().isEmpty()) {
            System.err.println("generate: " + ev.errors().size() + " finding(s) in the manual's sources (above)");
            System.exit(1);
        }
    }

    /** Writes every include; returns the evidence it found and missed. */
    static Evidence run(Map<String, String> o) throws IOException {
        Path root = Path.of(o.get("root")).toAbsolutePath().normalize();
        Evidence ev = new Evidence(root, Path.of(o.get("out")).toAbsolutePath().normalize());
        String version = o.getOrDefault("version", Identification.UNKNOWN);
        String maven = o.getOrDefault("maven", Identification.UNKNOWN);
        Poms poms = Poms.read(root);

        ev.write("attributes.adoc", Identification.attributes(root));
        ev.write("identification.adoc", Identification.table(root, version, maven, poms.properties,
                Identification.launchLine(root)));
        Path evidence = path(root, o, "evidence", CampaignFiles.DIR);
        ev.write("default-system.adoc", SystemPolicy.include(ev, evidence.resolve(SystemPolicy.FILE)));
        ev.write("jvm-options.adoc", jvmOptions(root, poms));

        List<SpecFile.Item> items = writeSpec(ev, root);
        writeCampaigns(ev, o, evidence);
        writeScenarios(ev, o, evidence);

        ev.write("surefire.adoc", Verification.surefire(ev));
        ev.write("jacoco.adoc", Verification.jacoco(ev));
        ev.write("pit.adoc", Verification.pit(ev));
        Path trace = path(root, o, "trace", TraceEvidence.DIR);
        TraceEvidence.write(ev, ev.where(trace) + "/");
        SafetyAnalysis.write(ev, items, SafetyAnalysis.asil(trace.resolve("trace.json")));
        RestrictedJava.write(ev);

        ev.write("compliance.adoc", Matrices.compliance(ev));
        ev.write("tools.adoc", Matrices.tools(ev, poms, maven, version));
        ev.write("evidence-status.adoc", ev.statusTable());
        ev.write("missing-summary.adoc", missingSummary(ev));
        return ev;
    }

    /** The tables drawn from the spec items: hazards, goals, requirements, assumptions, anomalies. */
    private static List<SpecFile.Item> writeSpec(Evidence ev, Path root) throws IOException {
        List<SpecFile.Item> items = SpecFile.readAll(root.resolve("requirements"));
        ev.record("spec", "Spec items (requirements/*.md)", "requirements/", !items.isEmpty(), items.size() + " items");
        SpecTables spec = new SpecTables(items);
        ev.write("hazards.adoc", spec.hazards());
        ev.write("safety-goals.adoc", spec.safetyGoals());
        ev.write("safety-requirements.adoc", spec.safetyRequirements());
        ev.write("assumptions.adoc", spec.assumptions());
        ev.write("config-checks.adoc", spec.configChecks());
        ev.write("health-design.adoc", spec.healthDesign());
        ev.write("anomalies.adoc", spec.anomalies());
        return items;
    }

    /** The campaign tables and charts, from the campaign reports in the evidence directory. */
    private static void writeCampaigns(Evidence ev, Map<String, String> o, Path evidence) throws IOException {
        int faults = Integer.parseInt(o.getOrDefault("faults", "300"));
        long seed = Long.parseLong(o.getOrDefault("seed", "26262"));
        List<String> targets = Arrays.asList(o.getOrDefault("targets", "riscv,arm,x86").split(","));
        List<Campaigns.Report> reports = new ArrayList<>(CampaignFiles.read(ev, evidence, targets, faults, seed));
        List<String> channelTargets = Arrays.asList(o.getOrDefault("channel-targets", "riscv,arm").split(","));
        reports.addAll(CampaignFiles.read(ev, evidence, channelTargets, faults, seed, true));
        ev.write("coverage.adoc", Coverage.tables(reports, targets, channelTargets, analysis(ev.root())));
        String noCampaign = reports.isEmpty() ? Adoc.missing("fault campaign", ev.where(evidence) + "/campaign-*.json",
                faults <= 0 ? "The campaign was skipped (`-Dmanual.campaign.faults=0`)."
                        : CampaignFiles.HOW + " See the evidence-status table for what is wrong.") : "";
        ev.write("campaign-parameters.adoc", Campaigns.parameters(reports, noCampaign));
        ev.write("campaign-models.adoc", Campaigns.models(reports, noCampaign));
        ev.write("mechanisms.adoc", Campaigns.mechanisms(reports, noCampaign));
        ev.write("campaign-undetected.adoc", Campaigns.undetected(reports, noCampaign));
        ev.write("campaign-charts.adoc", Campaigns.charts(reports, noCampaign));
    }

    /** The healing-scenario tables and the figures the prose on restore points and update cites. */
    private static void writeScenarios(Evidence ev, Map<String, String> o, Path evidence) throws IOException {
        long seed = Long.parseLong(o.getOrDefault("seed", "26262"));
        List<String> targets = Arrays.asList(o.getOrDefault("targets", "riscv,arm,x86").split(","));
        List<Scenarios.Report> reports = ScenarioFiles.read(ev, evidence, targets, seed);
        String none = reports.isEmpty() ? Adoc.missing("healing scenarios (the scenarios were not run in this build)",
                ev.where(evidence) + "/scenarios-*.json", ScenarioFiles.HOW
                        + " See the evidence-status table for what is wrong.") : "";
        ev.write("scenarios.adoc", Scenarios.tables(reports, none));
        ev.write("scenario-figures.adoc", Scenarios.figures(reports, none));
    }

    /** @return the software safety analysis for the coverage tables' FMEA mechanisms, or null when unreadable. */
    private static AnalysisFile analysis(Path root) {
        Path f = root.resolve(AnalysisFile.PATH);
        try {
            return Files.isRegularFile(f) ? AnalysisFile.parse(AnalysisFile.PATH,
                    List.of(Files.readString(f, StandardCharsets.UTF_8).split("\n", -1))) : null;
        } catch (IOException e) {
            return null;
        }
    }

    static String missingSummary(Evidence ev) {
        List<Evidence.Entry> m = ev.missing();
        if (m.isEmpty()) {
            return "Every piece of evidence this manual draws on was present in this build.\n";
        }
        StringBuilder b = new StringBuilder("[WARNING]\n.Evidence missing in this build\n====\nThe following "
                + "evidence was not found; the chapters that need it say so where it would appear.\n\n");
        for (Evidence.Entry e : m) {
            b.append("* *Evidence missing:* ").append(Adoc.cell(e.what())).append(" (").append(Adoc.code(e.where()))
                    .append(": ").append(Adoc.cell(e.figure())).append(")\n");
        }
        return b.append("====\n").toString();
    }

    /** @return the directory option {@code key}, or {@code otherwise} under the repository. */
    private static Path path(Path root, Map<String, String> o, String key, String otherwise) {
        return o.containsKey(key) ? Path.of(o.get(key)).toAbsolutePath().normalize() : root.resolve(otherwise);
    }

    static String jvmOptions(Path root, Poms poms) {
        Adoc.Table t = new Adoc.Table("JVM options used by this build's launch and verification", "2,4,3", "Where",
                "Options", "Purpose");
        t.row(Adoc.code("warden"), Adoc.code(Identification.launchLine(root)), "The CLI as integrators run it");
        for (Map.Entry<String, List<String>> e : poms.argLines.entrySet()) {
            for (String a : e.getValue()) {
                String purpose = a.contains("Epsilon")
                        ? "Soak run: no collector, bounded heap (allocation-free mission)"
                        : a.contains("-Xint") ? "Allocation proof in the interpreter (no JIT escape analysis)"
                        : a.contains("-Xss") ? "Fault campaign for this manual (thread stacks as `warden` has them)"
                        : "Test execution";
                t.row(Adoc.code(e.getKey()), Adoc.code(a), purpose);
            }
        }
        return t.toString();
    }

    /** Command-line options: {@code --key value} pairs. */
    static final class Options {
        private static final List<String> KEYS = List.of("root", "out", "evidence", "trace", "version", "maven",
                "faults", "seed", "targets", "channel-targets");

        private Options() {
        }

        static Map<String, String> parse(String[] args) {
            Map<String, String> m = new HashMap<>();
            for (int i = 0; i < args.length; i += 2) {
                String k = args[i].startsWith("--") ? args[i].substring(2) : "";
                if (!KEYS.contains(k) || i + 1 >= args.length) {
                    throw new IllegalArgumentException("usage: Generate --root DIR --out DIR [--evidence DIR] "
                            + "[--trace DIR] [--version V] [--maven V] [--faults N] [--seed S] [--targets a,b] "
                            + "[--channel-targets a,b]; "
                            + "bad argument " + args[i]);
                }
                m.put(k, args[i + 1]);
            }
            if (!m.containsKey("root") || !m.containsKey("out")) {
                throw new IllegalArgumentException("--root and --out are required");
            }
            for (Map.Entry<String, String> e : m.entrySet()) {
                if (e.getValue().isBlank()) {
                    throw new IllegalArgumentException("empty value of --" + e.getKey());
                }
            }
            number(m, "faults");
            number(m, "seed");
            return m;
        }

        private static void number(Map<String, String> m, String key) {
            try {
                if ("faults".equals(key)) {
                    Integer.parseInt(m.getOrDefault(key, "0"));
                } else {
                    Long.parseLong(m.getOrDefault(key, "0"));
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + key + " must be an integer, not " + m.get(key));
            }
        }
    }
}
