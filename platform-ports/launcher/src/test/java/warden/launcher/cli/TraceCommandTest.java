package warden.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceCommandTest {

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = WardenCli.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    /** Builds a tag at run time, so that this file itself carries no tag for a fixture id. */
    private static String tag(String id) {
        return "[impl" + "->" + id + "]";
    }

    // [utest->dsn~cli.trace~1]
    @Test
    void traceRunsTheEngineWithItsOptionsAndExitCodes(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("requirements"));
        Files.writeString(root.resolve("requirements/a.md"), "### A\n`dsn~a.thing~1`\n\nText.\n\nNeeds: impl\n");
        Path src = root.resolve("m/src/main/java/x");
        Files.createDirectories(src);
        Files.writeString(src.resolve("X.java"), "package x;\n// " + tag("dsn~a.thing~1") + "\nclass X {}\n");
        String[] ok = run("trace", "--root", root.toString(), "--out", root.resolve("out").toString(), "--no-verdicts");
        assertEquals("0", ok[0], ok[1] + ok[2]);
        assertTrue(Files.exists(root.resolve("out/index.html")));
        Files.writeString(src.resolve("Y.java"), "package x;\n// " + tag("dsn~a.other~1") + "\nclass Y {}\n");
        String[] bad = run("trace", "--root", root.toString(), "--out", root.resolve("out").toString(),
                "--no-verdicts");
        assertEquals("1", bad[0], bad[1] + bad[2]);
        assertTrue((bad[1] + bad[2]).contains("dsn~a.other~1"), bad[1] + bad[2]);
        assertEquals("2", run("trace", "--bogus")[0]);
    }

    // [utest->dsn~cli.trace.nothing~1]
    @Test
    void traceWithNothingToTraceFails(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("requirements"));
        Files.writeString(root.resolve("requirements/notes.md"), "# Notes\n\nNo spec item here.\n");
        String[] r = run("trace", "--root", root.toString(), "--out", root.resolve("out").toString(), "--no-verdicts");
        assertEquals("2", r[0], r[1] + r[2]);
        assertTrue(r[2].contains("0 requirements found under " + root.resolve("requirements")), r[2]);
    }
}
