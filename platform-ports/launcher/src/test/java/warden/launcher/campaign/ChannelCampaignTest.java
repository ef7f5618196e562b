package warden.launcher.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import warden.emu.FaultModel;
import warden.launcher.config.ChannelSpec;
import warden.launcher.config.DefaultSystem;
import warden.launcher.config.SystemDescription;
import warden.launcher.run.Targets;

class ChannelCampaignTest {
    private static final long RUN_NS = 500_000_000L;
    private static final int RUNS = 42;
    private static final Map<String, String> EVIDENCE = Map.of("channel-bit-flip", "e2e-corrupted",
            "channel-lost", "e2e-some-lost", "channel-repeated", "e2e-repeated",
            "channel-reordered", "e2e-wrong-sequence", "channel-masquerade", "e2e-wrong-data-id",
            "channel-flood", "ring-policy", "channel-stop-reading", "ring-policy", "channel-delayed", "e2e-stale");
    private static SystemDescription d;
    private static Campaign campaign;
    private static List<RunOutcome> all;

    @BeforeAll
    static void runOnce() throws Exception {
        d = DefaultSystem.load().description();
        campaign = new Campaign(d, Targets.get("riscv"), 3, RUN_NS).channelFaults();
        all = campaign.run(RUNS, 0, 1, 2, null);
    }

    // [utest->dsn~campaign.channel-faults~1]
    // [utest->dsn~campaign.channel-detection~1]
    @Test
    void everyChannelFaultModelIsInjectedAndDetectedByItsOwnMechanismWithinItsBound() throws Exception {
        CampaignSummary s = new CampaignSummary(all);
        int channelRows = 0;
        for (CampaignSummary.ModelRow r : s.rows()) {
            if (!r.model().startsWith("channel-")) {
                assertEquals(0, r.injected(), r.model());
                continue;
            }
            channelRows++;
            assertTrue(r.applied() > 0, r.model() + " never applied in " + RUNS + " runs");
            assertEquals(r.applied(), r.detected(), r.model() + ": every injected channel fault is detected");
            assertEquals(0, r.interferenceMisses(), r.model());
        }
        assertEquals(FaultModel.ALL - FaultModel.CHANNEL_FIRST, channelRows);
        for (RunOutcome o : all) {
            if (!o.applied()) {
                continue;
            }
            assertTrue(o.detected() && o.detectionNs() >= 0 && o.detectionNs() <= o.detectionBoundNs(), o.toString());
            assertTrue(o.mechanism().startsWith(EVIDENCE.get(o.model())), o.toString());
            assertEquals(RunOutcome.CONTAINED, o.outcome(), o.toString());
            assertTrue(o.detail().startsWith("channel "), o.toString());
        }
        assertEquals(all.get(5), campaign.runOne(5), "a channel fault run replays alone, byte for byte");
    }

    // [utest->dsn~campaign.channel-faults~1]
    @Test
    void aFloodingQmSenderDoesNotBlockTheCriticalReceiverAndTheRingDropsInstead() {
        int floods = 0;
        for (RunOutcome o : all) {
            if (o.model().equals("channel-flood")) {
                floods++;
                assertEquals("linux", o.partition(), "only the QM sender floods: " + o);
                assertEquals(0, o.criticalMisses(), "the critical receiver keeps its deadlines: " + o);
                assertEquals("ring-policy", o.mechanism(), o.toString());
            }
        }
        assertTrue(floods > 0);
    }

    /**
     * A rich OS that stops reading {@code sensors} stops sending {@code commands}; the RTOS's
     * receiver fails and the RTOS reports it as the channel's failure, which the kernel logs and
     * counts without restarting the RTOS: no stopped reader costs the critical partition a restart
     * or a deadline.
     */
    // [utest->dsn~campaign.channel-faults~1]
    // [utest->dsn~emu.guest.channels~2]
    @Test
    void aStoppedQmReaderCostsTheCriticalSenderNothing() {
        int stopped = 0;
        for (RunOutcome o : all) {
            if (o.model().equals("channel-stop-reading")) {
                stopped++;
                assertEquals(0, o.interferenceMisses(), o.toString());
                assertEquals(0, o.ownMisses(), o.toString());
            }
        }
        assertTrue(stopped > 0);
    }

