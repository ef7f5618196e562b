package warden.kernel.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import warden.kernel.api.Access;
import warden.kernel.api.ChannelLayout;
import warden.kernel.api.ChannelStat;
import warden.kernel.api.Criticality;
import warden.kernel.api.Status;
import warden.kernel.api.SystemImage;
import warden.kernel.api.SystemImageBuilder;

/**
 * The decode half of the channel calls at their boundaries, with a third partition that is an
 * endpoint of no channel: decoding has no side effect and answers with the status the call gets.
 */
class ChannelCallsDecodeTest {
    private static final int SENDER = 0;
    private static final int RECEIVER = 1;
    private static final int THIRD = 2;
    private static final int SLOTS = 4;

    /** p0 sends to p1 over channel 0 (4 slots of 100 bytes, no doorbell); p2 is a third party. */
    private static SystemImage image() {
        SystemImageBuilder b = SystemImage.builder(3).monitor(0x8000_0000L, 0x1000);
        for (int p = 0; p < 3; p++) {
            b.partition("p" + p, p == 0 ? Criticality.ASIL_C : Criticality.QM, 1 << p, 0x9000_0000L + p * 0x10000L,
                    0, false);
            b.region(p, 0x9000_0000L + p * 0x10000L, 0x1000, Access.ALL);
        }
        int c = b.channel("c", SENDER, RECEIVER, 0xA000_0000L, 0x1000, 100, SLOTS, ChannelLayout.NO_DOORBELL,
                ChannelLayout.FULL_DROP);
        b.channelProtection(c, 0xBEEF, 7_000_000L, 3);
        return b.build();
    }

    private final CallGroups calls = new CallGroups(image());

    // [utest->dsn~channel.send~1]
    @Test
    void sendNeedsAnExistingChannelItsSenderAndACountAtMostOneRingAhead() {
        ChannelCalls ch = calls.channels;
        assertEquals(Status.OK, ch.decodeSend(SENDER, 0, 0), "an unchanged count");
        assertEquals(Status.OK, ch.decodeSend(SENDER, 0, SLOTS), "a whole ring ahead");
        assertEquals(Status.INVALID_PARAM, ch.decodeSend(SENDER, 0, SLOTS + 1), "more than a ring ahead");
        assertEquals(Status.INVALID_PARAM, ch.decodeSend(SENDER, 0, -1), "below the published count");
        assertEquals(Status.INVALID_PARAM, ch.decodeSend(SENDER, 1, 1), "no channel 1");
        assertEquals(Status.INVALID_PARAM, ch.decodeSend(SENDER, -1, 1));
        assertEquals(Status.INVALID_PARAM, ch.decodeSend(SENDER, 1L << 32, 1), "an id that truncates to 0");
        assertEquals(Status.DENIED, ch.decodeSend(RECEIVER, 0, 1), "the receiver does not send");
        assertEquals(Status.DENIED, ch.decodeSend(THIRD, 0, 1));
        assertEquals(0, calls.table.channels().published(0), "decode records nothing");
    }

    // [utest->dsn~channel.receive~1]
    @Test
    void receiveNeedsItsReceiverAndACountBetweenTheConsumedAndThePublishedOnes() {
        ChannelCalls ch = calls.channels;
        calls.table.channels().publish(0, 3);
        calls.table.channels().consume(0, 1);
        assertEquals(Status.OK, ch.decodeReceive(RECEIVER, 0, 1));
        assertEquals(Status.OK, ch.decodeReceive(RECEIVER, 0, 3));
        assertEquals(Status.INVALID_PARAM, ch.decodeReceive(RECEIVER, 0, 4), "beyond the published count");
        assertEquals(Status.INVALID_PARAM, ch.decodeReceive(RECEIVER, 0, 0), "below the consumed count");
        assertEquals(Status.INVALID_PARAM, ch.decodeReceive(RECEIVER, 1, 2), "no channel 1");
        assertEquals(Status.INVALID_PARAM, ch.decodeReceive(RECEIVER, -1, 2));
        assertEquals(Status.DENIED, ch.decodeReceive(SENDER, 0, 2), "the sender does not receive");
        assertEquals(Status.DENIED, ch.decodeReceive(THIRD, 0, 2));
        assertEquals(1, calls.table.channels().consumed(0), "decode records nothing");
    }

    // [utest->dsn~channel.info~2]
    @Test
    void infoAnswersBothEndpointsEveryFieldAndAThirdPartitionNothing() {
        ChannelCalls ch = calls.channels;
        for (int f = 0; f < ChannelLayout.INFO_FIELDS; f++) {
            assertEquals(Status.OK, ch.decodeInfo(SENDER, 0, f));
            assertEquals(Status.OK, ch.decodeInfo(RECEIVER, 0, f));
            assertEquals(Status.DENIED, ch.decodeInfo(THIRD, 0, f), "a third partition learns nothing");
        }
        assertEquals(Status.DENIED, ch.decodeInfo(THIRD, 0, ChannelLayout.INFO_FIELDS), "not even a bad field");
        assertEquals(Status.INVALID_PARAM, ch.decodeInfo(SENDER, 0, ChannelLayout.INFO_FIELDS));
        assertEquals(Status.INVALID_PARAM, ch.decodeInfo(SENDER, 0, -1));
        assertEquals(Status.INVALID_PARAM, ch.decodeInfo(SENDER, 1, 0));
        assertEquals(Status.INVALID_PARAM, ch.decodeInfo(THIRD, -1, 0));
    }

