package warden.trace;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The benchmark: generates a repository of N synthetic spec items (default 20,000: 5 % safety
 * goals, 20 % requirements, 75 % design items with impl and utest tags), their Java sources and
 * tests, Surefire reports and a PIT full-matrix report with two mutants per design item, then times
 * a full trace (scan, parse, link, ASIL, metrics, gates) and the reports, each the best of
 * {@code runs}. Usage: {@code TraceBench [ITEMS] [RUNS] [DIR]}.
 *
 * [impl->dsn~trace.bench~1]
 */
public final class TraceBench {
    private TraceBench() {
    }

    /** Result of one benchmark: items traced, best trace time, best report time (ms). */
    public record Result(int items, int tags, int mutants, long traceMs, long firstTraceMs, long reportMs,
            long traceCpuMs) {
    }

    /** Runs the benchmark and prints its figures. */
    public static void main(String[] args) throws IOException {
        int items = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path dir = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("trace-bench");
        Result r = run(dir, items, runs, true, System.out);
        System.out.printf(Locale.ROOT, "%d items, %d tags, %d mutants: trace %d ms wall, %d ms CPU (first run %d ms),"
                + " reports %d ms%n", r.items(), r.tags(), r.mutants(), r.traceMs(), r.traceCpuMs(), r.firstTraceMs(),
                r.reportMs());
    }

    /** Generates {@code items} items under {@code dir} and times the trace. */
    public static Result run(Path dir, int items, int runs, boolean reports, PrintStream log) throws IOException {
        BenchRepo.generate(dir, items);
        TraceConfig c = TraceConfig.defaults();
        c.reports.add("reports");
        long best = Long.MAX_VALUE;
        long bestCpu = Long.MAX_VALUE;
        long first = 0;
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        Trace t = null;
        for (int i = 0; i < runs; i++) {
            long s = System.nanoTime();
            long cpu = mx.getCurrentThreadCpuTime();
            t = TraceEngine.run(dir, c);
            long ms = (System.nanoTime() - s) / 1_000_000;
            bestCpu = Math.min(bestCpu, (mx.getCurrentThreadCpuTime() - cpu) / 1_000_000);
            first = i == 0 ? ms : first;
            best = Math.min(best, ms);
        }
        if (!t.errors.isEmpty() || !t.findings.isEmpty()) {
            log.println("bench: unexpected " + t.errors + " " + t.findings.subList(0, Math.min(5, t.findings.size())));
        }
        long rs = System.nanoTime();
        if (reports) {
            Reports.writeAll(t, dir.resolve("out"));
        }
        long reportMs = (System.nanoTime() - rs) / 1_000_000;
        return new Result(t.items.size(), t.tags.size(), t.mutants.size(), best, first, reportMs, bestCpu);
    }
}