    // [utest->dsn~campaign.channel-detection~1]
    @Test
    void withTheReceiversCheckingNothingTheCampaignReportsTheFaultsUndetected() throws Exception {
        Campaign blind = new Campaign(d, Targets.get("riscv"), 3, RUN_NS).channelFaults().bypassChecks();
        List<RunOutcome> runs = blind.run(RUNS, 0, 1, 2, null);
        int byVerdict = 0;
        for (RunOutcome o : runs) {
            boolean verdictModel = EVIDENCE.get(o.model()).startsWith("e2e-");
            if (o.applied() && verdictModel) {
                byVerdict++;
                assertFalse(o.detected(), "no checker, no detection: " + o);
                assertEquals(RunOutcome.UNDETECTED, o.outcome());
            }
        }
        assertTrue(byVerdict > 10, "verdict-detected models were injected: " + byVerdict);
        CampaignSummary s = new CampaignSummary(runs);
        assertTrue(s.undetectedCount() >= byVerdict);
        StringWriter out = new StringWriter();
        CampaignAccounting.channelCoverage(s, new PrintWriter(out, true));
        assertTrue(out.toString().contains("channel-bit-flip"), out.toString());
        String text = out.toString();
        assertTrue(text.matches("(?s).*channel-masquerade\\s+\\d+\\s+0\\s+\\d+\\s+0\\.00%.*"), text);
    }

    // [utest->dsn~campaign.channel-coverage~1]
    @Test
    void theCoverageTablePrintsInjectedDetectedUndetectedAndCoveragePerChannelModel() {
        StringWriter out = new StringWriter();
        CampaignAccounting.channelCoverage(new CampaignSummary(all), new PrintWriter(out, true));
        String text = out.toString();
        assertTrue(text.contains("injected, detected, undetected, diagnostic coverage"), text);
        assertTrue(text.matches("(?s).*channel-repeated\\s+(\\d+)\\s+\\1\\s+0\\s+100\\.00%.*"), text);
        StringWriter none = new StringWriter();
        CampaignAccounting.channelCoverage(new CampaignSummary(List.of()), new PrintWriter(none, true));
        assertEquals("", none.toString(), "a campaign without channel faults prints what it printed before");
    }

    // [utest->dsn~campaign.channel-bounds~1]
    @Test
    void theDetectionBoundsFollowFromTheChannelsMaximumAge() {
        ChannelSpec sensors = d.channels().get(0);
        assertEquals(20_000_000L, sensors.maxAgeNs());
        assertEquals(20_000_000L, FaultBounds.channelDetectionNs(FaultModel.CHANNEL_BIT_FLIP, sensors));
        assertEquals(40_000_000L, FaultBounds.channelDetectionNs(FaultModel.CHANNEL_LOST, sensors));
        assertEquals(40_000_000L, FaultBounds.channelDetectionNs(FaultModel.CHANNEL_MASQUERADE, sensors));
        assertEquals(20_000_000L, FaultBounds.channelDetectionNs(FaultModel.CHANNEL_FLOOD, sensors));
        assertEquals(17 * 20_000_000L, FaultBounds.channelDetectionNs(FaultModel.CHANNEL_STOP_READING, sensors));
        for (RunOutcome o : all) {
            ChannelSpec c = d.channels().get(o.detail().contains("sensors") ? 0 : 1);
            assertEquals(FaultBounds.channelDetectionNs(FaultModel.parse(o.model()), c), o.detectionBoundNs());
        }
    }

    // [utest->dsn~campaign.channel-faults~1]
    @Test
    void aSystemWithoutChannelsTakesNoChannelFaults() throws Exception {
        SystemDescription none = new SystemDescription(d.source(), d.target(), d.monitor(), d.partitions(),
                d.stimuli(), d.run(), d.loc(), List.of());
        assertThrows(IllegalArgumentException.class,
                () -> new Campaign(none, Targets.get("riscv"), 3, RUN_NS).channelFaults());
        assertNotNull(campaign);
    }
}
