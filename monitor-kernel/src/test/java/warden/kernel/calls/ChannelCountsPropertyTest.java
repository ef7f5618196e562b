package warden.kernel.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import warden.kernel.api.Access;
import warden.kernel.api.ChannelLayout;
import warden.kernel.api.ChannelStat;
import warden.kernel.api.Criticality;
import warden.kernel.api.Status;
import warden.kernel.api.SystemImage;
import warden.kernel.api.SystemImageBuilder;

/**
 * The channel counts against a plain model: any sequence of sends and receives, from either
 * partition, with counts near the current ones, gets the status the model predicts; the kernel's
 * counts equal the model's, consumed never passes published, and the statistics count every
 * accepted and refused call. (Published may run ahead of consumed by any amount: the sender never
 * waits; each send moves it by at most one ring.)
 */
class ChannelCountsPropertyTest {
    private static final int SLOTS = 3;

    private static SystemImage image() {
        SystemImageBuilder b = SystemImage.builder(2).monitor(0x8000_0000L, 0x1000);
        b.partition("s", Criticality.ASIL_C, 1, 0x9000_0000L, 0, false);
        b.region(0, 0x9000_0000L, 0x1000, Access.ALL);
        b.partition("r", Criticality.QM, 2, 0x9100_0000L, 0, false);
        b.region(1, 0x9100_0000L, 0x1000, Access.ALL);
        b.channel("c", 0, 1, 0xA000_0000L, 0x1000, 8, SLOTS, ChannelLayout.NO_DOORBELL, ChannelLayout.FULL_DROP);
        return b.build();
    }

    /** One step: {caller, 0 = send / 1 = receive, delta from the caller's current count}. */
    @Provide
    Arbitrary<List<int[]>> steps() {
        Arbitrary<int[]> step = Combinators.combine(Arbitraries.integers().between(0, 1),
                Arbitraries.integers().between(0, 1), Arbitraries.integers().between(-2, SLOTS + 2))
                .as((caller, kind, delta) -> new int[] {caller, kind, delta});
        return step.list().ofMaxSize(60);
    }

    // [utest->dsn~channel.send~1]
    // [utest->dsn~channel.receive~1]
    @Property(seed = "20261207") // tries: jqwik.tries.default (300; fewer under PIT)
    void theCountsFollowTheModelAndConsumedNeverPassesPublished(@ForAll("steps") List<int[]> steps) {
        CallGroups g = new CallGroups(image());
        long published = 0;
        long consumed = 0;
        long sends = 0;
        long receives = 0;
        long refused = 0;
        for (int[] s : steps) {
            int caller = s[0];
            boolean send = s[1] == 0;
            long count = (send ? published : consumed) + s[2];
            int expected;
            if (send) {
                expected = caller != 0 ? Status.DENIED
                        : count < published || count - published > SLOTS ? Status.INVALID_PARAM : Status.OK;
            } else {
                expected = caller != 1 ? Status.DENIED
                        : count < consumed || count > published ? Status.INVALID_PARAM : Status.OK;
            }
            int st = send ? g.channels.send(0, caller, 0, count) : g.channels.receive(0, caller, 0, count);
            assertEquals(expected, st);
            assertEquals(st, g.platform.lastStatus);
            if (st == Status.OK && send) {
                published = count;
                sends++;
                assertEquals(consumed, g.platform.lastValue, "a send answers the consumed count");
            } else if (st == Status.OK) {
                consumed = count;
                receives++;
                assertEquals(published, g.platform.lastValue, "a receive answers the published count");
            } else {
                refused++;
            }
            assertEquals(published, g.table.channels().published(0));
            assertEquals(consumed, g.table.channels().consumed(0));
            assertTrue(consumed <= published);
        }
        assertEquals(sends, g.table.channels().stat(0, ChannelStat.SENDS));
        assertEquals(receives, g.table.channels().stat(0, ChannelStat.RECEIVES));
        assertEquals(refused, g.table.channels().stat(0, ChannelStat.DENIED));
    }
}
