package warden.launcher.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import warden.launcher.campaign.Campaign;
import warden.launcher.campaign.CampaignAccounting;
import warden.launcher.campaign.CampaignChart;
import warden.launcher.campaign.CampaignJson;
import warden.launcher.campaign.CampaignRecord;
import warden.launcher.campaign.CampaignSummary;
import warden.launcher.campaign.Execution;
import warden.launcher.campaign.RunOutcome;
import warden.launcher.report.Summary;

/**
 * {@code warden campaign}: fault injection. N runs of a system, each with one fault, summarised
 * per fault model; shards run on separate machines and merge.
 *
 * [impl->dsn~campaign.cli~1]
 * [impl->dsn~cli.help-width~1]
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
            "Each run draws a model, a partition it applies to and a time between 10 and 60 ms from",
            "the campaign seed and the run's index, so run k can be replayed alone with --replay k.", "",
            "Per model it prints injected, detected, recovered, detection and recovery time",
            "(min/median/max, virtual) and critical deadline misses, then every undetected fault",
            "with its index and seed.", "",
            "--scenarios instead runs the healing scenarios on the target's default system, one row each:",
            "restore of a hung or crashed RTOS from its boot snapshot, a corrupted snapshot (restart from",
            "the golden image), restore and incremental snapshot cost after 0, 1, 16 and 256 pages",
            "written, and over-the-air updates: committed, rolled back (crash, hang, no boot), refused",
            "(tampered, wrong signature, older version), power loss mid-transfer. Each row gives",
            "expected and observed outcome, detection and recovery times, pages copied, deadline misses",
            "and the event that proves it; exit 1 when a row misses its expected outcome."},
        footer = {"", "Shards: run '--shard 0/4' ... '--shard 3/4' anywhere with the same seed, then",
            "'warden campaign --merge a.json b.json c.json d.json --json all.json' (it refuses shards of another",
            "campaign, duplicates, missing and interrupted shards). In a Slurm job array or a Kubernetes",
            "Indexed Job, '--shard auto/4' takes the index from the scheduler (docs/examples/).",
            "Progress goes to stderr every 2 s. SIGINT/SIGTERM stops at once and writes the report of the runs",
            "completed (\"complete\": false); '--resume FILE' with the same options runs the rest.",
            "Example: 'warden campaign --scenarios --target arm --json scenarios-arm.json'.",
            "Exit codes: 0 done, 1 a critical deadline was missed because of a fault in a QM partition (or a",
            "scenario did not have its expected outcome),",
            "2 bad input, 3 internal error, 130 interrupted (partial report kept)."})
final class CampaignCommand implements Callable<Integer> {
    /** Exit code of a campaign stopped by SIGINT or SIGTERM (128 + SIGINT, as shells report it). */
    static final int EXIT_INTERRUPTED = 130;
    /** How long the shutdown hook waits for the partial report to be written. */
    private static final long SAVE_WAIT_S = 120;

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

    @Option(names = "--shard", paramLabel = "I/N", description = {"Run only runs k with k mod N = I; auto/N takes I "
        + "from SLURM_ARRAY_TASK_ID (Slurm job array) or JOB_COMPLETION_INDEX (Kubernetes Indexed Job)."})
    String shard;

    @Option(names = "--resume", paramLabel = "FILE", description = {"Continue the interrupted campaign whose partial "
        + "report is FILE (same options); the report goes to --json, else back to FILE."})
    Path resume;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: the machine's cores).")
    Integer threads;

    @Option(names = "--json", paramLabel = "FILE",
            description = "Write the campaign report (warden.campaign/1; warden.scenarios/1 with --scenarios).")
    Path json;

    @Option(names = "--svg", paramLabel = "FILE", description = "Write a chart of detection and recovery times.")
    Path svg;

    @Option(names = "--merge", paramLabel = "FILE", arity = "1..*",
            description = "Merge shard reports instead of running.")
    List<Path> merge;

    @Option(names = "--channel-faults", description = {"Draw the faults from the channel fault models (bit flip in "
        + "the ring, lost, repeated, reordered, masquerading frame, flooding sender, stopped reader) instead of the "
        + "partition ones."})
    boolean channelFaults;

    @Option(names = "--scenarios", description = {"Run the healing scenarios (restore points, over-the-air "
        + "update) on the target's default system instead of random faults; takes --target, --seed, --json."})
    boolean scenarios;

    @Option(names = "--replay", paramLabel = "K", description = "Run campaign run K alone and print what happened.")
    Integer replay;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (scenarios) {
            return ScenarioReport.run(spec.commandLine().getParseResult(), file, target, seed, json, spec);
        }
        PrintStream err = WriterStream.printStream(spec.commandLine().getErr());
        Path report = json == null ? resume : json;
        OutputFiles.checkAll(json == null ? "--resume" : "--json", report, "--svg", svg);
        if (resume != null && (merge != null || replay != null)) {
            throw new UsageError("--resume continues a campaign: it does not go with --merge or --replay");
        }
        if (merge != null) {
            ShardReports.Report m = ShardReports.merge(merge);
            try (CampaignRecord record = new CampaignRecord(report, 0, 1)) {
                for (RunOutcome o : m.runs()) {
                    record.add(o);
                }
                return report(m.header(), record);
            }
        }
        long runNs = Durations.require("--for", duration);
        if (faults < 1 || faults > 10_000_000) {
            throw new UsageError("--faults must be 1..10000000");
        }
        int[] sh = ShardOption.parse(shard, System.getenv());
        int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (workers < 1 || workers > 64) {
            throw new UsageError("--threads must be 1..64");
        }
        Loaded l = Loaded.load(file, target, err);
        if (l == null) {
            return WardenCli.EXIT_BAD_INPUT;
        }
        Campaign c = campaign(l, runNs);
        if (replay != null) {
            return replayed(c);
        }
        CampaignJson.Header h = new CampaignJson.Header(l.description.source(), l.target.description().target(), seed,
                runNs, faults, sh[0], sh[1], true);
        return executed(new Execution(c, faults, sh[0], sh[1], workers).progress(err), h, report, err);
    }

    private Campaign campaign(Loaded l, long runNs) throws UsageError {
        Campaign c = new Campaign(l.description, l.target, seed, runNs);
        if (channelFaults) {
            if (l.description.channels().isEmpty()) {
                throw new UsageError("--channel-faults: " + file + " declares no channels");
            }
            c.channelFaults();
        }
        return c;
    }

    /**
     * Runs the campaign (the runs a resumed report lacks); on SIGINT or SIGTERM it stops at once
     * and writes the report of the runs completed, marked incomplete, before the JVM exits.
     */
    // [impl->dsn~campaign.interrupt~1]
    // [impl->dsn~campaign.constant-memory~1]
    private int executed(Execution e, CampaignJson.Header h, Path report, PrintStream err) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch saved = new CountDownLatch(1);
        Thread hook = null;
        CampaignCheckpoint checkpoint = new CampaignCheckpoint(report, incomplete(h), err);
        try (CampaignRecord record = new CampaignRecord(report, h.shard(), h.shards())) {
            if (resume != null) {
                Set<Integer> done = new HashSet<>();
                for (RunOutcome o : resumed(h)) {
                    done.add(o.index());
                    record.add(o);
                }
                e.skipping(done);
            }
            hook = interruptHook(stop, saved);
            boolean complete = e.run(o -> {
                try {
                    record.add(o);
                } catch (java.io.IOException x) {
                    throw new java.io.UncheckedIOException(x);
                }
                checkpoint.offer(record);
            }, stop::get);
            int code = report(complete ? h : incomplete(h), record);
            if (!complete) {
                err.printf("campaign: interrupted after %d of %d runs%s%n", record.count(), e.sliceSize(),
                        report == null
                        ? " (no --json: nothing kept)" : "; partial report in " + report + ", continue with --resume "
                        + report);
                err.flush();
                return EXIT_INTERRUPTED;
            }
            return code;
        } finally {
            saved.countDown();
            if (hook != null) {
                removeHook(hook);
            }
        }
    }

    /** @return the registered hook that, at SIGINT or SIGTERM, stops the campaign and waits for its report */
    private static Thread interruptHook(AtomicBoolean stop, CountDownLatch saved) {
        Thread hook = new Thread(() -> {
            stop.set(true);
            try {
                saved.await(SAVE_WAIT_S, TimeUnit.SECONDS);
            } catch (InterruptedException x) {
                Thread.currentThread().interrupt();
            }
        }, "campaign-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    private static CampaignJson.Header incomplete(CampaignJson.Header h) {
        return new CampaignJson.Header(h.source(), h.target(), h.seed(), h.runNs(), h.total(), h.shard(), h.shards(),
                false);
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException x) {
            // the JVM is shutting down (the hook is running): nothing to remove
        }
    }

    /** @return the runs of the report {@code --resume} names, after checking it is this campaign's */
    // [impl->dsn~campaign.resume~1]
    private List<RunOutcome> resumed(CampaignJson.Header h) throws UsageError {
        ShardReports.Report r = ShardReports.read(resume, "--resume");
        String other = h.mismatch(r.header());
        if (other == null && r.header().shard() != h.shard()) {
            other = "shard " + r.header().shard() + " (not " + h.shard() + ")";
        }
        if (other != null) {
            throw new UsageError("--resume: " + resume + " is the report of another campaign: " + other
                    + "; give the options it was run with");
        }
        return r.runs();
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

    private int report(CampaignJson.Header h, CampaignRecord record) throws UsageError {
        CampaignSummary s = record.summary();
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Campaign: %s on %s, seed %d, %d runs of %s%s%n%n", h.source(), h.target(), h.seed(), record.count(),
                Summary.time(h.runNs()), h.shards() > 1 ? " (shard " + h.shard() + "/" + h.shards() + ")" : "");
        out.printf("  %-20s %8s %8s %8s %9s %8s  %-32s %-32s %s%n", "fault model", "injected", "applied", "detected",
                "recovered", "DC", "detection min/median/max", "recovery min/median/max", "crit. misses");
        long qmMisses = 0;
        for (CampaignSummary.ModelRow r : s.rows()) {
            // a model that was not injected has no coverage: "-", not 0.0 %
            String dc = r.injected() == 0 ? "-" : String.format(java.util.Locale.ROOT, "%.1f%%", r.coverage() * 100);
            out.printf("  %-20s %8d %8d %8d %9d %8s  %-32s %-32s %d%n", r.model(), r.injected(), r.applied(),
                    r.detected(), r.recovered(), dc, triple(r.detection()), triple(r.recovery()),
                    r.criticalMisses());
            qmMisses += r.criticalMissesFromQmFaults();
        }
        out.printf("%nDetections by mechanism: %s%n", s.detectionsByMechanism());
        out.printf("Undetected faults: %d%s%n", s.undetectedCount(), s.undetectedCount() == 0 ? ""
                : " (replay with --replay K):");
        for (RunOutcome o : s.undetected()) {
            out.printf("  run %d seed %d: %s in %s at %s%n", o.index(), o.seed(), o.model(), o.partition(),
                    Summary.time(o.injectNs()));
        }
        if (s.undetectedCount() > CampaignSummary.KEPT) {
            out.printf("  ... %d more (see --json)%n", s.undetectedCount() - CampaignSummary.KEPT);
        }
        out.printf("Critical deadline misses caused by faults in QM partitions: %d%n", qmMisses);
        out.printf("(timer-stop is a fault of the core's timer, not of the partition it was drawn for: its misses are"
                + " in its row, not in this count)%n");
        boolean honest = CampaignAccounting.print(s, out);
        out.flush();
        OutputFiles.write(json != null ? json : resume, "--json", w -> record.writeReport(h, w));
        OutputFiles.write(svg, CampaignChart.svg(s, "Warden fault campaign: " + h.source() + " on " + h.target()),
                "--svg");
        return qmMisses == 0 && honest ? WardenCli.EXIT_OK : WardenCli.EXIT_CHECK_FAILED;
    }

    private static String triple(long[] v) {
        return v[0] < 0 ? "-" : Summary.time(v[0]) + " / " + Summary.time(v[1]) + " / " + Summary.time(v[2]);
    }
}
