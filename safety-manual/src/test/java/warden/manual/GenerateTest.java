package warden.manual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generator over a repository with no evidence at all: it still writes every include, each
 * says which evidence is missing, and the identification says "unknown" where git is absent.
 */
class GenerateTest {
    @TempDir
    Path root;

    private String include(Path out, String name) throws Exception {
        return Files.readString(out.resolve(name), StandardCharsets.UTF_8);
    }

    // [utest->dsn~manual.generate~1]
    // [utest->dsn~manual.missing-evidence~1]
    @Test
    void everyIncludeSaysEvidenceMissingWhenTheBuildProducedNone() throws Exception {
        Path out = root.resolve("out");
        Evidence ev = Generate.run(Map.of("root", root.toString(), "out", out.toString(), "faults", "0"));
        for (String name : new String[] {"surefire.adoc", "jacoco.adoc", "pit.adoc", "trace-summary.adoc",
            "trace-coverage.adoc", "trace-verdicts.adoc", "trace-mutation.adoc", "rj-wcet-iterations.adoc",
            "rj-wcet-cycles.adoc", "rj-suppressions.adoc", "campaign-models.adoc", "mechanisms.adoc",
            "assumptions.adoc", "safety-goals.adoc", "anomalies.adoc"}) {
            String text = include(out, name);
            assertTrue(text.contains("Evidence missing"), name + " does not say its evidence is missing:\n" + text);
            assertTrue(text.startsWith(Adoc.HEADER), name + " lacks the generated-file header");
        }
        assertTrue(include(out, "evidence-status.adoc").contains("*MISSING*"));
        assertTrue(include(out, "missing-summary.adoc").contains("*Evidence missing:* Fault campaign on riscv"));
        assertFalse(ev.missing().isEmpty());
    }

    // [utest->dsn~manual.identification~1]
    @Test
    void identificationSaysUnknownWithoutGitAndNamesTheVersion() throws Exception {
        Path out = root.resolve("out");
        Generate.run(Map.of("root", root.toString(), "out", out.toString(), "faults", "0", "version", "9.9.9"));
        String id = include(out, "identification.adoc");
        assertTrue(id.contains("`+unknown+`"), id);
        assertTrue(id.contains("9.9.9"), id);
        assertEquals(Identification.UNKNOWN, Identification.git(root, "rev-parse", "HEAD"));
        assertTrue(include(out, "attributes.adoc").contains(":revremark: built from commit unknown"));
    }

    // [utest->dsn~manual.identification~1]
    @Test
    void identificationGivesTheCommitOfThisRepository() {
        String hash = Identification.git(Path.of("").toAbsolutePath(), "rev-parse", "HEAD");
        assertTrue(hash.equals(Identification.UNKNOWN) || hash.matches("[0-9a-f]{40}"), hash);
    }

    // [utest->dsn~manual.generate~1]
    @Test
    void badArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Generate.Options.parse(new String[] {"--root", "x"}));
        assertThrows(IllegalArgumentException.class, () -> Generate.Options.parse(new String[] {"--nope", "x"}));
        assertEquals("7", Generate.Options.parse(new String[] {"--root", "r", "--out", "o", "--faults", "7"})
                .get("faults"));
    }

    // [utest->dsn~manual.generate~1]
    @Test
    void cellsCannotBreakATable() {
        assertEquals("a \\| b c", Adoc.cell("a | b\nc"));
        assertEquals("-", Adoc.cell(" "));
        assertEquals("dsn{tilde}a{tilde}1", Adoc.cell("dsn~a~1"));
        assertThrows(IllegalArgumentException.class, () -> new Adoc.Table("t", "1,1", "a", "b").row("only one"));
    }
}
