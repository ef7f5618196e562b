package warden.manual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compliance rows show the status of their evidence in this build; tool versions come from the POMs.
 */
class MatricesTest {
    @TempDir
    Path root;

    // [utest->dsn~manual.compliance~1]
    @Test
    void complianceRowsShowPresentMissingAndGaps() throws Exception {
        Evidence ev = new Evidence(root, root.resolve("out"));
        ev.record("surefire", "Test verdicts", "x", true, "12 tests, 0 failures");
        ev.record("jacoco", "Structural coverage", "y", false, "not found");
        String t = Matrices.compliance(ev);
        assertTrue(t.contains(".ISO 26262-6 Table 7 (software unit verification)"), t);
        assertTrue(t.contains(".ISO 26262-6 Table 9 (structural coverage, unit level)"), t);
        assertTrue(t.contains(".IEC 61508-3 Table A.2 (architecture)"), t);
        assertTrue(t.contains("Test verdicts: 12 tests, 0 failures"), t);
        assertTrue(t.contains("*Evidence missing:* Structural coverage (not found)"), t);
        assertTrue(t.contains("|MC/DC\n|+\n|blog.isowiz.com"), t);
        assertTrue(t.contains("_no build evidence_"), t);
    }

    // [utest->dsn~manual.recommendation-degrees~1]
    @Test
    void aDegreeIsPrintedOnlyWithItsSource() throws Exception {
        assertEquals("HR", Matrices.degree(new String[] {"s", "r", "t", "h", "-", "HR", "example.org/table"}));
        assertEquals("not confirmed", Matrices.degree(new String[] {"s", "r", "t", "h", "-", "HR", "-"}));
        assertEquals("not confirmed", Matrices.degree(new String[] {"s", "r", "t", "h", "-", "HR", " "}));
        assertEquals("not confirmed", Matrices.degree(new String[] {"s", "r", "t", "h", "-"}));
        String t = Matrices.compliance(new Evidence(root, root.resolve("out")));
        assertTrue(t.contains("|Degree at ASIL C") && t.contains("|Degree at SIL 3"), t);
        for (String[] r : Matrices.rows("compliance.tsv")) {
            assertEquals(7, r.length, String.join(" | ", r));
            boolean confirmed = !Matrices.degree(r).equals("not confirmed");
            assertTrue(!confirmed || Matrices.source(r).contains("."), "a degree without a source: " + r[2]);
        }
    }

    // [utest->dsn~manual.recommendation-degrees~1]
    @Test
    void theBranchRowCountsTheReviewedBranchesFromTheReviewFile() throws Exception {
        Files.createDirectories(root.resolve("requirements"));
        Files.writeString(root.resolve(Matrices.BRANCHES), String.join("\n", "# Kernel branches", "",
                "| File | Code of the line | Reason |", "|---|---|---|",
                "| a/A.java | if (x \\|\\| y) { | Analysed 2026-12-07: unreachable. |",
                "| a/B.java | for (;;) { | Analysed 2026-12-07: the bound. |",
                "| a/C.java | if (z) { | Open gap, not yet analysed. |", ""));
        Evidence ev = new Evidence(root, root.resolve("out"));
        String t = Matrices.compliance(ev);
        assertTrue(t.contains("or the trace gate fails (3 rows: 2 analysed, 1 open gaps; an open gap is a branch"
                + " neither taken by a test nor justified, so the kernel's branch coverage is not 100 %)"), t);
        assertTrue(t.contains("Review of the kernel's uncovered branches: 3 rows: 2 analysed, 1 open gaps"), t);
        Files.writeString(root.resolve(Matrices.BRANCHES), "| File | Code | Reason |\n|---|---|---|\n");
        String none = Matrices.compliance(new Evidence(root, root.resolve("out2")));
        assertTrue(none.contains("(0 rows: 0 analysed, 0 open gaps)"), none);
    }

    // [utest->dsn~manual.tools~1]
    @Test
    void toolVersionsAreResolvedFromThePoms() throws Exception {
        Files.writeString(root.resolve("pom.xml"), "<project><properties><jqwik.version>1.9.3</jqwik.version>"
                + "</properties><dependencies><dependency><groupId>net.jqwik</groupId><artifactId>jqwik</artifactId>"
                + "<version>${jqwik.version}</version></dependency>"
                + "<!-- <artifactId>asm</artifactId><version>0</version> -->"
                + "</dependencies><build><plugins><plugin><artifactId>pitest-maven</artifactId>"
                + "<version>1.23.0</version></plugin></plugins></build></project>");
        Poms poms = Poms.read(root);
        assertEquals("1.9.3", poms.version("jqwik"));
        assertEquals("1.23.0", poms.version("pitest-maven"));
        assertEquals("not in the build", poms.version("asm"));
        Evidence ev = new Evidence(root, root.resolve("out"));
        String t = Matrices.tools(ev, poms, "3.9.9", "0.1.0");
        assertTrue(t.contains("*jqwik*\n|1.9.3"), t);
        assertTrue(t.contains("*PIT (pitest-maven, pitest-junit5-plugin)*\n|1.23.0"), t);
        assertTrue(t.contains("|3.9.9"), t);
        assertTrue(t.contains("|*TCL1*") && t.contains("|*TCL2*"), t);
        for (String tool : new String[] {"javac", "Maven", "JUnit", "jqwik", "PIT", "Checker Framework", "ASM",
            "ArchUnit", "SnakeYAML", "picocli", "Asciidoctor", "trace engine", "emulated targets"}) {
            assertTrue(t.contains(tool), "tool table lacks " + tool);
        }
    }

    // [utest->dsn~manual.tools~1]
    @Test
    void chromiumsVersionComesFromTheFileTheSetupStepWroteOrItsAbsenceIsSaid(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("chromium-version.txt");
        String before = System.getProperty("manual.chromium.version");
        System.setProperty("manual.chromium.version", f.toString());
        try {
            assertTrue(Matrices.version("chromium", null, "", "").startsWith("not found before this manual was "
                    + "generated ("), "missing file");
            Files.writeString(f, "Chromium 120.0.6099.224 built on Debian\n");
            assertEquals("Chromium 120.0.6099.224 built on Debian", Matrices.version("chromium", null, "", ""));
        } finally {
            if (before == null) {
                System.clearProperty("manual.chromium.version");
            } else {
                System.setProperty("manual.chromium.version", before);
            }
        }
    }
}
