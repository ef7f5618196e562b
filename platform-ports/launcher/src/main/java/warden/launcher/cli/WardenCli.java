package warden.launcher.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code warden} command line. Exit codes: 0 every check held, 1 a check failed (a critical
 * deadline missed, an isolation check failed), 2 bad input (a description, an option, a file).
 * Errors are one clear message each; a stack trace never reaches the user.
 *
 * [impl->dsn~cli.exit-codes~1]
 */
@Command(usageHelpWidth = 100, name = "warden", mixinStandardHelpOptions = true,
        versionProvider = WardenCli.Version.class,
        description = {
            "Warden: a mixed-criticality monitor kernel on emulated RISC-V, Arm, x86.",
            "",
            "Describe a system in YAML (partitions with criticality, cores, memory,",
            "devices, interrupts and workloads), validate it, and run it on an",
            "emulated board in virtual time. Same inputs, same run, byte for byte.",
            ""},
        subcommands = {RunCommand.class, ValidateCommand.class, CampaignCommand.class, TraceCommand.class,
            BenchCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Examples:",
            "  warden run                      the built-in default system on riscv",
            "  warden run s.yaml --target arm --for 1s --json r.json --trace t.json",
            "  warden validate s.yaml          check a description, run nothing",
            "  warden campaign --faults 10000 --json c.json --svg c.svg",
            "  warden trace                    requirements -> code -> tests report",
            "",
            "Exit codes: 0 all checks held, 1 a check failed, 2 bad input."})
public final class WardenCli implements Runnable {
    public static final int EXIT_OK = 0;
    public static final int EXIT_CHECK_FAILED = 1;
    public static final int EXIT_BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The version string, from the jar manifest when packaged. */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = WardenCli.class.getPackage().getImplementationVersion();
            return new String[] {"warden " + (v == null ? "0.1.0-SNAPSHOT" : v),
                "JVM: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version")};
        }
    }

    /** Builds the command line with Warden's error handling. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new WardenCli());
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("error: " + ex.getMessage());
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
            return EXIT_BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            if (ex instanceof UsageError) {
                c.getErr().println("error: " + ex.getMessage());
                c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
                return EXIT_BAD_INPUT;
            }
            c.getErr().println("internal error: " + ex + " (please report it with the command line)");
            return EXIT_BAD_INPUT;
        });
        return cl;
    }

    /** Runs the CLI and returns the exit code (used by tests and by {@link #main}). */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        int code = commandLine(out, err).execute(args);
        out.flush();
        err.flush();
        return code;
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(execute(out, err, args));
    }
}
