package warden.launcher.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import warden.emu.channel.Verdict;
import warden.launcher.config.DefaultSystem;
import warden.launcher.config.SystemDescription;

/**
 * The default system's channels carry frames end to end: the RTOS's sensor frames reach the rich
 * OS and its commands come back, checked by the guest models' end-to-end protection, on every
 * target that can protect a ring between them (x86 leaves them out).
 */
class DefaultSystemChannelsRunTest {
    private static final long RUN_NS = 150_000_000L;

    private static RunResult run(String target) throws SystemRun.BootRefused {
        SystemDescription d = DefaultSystem.load(target).description();
        return new SystemRun(d, Targets.get(target), RUN_NS, 42, false).boot().run();
    }

    /**
     * The default system with 64-bit CRCs on both channels: the kernel hands the width to both
     * ends, the guests protect and check with 32-byte headers, and every frame arrives intact.
     */
    // [utest->dsn~e2e.crc~2]
    // [utest->dsn~e2e.header~2]
    // [utest->dsn~channel.info~2]
    @Test
    void withA64BitCrcOnBothChannelsFramesArriveIntactOnRiscvAndArm() throws Exception {
        String text = DefaultSystem.text().replace("counterWindow: 2}", "counterWindow: 2, crc: 64}");
        assertTrue(text.contains("crc: 64}"));
        for (String target : List.of("riscv", "arm")) {
            SystemDescription d = warden.launcher.config.DescriptionLoader.parse(text, "crc64.yaml").description();
            SystemRun run = new SystemRun(d, Targets.get(target), RUN_NS, 42, false).boot();
            assertEquals(64, run.image().channelCrc(0), target);
            assertEquals(64, run.image().channelCrc(1), target);
            RunResult r = run.run();
            for (RunResult.ChannelResult c : r.channels()) {
                assertEquals(64, c.crcBits(), target + " " + c);
                RunResult.E2eResult e = c.e2e();
                assertTrue(e.verdicts().get(Verdict.OK) > 0, target + " " + c);
                assertEquals(0, e.verdicts().get(Verdict.CORRUPTED) + e.verdicts().get(Verdict.WRONG_DATA_ID),
                        target + " " + c);
            }
            assertTrue(r.checks().stream().allMatch(RunResult.Check::passed), target + " " + r.checks());
        }
    }

    // [utest->dsn~config.default-system~1]
    // [utest->dsn~run.channel-binding~1]
    // [utest->dsn~channel.statistics~1]
    @Test
    void sensorFramesReachTheRichOsAndCommandsComeBackCheckedEndToEnd() throws Exception {
        for (String target : List.of("riscv", "arm")) {
            RunResult r = run(target);
            assertEquals(List.of("sensors", "commands"), r.channels().stream().map(RunResult.ChannelResult::name)
                    .toList(), target);
            for (RunResult.ChannelResult c : r.channels()) {
                RunResult.E2eResult e = c.e2e();
                assertNotNull(e, target + " " + c.name());
                assertTrue(e.framesSent() > 0 && e.framesReceived() > 0, target + " " + c);
                assertTrue(e.verdicts().get(Verdict.OK) > 0, target + " " + c);
                assertEquals(0, e.verdicts().get(Verdict.CORRUPTED) + e.verdicts().get(Verdict.WRONG_DATA_ID)
                        + e.verdicts().get(Verdict.REPEATED), target + " " + c);
                assertEquals(0, c.denied(), target + " " + c);
                assertEquals(c.published(), e.framesSent() - e.drops(), target + " " + c);
            }
            assertTrue(r.checks().stream().allMatch(RunResult.Check::passed), target + " " + r.checks());
        }
    }

    // [utest->dsn~config.default-system~1]
    @Test
    void onX86TheDefaultSystemHasNoChannels() throws Exception {
        assertTrue(DefaultSystem.text().contains("\nchannels:\n"));
        assertTrue(!DefaultSystem.text("x86").contains("channels:"));
        assertEquals(DefaultSystem.text(), DefaultSystem.text("arm"));
        RunResult r = run("x86");
        assertEquals(List.of(), r.channels());
        assertTrue(r.checks().stream().allMatch(RunResult.Check::passed), r.checks().toString());
    }
}
