package warden.trace;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import warden.trace.link.ItemTrace;
import warden.trace.link.Trace;
import warden.trace.model.Finding;
import warden.trace.model.InputError;
import warden.trace.model.TraceConfig;
import warden.trace.report.Reports;

/**
 * The command line of the trace engine: {@code TraceMain [--root DIR] [--out DIR] [--config FILE]
 * [--threshold ASIL=PERCENT]... [--no-verdicts] [--no-reports] [--quiet]}. Exit 0 when every gate
 * passed, 1 when a gate failed (each finding printed with its reason), 2 on bad input (a malformed
 * requirement file, an unreadable report, a bad option, no spec item at all), 3 on an internal error,
 * never with a stack trace.
 *
 * [impl->dsn~trace.cli~1]
 */
public final class TraceMain {
    /** Every gate passed. */
    public static final int OK = 0;
    /** A gate failed. */
    public static final int GATE_FAILED = 1;
    /** Bad input or options. */
    public static final int BAD_INPUT = 2;
    /** An internal error of the engine (not the input's fault). */
    public static final int INTERNAL_ERROR = 3;

    private TraceMain() {
    }

    /** Runs the engine and exits the JVM with its exit code. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs the engine; prints the summary and findings to {@code out}, input errors to {@code err}.
     *
     * @return 0 ok, 1 a gate failed, 2 bad input, 3 an internal error
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        TraceOptions o;
        try {
            o = TraceOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("trace: " + e.getMessage());
            err.println("Try 'trace --help'.");
            return BAD_INPUT;
        }
        if (o.help) {
            out.println(TraceOptions.HELP);
            return OK;
        }
        try {
            return trace(o, out, err);
        } catch (IllegalArgumentException e) {
            err.println("trace: " + e.getMessage());
            return BAD_INPUT;
        } catch (IOException e) {
            err.println("trace: cannot read input: " + e);
            return BAD_INPUT;
        } catch (RuntimeException e) {
            err.println("trace: internal error: " + e + " (please report)");
            return INTERNAL_ERROR;
        }
    }

    private static int trace(TraceOptions o, PrintStream out, PrintStream err) throws IOException {
        long start = System.nanoTime();
        TraceConfig config = o.config();
        Trace t = TraceEngine.run(o.root, config);
        if (!t.errors.isEmpty()) {
            for (InputError e : t.errors) {
                err.println(e);
            }
            err.println("trace: " + t.errors.size() + " input error(s); nothing was traced");
            return BAD_INPUT;
        }
        if (nothingToTrace(t, o, err)) {
            return BAD_INPUT;
        }
        Path outDir = o.out != null ? o.out : o.root.resolve("target/trace");
        if (o.reports) {
            Reports.writeAll(t, outDir);
        }
        summary(t, out, o, outDir, (System.nanoTime() - start) / 1_000_000);
        return t.passed() ? OK : GATE_FAILED;
    }

    /** A trace without any spec item proves nothing: a wrong --root or an empty requirements directory. */
    // [impl->dsn~cli.trace.nothing~1]
    private static boolean nothingToTrace(Trace t, TraceOptions o, PrintStream err) {
        if (!t.allItems.isEmpty()) {
            return false;
        }
        err.println("trace: 0 requirements found under " + o.root.resolve(t.config.requirements)
                + "; nothing to trace (is --root the repository?)");
        return true;
    }

    private static void summary(Trace t, PrintStream out, TraceOptions o, Path outDir, long ms) {
        long withImpl = 0;
        for (ItemTrace i : t.items.values()) {
            withImpl += i.impl.isEmpty() ? 0 : 1;
        }
        out.printf(Locale.ROOT, "Trace: %d items, %d tags, %d test methods with verdicts, %d mutants, %d sources"
                + " (%d ms)%n",
                t.items.size(), t.tags.size(), t.results.size(), t.mutants.size(), t.sources.size(), ms);
        out.printf(Locale.ROOT, "  %d items implemented; mutation data: %s; coverage data: %s%n", withImpl,
                t.hasMutations() ? t.reportFiles[1] + " report(s)" : "none (mutation gate off)",
                t.hasCoverage() ? t.reportFiles[2] + " report(s)" : "none");
        if (t.kernelBranches[0] > 0) {
            out.printf(Locale.ROOT, "  kernel branch coverage: %d of %d branches (%.1f %%)%n", t.kernelBranches[1],
                    t.kernelBranches[0], 100.0 * t.kernelBranches[1] / t.kernelBranches[0]);
        }
        if (!o.quiet) {
            for (String w : t.warnings) {
                out.println("  note: " + w);
            }
        }
        if (o.reports) {
            out.println("  reports: " + outDir.resolve("index.html")
                    + " (and trace.json, trace.reqif, *.adoc, chains/index.html)");
        }
        if (t.findings.isEmpty()) {
            out.println("Trace gates: passed");
            return;
        }
        out.println("Trace gates: FAILED, " + t.findings.size() + " finding(s):");
        for (Finding f : t.findings) {
            out.println("  " + f);
        }
    }
}
