package warden.trace.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import warden.trace.TraceEngine;
import warden.trace.TraceMain;
import warden.trace.TraceOptions;
import warden.trace.link.Trace;
import warden.trace.model.TraceConfig;
import warden.trace.report.Reports;

/**
 * The benchmark: generates a repository of N synthetic spec items (default 20,000: 5 % safety
 * goals, 20 % requirements, 75 % design items with impl and utest tags), their Java sources and
 * tests, Surefire reports and a PIT full-matrix report with two mutants per design item, then times
 * a full trace (scan, parse, link, ASIL, metrics, gates) and the reports.
 *
 * <p>{@code TraceBench [ITEMS] [RUNS] [DIR]} times the trace inside this JVM, each the best of
 * {@code runs}. {@code TraceBench --cold [ITEMS] [RUNS] [DIR] [--oft JAR]} generates the repository
 * once, then starts a fresh {@code java} process of the command line ({@link TraceMain}) for every
 * run, the way a user runs it: with the launcher's JVM flags ({@link #COLD_FLAGS}) and without,
 * without and with the reports, and, given OpenFastTrace's jar, OpenFastTrace on the same
 * requirements and sources, plain and HTML. The commands take turns, so load from other processes
 * falls on all of them alike; each prints its best and median wall time, process start included.
 *
 * [impl->dsn~trace.bench~1]
 * [impl->dsn~trace.bench.cold~1]
 */
public final class TraceBench {
    /**
     * The JVM flags the launchers give a trace (the {@code warden} script, the build's trace gate): a
     * short run gains nothing from the C2 compiler or a concurrent collector, and pays for every
     * page of heap it touches first (transparent huge pages, a young generation it reuses).
     */
    public static final List<String> COLD_FLAGS = coldFlags();

