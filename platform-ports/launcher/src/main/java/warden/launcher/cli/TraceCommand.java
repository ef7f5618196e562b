package warden.launcher.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import warden.trace.TraceMain;

/**
 * {@code warden trace}: the trace engine over a repository — requirements, code and test tags,
 * test verdicts, coverage and mutation scores — with its gates and reports. Options are the
 * engine's own (see {@code warden trace --help}).
 *
 * [impl->dsn~cli.trace~1]
 */
@Command(usageHelpWidth = 100, name = "trace", versionProvider = WardenCli.Version.class,
        description = {"Trace requirements to code, tests, verdicts, coverage and mutation scores; run the gates.", "",
            "Reads requirements/*.md, the [impl->...] and [utest->...] tags of every module, the Surefire,",
            "JaCoCo and PIT reports under target/, then writes target/trace/index.html (offline), trace.json,",
            "trace.reqif and AsciiDoc tables, and fails (exit 1) when a gate fails. 'warden trace --help'",
            "lists the engine's options (--root, --out, --threshold ASIL=PCT, ...)."},
        footer = {"", "Exit codes: 0 every gate passed, 1 a gate failed, 2 bad input, 3 internal error."})
final class TraceCommand implements Callable<Integer> {
    @CommandLine.Unmatched
    List<String> args = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintStream out = WriterStream.printStream(spec.commandLine().getOut());
        PrintStream err = WriterStream.printStream(spec.commandLine().getErr());
        int code = TraceMain.run(args.toArray(new String[0]), out, err);
        out.flush();
        err.flush();
        return code;
    }
}
