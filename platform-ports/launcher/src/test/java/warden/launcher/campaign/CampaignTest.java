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

    // [utest->dsn~campaign.verdict~2]
    // [utest->dsn~campaign.summary~2]
    @Test
    void everyFaultModelIsInjectedAndQmFaultsCauseNoCriticalDeadlineMiss() {
        CampaignSummary s = new CampaignSummary(all);
        assertEquals(warden.emu.FaultModel.COUNT, s.rows().size());
        int injected = 0;
        for (CampaignSummary.ModelRow r : s.rows()) {
            assertTrue(r.injected() > 0, r.model() + " never drawn in 48 runs");
            assertEquals(0, r.criticalMissesFromQmFaults(), r.model());
            injected += r.injected();
            assertEquals(0, r.interferenceMisses(), r.model());
            assertEquals(0, r.runsOverOwnBound(), r.model());
            if (!r.model().equals("memory-corruption") && !r.model().equals("timer-stop")) {
                assertEquals(r.applied(), r.detected(), r.model() + ": every fault of this model is detected");
            }
        }
        assertEquals(48, injected);
        for (RunOutcome o : s.undetected()) {
            assertTrue(o.model().equals("memory-corruption") || o.model().equals("timer-stop"), o.toString());
        }
        for (RunOutcome o : all) {
            if (o.detected() && !o.model().equals("isolation-violation")) {
                assertTrue(o.detectionNs() >= 0 && o.recovered(), o.toString());
            }
            assertTrue(o.detectionNs() <= o.detectionBoundNs(), "a detection counts only within its bound: " + o);
        }
    }

    // [utest->dsn~campaign.fault-models~2]
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

    // [utest->dsn~campaign.fault-models~2]
    // [utest->dsn~campaign.verdict~2]
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

    // [utest->dsn~campaign.accounting-json~1]
    // [utest->dsn~campaign.json~1]
    @Test
    void theReportRoundTripsItsRuns() {
        String json = CampaignJson.write("default-system.yaml", "riscv", 7, all.size(), RUN_NS, all);
        assertTrue(json.contains("\"schema\": \"warden.campaign/1\""), json);
        assertEquals(all, CampaignJson.readRuns(json, "c.json"));
        assertEquals(RUN_NS, CampaignJson.header(json, "c.json", "runNs"));
        assertTrue(json.contains("\"ownFaultMissBound\"") && json.contains("\"interferenceMisses\"")
                && json.contains("\"detectedBy\"") && json.contains("\"outcome\": \"contained\""), json);
    }

    /**
     * The replayed run of issue 14: the RTOS hangs at 48.9 ms and is down until 56.1 ms. Every
     * release is still a job (296 control jobs from 4 ms to 299 ms, not 288), the ones it never
     * ran are misses of its own fault, within the bound its detection and recovery allow.
     */
    // [utest->dsn~campaign.verdict~2]
    // [utest->dsn~campaign.bounds~1]
    @Test
    void aHungRtosMissesTheReleasesWhileItIsDownAndTheyCountAsItsOwnFaultsMisses() throws Exception {
        Campaign c = new Campaign(DefaultSystem.load().description(), Targets.get("riscv"), 1, RUN_NS);
        Campaign.Replayed rp = c.replay(4);
        RunOutcome o = rp.outcome();
        assertEquals("hang", o.model());
        assertEquals("rtos", o.partition());
        var control = rp.result().partitions().get(0).tasks().get(0);
        assertEquals(296, control.jobs(), "every release falls due, up or down");
        assertTrue(control.misses() >= 7, "about 7 ms down at one release per ms: " + control);
        assertEquals(rp.result().partitions().get(0).deadlineMisses(), o.ownMisses());
        assertEquals(o.ownMisses(), o.criticalMisses());
        assertEquals(0, o.interferenceMisses());
        // rtos: detection bound max(5 ms watchdog, 10 ms boot timeout), recovery 3 ms boot + 1 ms tick:
        // per task 14 ms / period + 2 releases: 16 + 4 + 3
        assertEquals(10_000_000, o.detectionBoundNs());
        assertEquals(23, o.ownMissBound());
        assertTrue(o.ownMisses() <= o.ownMissBound(), o.toString());
        assertTrue(rp.result().checks().stream()
                        .anyMatch(k -> k.name().equals("critical-deadlines-met") && !k.passed()),
                "the run's own check fails: a critical task missed deadlines");
    }

    // [utest->dsn~campaign.verdict~2]
    // [utest->dsn~campaign.fault-models~2]
    @Test
    void isolationViolationsHitAddressesAllOverTheMapAndAreContainedNotRecovered() {
        java.util.Set<String> where = new java.util.HashSet<>();
        for (RunOutcome o : all) {
            if (o.model().equals("isolation-violation") && o.applied()) {
                assertEquals(RunOutcome.CONTAINED, o.outcome(), o.toString());
                assertTrue(!o.recovered() && o.recoveryNs() == -1, "contained, not recovered at 0 ns: " + o);
                assertEquals("isolation", o.mechanism(), "the protection unit denied it");
                where.add(o.detail());
            }
        }
        assertTrue(where.size() > 1, "not one fixed address: " + where);
    }

    // [utest->dsn~campaign.accounting-checks~1]
    @Test
    void theAccountingFailsACampaignWhoseCriticalPartitionMissedMoreThanItsBound() {
        java.io.StringWriter ok = new java.io.StringWriter();
        assertTrue(CampaignAccounting.print(new CampaignSummary(all), new java.io.PrintWriter(ok, true)));
        assertTrue(ok.toString().contains("Check own-fault-misses-bounded: ok"), ok.toString());
        RunOutcome hang = new RunOutcome(0, 1, "hang", "rtos", true, 10, true, true, "watchdog", 5, true, 3,
                40, RunOutcome.RECOVERED, "watchdog -> restart", 10, 40, 23, 0, 0);
        java.io.StringWriter over = new java.io.StringWriter();
        assertTrue(!CampaignAccounting.print(new CampaignSummary(List.of(hang)), new java.io.PrintWriter(over, true)));
        assertTrue(over.toString().contains("run 0 seed 1: hang in rtos: 40 misses, bound 23"), over.toString());
        RunOutcome qm = new RunOutcome(1, 2, "crash", "linux", false, 10, true, true, "watchdog", 5, true, 3,
                1, RunOutcome.RECOVERED, "watchdog -> restart", 10, 0, -1, 1, 0);
        java.io.StringWriter leak = new java.io.StringWriter();
        assertTrue(!CampaignAccounting.print(new CampaignSummary(List.of(qm)), new java.io.PrintWriter(leak, true)));
        assertTrue(leak.toString().contains("Check freedom-from-interference: FAILED (1 critical"), leak.toString());
    }

    // [utest->dsn~campaign.fault-models~2]
    @Test
    void aMemoryCorruptionDrawsItsBitFromThePartitionsWholeMemory() {
        var rtos = DefaultSystem.load().description().partitions().get(0);
        var ram = rtos.memory().get(0);
        warden.emu.SplitMix64 r = new warden.emu.SplitMix64(3);
        long lo = Long.MAX_VALUE;
        long hi = Long.MIN_VALUE;
        for (int i = 0; i < 2000; i++) {
            long byteAddress = FaultAddresses.ownBit(rtos, r) >>> 3;
            assertTrue(byteAddress >= ram.base() && byteAddress < ram.base() + ram.size(),
                    Long.toHexString(byteAddress));
            lo = Math.min(lo, byteAddress);
            hi = Math.max(hi, byteAddress);
        }
        assertTrue(lo < ram.base() + ram.size() / 16 && hi > ram.base() + ram.size() * 15 / 16,
                "spread over the whole 4 MiB, not an 8-word block");
        int latent = 0;
        for (RunOutcome o : all) {
            if (o.model().equals("memory-corruption") && o.applied() && !o.detected()) {
                assertEquals(RunOutcome.LATENT, o.outcome(), o.toString());
                assertTrue(o.detail().startsWith("bit "), "the report says where the flip was: " + o);
                latent++;
            }
        }
        assertTrue(latent > 0, "a flip outside every checked word is latent, not detected");
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
