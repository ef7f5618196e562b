package warden.launcher.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import warden.launcher.report.RunReportJson;
import warden.launcher.report.Summary;
import warden.launcher.run.RunResult;
import warden.launcher.run.SystemRun;

/**
 * {@code warden run [SYSTEM.yaml]}: validates, boots the kernel on the emulated target, runs the
 * system for the given virtual duration and prints a summary.
 *
 * [impl->dsn~cli.run~1]
 */
@Command(usageHelpWidth = 100, name = "run", mixinStandardHelpOptions = true, versionProvider = WardenCli.Version.class,
        description = {"Boot a system on an emulated target and run it in virtual time.", "",
            "With no SYSTEM.yaml it runs the built-in default system: a safety RTOS (ASIL-C) and a",
            "rich OS sharing hart 0, and the rich OS alone on harts 1-3. It prints boot times,",
            "deadline misses, response times, interrupt latencies, faults and probe outcomes, then",
            "the checks: critical partitions booted, critical deadlines met, isolation held (every",
            "probe access matched the description), no interrupt lost.", "",
            "To try restore points: --snapshot-at 20ms snapshots the first critical partition at its",
            "first heartbeat from 20 ms on; --restore-at 60ms then crashes it at 60 ms, and the monitor",
            "heals it by restoring that snapshot (its digest checked first; a restart if it fails)."},
        footer = {"", "Exit codes: 0 all checks held, 1 a check failed, 2 bad input, 3 internal error.",
            "The --json report has the stable schema \"warden.run/4\" (see README.adoc);",
            "the --trace file opens in Perfetto (ui.perfetto.dev) or chrome://tracing."})
final class RunCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "SYSTEM.yaml",
            description = "System description (default: the built-in default system).")
    Path file;

    @Option(names = "--target", paramLabel = "NAME",
            description = "Emulated target: riscv, arm, x86 (default: the file's 'target', else riscv).")
    String target;

    @Option(names = "--for", paramLabel = "DURATION",
            description = "Virtual time to run, e.g. 100ms, 2s, 500us (default: the file's run.duration, else 100ms).")
    String duration;

    @Option(names = "--seed", paramLabel = "N",
            description = "Seed of every random source (default: the file's run.seed).")
    Long seed;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the machine-readable report (warden.run/4).")
    Path json;

    @Option(names = "--trace", paramLabel = "FILE",
            description = "Write the timeline as Chrome trace-event JSON (channel frames as arrows send -> receive).")
    Path trace;

    @Option(names = "--snapshot-at", paramLabel = "TIME",
            description = "Snapshot the first critical partition at its first heartbeat at or after TIME, e.g. 20ms.")
    String snapshotAt;

    @Option(names = "--restore-at", paramLabel = "TIME",
            description = "Crash that partition at TIME (after --snapshot-at) and heal it by restore.")
    String restoreAt;

    @Option(names = "--console-lines", paramLabel = "N",
            description = "Console lines the summary shows (default 20; all are in --json).")
    int consoleLines = Summary.CONSOLE_LINES;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws UsageError {
        PrintStream out = WriterStream.printStream(spec.commandLine().getOut());
        PrintStream err = WriterStream.printStream(spec.commandLine().getErr());
        long forNs = duration == null ? -1 : Durations.require("--for", duration);
        long[] trial = trialTimes();
        OutputFiles.checkAll("--json", json, "--trace", trace);
        Loaded l = Loaded.load(file, target, err);
        if (l == null) {
            return WardenCli.EXIT_BAD_INPUT;
        }
        warden.launcher.config.SystemDescription d = trial[0] < 0 ? l.description
                : warden.launcher.run.RestoreTrial.apply(l.description, trial[0], trial[1]);
        long runFor = forNs > 0 ? forNs : l.description.run().durationNs();
        long runSeed = seed != null ? seed : l.description.run().seed();
        RunResult result;
        try (OutputFiles.Pending tracing = OutputFiles.open(trace, "--trace")) {
            SystemRun run = new SystemRun(d, l.target, runFor, runSeed, trace != null);
            streamTrace(run, tracing, l);
            try {
                boot(run, d, trial[1]);
            } catch (SystemRun.BootRefused e) {
                throw new UsageError(e.getMessage());
            }
            result = run.run();
            Summary.print(result, out, Math.max(0, consoleLines));
            OutputFiles.write(json, RunReportJson.write(result), "--json");
            if (tracing != null) {
                if (run.trace().streamFailure() != null) {
                    throw tracing.failed(run.trace().streamFailure());
                }
                tracing.commit();
            }
        }
        out.flush();
        return result.passed() ? WardenCli.EXIT_OK : WardenCli.EXIT_CHECK_FAILED;
    }

    /** Boots, with the crash of --restore-at when it was given. [impl->dsn~cli.snapshot-options~1] */
    private static void boot(SystemRun run, warden.launcher.config.SystemDescription d, long restoreAt)
            throws SystemRun.BootRefused {
        if (restoreAt >= 0) {
            run.boot(warden.launcher.run.RestoreTrial.crash(run, warden.launcher.run.RestoreTrial.partition(d),
                    restoreAt));
        } else {
            run.boot();
        }
    }

    /**
     * @return the times of --snapshot-at and --restore-at in ns (-1 when not given); --restore-at
     *     needs --snapshot-at and a later time
     *
     * [impl->dsn~cli.snapshot-options~1]
     */
    private long[] trialTimes() throws UsageError {
        long at = snapshotAt == null ? -1 : Durations.require("--snapshot-at", snapshotAt);
        long restore = restoreAt == null ? -1 : Durations.require("--restore-at", restoreAt);
        if (restore >= 0 && at < 0) {
            throw new UsageError("--restore-at needs --snapshot-at: a restore needs a snapshot taken before it");
        }
        if (restore >= 0 && restore <= at) {
            throw new UsageError("--restore-at " + restoreAt + " must come after --snapshot-at " + snapshotAt);
        }
        return new long[] {at, restore};
    }

    /**
     * Streams the trace into its temporary file while the system runs, so that no run length is
     * too long for the heap.
     */
    // [impl->dsn~emu.trace.streamed~1]
    private static void streamTrace(SystemRun run, OutputFiles.Pending tracing, Loaded l) throws UsageError {
        if (tracing == null) {
            return;
        }
        try {
            run.trace().streamTo(tracing.writer(), "warden " + l.target.description().target() + " "
                    + l.description.source());
        } catch (IOException e) {
            throw tracing.failed(e);
        }
    }
}
