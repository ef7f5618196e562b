package warden.launcher.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import warden.kernel.api.Counter;
import warden.launcher.report.JsonWriter;
import warden.launcher.run.RunResult;
import warden.launcher.run.SystemRun;
import warden.launcher.run.Targets;

/**
 * {@code warden bench}: host-time figures of the emulated system. Runs a description on one or
 * more targets several times without tracing, after warm-up runs, and reports per target the
 * host time per virtual second and per 10^6 kernel events (median, min, max), as text and, with
 * {@code --json}, as the machine-readable report {@value #SCHEMA}. Host time is wall-clock time
 * of the run; the CPU time of the running thread is given too, as it varies less on a loaded
 * machine. Host time varies with the machine; the virtual results (kernel events, world switches)
 * do not.
 *
 * [impl->dsn~cli.bench~1] [impl->dsn~cli.bench.targets~1] [impl->dsn~cli.bench.json~1]
 */
@Command(usageHelpWidth = 100, name = "bench", mixinStandardHelpOptions = true,
        versionProvider = WardenCli.Version.class,
        description = {"Measure host time of a run: per virtual second and per 10^6 kernel events.", "",
            "Runs SYSTEM.yaml (default: the built-in system) on each --target --warmup times, then",
            "--repeat measured times, each for --for of virtual time, with tracing off, and prints",
            "the median and the spread. A kernel event is one kernel entry (monitor call, trap,",
            "interrupt, timer). The defaults measure the steady state: the JVM compiles the",
            "emulator's hot paths during the first virtual seconds, and shorter or fewer warm-up",
            "runs measure that compilation as well."},
        footer = {"", "Exit codes: 0 measured, 2 bad input, 3 internal error."})
final class BenchCommand implements Callable<Integer> {
    /** Schema id of the {@code --json} report; a new field may be added, none renamed or removed. */
    static final String SCHEMA = "warden.bench/1";

    @Parameters(index = "0", arity = "0..1", paramLabel = "SYSTEM.yaml",
            description = "System description (default: built-in).")
    Path file;

    @Option(names = "--target", paramLabel = "NAME[,NAME...]", split = ",",
            description = "Emulated targets, or 'all' (default: the file's, else riscv).")
    List<String> targets;

