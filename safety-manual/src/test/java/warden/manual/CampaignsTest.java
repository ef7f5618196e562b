package warden.manual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Campaign tables from a sample {@code warden.campaign/1} report.
 */
class CampaignsTest {
    static final String SAMPLE = """
            {"schema": "warden.campaign/1", "source": "default-system.yaml", "target": "riscv", "seed": 7, "faults": 3,
             "runNs": 300000000,
             "summary": [{"model": "hang", "injected": 2, "applied": 2, "detected": 2, "recovered": 1,
               "diagnosticCoveragePercent": "100.0", "detectionNs": {"min": 4000000, "median": 5000000, "max": 6000000},
               "recoveryNs": {"min": 9000000, "median": 9000000, "max": 9000000}, "criticalDeadlineMisses": 0,
               "criticalDeadlineMissesFromQmFaults": 0},
              {"model": "memory-corruption", "injected": 1, "applied": 1, "detected": 0, "recovered": 0,
               "diagnosticCoveragePercent": "0.0", "detectionNs": {"min": -1, "median": -1, "max": -1},
               "recoveryNs": {"min": -1, "median": -1, "max": -1}, "criticalDeadlineMisses": 1,
               "criticalDeadlineMissesFromQmFaults": 1}],
             "detectionsByMechanism": {"watchdog": 2},
             "runs": [
              {"index": 0, "seed": 1, "model": "hang", "partition": "rtos", "partitionCritical": true, "injectNs": 1,
               "applied": true, "detected": true, "mechanism": "watchdog", "detectionNs": 4000000, "recovered": true,
               "recoveryNs": 9000000, "criticalMisses": 0},
              {"index": 1, "seed": 2, "model": "hang", "partition": "linux", "partitionCritical": false, "injectNs": 1,
               "applied": true, "detected": true, "mechanism": "watchdog", "detectionNs": 6000000, "recovered": false,
               "recoveryNs": -1, "criticalMisses": 0},
              {"index": 2, "seed": 3, "model": "memory-corruption", "partition": "linux", "partitionCritical": false,
               "injectNs": 1, "applied": true, "detected": false, "mechanism": null, "detectionNs": -1,
               "recovered": false, "recoveryNs": -1, "criticalMisses": 1}]}
            """;

    private final List<Campaigns.Report> reports = List.of(Campaigns.read("riscv", SAMPLE, 1.5, 1));

    // [utest->dsn~manual.campaign~1]
    @Test
    void modelTableGivesEveryModelWithItsTimes() {
        String t = Campaigns.models(reports, "none");
        assertTrue(t.contains("|hang"), t);
        assertTrue(t.contains("|2 / 1"), t);
        assertTrue(t.contains("|4.000 ms / 5.000 ms / 6.000 ms"), t);
        assertTrue(t.contains("|0.0 %"), t);
        assertTrue(t.contains("|1 (1)"), t);
    }

    // [utest->dsn~manual.campaign-accounting~1]
    @Test
    void modelTableGivesTheHonestAccountingWhenTheReportHasIt() {
        String row = SAMPLE.replace("\"criticalDeadlineMissesFromQmFaults\": 0}",
                "\"criticalDeadlineMissesFromQmFaults\": 0, \"contained\": 0, \"latent\": 0,"
                        + " \"detectionBoundNs\": 10000000, \"ownFaultMisses\": 17, \"ownFaultMissesWorstRun\": 9,"
                        + " \"ownFaultMissBound\": 23, \"runsOverOwnFaultBound\": 1, \"platformFaultMisses\": 0}");
        String t = Campaigns.models(List.of(Campaigns.read("riscv", row, 1.5, 1)), "none");
        assertTrue(t.contains("|2 / 1 (0, 0)"), t);
        assertTrue(t.contains("6.000 ms (bound 10.000 ms)"), t);
        assertTrue(t.contains("|0 (0); 17, 9 / 23; 0 (*1 runs over their bound*)"), t);
        assertTrue(t.contains("|1 (1)\n") || t.contains("|1 (1)"), "an older report's row has no accounting: " + t);
    }

    // [utest->dsn~manual.campaign~1]
    @Test
    void mechanismTableJoinsDesignAndMeasurement() throws Exception {
        String t = Campaigns.mechanisms(reports, "none");
        assertTrue(t.contains("Watchdog per partition"), t);
        assertTrue(t.contains("|2 +\n(riscv 2)"), t);
        assertTrue(t.contains("|4.000 ms / 4.000 ms / 6.000 ms"), t);
        assertTrue(t.contains("|9.000 ms / 9.000 ms / 9.000 ms"), t);
        assertTrue(t.contains("never the detecting mechanism"), t);
    }

    // [utest->dsn~manual.campaign~1]
    @Test
    void undetectedAndQmCausedMissesAreListed() {
        String t = Campaigns.undetected(reports, "none");
        assertTrue(t.contains("memory-corruption (critical miss)"), t);
        assertTrue(t.contains("|linux"), t);
    }

    // [utest->dsn~manual.campaign~1]
    @Test
    void parametersSayWhenAQmFaultCausedACriticalMiss() {
        String t = Campaigns.parameters(reports, "none");
        assertTrue(t.contains("a fault in a QM partition caused a critical deadline miss"), t);
        assertTrue(t.contains("|1.5 s"), t);
    }

    // [utest->dsn~manual.campaign~1]
    @Test
    void withoutReportsTheMissingNoteStands() throws Exception {
        String note = Adoc.missing("fault campaign", "x.json", "Run it.");
        assertEquals(note, Campaigns.models(List.of(), note));
        assertTrue(Campaigns.mechanisms(List.of(), note).contains("*Evidence missing*"));
    }

    // [utest->dsn~manual.campaign~1]
    @Test
    void timesAreScaled() {
        assertEquals("17 ns", Campaigns.time(17));
        assertEquals("12.3 µs", Campaigns.time(12_300));
        assertEquals("1.234 ms", Campaigns.time(1_234_000));
        assertEquals("-", Campaigns.time(-1));
    }
}
