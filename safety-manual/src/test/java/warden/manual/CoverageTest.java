package warden.manual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The measured diagnostic coverage per mechanism, from sample campaign reports: every figure moves
 * with the runs, so that a fault counted as undetected lowers the coverage and its class.
 */
class CoverageTest {
    private static final long BOUND = 10_000_000;

    /** One run: model, partition criticality, detected by (null: not detected), detection time. */
    private static String run(int i, String model, boolean critical, String mechanism, long at) {
        return "{\"index\": " + i + ", \"seed\": " + i + ", \"model\": \"" + model + "\", \"partition\": \""
                + (critical ? "rtos" : "linux") + "\", \"partitionCritical\": " + critical + ", \"injectNs\": 1, "
                + "\"applied\": true, \"detected\": " + (mechanism != null) + ", \"mechanism\": "
                + (mechanism == null ? "null" : "\"" + mechanism + "\"") + ", \"detectionNs\": "
                + (mechanism == null ? -1 : at) + ", \"recovered\": false, \"recoveryNs\": -1, \"criticalMisses\": 0, "
                + "\"detectionBoundNs\": " + BOUND + "}";
    }

    private static Campaigns.Report report(String target, boolean channel, List<String> runs) {
        String json = "{\"schema\": \"warden.campaign/1\", \"target\": \"" + target + "\", \"seed\": 7, \"faults\": "
                + runs.size() + ", \"summary\": [], \"runs\": [" + String.join(",\n", runs) + "]}";
        return new Campaigns.Report(target, Json.object(Json.parse(json)), 1, 0, channel);
    }