    /** @return the launcher's flags; huge pages only where the kernel offers them (as the warden script). */
    private static List<String> coldFlags() {
        List<String> f = new ArrayList<>(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmn64m"));
        try {
            String thp = Files.readString(Path.of("/sys/kernel/mm/transparent_hugepage/enabled"));
            if (thp.contains("[always]") || thp.contains("[madvise]")) {
                f.add("-XX:+UseTransparentHugePages");
            }
        } catch (IOException | RuntimeException e) {
            // no such file: not Linux, or no huge pages; the flags without them
        }
        return List.copyOf(f);
    }

    private TraceBench() {
    }

    /** Result of one benchmark: what was traced, best trace time, report time (ms), findings and errors. */
    public record Result(int items, int tags, int mutants, long traceMs, long firstTraceMs, long reportMs,
            long traceCpuMs, int findings, int errors) {
    }

    /** One command of the cold benchmark and its wall times in ms, one per run. */
    public record Timed(String name, List<String> command, List<Long> ms, List<Integer> exits) {
        /** @return the best time. */
        public long best() {
            return ms.stream().mapToLong(Long::longValue).min().orElse(-1);
        }

        /** @return the median time (the lower of the two middle ones for an even count). */
        public long median() {
            long[] s = ms.stream().mapToLong(Long::longValue).sorted().toArray();
            return s.length == 0 ? -1 : s[(s.length - 1) / 2];
        }
    }

    /** Runs the benchmark and prints its figures. */
    public static void main(String[] args) throws IOException, InterruptedException {
        List<String> a = new ArrayList<>(Arrays.asList(args));
        boolean cold = a.remove("--cold");
        Path oft = null;
        int o = a.indexOf("--oft");
        if (o >= 0 && o + 1 < a.size()) {
            oft = Path.of(a.remove(o + 1));
            a.remove(o);
        }
        int items = a.size() > 0 ? Integer.parseInt(a.get(0)) : 20_000;
        int runs = a.size() > 1 ? Integer.parseInt(a.get(1)) : cold ? 5 : 3;
        Path dir = a.size() > 2 ? Path.of(a.get(2)) : Files.createTempDirectory("trace-bench");
        if (cold) {
            List<Timed> timed = cold(dir, items, runs, oft, System.out);
            boolean ok = timed.stream().allMatch(t -> t.exits().stream().allMatch(e -> e == 0));
            System.exit(ok ? 0 : 1);
        }
        Result r = run(dir, items, runs, true, System.out);
        System.out.printf(Locale.ROOT, "%d items, %d tags, %d mutants: trace %d ms wall, %d ms CPU (first run %d ms),"
                + " reports %d ms%n", r.items(), r.tags(), r.mutants(), r.traceMs(), r.traceCpuMs(), r.firstTraceMs(),
                r.reportMs());
    }

    /** Generates {@code items} items under {@code dir} and times the trace in this JVM. */
    public static Result run(Path dir, int items, int runs, boolean reports, PrintStream log) throws IOException {
        BenchRepo.generate(dir, items);
        TraceConfig c = TraceOptions.parse(new String[] {"--root", dir.toString()}).config();
        long best = Long.MAX_VALUE;
        long bestCpu = Long.MAX_VALUE;
        long first = 0;
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        Trace t = null;
        for (int i = 0; i < runs; i++) {
            t = null; // the last run's trace is garbage before the next one starts, as in a fresh process
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
        return new Result(t.items.size(), t.tags.size(), t.mutants.size(), best, first, reportMs, bestCpu,
                t.findings.size(), t.errors.size());
    }

    /**
     * Generates the repository once, then runs each command {@code runs} times in fresh processes,
     * the commands taking turns; prints a line per command and returns the times.
     *
     * @param oft OpenFastTrace's jar, or null to leave it out
     */
    public static List<Timed> cold(Path dir, int items, int runs, Path oft, PrintStream log)
            throws IOException, InterruptedException {
        BenchRepo.generate(dir, items);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("java.class.path");
        String root = dir.toString();
        List<Timed> cmds = new ArrayList<>();
        cmds.add(timed("trace, launcher flags", cli(java, COLD_FLAGS, cp, root, "--no-reports", "--quiet")));
        cmds.add(timed("trace, plain java", cli(java, List.of(), cp, root, "--no-reports", "--quiet")));
        cmds.add(timed("trace + all reports, launcher flags", cli(java, COLD_FLAGS, cp, root, "--out",
                dir.resolve("out").toString(), "--quiet")));
        if (oft != null) {
            String req = dir.resolve("requirements").toString();
            String src = dir.resolve("m").toString();
            cmds.add(timed("OpenFastTrace plain", List.of(java, "-jar", oft.toString(), "trace", "-f",
                    dir.resolve("oft.txt").toString(), req, src)));
            cmds.add(timed("OpenFastTrace HTML", List.of(java, "-jar", oft.toString(), "trace", "-o", "html", "-f",
                    dir.resolve("oft.html").toString(), req, src)));
        }
        for (int r = 0; r < runs; r++) { // bounded by the runs
            for (Timed t : cmds) {
                long s = System.nanoTime();
                Process p = new ProcessBuilder(t.command()).redirectErrorStream(true)
                        .redirectOutput(dir.resolve("bench-" + cmds.indexOf(t) + ".log").toFile()).start();
                int exit = p.waitFor();
                t.ms().add((System.nanoTime() - s) / 1_000_000);
                t.exits().add(exit);
            }
        }
        log.printf(Locale.ROOT, "Cold runs over %d items (%s), %d run(s) each, commands taking turns:%n", items, dir,
                runs);
        for (Timed t : cmds) {
            log.printf(Locale.ROOT, "  %-36s best %5d ms, median %5d ms, exit %s%n", t.name(), t.best(), t.median(),
                    t.exits().stream().distinct().toList());
        }
        log.println("  launcher flags: " + String.join(" ", COLD_FLAGS));
        return cmds;
    }

    private static Timed timed(String name, List<String> command) {
        return new Timed(name, command, new ArrayList<>(), new ArrayList<>());
    }

    private static List<String> cli(String java, List<String> flags, String cp, String root, String... options) {
        List<String> c = new ArrayList<>();
        c.add(java);
        c.addAll(flags);
        c.addAll(List.of("-cp", cp, TraceMain.class.getName(), "--root", root));
        c.addAll(Arrays.asList(options));
        return c;
    }
}
