package warden.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFilesTest {

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = WardenCli.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    private static long filesIn(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }

    // [utest->dsn~cli.outputs.atomic~1]
    @Test
    void aWriteThatFailsMidwayLeavesThePreviousFileIntact(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("r.json");
        Files.writeString(report, "the previous report\n");
        UsageError e = assertThrows(UsageError.class, () -> OutputFiles.write(report, "--json", w -> {
            w.write("{\"half\": ");
            w.flush();
            throw new IOException("No space left on device");
        }));
        assertTrue(e.getMessage().startsWith("--json: cannot write " + report), e.getMessage());
        assertEquals("the previous report\n", Files.readString(report));
        assertEquals(1, filesIn(dir), "no temporary file is left behind");
        assertThrows(OutOfMemoryError.class, () -> OutputFiles.write(report, "--trace", w -> {
            w.write("[{");
            throw new OutOfMemoryError("Java heap space");
        }));
        assertEquals("the previous report\n", Files.readString(report));
        assertEquals(1, filesIn(dir), "no temporary file is left behind");
        OutputFiles.write(report, "{\"whole\": true}\n", "--json");
        assertEquals("{\"whole\": true}\n", Files.readString(report));
        assertEquals(1, filesIn(dir));
    }

    // [utest->dsn~cli.outputs.checked~1]
    @Test
    void outputPathsAreCheckedBeforeAnyWork(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("no-such-dir/r.json");
        String[] r = run("run", "--json", missing.toString());
        assertEquals("2", r[0], r[2]);
        assertTrue(r[2].contains("--json: cannot write " + missing + ": no such directory"), r[2]);
        assertFalse(r[2].contains("\tat "), "no stack trace:\n" + r[2]);
        assertEquals("", r[1], "nothing ran");
        String[] d = run("run", "--trace", dir.toString());
        assertEquals("2", d[0], d[2]);
        assertTrue(d[2].contains("--trace: cannot write " + dir + ": it is a directory"), d[2]);
        String[] c = assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> run("campaign", "--faults", "10000", "--svg", missing.toString()), "refused at once");
        assertEquals("2", c[0], c[2]);
        assertTrue(c[2].contains("--svg: cannot write " + missing), c[2]);
        assertFalse(c[2].contains("campaign:"), "no run started:\n" + c[2]);
        String[] m = run("campaign", "--merge", dir.resolve("a.json").toString(), "--json", dir.toString());
        assertEquals("2", m[0], m[2]);
        assertTrue(m[2].contains("--json: cannot write " + dir + ": it is a directory"), m[2]);
    }

    // [utest->dsn~cli.outputs.distinct~1]
    @Test
    void twoOutputsNamingTheSameFileAreRefusedBeforeTheRun(@TempDir Path dir) throws Exception {
        Path x = dir.resolve("x.json");
        String[] r = run("run", "--json", x.toString(), "--trace", dir.resolve("sub/../x.json").toString());
        assertEquals("2", r[0], r[2]);
        assertTrue(r[2].contains("--json and --trace name the same file"), r[2]);
        assertEquals("", r[1], "nothing ran");
        assertFalse(Files.exists(x));
        String[] c = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> run("campaign", "--faults", "10000",
                "--json", x.toString(), "--svg", dir.resolve("./x.json").toString()), "refused at once");
        assertEquals("2", c[0], c[2]);
        assertTrue(c[2].contains("--json and --svg name the same file"), c[2]);
        assertFalse(Files.exists(x));
    }
}
