package warden.kernel.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import warden.kernel.api.Access;
import warden.kernel.api.ChannelLayout;
import warden.kernel.api.ChannelStat;
import warden.kernel.api.Criticality;
import warden.kernel.api.SystemImage;
import warden.kernel.api.SystemImageBuilder;

/**
 * The kernel's per-channel counts: each channel's own slots, and a restart resets only the
 * restarted partition's channels.
 */
class ChannelCountsTest {
    private static final long RING = 0xA000_0000L;

    /** Partitions a, b, c; channels 0: a to b, 1: b to c, 2: c to a. */
    private static SystemImage threeInARing() {
        SystemImageBuilder b = SystemImage.builder(3).monitor(0x8000_0000L, 0x1000);
        for (int p = 0; p < 3; p++) {
            long base = 0x9000_0000L + p * 0x100_0000L;
            b.partition("p" + p, p == 0 ? Criticality.ASIL_C : Criticality.QM, 1 << p, base, 0, false);
            b.region(p, base, 0x1000, Access.ALL);
        }
        for (int c = 0; c < 3; c++) {
            b.channel("c" + c, c, (c + 1) % 3, RING + c * 0x1000L, 0x1000, 8, 1, ChannelLayout.NO_DOORBELL, 0);
        }
        return b.build();
    }

    // [utest->dsn~channel.restart~1]
    // [utest->dsn~channel.statistics~1]
    @Test
    void aRestartResetsTheCountsOfTheRestartedPartitionsChannelsOnly() {
        ChannelCounts k = new ChannelCounts(threeInARing());
        for (int c = 0; c < 3; c++) {
            k.publish(c, 10 + c);
            k.consume(c, 5 + c);
        }
        k.count(1, ChannelStat.SENDS);
        k.count(2, ChannelStat.SENDS);
        k.count(2, ChannelStat.SENDS);
        assertEquals(0, k.stat(0, ChannelStat.SENDS));
        assertEquals(1, k.stat(1, ChannelStat.SENDS), "each channel has its own slots");
        assertEquals(2, k.stat(2, ChannelStat.SENDS));
        k.endpointRestarted(0); // p0 sends on channel 0 and receives on channel 2
        assertEquals(0, k.published(0));
        assertEquals(0, k.consumed(0));
        assertEquals(0, k.stat(2, ChannelStat.PUBLISHED));
        assertEquals(0, k.stat(2, ChannelStat.CONSUMED));
        assertEquals(11, k.published(1), "channel 1 (p1 to p2) is not p0's");
        assertEquals(6, k.consumed(1));
        assertEquals(1, k.stat(0, ChannelStat.RESETS));
        assertEquals(0, k.stat(1, ChannelStat.RESETS));
        assertEquals(1, k.stat(2, ChannelStat.RESETS));
        assertEquals(2, k.stat(2, ChannelStat.SENDS), "statistics survive the reset");
    }
}