    /** Ten hangs: the watchdog detects {@code detected} of them, 4 of them in the critical partition. */
    private static List<String> hangs(int detected) {
        List<String> runs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            runs.add(run(i, "hang", i < 4, i < detected ? "watchdog" : null, 5_000_000));
        }
        return runs;
    }

    private static String row(String table, String mechanismStart) {
        String rest = table.substring(table.indexOf("|" + mechanismStart));
        return rest.substring(0, rest.indexOf("\n\n") < 0 ? rest.length() : rest.indexOf("\n\n"));
    }

    private static String allFaults(String tables) {
        return tables.substring(tables.indexOf(".Measured diagnostic coverage per safety mechanism: all"),
                tables.indexOf(".Measured diagnostic coverage per safety mechanism: faults in a critical"));
    }

    private static String criticalOnly(String tables) {
        return tables.substring(tables.indexOf(".Measured diagnostic coverage per safety mechanism: faults in a "
                + "critical"), tables.indexOf(".Safety mechanisms not measured"));
    }

    // [utest->dsn~manual.diagnostic-coverage~1]
    @Test
    void aFaultCountedAsUndetectedLowersTheCoverageAndItsClass() throws Exception {
        String ten = allFaults(Coverage.tables(List.of(report("riscv", false, hangs(10))), List.of("riscv"), null));
        String nine = allFaults(Coverage.tables(List.of(report("riscv", false, hangs(9))), List.of("riscv"), null));
        String watchdogTen = row(ten, "Watchdog per partition");
        String watchdogNine = row(nine, "Watchdog per partition");
        assertTrue(watchdogTen.contains("|hang 10, crash 0\n|10\n|10\n|0, 0, 0, 0\n|100.0 %\n|high\n"), watchdogTen);
        assertTrue(watchdogNine.contains("|hang 10, crash 0\n|10\n|9\n|0, 0, 0, 1\n|90.0 %\n|medium\n"),
                watchdogNine);
        assertNotEquals(watchdogTen, watchdogNine);
        // ten of ten do not support "high" at 95 % confidence: 0.05^(1/10) = 74.1 %
        assertTrue(watchdogTen.contains("|74.1 %, low"), watchdogTen);
    }

    // [utest->dsn~manual.diagnostic-coverage~1]
    @Test
    void aDetectionAfterItsBoundOrByAnotherMechanismDoesNotCount() throws Exception {
        List<String> runs = new ArrayList<>(hangs(10));
        runs.set(0, run(0, "hang", true, "watchdog", BOUND + 1));
        runs.set(1, run(1, "crash", true, "watchdog", 1));
        runs.add(run(10, "crash", false, "watchdog", 1));
        String t = allFaults(Coverage.tables(List.of(report("riscv", false, runs)), List.of("riscv"), null));
        assertTrue(row(t, "Watchdog").contains("|hang 9, crash 2\n|11\n|10\n|0, 0, 1, 0\n|90.9 %\n|medium\n"), t);
        String trap = row(t, "Illegal-instruction trap");
        assertTrue(trap.contains("|crash 2\n|2\n|0\n|2, 0, 0, 0\n|0.0 %\n|below low\n"), trap);
    }

    // [utest->dsn~manual.diagnostic-coverage~1]
    @Test
    void theCriticalViewCountsOnlyFaultsInACriticalPartition() throws Exception {
        List<String> runs = hangs(10);
        runs.set(3, run(3, "hang", true, null, -1)); // one critical hang undetected
        String t = criticalOnly(Coverage.tables(List.of(report("riscv", false, runs)), List.of("riscv"), null));
        assertTrue(row(t, "Watchdog").contains("|hang 4, crash 0\n|4\n|3\n|0, 0, 0, 1\n|75.0 %\n|low\n"), t);
        assertTrue(row(t, "Interrupt-storm limiter").contains("not measured: no fault of its models hit a critical"),
                t);
    }

    // [utest->dsn~manual.diagnostic-coverage~1]
    @Test
    void aTargetOrChannelCampaignWithoutReportIsEvidenceMissingNotAFigure() throws Exception {
        String tables = Coverage.tables(List.of(report("riscv", false, hangs(10))), List.of("riscv", "arm"), null);
        String t = allFaults(tables);
        assertTrue(t.contains("|arm\n|hang, crash\n|*Evidence missing*"), t);
        assertTrue(row(t, "End-to-end check").contains("|*Evidence missing*"), t);
        assertTrue(tables.contains("no channel-fault campaign report in this build"), tables);

        List<String> channel = List.of(run(0, "channel-bit-flip", true, "e2e-corrupted+health-monitor", 1),
                run(1, "channel-lost", false, "e2e-some-lost", 1), run(2, "channel-flood", false, null, -1));
        String withChannel = allFaults(Coverage.tables(List.of(report("riscv", false, hangs(10)),
                report("riscv", true, channel)), List.of("riscv"), null));
        assertTrue(row(withChannel, "End-to-end check").contains("|2\n|2\n|0, 0, 0, 0\n|100.0 %"), withChannel);
        assertTrue(row(withChannel, "Full-ring policy").contains("|1\n|0\n|0, 0, 0, 1\n|0.0 %"), withChannel);

        String riscvOnly = Coverage.tables(List.of(report("riscv", false, hangs(10)), report("riscv", true, channel)),
                List.of("riscv", "x86"), List.of("riscv"), null);
        assertTrue(riscvOnly.contains("The channel mechanisms are measured on riscv only"), riscvOnly);
        assertEquals(1, allFaults(riscvOnly).split("\\|End-to-end check", -1).length - 1, "one row: riscv's");
        assertTrue(allFaults(riscvOnly).contains("|x86\n|hang, crash\n|*Evidence missing*"), riscvOnly);
    }

    // [utest->dsn~manual.diagnostic-coverage~1]
    @Test
    void mechanismsNoFaultModelExercisesAreListedWithTheirVerification() throws Exception {
        AnalysisFile a = AnalysisFile.parse("sa.md", List.of(
                "## FMEA", "",
                "| Row | Mechanism | Mode | Failure | Goal | Detection and mitigation | Evidence | Residual |",
                "|---|---|---|---|---|---|---|---|",
                "| FM-01 | dsn~health.golden-image~1 | not detecting | x | - | y | a.b.GoldenTest#digest | z |",
                "| FM-02 | dsn~kernel.protection-check~1 | not detecting | x | - | y | a.b.ProtTest#refused | z |",
                "| FM-03 | dsn~health.watchdog~1 | not detecting | x | - | y | campaign:watchdog | z |"));
        String t = Coverage.unmeasured(Campaigns.design(), a);
        assertTrue(t.contains("SHA-256 of the golden image"), t);
        assertTrue(t.contains("|FM-01\n|`+GoldenTest#digest+`"), t);
        assertTrue(t.contains("|`+dsn~kernel.protection-check~1+`\n|FM-02\n|`+ProtTest#refused+`"), t);
        assertFalse(t.contains("health.watchdog"), t);
        assertTrue(Coverage.unmeasured(Campaigns.design(), null).contains("*Evidence missing:*"));
    }

    // [utest->dsn~manual.diagnostic-coverage~1]
    @Test
    void classesFollowAnnexDAndTheFigureIsRoundedDown() {
        assertEquals("high", Coverage.dcClass(990));
        assertEquals("medium", Coverage.dcClass(989));
        assertEquals("medium", Coverage.dcClass(900));
        assertEquals("low", Coverage.dcClass(899));
        assertEquals("low", Coverage.dcClass(600));
        assertEquals("below low", Coverage.dcClass(599));
        assertEquals("99.9 %", Coverage.percent(1998, 1999));
        assertEquals(Math.pow(0.05, 1.0 / 30), Coverage.clopperPearsonLower(30, 30, 0.05), 1e-9);
        assertEquals(0, Coverage.clopperPearsonLower(0, 30, 0.05));
        assertEquals("e2e", Coverage.key("e2e-wrong-data-id+health-monitor"));
        assertEquals("ring-policy", Coverage.key("ring-policy+health-monitor"));
        assertEquals("watchdog", Coverage.key("watchdog"));
    }
}
