package warden.trace.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import warden.trace.Fixture;
import warden.trace.link.ItemTrace;
import warden.trace.link.Trace;
import warden.trace.model.TraceConfig;

/** The repository scan and the report readers: Surefire, PIT, JaCoCo. */
class ReadersTest {
    @TempDir
    Path tmp;

    // [utest->dsn~trace.scan~1]
    @Test
    void theScanFindsSourcesAndEachModulesReportsAndSkipsExcludedHiddenAndTarget() throws Exception {
        Path root = Fixture.prepare(tmp);
        Files.createDirectories(root.resolve("mod/target/surefire-reports"));
        Files.copy(root.resolve("reports/TEST-demo.AlphaTest.xml"),
                root.resolve("mod/target/surefire-reports/TEST-x.xml"));
        Files.writeString(root.resolve("mod/pom.xml"), "<project/>");
        Files.createDirectories(root.resolve("mod/target/classes"));
        Files.writeString(root.resolve("mod/target/classes/Stale.java"), "// [impl" + "->dsn~stale~1]");
        Files.createDirectories(root.resolve(".hidden/src"));
        Files.writeString(root.resolve(".hidden/src/H.java"), "// [impl" + "->dsn~hidden~1]");
        Files.createDirectories(root.resolve("skip/src"));
        Files.writeString(root.resolve("skip/src/S.java"), "// [impl" + "->dsn~skipped~1]");
        TraceConfig c = TraceConfig.defaults();
        c.excludes.add("skip");
        c.reports.add("reports");
        RepoScan s = RepoScan.scan(root, c);
        assertEquals(4, s.sources.stream().filter(f -> f.path().endsWith(".java")).count());
        assertEquals(1, s.sources.stream().filter(f -> f.path().equals("mod/pom.xml")).count());
        assertEquals(3, s.surefire.size());
        assertEquals(1, s.mutations.size());
        assertEquals(1, s.jacoco.size());
        assertEquals(2, s.specs.size() + 1);
    }

    // [utest->dsn~trace.verdicts~1]
    @Test
    void invocationsFoldIntoOneVerdictPerTestMethod() throws Exception {
        Path f = tmp.resolve("TEST-x.xml");
        Files.writeString(f, "<testsuite>"
                + "<testcase name=\"p(int)[1]\" classname=\"a.T\"/><testcase name=\"p(int)[2]\" classname=\"a.T\">"
                + "<failure message=\"boom\nsecond line\"/></testcase>"
                + "<testcase name=\"s\" classname=\"a.T\"><skipped/></testcase>"
                + "<testcase name=\"q()[1]\" classname=\"a.T$Inner\"/>"
                + "<testcase name=\"q()[2]\" classname=\"a.T$Inner\">"
                + "<skipped/></testcase></testsuite>");
        TestResults r = new TestResults();
        r.read(f, "TEST-x.xml");
        assertEquals("failed", r.verdict("a.T#p").status());
        assertEquals("boom second line", r.verdict("a.T#p").message());
        assertEquals("skipped", r.verdict("a.T#s").status());
        assertEquals("passed", r.verdict("a.T$Inner#q").status());
        assertEquals(3, r.testsOf("a.T").size());
        assertNull(r.verdict("a.T#nothing"));
    }

    // [utest->dsn~trace.mutations~1]
    @Test
    void pitTestNamesBecomeClassAndMethodKeys() {
        assertEquals("a.T#m", MutationReader.testKey("a.T.[engine:junit-jupiter]/[class:a.T]/[method:m()]"));
        assertEquals("a.P#prop",
                MutationReader.testKey("a.P.[engine:jqwik]/[class:a.P]/[property:prop(java.util.List)]"));
        assertEquals("a.T$In#x", MutationReader.testKey("a.T.[engine:junit-jupiter]/[class:a.T]/[nested-class:In]"
                + "/[test-template:x(int)]/[test-template-invocation:#1]"));
        assertEquals("a.T#old", MutationReader.testKey("a.T.old(a.T)"));
    }

    // [utest->dsn~trace.coverage~1]
    @Test
    void coverageCountsTheLinesAndBranchesOfEachItemsCode() throws Exception {
        Trace t = Fixture.trace(Fixture.prepare(tmp));
        ItemTrace alpha = t.items.get("dsn~alpha~1");
        ItemTrace beta = t.items.get("dsn~beta~1");
        assertEquals(2, alpha.coverage[0]);
        assertEquals(1, alpha.coverage[1]);
        assertEquals(3, beta.coverage[0]);
        assertEquals(3, beta.coverage[1]);
        assertEquals(4, beta.coverage[2]);
        assertEquals(3, beta.coverage[3]);
        assertEquals(75.0, beta.branchCoverage());
        assertEquals(100.0, beta.mutationScore());
        assertTrue(t.hasCoverage());
        assertFalse(t.items.get("sg~safe~1").asilInherited);
        assertTrue(alpha.asilInherited);
        assertEquals("ASIL-C", alpha.asil.toString());
    }
}