    // [utest->dsn~channel.info~2]
    // [utest->dsn~channel.layout~2]
    @Test
    void infoValuesAreTheChannelsPropertiesAndTheCallersRole() {
        ChannelCalls ch = calls.channels;
        assertEquals(0xA000_0000L, ch.infoValue(0, SENDER, ChannelLayout.INFO_BASE));
        assertEquals(100, ch.infoValue(0, SENDER, ChannelLayout.INFO_SLOT_SIZE));
        assertEquals(SLOTS, ch.infoValue(0, SENDER, ChannelLayout.INFO_SLOTS));
        assertEquals(ChannelLayout.ROLE_SENDER, ch.infoValue(0, SENDER, ChannelLayout.INFO_ROLE));
        assertEquals(ChannelLayout.ROLE_RECEIVER, ch.infoValue(0, RECEIVER, ChannelLayout.INFO_ROLE));
        assertEquals(0xBEEF, ch.infoValue(0, RECEIVER, ChannelLayout.INFO_DATA_ID));
        assertEquals(7_000_000L, ch.infoValue(0, RECEIVER, ChannelLayout.INFO_MAX_AGE));
        assertEquals(3, ch.infoValue(0, RECEIVER, ChannelLayout.INFO_COUNTER_WINDOW));
        assertEquals(128, ch.infoValue(0, RECEIVER, ChannelLayout.INFO_STRIDE), "100 + 24 rounded up to 8");
        assertEquals(ChannelLayout.FULL_DROP, ch.infoValue(0, RECEIVER, ChannelLayout.INFO_FULL));
        assertEquals(ChannelLayout.NO_DOORBELL, ch.infoValue(0, RECEIVER, ChannelLayout.INFO_DOORBELL));
        assertEquals(ChannelLayout.CRC32, ch.infoValue(0, RECEIVER, ChannelLayout.INFO_CRC), "the default width");
    }

    // [utest->dsn~channel.info~2]
    // [utest->dsn~channel.layout~2]
    @Test
    void aChannelWithA64BitCrcHasEightMoreBytesOfHeaderRoomAndSaysSo() {
        SystemImageBuilder b = SystemImage.builder(2).monitor(0x8000_0000L, 0x1000);
        for (int p = 0; p < 2; p++) {
            b.partition("p" + p, Criticality.QM, 1 << p, 0x9000_0000L + p * 0x10000L, 0, false);
            b.region(p, 0x9000_0000L + p * 0x10000L, 0x1000, Access.ALL);
        }
        b.channel("c", 0, 1, 0xA000_0000L, 0x1000, 100, SLOTS, 9, ChannelLayout.FULL_DROP);
        b.channelProtection(0, 1, 1, 1).channelCrc(0, ChannelLayout.CRC64);
        ChannelCalls ch = new CallGroups(b.build()).channels;
        assertEquals(ChannelLayout.CRC64, ch.infoValue(0, SENDER, ChannelLayout.INFO_CRC));
        assertEquals(136, ch.infoValue(0, SENDER, ChannelLayout.INFO_STRIDE), "100 + 32 rounded up to 8");
        assertEquals(9, ch.infoValue(0, RECEIVER, ChannelLayout.INFO_DOORBELL));
    }

    // [utest->dsn~channel.layout~2]
    @Test
    void aSlotsStrideIsItsPayloadPlusHeaderRoomRoundedUpToEight() {
        int c32 = ChannelLayout.CRC32;
        int c64 = ChannelLayout.CRC64;
        assertEquals(32, ChannelLayout.stride(1, c32));
        assertEquals(32, ChannelLayout.stride(8, c32));
        assertEquals(40, ChannelLayout.stride(9, c32));
        assertEquals(1544, ChannelLayout.stride(ChannelLayout.SLOT_SIZE_MAX, c32));
        assertEquals(16 * 280L, ChannelLayout.ringBytes(256, 16, c32));
        assertEquals(40, ChannelLayout.stride(1, c64));
        assertEquals(40, ChannelLayout.stride(8, c64));
        assertEquals(48, ChannelLayout.stride(9, c64));
        assertEquals(1552, ChannelLayout.stride(ChannelLayout.SLOT_SIZE_MAX, c64));
        assertEquals(16 * 288L, ChannelLayout.ringBytes(256, 16, c64));
        assertEquals(24, ChannelLayout.headerRoom(c32));
        assertEquals(32, ChannelLayout.headerRoom(c64));
    }

    // [utest->dsn~channel.statistics~1]
    @Test
    void statisticsHaveStableNames() {
        assertEquals("sends", ChannelStat.name(ChannelStat.SENDS));
        assertEquals("receives", ChannelStat.name(ChannelStat.RECEIVES));
        assertEquals("doorbells", ChannelStat.name(ChannelStat.DOORBELLS));
        assertEquals("denied", ChannelStat.name(ChannelStat.DENIED));
        assertEquals("resets", ChannelStat.name(ChannelStat.RESETS));
        assertEquals("consumed", ChannelStat.name(ChannelStat.CONSUMED));
        assertEquals("?", ChannelStat.name(ChannelStat.VIEWS));
        assertEquals("?", ChannelStat.name(-1));
    }
}
