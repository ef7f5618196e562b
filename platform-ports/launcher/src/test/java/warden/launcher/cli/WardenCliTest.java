package warden.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class WardenCliTest {

    /** A command that fails the way a bug or an exhausted heap would. */
    @CommandLine.Command(name = "fail")
    static final class Failing implements Callable<Integer> {
        private final Throwable thrown;

        Failing(Throwable thrown) {
            this.thrown = thrown;
        }

        @Override
        public Integer call() throws Exception {
            if (thrown instanceof Exception e) {
                throw e;
            }
            throw (Error) thrown;
        }
    }

    private static String[] fail(Throwable thrown) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = WardenCli.commandLine(new PrintWriter(out), new PrintWriter(err));
        cl.addSubcommand("fail", new Failing(thrown));
        cl.setOut(new PrintWriter(out)); // to the subcommand added too
        cl.setErr(new PrintWriter(err));
        int code = WardenCli.execute(cl, "fail");
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    // [utest->dsn~cli.internal-error~1]
    // [utest->dsn~cli.exit-codes~2]
    @Test
    void anInternalErrorExitsThreeWithOneLineAndTheStackTraceInTheLog() throws Exception {
        String[] r = fail(new IllegalStateException("queue corrupted"));
        assertEquals("3", r[0], r[2]);
        assertEquals("warden: internal error: java.lang.IllegalStateException: queue corrupted (please report;"
                + " details in " + WardenCli.errorLog() + ")\n", r[2].replace("\r", ""));
        String log = Files.readString(WardenCli.errorLog());
        assertTrue(log.contains("queue corrupted") && log.contains("\tat "), log);
    }

    // [utest->dsn~cli.internal-error~1]
    @Test
    void outOfMemoryExitsThreeWithOneLineEvenFromAWorkerThread() throws Exception {
        String[] r = fail(new OutOfMemoryError("Java heap space"));
        assertEquals("3", r[0], r[2]);
        assertTrue(r[2].startsWith("warden: out of memory"), r[2]);
        assertTrue(r[2].contains("java.lang.OutOfMemoryError: Java heap space"), r[2]);
        assertEquals(1, r[2].lines().count(), r[2]);
        assertFalse(r[2].contains("\tat "), r[2]);
        String[] w = fail(new java.util.concurrent.ExecutionException(new OutOfMemoryError("Java heap space")));
        assertEquals("3", w[0], w[2]);
        assertTrue(w[2].startsWith("warden: out of memory"), w[2]);
        assertEquals(1, w[2].lines().count(), w[2]);
    }

    // [utest->dsn~cli.internal-error~1]
    // [utest->dsn~cli.exit-codes~2]
    @Test
    void everyCommandsHelpListsExitCodeThree() {
        for (String c : new String[] {"run", "validate", "campaign", "bench", "trace"}) {
            StringWriter out = new StringWriter();
            CommandLine cl = WardenCli.commandLine(new PrintWriter(out), new PrintWriter(new StringWriter()));
            cl.getSubcommands().get(c).usage(new PrintWriter(out));
            assertTrue(out.toString().contains("3 internal error"), c + ":\n" + out);
        }
        StringWriter top = new StringWriter();
        WardenCli.commandLine(new PrintWriter(top), new PrintWriter(new StringWriter())).usage(new PrintWriter(top));
        assertTrue(top.toString().contains("3 internal error"), top.toString());
    }

    private static void checkHelpLines(CommandLine cl, List<String> out) {
        String name = cl.getCommandSpec().qualifiedName();
        CommandLine.Model.UsageMessageSpec u = cl.getCommandSpec().usageMessage();
        List<String> declared = new ArrayList<>();
        declared.addAll(List.of(u.header()));
        declared.addAll(List.of(u.description()));
        declared.addAll(List.of(u.footer()));
        for (String line : declared) {
            if (line.length() > 100) {
                out.add(name + " declares " + line.length() + " chars: " + line);
            }
        }
        for (String line : cl.getUsageMessage(CommandLine.Help.Ansi.OFF).split("\\R")) {
            if (line.length() > 100) {
                out.add(name + " prints " + line.length() + " chars: " + line);
            }
        }
        for (CommandLine sub : cl.getSubcommands().values()) {
            if (sub.getCommandSpec().parent() == cl.getCommandSpec()) {
                checkHelpLines(sub, out);
            }
        }
    }

    // [utest->dsn~cli.help-width~1]
    @Test
    void noHelpLineOfAnyCommandIsLongerThanOneHundredCharacters() {
        PrintWriter sink = new PrintWriter(new StringWriter());
        CommandLine cl = WardenCli.commandLine(sink, sink);
        assertTrue(cl.getSubcommands().keySet().containsAll(List.of("run", "validate", "campaign", "trace", "bench")),
                cl.getSubcommands().keySet().toString());
        List<String> tooLong = new ArrayList<>();
        checkHelpLines(cl, tooLong);
        assertEquals(List.of(), tooLong);
    }
}
