package warden.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class BenchCommandTest {

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = WardenCli.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    // [utest->dsn~cli.bench~1]
    @Test
    void benchReportsHostTimePerMillionKernelEvents() {
        String[] r = run("bench", "--for", "20ms", "--repeat", "2", "--warmup", "0");
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("host time per 10^6 kernel events: median"), r[1]);
        assertTrue(r[1].contains("run 2:"), r[1]);
    }

    // [utest->dsn~cli.bench~1]
    @Test
    void benchRejectsBadCountsWithExitTwo() {
        String[] r = run("bench", "--repeat", "0");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("--repeat must be 1..1000"), r[2]);
    }
}
