package warden.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import warden.trace.bench.BenchRepo;
import warden.trace.link.Trace;
import warden.trace.model.TraceConfig;
import warden.trace.report.AsciiDocReport;
import warden.trace.report.HtmlReport;
import warden.trace.report.JsonReport;
import warden.trace.report.ReqifReport;

/** Reading on one thread or on several gives the same trace and the same report bytes. */
class ParallelTest {
    @TempDir
    Path tmp;

    /** @return every report of the trace, the ReqIF export's creation time left out. */
    private static List<String> reports(Trace t) {
        List<String> out = new ArrayList<>();
        out.add(HtmlReport.render(t));
        out.add(JsonReport.render(t));
        out.add(ReqifReport.render(t).replaceAll("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ", "TIME"));
        out.addAll(AsciiDocReport.render(t).values());
        return out;
    }

    // [utest->dsn~trace.parallel~1]
    @Test
    void oneThreadOrFourGiveTheSameReportsOnTheBenchmarkRepository() throws Exception {
        Path root = tmp.resolve("bench");
        BenchRepo.generate(root, 2_000);
        TraceConfig c = TraceOptions.parse(new String[] {"--root", root.toString()}).config();
        Trace one = TraceEngine.run(root, c, 1);
        assertEquals(2_000, one.items.size());
        assertEquals(3_000, one.mutants.size());
        assertTrue(one.passed(), one.findings.toString());
        List<String> expected = reports(one);
        for (int run = 0; run < 3; run++) { // a few runs, each with its own timing
            assertEquals(expected, reports(TraceEngine.run(root, c, 4)));
        }
    }

    // [utest->dsn~trace.parallel~1]
    @Test
    void oneThreadOrFourGiveTheSameFindingsAndErrorsOnBrokenChains() throws Exception {
        for (String broken : List.of("failing-test", "unknown-id", "malformed", "malformed-xml", "mutation-score")) {
            Path root = Fixture.prepare(tmp.resolve(broken), broken);
            TraceConfig c = TraceOptions.parse(new String[] {"--root", root.toString()}).config();
            Trace one = TraceEngine.run(root, c, 1);
            Trace four = TraceEngine.run(root, c, 4);
            assertTrue(!one.passed(), broken + " should not pass");
            assertEquals(one.errors, four.errors, broken);
            assertEquals(one.findings, four.findings, broken);
            assertEquals(one.tags, four.tags, broken);
        }
    }
}
