package warden.launcher.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import warden.kernel.api.Counter;
import warden.launcher.run.RunResult;
import warden.launcher.run.SystemRun;

/**
 * {@code warden bench}: host-time figures of the emulated system. Runs a description several
 * times without tracing, after warm-up runs, and reports host time per 10^6 kernel events and
 * per virtual second. Host time varies with the machine; the virtual results do not.
 *
 * [impl->dsn~cli.bench~1]
 */
@Command(usageHelpWidth = 100, name = "bench", mixinStandardHelpOptions = true,
        versionProvider = WardenCli.Version.class,
        description = {"Measure host time of a run: per 10^6 kernel events and per virtual second.", "",
            "Runs SYSTEM.yaml (default: the built-in system) --warmup times, then --repeat measured",
            "times, each for --for of virtual time, with tracing off, and prints the median and the",
            "spread. A kernel event is one kernel entry (monitor call, trap, interrupt, timer)."},
        footer = {"", "Exit codes: 0 measured, 2 bad input, 3 internal error."})
final class BenchCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "SYSTEM.yaml",
            description = "System description (default: built-in).")
    Path file;

    @Option(names = "--target", paramLabel = "NAME",
            description = "Emulated target (default: the file's, else riscv).")
    String target;

    @Option(names = "--for", paramLabel = "DURATION", defaultValue = "1s",
            description = "Virtual time per run (default: ${DEFAULT-VALUE}).")
    String duration;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "5",
            description = "Measured runs (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "10",
            description = "Unmeasured warm-up runs (default: ${DEFAULT-VALUE}).")
    int warmup;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws UsageError {
        long forNs = Durations.require("--for", duration);
        if (repeat < 1 || repeat > 1000 || warmup < 0 || warmup > 100) {
            throw new UsageError("--repeat must be 1..1000 and --warmup 0..100");
        }
        java.io.PrintStream err = WriterStream.printStream(spec.commandLine().getErr());
        Loaded l = Loaded.load(file, target, err);
        if (l == null) {
            return WardenCli.EXIT_BAD_INPUT;
        }
        PrintWriter out = spec.commandLine().getOut();
        double[] perMillion = new double[repeat];
        double[] perVirtualSecond = new double[repeat];
        long events = 0;
        long switches = 0;
        for (int i = -warmup; i < repeat; i++) {
            SystemRun run;
            try {
                run = new SystemRun(l.description, l.target, forNs, l.description.run().seed(), false).boot();
            } catch (SystemRun.BootRefused e) {
                throw new UsageError(e.getMessage());
            }
            long t0 = System.nanoTime();
            RunResult r = run.run();
            long host = System.nanoTime() - t0;
            events = run.monitor().counter(Counter.KERNEL_ENTRIES);
            switches = run.monitor().counter(Counter.WORLD_SWITCHES);
            if (i >= 0) {
                perMillion[i] = host * 1e6 / Math.max(1, events);
                perVirtualSecond[i] = host * 1e9 / forNs;
                out.printf("  run %d: %d kernel events, %d world switches, host %.1f ms%s%n", i + 1, events, switches,
                        host / 1e6, r.passed() ? "" : " (a check failed)");
            }
        }
        printFigures(out, l, perMillion, perVirtualSecond);
        return WardenCli.EXIT_OK;
    }

    private void printFigures(PrintWriter out, Loaded l, double[] perMillion, double[] perVirtualSecond) {
        Arrays.sort(perMillion);
        Arrays.sort(perVirtualSecond);
        out.printf("%s on %s, %s virtual per run, %d runs after %d warm-up%n", l.description.source(),
                l.target.description().target(), duration, repeat, warmup);
        out.printf("host time per 10^6 kernel events: median %.1f ms (min %.1f, max %.1f)%n",
                perMillion[repeat / 2] / 1e6, perMillion[0] / 1e6, perMillion[repeat - 1] / 1e6);
        out.printf("host time per virtual second:     median %.1f ms (min %.1f, max %.1f)%n",
                perVirtualSecond[repeat / 2] / 1e6, perVirtualSecond[0] / 1e6, perVirtualSecond[repeat - 1] / 1e6);
        out.flush();
    }
}
