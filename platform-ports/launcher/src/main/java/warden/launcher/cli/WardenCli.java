package warden.launcher.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code warden} command line. Exit codes: 0 every check held, 1 a check failed (a critical
 * deadline missed, an isolation check failed), 2 bad input (a description, an option, a file),
 * 3 an internal error or out of memory (one line saying so, the stack trace in {@link #errorLog()}).
 * Errors are one clear message each; a stack trace never reaches the user.
 *
 * The help of every command is laid out for 100 columns ({@code usageHelpWidth}), its declared
 * lines written to fit.
 *
 * [impl->dsn~cli.exit-codes~2]
 * [impl->dsn~cli.help-width~1]
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
            BenchCommand.class, ExecCommand.class, KeygenCommand.class, UpdateSignCommand.class,
            CommandLine.HelpCommand.class},
        footer = {"", "Examples:",
            "  warden run                      the built-in default system on riscv",
            "  warden run s.yaml --target arm --for 1s --json r.json --trace t.json",
            "  warden validate s.yaml          check a description, run nothing",
            "  warden campaign --faults 10000 --json c.json --svg c.svg",
            "  warden trace                    requirements -> code -> tests report",
            "  warden exec test.elf            run a bare-metal RISC-V ELF (HTIF tohost), no monitor",
            "  warden keygen --out vendor      an Ed25519 key pair for signing updates",
            "  warden update-sign new.bin --key vendor.key --version 2 --out new.wup",
            "",
            "Exit codes: 0 all checks held, 1 a check failed, 2 bad input, 3 internal error",
            "(one line on the terminal, the details in warden-error.log in the temporary directory)."})
public final class WardenCli implements Runnable {
    public static final int EXIT_OK = 0;
    public static final int EXIT_CHECK_FAILED = 1;
    public static final int EXIT_BAD_INPUT = 2;
    public static final int EXIT_INTERNAL_ERROR = 3;

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
            return internalError(ex, c.getErr());
        });
        return cl;
    }

    /** Runs the CLI and returns the exit code (used by tests and by {@link #main}). */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = commandLine(out, err);
        int code = execute(cl, args);
        out.flush();
        err.flush();
        return code;
    }

    /** Runs {@code cl}; an error escaping it (out of memory, a stack overflow) is an internal error. */
    static int execute(CommandLine cl, String... args) {
        try {
            return cl.execute(args);
        } catch (VirtualMachineError | RuntimeException e) {
            return internalError(e, cl.getErr());
        }
    }

    /** @return where the stack trace of an internal error goes: warden-error.log in the temporary directory. */
    static Path errorLog() {
        return Path.of(System.getProperty("java.io.tmpdir"), "warden-error.log");
    }

    /**
     * Reports an internal error or out of memory: one line on {@code err} naming it and the log,
     * the stack trace in {@link #errorLog()}.
     *
     * @return {@link #EXIT_INTERNAL_ERROR}
     */
    // [impl->dsn~cli.internal-error~1]
    static int internalError(Throwable thrown, PrintWriter err) {
        Throwable ex = thrown;
        while (ex instanceof ExecutionException && ex.getCause() != null) { // a worker thread's error
            ex = ex.getCause();
        }
        Path log = errorLog();
        String where;
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8))) {
            thrown.printStackTrace(w);
            where = "details in " + log;
        } catch (IOException | RuntimeException e) {
            where = "no details: cannot write " + log;
        }
        String what = ex instanceof OutOfMemoryError ? "out of memory (raise the heap with -Xmx)" : "internal error";
        err.println("warden: " + what + ": " + ex.getClass().getName() + ": " + ex.getMessage()
                + " (please report; " + where + ")");
        err.flush();
        return EXIT_INTERNAL_ERROR;
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(execute(out, err, args));
    }
}