    @Option(names = "--for", paramLabel = "DURATION", defaultValue = "10s",
            description = "Virtual time per run (default: ${DEFAULT-VALUE}).")
    String duration;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "5",
            description = "Measured runs (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "20",
            description = "Unmeasured warm-up runs (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the machine-readable report (" + SCHEMA + ").")
    Path json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The figures of one target. */
    private static final class Figures {
        final String target;
        final String source;
        final long events;
        final long switches;
        final boolean passed;
        final long[] hostNs;
        final long[] cpuNs;
        final long[] perVirtualSecond;
        final long[] perMillion;
        final long[] cpuPerVirtualSecond;

        Figures(String target, String source, long events, long switches, boolean passed, long[] hostNs, long[] cpuNs,
                long forNs) {
            this.target = target;
            this.source = source;
            this.events = events;
            this.switches = switches;
            this.passed = passed;
            this.hostNs = hostNs;
            this.cpuNs = cpuNs;
            this.perVirtualSecond = new long[hostNs.length];
            this.perMillion = new long[hostNs.length];
            this.cpuPerVirtualSecond = new long[hostNs.length];
            for (int i = 0; i < hostNs.length; i++) {
                perVirtualSecond[i] = Math.round(hostNs[i] * 1e9 / forNs);
                perMillion[i] = Math.round(hostNs[i] * 1e6 / Math.max(1, events));
                cpuPerVirtualSecond[i] = cpuNs[i] < 0 ? -1 : Math.round(cpuNs[i] * 1e9 / forNs);
            }
            Arrays.sort(perVirtualSecond);
            Arrays.sort(perMillion);
            Arrays.sort(cpuPerVirtualSecond);
        }
    }

    @Override
    public Integer call() throws UsageError {
        long forNs = Durations.require("--for", duration);
        if (repeat < 1 || repeat > 1000 || warmup < 0 || warmup > 100) {
            throw new UsageError("--repeat must be 1..1000 and --warmup 0..100");
        }
        OutputFiles.check(json, "--json");
        List<String> names = targetNames();
        java.io.PrintStream err = WriterStream.printStream(spec.commandLine().getErr());
        List<Loaded> loaded = new ArrayList<>();
        for (String name : names) {
            Loaded l = Loaded.load(file, name, err);
            if (l == null) {
                return WardenCli.EXIT_BAD_INPUT;
            }
            loaded.add(l);
        }
        PrintWriter out = spec.commandLine().getOut();
        List<Figures> all = new ArrayList<>();
        for (Loaded l : loaded) {
            Figures f = measure(l, forNs, out);
            printFigures(out, f);
            all.add(f);
        }
        if (json != null) {
            OutputFiles.write(json, json(all, forNs), "--json");
        }
        return WardenCli.EXIT_OK;
    }

    /** @return the targets to measure: the option's list ('all' = every target), or the file's (null). */
    private List<String> targetNames() throws UsageError {
        List<String> names = new ArrayList<>();
        if (targets == null || targets.isEmpty()) {
            names.add(null);
            return names;
        }
        for (String t : targets) {
            if ("all".equals(t)) {
                for (String n : Targets.NAMES) {
                    if (!names.contains(n)) {
                        names.add(n);
                    }
                }
            } else if (Targets.get(t) == null) {
                throw new UsageError(Targets.whyNot(t));
            } else if (!names.contains(t)) {
                names.add(t);
            }
        }
        return names;
    }

    private Figures measure(Loaded l, long forNs, PrintWriter out) throws UsageError {
        long[] hostNs = new long[repeat];
        long[] cpuNs = new long[repeat];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean cpuTime = threads.isCurrentThreadCpuTimeSupported();
        long events = 0;
        long switches = 0;
        boolean passed = true;
        String name = l.target.description().target();
        for (int i = -warmup; i < repeat; i++) {
            SystemRun run;
            try {
                run = new SystemRun(l.description, l.target, forNs, l.description.run().seed(), false).boot();
            } catch (SystemRun.BootRefused e) {
                throw new UsageError(e.getMessage());
            }
            long c0 = cpuTime ? threads.getCurrentThreadCpuTime() : -1;
            long t0 = System.nanoTime();
            RunResult r = run.run();
            long host = System.nanoTime() - t0;
            long cpu = cpuTime ? threads.getCurrentThreadCpuTime() - c0 : -1;
            events = run.monitor().counter(Counter.KERNEL_ENTRIES);
            switches = run.monitor().counter(Counter.WORLD_SWITCHES);
            if (i >= 0) {
                hostNs[i] = host;
                cpuNs[i] = cpu;
                passed &= r.passed();
                out.printf("  %s run %d: %d kernel events, %d world switches, host %.1f ms (CPU %.1f ms)%s%n", name,
                        i + 1, events, switches, host / 1e6, cpu / 1e6, r.passed() ? "" : " (a check failed)");
            }
        }
        return new Figures(name, l.description.source(), events, switches, passed, hostNs, cpuNs, forNs);
    }

    private void printFigures(PrintWriter out, Figures f) {
        int n = f.hostNs.length;
        out.printf("%s on %s, %s virtual per run, %d runs after %d warm-up%n", f.source, f.target, duration, repeat,
                warmup);
        out.printf("host time per virtual second:     median %.2f ms (min %.2f, max %.2f)%n",
                f.perVirtualSecond[n / 2] / 1e6, f.perVirtualSecond[0] / 1e6, f.perVirtualSecond[n - 1] / 1e6);
        out.printf("host time per 10^6 kernel events: median %.1f ms (min %.1f, max %.1f)%n",
                f.perMillion[n / 2] / 1e6, f.perMillion[0] / 1e6, f.perMillion[n - 1] / 1e6);
        if (f.cpuPerVirtualSecond[0] >= 0) {
            out.printf("thread CPU per virtual second:    median %.2f ms (min %.2f, max %.2f)%n",
                    f.cpuPerVirtualSecond[n / 2] / 1e6, f.cpuPerVirtualSecond[0] / 1e6,
                    f.cpuPerVirtualSecond[n - 1] / 1e6);
        }
        out.flush();
    }

    /** @return the {@value #SCHEMA} report: integer nanoseconds, medians of the measured runs. */
    private String json(List<Figures> all, long forNs) {
        JsonWriter w = new JsonWriter().beginObject();
        w.field("schema", SCHEMA).field("virtualNsPerRun", forNs).field("warmup", warmup).field("repeat", repeat);
        w.key("targets").beginArray();
        for (Figures f : all) {
            int n = f.hostNs.length;
            w.beginObject().field("target", f.target).field("source", f.source).field("kernelEventsPerRun", f.events)
                    .field("worldSwitchesPerRun", f.switches).field("passed", f.passed);
            stats(w, "hostNsPerVirtualSecond", f.perVirtualSecond);
            stats(w, "hostNsPerMillionKernelEvents", f.perMillion);
            if (f.cpuPerVirtualSecond[0] >= 0) {
                stats(w, "threadCpuNsPerVirtualSecond", f.cpuPerVirtualSecond);
            }
            w.key("runHostNs").beginArray();
            for (int i = 0; i < n; i++) {
                w.value(f.hostNs[i]);
            }
            w.endArray();
            w.key("runThreadCpuNs").beginArray();
            for (int i = 0; i < n; i++) {
                w.value(f.cpuNs[i]);
            }
            w.endArray().endObject();
        }
        return w.endArray().endObject().toString();
    }

    /** Median (the middle of the sorted runs, the upper one of an even count), min and max. */
    private static void stats(JsonWriter w, String key, long[] sorted) {
        int n = sorted.length;
        w.key(key).beginObject().field("median", sorted[n / 2]).field("min", sorted[0]).field("max", sorted[n - 1])
                .endObject();
    }
}
