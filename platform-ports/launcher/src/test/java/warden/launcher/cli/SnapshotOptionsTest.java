package warden.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code warden run --snapshot-at T --restore-at T2} on the default system: the RTOS is snapshotted
 * from T on, crashed at T2 and restored; the help teaches the options; wrong combinations are usage
 * errors with one line and exit 2.
 */
class SnapshotOptionsTest {
    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = WardenCli.commandLine(new PrintWriter(out), new PrintWriter(err));
        int code = WardenCli.execute(cl, args);
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    // [utest->dsn~cli.snapshot-options~1]
    // [utest->dsn~run.snapshot-report~1]
    @Test
    void theDefaultSystemsRtosIsSnapshottedCrashedAndRestored() {
        String[] r = run("run", "--snapshot-at", "20ms", "--restore-at", "60ms");
        String out = r[1];
        assertTrue(out.contains("snapshot-taken       rtos         core 0  "), out);
        assertTrue(out.matches("(?s).*20\\.0\\d\\d ms  snapshot-taken +rtos +core 0  \\d+ pages copied in \\d+ ns.*"),
                out);
        assertTrue(out.matches("(?s).*failure-detected +rtos +core 0  watchdog -> restore.*"), out);
        assertTrue(out.matches("(?s).*partition-restored +rtos +core 0  \\d+ pages copied back in \\d+ ns"
                + " \\(digest checked\\).*"), out);
        assertTrue(out.contains("partition-recovered"), out);
        assertTrue(!out.contains("partition-restarted"), out);
    }

    // [utest->dsn~cli.snapshot-options~1]
    @Test
    void aRestoreWithoutAnEarlierSnapshotIsAUsageError() {
        String[] r = run("run", "--restore-at", "60ms");
        assertEquals("2", r[0]);
        assertTrue(r[2].startsWith("error: --restore-at needs --snapshot-at: a restore needs a snapshot taken"
                + " before it\n"), r[2]);
        r = run("run", "--snapshot-at", "60ms", "--restore-at", "20ms");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("--restore-at 20ms must come after --snapshot-at 60ms"), r[2]);
        r = run("run", "--snapshot-at", "soon");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("--snapshot-at: 'soon' is not a duration"), r[2]);
    }

    // [utest->dsn~cli.snapshot-options~1]
    @Test
    void theHelpSaysWhatTheOptionsDo() {
        String[] r = run("run", "--help");
        assertTrue(r[1].contains("--snapshot-at=TIME"), r[1]);
        assertTrue(r[1].contains("--restore-at=TIME"), r[1]);
        assertTrue(r[1].contains("heals it by restoring that snapshot"), r[1]);
    }
}
