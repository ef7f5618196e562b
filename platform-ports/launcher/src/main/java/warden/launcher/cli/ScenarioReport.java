package warden.launcher.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import warden.launcher.campaign.ScenarioCampaign;
import warden.launcher.campaign.ScenarioRow;
import warden.launcher.report.Summary;
import warden.launcher.run.Targets;

/**
 * {@code warden campaign --scenarios [--target T] [--seed S] [--json F]}: runs the healing-scenario
 * campaign on the target's default system, prints one row per scenario with its figures and the
 * event that proves its outcome, writes the {@value ScenarioCampaign#SCHEMA} report, and exits 0
 * when every row had its expected outcome, 1 otherwise. The options of the random campaign that do
 * not apply are refused by name.
 *
 * [impl->dsn~campaign.scenarios-cli~1]
 */
final class ScenarioReport {
    /** Options of the random fault campaign that a scenario campaign does not take. */
    private static final List<String> NOT_WITH = List.of("--faults", "--for", "--shard", "--resume", "--threads",
            "--svg", "--merge", "--channel-faults", "--replay");

    private ScenarioReport() {
    }

    static int run(CommandLine.ParseResult parsed, Path file, String target, long seed, Path json,
            CommandLine.Model.CommandSpec spec) throws Exception {
        for (String o : NOT_WITH) {
            if (parsed.hasMatchedOption(o)) {
                throw new UsageError(o + " does not go with --scenarios (the scenarios are a fixed set of runs)");
            }
        }
        if (file != null) {
            throw new UsageError("--scenarios runs the target's default system: give no SYSTEM.yaml (" + file + ")");
        }
        String t = target == null ? "riscv" : target;
        if (Targets.get(t) == null) {
            throw new UsageError("--target: " + Targets.whyNot(t));
        }
        OutputFiles.checkAll("--json", json);
        ScenarioCampaign c = new ScenarioCampaign(t, seed);
        List<ScenarioRow> rows = c.run();
        print(rows, t, seed, spec.commandLine().getOut());
        OutputFiles.write(json, c.json(rows), "--json");
        return ScenarioCampaign.failed(rows) == 0 ? WardenCli.EXIT_OK : WardenCli.EXIT_CHECK_FAILED;
    }

    private static void print(List<ScenarioRow> rows, String target, long seed, PrintWriter out) {
        out.printf("Healing scenarios: default-system.yaml on %s, seed %d, %d runs (virtual times)%n%n", target, seed,
                rows.size());
        out.printf("  %-30s %-7s %-12s %-12s %-7s %-24s %-22s %s%n", "scenario", "verdict", "detect", "recover",
                "written", "restore: pages, time", "snapshot: pages, time", "misses own/other crit.");
        for (ScenarioRow r : rows) {
            out.printf("  %-30s %-7s %-12s %-12s %-7s %-24s %-22s %d / %d%n", r.scenario(),
                    r.passed() ? "pass" : "FAIL",
                    time(r.detectNs()), time(r.recoverNs()), r.pagesWritten(),
                    pair(r.restorePages(), r.restoreNs()), pair(r.snapshotPages(), r.snapshotNs()), r.ownMisses(),
                    r.otherCriticalMisses());
            out.printf("      expected: %s; observed: %s; further failures of %s: %d; timer faults: %d%n"
                    + "      proof: %s%n      how: %s%n", r.expected(), r.observed(), r.partition(),
                    r.furtherFailures(), r.timerFaults(), r.proof(), r.note());
        }
        long failed = ScenarioCampaign.failed(rows);
        out.printf("%nRows with their expected outcome and no miss of another critical partition: %d of %d%n",
                rows.size() - failed, rows.size());
        out.flush();
    }

    private static String pair(long pages, long ns) {
        return pages < 0 ? "-" : pages + ", " + time(ns);
    }

    private static String time(long ns) {
        return ns < 0 ? "-" : Summary.time(ns);
    }
}
