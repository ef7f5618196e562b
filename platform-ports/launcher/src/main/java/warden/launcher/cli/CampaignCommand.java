package warden.launcher.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import warden.launcher.campaign.Campaign;
import warden.launcher.campaign.CampaignAccounting;
import warden.launcher.campaign.CampaignChart;
import warden.launcher.campaign.CampaignJson;
import warden.launcher.campaign.CampaignSummary;
import warden.launcher.campaign.RunOutcome;
import warden.launcher.report.Summary;

/**
 * {@code warden campaign}: fault injection. N runs of a system, each with one fault, summarised
 * per fault model; shards run on separate machines and merge.
 *
 * [impl->dsn~campaign.cli~1]
 */
@Command(usageHelpWidth = 100, name = "campaign", mixinStandardHelpOptions = true,
        versionProvider = WardenCli.Version.class,
        description = {"Inject faults: N runs of a system, each with one fault, and what the monitor did.", "",
            "Fault models: hang, crash (a jump outside its memory), fault-storm (64 denied accesses),",
            "isolation-violation (one write into another partition), deadline-overrun (one job runs",
            "its period plus its WCET, RTOS only), memory-corruption (a bit of its own RAM flips),",
            "interrupt-storm (its device raises its line every 2 us for 20 ms; QM partitions only),",
            "context-bit-flip (a bit of one of its saved CPU contexts flips in the monitor's memory),",
            "timer-stop (the timer comparator of its home core loses its deadline: a platform fault).",
            "Each run draws a model, a partition it applies to and a time between 10 and 60 ms from the campaign seed",
            "and the run's index, so run k can be replayed alone with --replay k.", "",
            "Per model it prints injected, detected, recovered, detection and recovery time",
            "(min/median/max, virtual) and critical deadline misses, then every undetected fault",
            "with its index and seed."},
        footer = {"", "Shards: run '--shard 0/4' ... '--shard 3/4' anywhere with the same seed, then",
            "'warden campaign --merge a.json b.json c.json d.json --json all.json'.",
            "Exit codes: 0 done, 1 a critical deadline was missed because of a fault in a QM partition, 2 bad input,",
            "3 internal error."})
