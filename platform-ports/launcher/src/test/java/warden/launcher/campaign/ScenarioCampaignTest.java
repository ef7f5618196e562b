package warden.launcher.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import warden.launcher.report.JsonReader;

/**
 * The healing-scenario campaign on riscv (one run of each scenario): every row has its expected
 * outcome, and its figures are the ones the run measured: the pages a restore copied back and the
 * incremental snapshot copied are the pages the scenario wrote, their times grow with them, the
 * detection and rollback times are the kernel's records, and the report carries every row.
 */
class ScenarioCampaignTest {
    private static List<ScenarioRow> rows;

    private static synchronized List<ScenarioRow> rows() throws Exception {
        if (rows == null) {
            rows = new ScenarioCampaign("riscv", 1).run();
        }
        return rows;
    }

    private static ScenarioRow row(String name) throws Exception {
        return rows().stream().filter(r -> r.scenario().equals(name)).findFirst().orElseThrow();
    }

    // [utest->dsn~campaign.scenarios~1]
    @Test
    void everyScenarioHasItsExpectedOutcomeAndItsProof() throws Exception {
        assertEquals(15, rows().size(), rows().toString());
        assertEquals(0, ScenarioCampaign.failed(rows()), rows().toString());
        for (ScenarioRow r : rows()) {
            assertEquals(0, r.otherCriticalMisses(), r.scenario());
            assertFalse(r.proof().equals("-"), r.scenario() + " has the event that proves it");
        }
        assertTrue(row("restore-after-hang").proof().contains("partition-restored (rtos)"));
        assertTrue(row("restore-with-corrupt-snapshot").proof().contains("snapshot-corrupt (rtos): no restore:"
                + " digest-mismatch"));
        assertTrue(row("ota-update-never-boots").proof().contains("rolled back: trial detected"));
        assertTrue(row("ota-tampered-image").proof().contains("refused: wrong-digest"));
    }

    // [utest->dsn~campaign.scenarios~1]
    @Test
    void restoreAndSnapshotCostsAreMeasuredPerPagesWritten() throws Exception {
        long lastNs = 0;
        for (int k : RestoreScenarios.PAGES) {
            ScenarioRow r = row("restore-cost-" + k + "-pages");
            assertEquals(k, r.pagesWritten());
            assertEquals(k, r.restorePages(), "the RTOS model writes nothing itself: " + r);
            assertEquals(k * 4096L, r.restoreBytes());
            assertEquals(k, r.snapshotPages(), r.toString());
            assertTrue(r.restoreNs() > lastNs, "the restore time grows with the pages: " + r);
            assertTrue(r.snapshotNs() > 0 && r.detectNs() > 0 && r.recoverNs() > 0, r.toString());
            assertTrue(r.proof().contains(k + " pages copied back in " + r.restoreNs() + " ns"), r.proof());
            lastNs = r.restoreNs();
        }
        assertEquals(-1, row("restore-with-corrupt-snapshot").restorePages(), "nothing restored");
    }

    // [utest->dsn~campaign.scenarios~1]
    @Test
    void updateFiguresAreTheKernelsRecords() throws Exception {
        ScenarioRow crash = row("ota-update-crashes");
        assertTrue(crash.proof().endsWith("detected " + crash.detectNs() + " ns after the switch"), crash.proof());
        assertTrue(crash.recoverNs() > 0, crash.toString());
        ScenarioRow good = row("ota-good-update");
        assertTrue(good.proof().contains("committed after " + good.recoverNs() + " ns on trial"), good.proof());
        assertTrue(good.recoverNs() >= 50_000_000L, "the trial is 50 ms: " + good);
        assertEquals("refused: bad-signature", row("ota-wrong-signature").observed());
        assertEquals("refused: older-version", row("ota-older-version").observed());
        assertTrue(row("ota-power-loss-mid-transfer").proof().contains("transfer abandoned"));
    }

    // [utest->dsn~campaign.scenarios-cli~1]
    @Test
    void theReportCarriesEveryRowWithItsVerdict() throws Exception {
        Map<String, Object> j = JsonReader.parse(new ScenarioCampaign("riscv", 1).json(rows()), "scenarios");
        assertEquals(ScenarioCampaign.SCHEMA, j.get("schema"));
        assertEquals("riscv", j.get("target"));
        assertEquals(0L, JsonReader.l(j, "failed", "s"));
        List<?> rs = (List<?>) j.get("rows");
        assertEquals(rows().size(), rs.size());
        @SuppressWarnings("unchecked")
        Map<String, Object> first = (Map<String, Object>) rs.get(0);
        assertEquals("pass", first.get("verdict"));
        assertEquals(rows().get(0).detectNs(), JsonReader.l(first, "detectNs", "s"));
    }

    // [utest->dsn~campaign.scenarios~1]
    @Test
    void aRowFailsOnAnotherOutcomeOrAMissOfAnotherCriticalPartition() {
        ScenarioRow ok = row("restored", 0);
        ScenarioRow other = row("restarted", 0);
        ScenarioRow missed = row("restored", 1);
        assertTrue(ok.passed());
        assertFalse(other.passed());
        assertFalse(missed.passed());
        assertEquals(2, ScenarioCampaign.failed(List.of(ok, other, missed)));
    }

    private static ScenarioRow row(String observed, long otherMisses) {
        return new ScenarioRow("s", "p", "restored", observed, 1, 1, 0, 0, 0, 1, -1, -1, 0, otherMisses, 0, 0, "e",
                "n");
    }
}
