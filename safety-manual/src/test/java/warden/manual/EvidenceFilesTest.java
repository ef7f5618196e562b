package warden.manual;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Verification and restricted-Java tables from sample evidence files laid out as a build leaves them.
 */
class EvidenceFilesTest {
    @TempDir
    Path root;

    private void put(String rel, String text) throws Exception {
        Path f = root.resolve(rel);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text, StandardCharsets.UTF_8);
    }

    private Evidence ev() {
        return new Evidence(root, root.resolve("out"));
    }

    // [utest->dsn~manual.verification~1]
    @Test
    void surefireVerdictsAreSummedPerModule() throws Exception {
        put("a/target/surefire-reports/TEST-x.A.xml", "<?xml version=\"1.0\"?>\n<testsuite name=\"x.A\" time=\"1.5\" "
                + "tests=\"4\" errors=\"0\" skipped=\"1\" failures=\"1\">\n</testsuite>");
        put("a/target/surefire-reports/TEST-x.B.xml",
                "<testsuite tests=\"2\" errors=\"0\" skipped=\"0\" failures=\"0\" time=\"0.5\">");
        put("p/b/target/surefire-reports/TEST-y.C.xml",
                "<testsuite tests=\"3\" errors=\"1\" skipped=\"0\" failures=\"0\" time=\"1\">");
        Evidence ev = ev();
        String t = Verification.surefire(ev);
        assertTrue(t.contains("|`+a+`\n|2\n|6\n|*1*\n|0\n|1\n|2.0 s"), t);
        assertTrue(t.contains("|`+p/b+`"), t);
        assertTrue(t.contains("|*9*"), t);
        assertTrue(ev.get("surefire").present());
        assertTrue(ev.get("surefire").figure().startsWith("9 tests, 1 failures, 1 errors"),
                ev.get("surefire").figure());
    }

    // [utest->dsn~manual.verification~1]
    @Test
    void jacocoAndPitAreReadOrStatedMissing() throws Exception {
        Evidence none = ev();
        assertTrue(Verification.jacoco(none).contains("Evidence missing: structural coverage"));
        assertTrue(Verification.pit(none).contains("Evidence missing: mutation analysis"));
        put("k/target/site/jacoco/jacoco.xml", "<report><package><counter type=\"LINE\" missed=\"9\" covered=\"1\"/>"
                + "</package><counter type=\"INSTRUCTION\" missed=\"0\" covered=\"10\"/>"
                + "<counter type=\"LINE\" missed=\"1\" covered=\"3\"/>"
                + "<counter type=\"BRANCH\" missed=\"1\" covered=\"1\"/></report>");
        put("k/target/pit-reports/mutations.xml", "<mutations><mutation detected='true' status='KILLED'/>"
                + "<mutation detected='false' status='SURVIVED'/><mutation status='KILLED'/>"
                + "<mutation status='NO_COVERAGE'/></mutations>");
        Evidence ev = ev();
        String j = Verification.jacoco(ev);
        assertTrue(j.contains("|75.0 % (3/4)\n|50.0 % (1/2)"), j);
        String p = Verification.pit(ev);
        assertTrue(p.contains("|4\n|2\n|1\n|1\n|0\n|50.0 % (2/4)"), p);
    }

    // [utest->dsn~manual.verification~1]
    @Test
    void traceIncludesAreCopiedAndTheSummaryCountsFindings() throws Exception {
        put("target/trace/trace-coverage.adoc", "|===\n|cov `dsn~a~1`\n|===\n");
        put("target/trace/trace-mutation.adoc", "|===\n|mut\n|===\n");
        put("target/trace/trace.json", "{\"schema\": \"warden.trace/1\", \"passed\": false, \"summary\": "
                + "{\"items\": 2, \"tags\": 3, \"testMethods\": 1, \"mutants\": 0, \"mutationData\": false, "
                + "\"coverageData\": false}, \"items\": [{\"id\": \"dsn~a~1\", \"asil\": \"ASIL-C\", \"tests\": "
                + "[{\"test\": \"T#a\", \"verdict\": \"passed\"}, {\"test\": \"T#b\", \"verdict\": \"failed\"}]}], "
                + "\"findings\": [{\"gate\": \"unknown-id\", \"location\": \"X.java:3\", \"message\": "
                + "\"tag names no item\"}], \"equivalentMutants\": [], \"untaggedCodeWaivers\": []}");
        Evidence ev = ev();
        TraceEvidence.write(ev);
        Path out = root.resolve("out");
        assertTrue(Files.readString(out.resolve("trace-coverage.adoc")).contains("|cov `dsn{tilde}a{tilde}1`"));
        assertTrue(Files.readString(out.resolve("trace-verdicts.adoc")).contains("Evidence missing"));
        String mut = Files.readString(out.resolve("trace-mutation.adoc"));
        assertTrue(mut.contains("Evidence missing: own mutation scores") && mut.contains("|mut"), mut);
        String sum = Files.readString(out.resolve("trace-summary.adoc"));
        assertTrue(sum.contains("|`+unknown-id+`\n|1\n|X.java:3: tag names no item"), sum);
        String iv = Files.readString(out.resolve("trace-item-verdicts.adoc"));
        assertTrue(iv.contains("|`+dsn~a~1+`\n|ASIL-C\n|2\n|1\n|*1*\n|0"), iv);
    }

    // [utest->dsn~manual.restricted-java~1]
    @Test
    void restrictedJavaFiguresAreRead() throws Exception {
        String d = RestrictedJava.DIR;
        put(d + "wcet-iterations.adoc", "|===\n|wcet\n|===\n");
        put(d + "source-findings.txt", "\n");
        put(d + "bytecode-findings.txt", "K.java:3: [alloc] new in mission\n");
        put(d + "kernel-allocation-riscv.txt", "riscv JIT: window 1: 1000000 mission events allocated 0 bytes\n");
        put(d + "epsilon-soak.txt", "riscv default system, passed true\n");
        Evidence ev = ev();
        RestrictedJava.write(ev);
        Path out = root.resolve("out");
        assertTrue(Files.readString(out.resolve("rj-wcet-iterations.adoc")).contains("|wcet"));
        assertTrue(Files.readString(out.resolve("rj-suppressions.adoc")).contains("Evidence missing"));
        String f = Files.readString(out.resolve("rj-findings.adoc"));
        assertTrue(f.contains("|0\n") && f.contains("|*1*"), f);
        String a = Files.readString(out.resolve("rj-allocation.adoc"));
        assertTrue(a.contains("allocated 0 bytes"), a);
        assertTrue(a.contains("Evidence missing: kernel allocation proof on arm"), a);
        assertTrue(a.contains("passed true"), a);
        assertFalse(ev.get("rj.source").figure().isEmpty());
    }
}