final class CampaignCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "SYSTEM.yaml",
            description = "System description (default: built-in).")
    Path file;

    @Option(names = "--target", paramLabel = "NAME", description = "Emulated target (default: the file's, else riscv).")
    String target;

    @Option(names = "--faults", paramLabel = "N", defaultValue = "1000",
            description = "Runs, one fault each (default: ${DEFAULT-VALUE}).")
    int faults;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Campaign seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--for", paramLabel = "DURATION", defaultValue = "300ms",
            description = "Virtual time per run (default: ${DEFAULT-VALUE}).")
    String duration;

    @Option(names = "--shard", paramLabel = "I/N", description = "Run only runs k with k mod N = I.")
    String shard;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: the machine's cores).")
    Integer threads;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the campaign report (warden.campaign/1).")
    Path json;

    @Option(names = "--svg", paramLabel = "FILE", description = "Write a chart of detection and recovery times.")
    Path svg;

    @Option(names = "--merge", paramLabel = "FILE", arity = "1..*",
            description = "Merge shard reports instead of running.")
    List<Path> merge;

    @Option(names = "--replay", paramLabel = "K", description = "Run campaign run K alone and print what happened.")
    Integer replay;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintStream err = WriterStream.printStream(spec.commandLine().getErr());
        OutputFiles.checkAll("--json", json, "--svg", svg);
        if (merge != null) {
            return merged(err);
        }
        long runNs = Durations.require("--for", duration);
        if (faults < 1 || faults > 10_000_000) {
            throw new UsageError("--faults must be 1..10000000");
        }
        int[] sh = shard();
        int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (workers < 1 || workers > 64) {
            throw new UsageError("--threads must be 1..64");
        }
        Loaded l = Loaded.load(file, target, err);
        if (l == null) {
            return WardenCli.EXIT_BAD_INPUT;
        }
        Campaign c = new Campaign(l.description, l.target, seed, runNs);
        if (replay != null) {
            return replayed(c);
        }
        List<RunOutcome> runs = c.run(faults, sh[0], sh[1], workers, err);
        return report(l.description.source(), l.target.description().target(), runNs, runs);
    }

    private int replayed(Campaign c) throws Exception {
        if (replay < 0 || replay >= faults) {
            throw new UsageError("--replay must be 0.." + (faults - 1));
        }
        Campaign.Replayed rp = c.replay(replay);
        RunOutcome o = rp.outcome();
        PrintStream out = WriterStream.printStream(spec.commandLine().getOut());
        Summary.print(rp.result(), out);
        out.printf("%nReplay of run %d (seed %d): %s injected into %s at %s%s%n", o.index(), o.seed(), o.model(),
                o.partition(), Summary.time(o.injectNs()), o.applied() ? "" : " (did not apply)");
        out.printf("  detected:  %s%n", o.detected() ? "yes, by " + o.mechanism() + " after "
                + Summary.time(o.detectionNs()) : "no");
        out.printf("  recovered: %s%n", o.recovered() ? "yes, " + Summary.time(o.recoveryNs())
                + " after detection" : "no");
        out.printf("  outcome:   %s%s (detection bound %s)%n", o.outcome(), o.detail() == null ? "" : ", " + o.detail(),
                Summary.time(o.detectionBoundNs()));
        out.printf("  critical deadline misses: %d (own fault %d of at most %d, interference %d, platform %d)%n",
                o.criticalMisses(), o.ownMisses(), Math.max(0, o.ownMissBound()), o.interferenceMisses(),
                o.platformMisses());
        out.flush();
        return WardenCli.EXIT_OK;
    }

    private int[] shard() throws UsageError {
        if (shard == null) {
            return new int[] {0, 1};
        }
        String[] parts = shard.split("/");
        try {
            int i = Integer.parseInt(parts[0]);
            int n = Integer.parseInt(parts[1]);
            if (parts.length == 2 && n >= 1 && n <= 10_000 && i >= 0 && i < n) {
                return new int[] {i, n};
            }
        } catch (RuntimeException e) {
            // reported below
        }
        throw new UsageError("--shard: '" + shard + "' is not I/N with 0 <= I < N (e.g. 0/4)");
    }

    private int merged(PrintStream err) throws UsageError {
        List<RunOutcome> runs = new ArrayList<>();
        String source = null;
        String tgt = null;
        long runNs = 0;
        for (Path p : merge) {
            try {
                String text = Files.readString(p, StandardCharsets.UTF_8);
                runs.addAll(CampaignJson.readRuns(text, p.toString()));
                source = CampaignJson.headerText(text, p.toString(), "source");
                tgt = CampaignJson.headerText(text, p.toString(), "target");
                runNs = CampaignJson.header(text, p.toString(), "runNs");
            } catch (IOException e) {
                throw new UsageError("--merge: cannot read " + p + ": " + e.getMessage());
            } catch (IllegalArgumentException e) {
                throw new UsageError("--merge: " + e.getMessage());
            }
        }
        runs.sort((a, b) -> Integer.compare(a.index(), b.index()));
        return report(source, tgt, runNs, runs);
    }

    private int report(String source, String tgt, long runNs, List<RunOutcome> runs) throws UsageError {
        CampaignSummary s = new CampaignSummary(runs);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Campaign: %s on %s, seed %d, %d runs of %s%n%n", source, tgt, seed, runs.size(),
                Summary.time(runNs));
        out.printf("  %-20s %8s %8s %8s %9s %8s  %-32s %-32s %s%n", "fault model", "injected", "applied", "detected",
                "recovered", "DC", "detection min/median/max", "recovery min/median/max", "crit. misses");
        long qmMisses = 0;
        for (CampaignSummary.ModelRow r : s.rows()) {
            out.printf("  %-20s %8d %8d %8d %9d %7.1f%%  %-32s %-32s %d%n", r.model(), r.injected(), r.applied(),
                    r.detected(), r.recovered(), r.coverage() * 100, triple(r.detection()), triple(r.recovery()),
                    r.criticalMisses());
            qmMisses += r.criticalMissesFromQmFaults();
        }
        out.printf("%nDetections by mechanism: %s%n", s.detectionsByMechanism());
        out.printf("Undetected faults: %d%s%n", s.undetected().size(), s.undetected().isEmpty() ? ""
                : " (replay with --replay K):");
        int shown = 0;
        for (RunOutcome o : s.undetected()) {
            if (shown++ < 20) {
                out.printf("  run %d seed %d: %s in %s at %s%n", o.index(), o.seed(), o.model(), o.partition(),
                        Summary.time(o.injectNs()));
            }
        }
        if (shown > 20) {
            out.printf("  ... %d more (see --json)%n", shown - 20);
        }
        out.printf("Critical deadline misses caused by faults in QM partitions: %d%n", qmMisses);
        out.printf("(timer-stop is a fault of the core's timer, not of the partition it was drawn for: its misses are"
                + " in its row, not in this count)%n");
        boolean honest = CampaignAccounting.print(s, out);
        out.flush();
        OutputFiles.write(json, CampaignJson.write(source, tgt, seed, runs.size(), runNs, runs), "--json");
        OutputFiles.write(svg, CampaignChart.svg(s, "Warden fault campaign: " + source + " on " + tgt), "--svg");
        return qmMisses == 0 && honest ? WardenCli.EXIT_OK : WardenCli.EXIT_CHECK_FAILED;
    }

    private static String triple(long[] v) {
        return v[0] < 0 ? "-" : Summary.time(v[0]) + " / " + Summary.time(v[1]) + " / " + Summary.time(v[2]);
    }
}
