package warden.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
