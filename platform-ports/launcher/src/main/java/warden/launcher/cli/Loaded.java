package warden.launcher.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import warden.emu.Target;
import warden.launcher.config.DefaultSystem;
import warden.launcher.config.DescriptionLoader;
import warden.launcher.config.DescriptionValidator;
import warden.launcher.config.LoadResult;
import warden.launcher.config.Problem;
import warden.launcher.config.SystemDescription;
import warden.launcher.run.Targets;

/** Loading and validating a description for a command, with errors printed the same way. */
final class Loaded {
    final SystemDescription description;
    final Target target;

    private Loaded(SystemDescription description, Target target) {
        this.description = description;
        this.target = target;
    }

    /**
     * Loads {@code file} (or the built-in default system when null), picks the target (the option
     * wins over the file's {@code target:}), and validates. Problems go to {@code err}.
     * @return the loaded system, or null after printing why it is not valid.
     */
    static Loaded load(Path file, String targetOption, PrintStream err) throws UsageError {
        LoadResult r;
        if (file == null) {
            r = DefaultSystem.load(targetOption);
        } else {
            if (Files.isDirectory(file)) { // [impl->dsn~config.input-limits~2]
                throw new UsageError(file + " is a directory: expected a system description file (YAML)");
            }
            if (!Files.isRegularFile(file)) {
                throw new UsageError(file + ": no such file");
            }
            r = DescriptionLoader.load(file);
        }
        if (!r.problems().isEmpty()) {
            report(r.problems(), err);
            return null;
        }
        SystemDescription d = r.description();
        String name = targetOption != null ? targetOption : d.target() != null ? d.target() : "riscv";
        Target t = Targets.get(name);
        if (t == null) {
            throw new UsageError(Targets.whyNot(name));
        }
        List<Problem> problems = DescriptionValidator.validate(d, t);
        if (!problems.isEmpty()) {
            report(problems, err);
            return null;
        }
        return new Loaded(warden.launcher.config.ElfWorkloads.resolve(d, t.description()), t);
    }

    static void report(List<Problem> problems, PrintStream err) {
        for (Problem p : problems) {
            err.println("error: " + p);
        }
        err.println(problems.size() == 1 ? "1 error" : problems.size() + " errors");
    }
}
