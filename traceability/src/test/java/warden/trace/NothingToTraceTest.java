package warden.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A trace over no spec item passes nothing: a wrong root or an emptied requirements directory fails. */
class NothingToTraceTest {

    // [utest->dsn~cli.trace.nothing~1]
    @Test
    void noSpecItemUnderTheRequirementsDirectoryIsBadInput(@TempDir Path root) throws Exception {
        Fixture.Run none = Fixture.run(root, "--no-verdicts");
        assertEquals(TraceMain.BAD_INPUT, none.exit(), none.all());
        assertTrue(none.err().contains("0 requirements found under " + root.resolve("requirements")), none.all());
        assertFalse(none.out().contains("Trace gates: passed"), none.all());
        Files.createDirectories(root.resolve("requirements"));
        Files.writeString(root.resolve("requirements/notes.md"), "# Notes\n\nNo spec item here.\n");
        Fixture.Run empty = Fixture.run(root, "--no-verdicts");
        assertEquals(TraceMain.BAD_INPUT, empty.exit(), empty.all());
        assertTrue(empty.err().contains("0 requirements found under"), empty.all());
    }

    // [utest->dsn~cli.trace.invalid-bytes~1]
    @Test
    void aRequirementsFileWithInvalidBytesIsNamedWithItsLine(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("requirements"));
        byte[] good = "# Spec\r\n\n### Item\n`dsn~a.b~1`\n\nText caf".getBytes(StandardCharsets.UTF_8);
        byte[] bad = new byte[good.length + 10];
        System.arraycopy(good, 0, bad, 0, good.length);
        System.arraycopy(new byte[] {(byte) 0xE9, ' ', 'o', 'k', '.', '\n', '\n', 'N', 'o', '\n'}, 0, bad,
                good.length, 10);
        Files.write(root.resolve("requirements/x.md"), bad);
        Fixture.Run r = Fixture.run(root, "--no-verdicts");
        assertEquals(TraceMain.BAD_INPUT, r.exit(), r.all());
        assertTrue(r.err().contains("requirements/x.md:6:9: invalid UTF-8 (byte 0xE9)"), r.all());
        Files.writeString(root.resolve("requirements/x.md"), "# Spec\n\n### Item\n`dsn~a.b~1`\n\nA real \uFFFD.\n");
        assertFalse(Fixture.run(root, "--no-verdicts").err().contains("invalid UTF-8"));
    }
}
