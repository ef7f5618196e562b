package warden.emu.dev.can;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static warden.emu.dev.can.CanController.RXPOP;
import static warden.emu.dev.can.CanController.RXSTAT;
import static warden.emu.dev.can.CanController.RXTIME;
import static warden.emu.dev.can.CanRig.rd;
import static warden.emu.dev.can.CanRig.wr;

import org.junit.jupiter.api.Test;

/** Sporadic CAN streams: exponential intervals of the given mean, drawn from the seed, with overruns. */
class CanSporadicStreamTest {
    /** @return the frames' end times (us) a controller stored in {@code untilNs}, from a stream of seed and mean. */
    private static long[] ends(long seed, long meanNs, long untilNs) {
        CanRig rig = new CanRig();
        CanController c = rig.controller(1, 64);
        CanStimulus s = rig.stimulus(seed);
        s.addSporadicStream(0x40, false, 0, meanNs, 0);
        CanRig.start(c, 0, CanRig.ACCEPT_ALL_STD, 0);
        rig.runUntil(untilNs);
        int n = rd(c, RXSTAT) & 0xFF;
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = rd(c, RXTIME);
            wr(c, RXPOP, 0, 0);
        }
        return out;
    }

    // [utest->dsn~can.stimulus-sporadic~1]
    @Test
    void intervalsAreExponentialOfTheMeanAndTheSameSeedGivesTheSameFrames() {
        long[] a = ends(7, 1_000_000, 60_000_000);
        assertTrue(a.length >= 40 && a.length <= 64, "about 60 frames in 60 ms at a 1 ms mean: " + a.length);
        long shortGaps = 0;
        for (int i = 1; i < a.length; i++) {
            shortGaps += a[i] - a[i - 1] < 500 ? 1 : 0;
        }
        assertTrue(shortGaps >= a.length / 5 && shortGaps <= a.length * 3 / 5,
                "P(gap < mean/2) = 1 - e^-0.5 = 0.39 for exponential gaps: " + shortGaps + " of " + a.length);
        assertEquals(java.util.Arrays.toString(a), java.util.Arrays.toString(ends(7, 1_000_000, 60_000_000)));
        assertNotEquals(java.util.Arrays.toString(a), java.util.Arrays.toString(ends(8, 1_000_000, 60_000_000)));
    }

    // [utest->dsn~can.stimulus-sporadic~1]
    @Test
    void releasesWhileAFrameWaitsAreOverrunsAndABadMeanIsRefused() {
        CanRig rig = new CanRig();
        CanController c = rig.controller(1, 64);
        CanStimulus s = rig.stimulus(3);
        int fast = s.addSporadicStream(0x50, false, 8, 50_000, 0); // 270 us frames, 50 us mean
        CanRig.start(c, 0, CanRig.ACCEPT_ALL_STD, 0);
        rig.runUntil(27_000_000);
        // each frame (about 270 us) is followed by the wait for the next release (50 us on average)
        assertTrue(s.sent(fast) >= 70 && s.sent(fast) <= 100, "about 27 ms / 320 us frames: " + s.sent(fast));
        assertTrue(s.overruns(fast) > 3 * s.sent(fast), "about 5 releases per frame time: " + s.overruns(fast));
        assertThrows(IllegalArgumentException.class, () -> s.addSporadicStream(0x60, false, 8, 0, 0));
    }
}
