package warden.emu.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import warden.kernel.api.ChannelLayout;

class FaultHarnessTest {
    /**
     * 10^6 frames (half over a drop ring, half over an overwrite ring), one injected fault of a
     * random model about every 50 frames: every fault of every model is detected, no accepted frame
     * differs from what was sent, and every frame not accepted was signalled to the receiver.
     * The counts are printed (the evidence of requirements/e2e.md).
     * [utest->req~e2e.protection~1]
     * [utest->dsn~e2e.check~2]
     * [utest->dsn~e2e.ring~1]
     */
    @Test
    void millionFramesEveryInjectedFaultDetected() {
        millionFrames(ChannelLayout.CRC32, 0xE2E0_0000L);
    }

    /**
     * The same 10^6 frames over channels with a 64-bit CRC and 32-byte headers.
     * [utest->req~e2e.protection~1]
     * [utest->dsn~e2e.check~2]
     * [utest->dsn~e2e.crc~2]
     */
    @Test
    void millionFramesWithA64BitCrcEveryInjectedFaultDetected() {
        millionFrames(ChannelLayout.CRC64, 0xE2E6_4000L);
    }

    private static void millionFrames(int crcBits, long seed) {
        int[] policies = {ChannelCalls.POLICY_DROP, ChannelCalls.POLICY_OVERWRITE};
        String[] names = {"drop ring", "overwrite ring"};
        for (int p = 0; p < 2; p++) {
            FaultHarness h = new FaultHarness(policies[p], seed + p, 50, 500_000, crcBits);
            h.run(500_000);
            System.out.print(h.report("E2E fault harness, CRC-" + crcBits + ", " + names[p]));
            assertTrue(h.frames >= 500_000, "frames " + h.frames);
            for (int m = 1; m < FaultHarness.MODELS; m++) {
                String name = FaultHarness.NAMES[m] + " on the " + names[p];
                assertTrue(h.injected[m] > 1000, name + " injected " + h.injected[m]);
                assertEquals(h.injected[m], h.detected[m], name + " detected");
            }
            for (int m = 0; m < FaultHarness.MODELS; m++) {
                assertEquals(0, h.undetectedCorruption[m], FaultHarness.NAMES[m] + " undetected corruptions");
                assertEquals(0, h.undetectedLoss[m], FaultHarness.NAMES[m] + " undetected losses");
            }
        }
    }

    /**
     * The harness can fail: a receiver that does not check the CRC accepts flipped frames, which
     * the harness counts as undetected corruptions.
     * [utest->req~e2e.protection~1]
     */
    @Test
    void harnessSeesAnUndetectedCorruption() {
        for (int bits : new int[] {ChannelLayout.CRC32, ChannelLayout.CRC64}) {
            FaultHarness h = new FaultHarness(ChannelCalls.POLICY_DROP, 7, 10, 20_000, bits);
            h.blindToCrc = true;
            h.run(20_000);
            assertTrue(h.undetectedCorruption[FaultHarness.BIT_FLIP] > 0, h.report("blind receiver"));
            assertTrue(h.detected[FaultHarness.BIT_FLIP] < h.injected[FaultHarness.BIT_FLIP]);
        }
    }
}
