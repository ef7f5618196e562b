package warden.launcher.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import warden.launcher.config.DefaultSystem;
import warden.launcher.config.SystemDescription;
import warden.launcher.run.Targets;

class CampaignTest {
    private static final long RUN_NS = 300_000_000L;
    private static Campaign campaign;
    private static List<RunOutcome> all;

    @BeforeAll
    static void runOnce() throws Exception {
        SystemDescription d = DefaultSystem.load().description();
        campaign = new Campaign(d, Targets.get("riscv"), 7, RUN_NS);
        all = campaign.run(48, 0, 1, 2, null);
    }

    // [utest->dsn~campaign.runs~1]
    @Test
    void shardsMergeToTheSameRunsAsOneCampaignAndEachRunReplaysAlone() throws Exception {
        List<RunOutcome> merged = new ArrayList<>(campaign.run(48, 0, 2, 1, null));
        merged.addAll(campaign.run(48, 1, 2, 1, null));
        merged.sort(Comparator.comparingInt(RunOutcome::index));
        assertEquals(all, merged);
        assertEquals(all.get(17), campaign.runOne(17));
    }

    // [utest->dsn~campaign.verdict~1]
    // [utest->dsn~campaign.summary~1]
    @Test
    void everyFaultModelIsInjectedAndQmFaultsCauseNoCriticalDeadlineMiss() {
        CampaignSummary s = new CampaignSummary(all);
        assertEquals(warden.emu.FaultModel.COUNT, s.rows().size());
        int injected = 0;
        for (CampaignSummary.ModelRow r : s.rows()) {
            assertTrue(r.injected() > 0, r.model() + " never drawn in 48 runs");
            assertEquals(0, r.criticalMissesFromQmFaults(), r.model());
            injected += r.injected();
            if (!r.model().equals("memory-corruption")) {
                assertEquals(r.applied(), r.detected(), r.model() + ": every fault of this model is detected");
            }
        }
        assertEquals(48, injected);
        for (RunOutcome o : s.undetected()) {
            assertEquals("memory-corruption", o.model(), o.toString());
            assertEquals("linux", o.partition(), "a rich OS has no checked data the monitor sees");
        }
        for (RunOutcome o : all) {
            if (o.detected() && !o.model().equals("isolation-violation")) {
                assertTrue(o.detectionNs() >= 0 && o.recovered(), o.toString());
            }
        }
    }

    // [utest->dsn~campaign.fault-models~1]
    @Test
    void anInterruptStormOfTheRichOsIsMaskedByTheLimiterAndTheLineRestoredWithinItsWindow() {
        int storms = 0;
        for (RunOutcome o : all) {
            if (!o.model().equals("interrupt-storm")) {
                continue;
            }
            storms++;
            assertEquals("linux", o.partition(), "only a QM partition with a line takes a storm");
            assertTrue(o.applied() && o.detected(), o.toString());
            assertEquals("interrupt-storm", o.mechanism());
            // 2000 interrupts (linux's irqLimit) at one per 2 us: the limit is reached within 4 ms
            assertTrue(o.detectionNs() > 0 && o.detectionNs() <= 4_000_000, o.toString());
            assertTrue(o.recovered() && o.recoveryNs() <= 100_000_000, "unmasked by the end of linux's 100 ms window");
            assertEquals(0, o.criticalMisses());
        }
        assertTrue(storms > 0, "no storm drawn in 48 runs");
    }

    // [utest->dsn~campaign.fault-models~1]
    // [utest->dsn~campaign.verdict~1]
    @Test
    void contextBitFlipsAreCaughtByTheContextCheckAndTimerStopsByTheTimerSupervision() {
        int flips = 0;
        int stops = 0;
        for (RunOutcome o : all) {
            if (o.model().equals("context-bit-flip")) {
                flips++;
                assertTrue(o.applied() && o.detected() && o.recovered(), o.toString());
                assertEquals("context", o.mechanism());
            } else if (o.model().equals("timer-stop")) {
                stops++;
                assertTrue(o.applied() && o.detected() && o.recovered(), o.toString());
                assertEquals("timer-supervision", o.mechanism());
                // found at an entry on some core once the 300 us slack has passed
                assertTrue(o.detectionNs() > 300_000 && o.detectionNs() < 5_000_000, o.toString());
            }
        }
        assertTrue(flips > 0 && stops > 0, "both models drawn in 48 runs");
    }

    // [utest->dsn~campaign.json~1]
    @Test
    void theReportRoundTripsItsRuns() {
        String json = CampaignJson.write("default-system.yaml", "riscv", 7, all.size(), RUN_NS, all);
        assertTrue(json.contains("\"schema\": \"warden.campaign/1\""), json);
        assertEquals(all, CampaignJson.readRuns(json, "c.json"));
        assertEquals(RUN_NS, CampaignJson.header(json, "c.json", "runNs"));
    }

    // [utest->dsn~campaign.json~1]
    @Test
    void aBrokenReportIsRefusedWithItsPosition() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> CampaignJson.readRuns("{\"schema\": \"warden.campaign/1\", \"runs\": [", "bad.json"));
        assertTrue(e.getMessage().startsWith("bad.json: invalid JSON at offset"), e.getMessage());
        assertTrue(org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> CampaignJson.readRuns("{\"schema\": \"warden.run/1\"}", "r.json")).getMessage()
                .contains("not a campaign report"));
    }

    // [utest->dsn~campaign.chart~1]
    @Test
    void theChartIsAStandaloneSvgWithARowPerModel() {
        String svg = CampaignChart.svg(new CampaignSummary(all), "t <campaign>");
        assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""), svg);
        assertTrue(svg.contains("t &lt;campaign&gt;"));
        for (String m : List.of("hang", "crash", "fault-storm", "isolation-violation", "deadline-overrun",
                "memory-corruption")) {
            assertTrue(svg.contains(">" + m + "</text>"), m);
        }
        assertTrue(!svg.contains("http://") || svg.indexOf("http://") == svg.indexOf("http://www.w3.org/2000/svg"),
                "nothing fetched from elsewhere");
    }
}
