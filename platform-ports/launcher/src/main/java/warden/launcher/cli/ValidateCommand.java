package warden.launcher.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code warden validate SYSTEM.yaml}: checks a description against a target; runs nothing. */
@Command(usageHelpWidth = 100, name = "validate", mixinStandardHelpOptions = true,
        versionProvider = WardenCli.Version.class,
        description = {"Check a system description and run nothing.", "",
            "Checks the YAML (unknown keys, types, units), then the resources against the target:",
            "overlapping memory, devices or interrupt lines given twice, cores the target does not",
            "have, two critical partitions on one core, regions the protection unit cannot express,",
            "and workload consistency. Each problem is printed as file:line:column: path: message."},
        footer = {"", "Exit codes: 0 valid, 2 invalid or unreadable, 3 internal error."})
final class ValidateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SYSTEM.yaml", description = "The system description to check.")
    Path file;

    @Option(names = "--target", paramLabel = "NAME", description = "Target to check against: riscv, arm, x86 "
            + "(default: the file's 'target', else riscv).")
    String target;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws UsageError {
        PrintStream err = WriterStream.printStream(spec.commandLine().getErr());
        Loaded l = Loaded.load(file, target, err);
        err.flush();
        if (l == null) {
            return WardenCli.EXIT_BAD_INPUT;
        }
        spec.commandLine().getOut().printf("%s: valid for %s (%d partitions)%n", file,
                l.target.description().target(), l.description.partitions().size());
        return WardenCli.EXIT_OK;
    }
}
