package warden.kernel.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import warden.kernel.api.Access;
import warden.kernel.api.ChannelLayout;
import warden.kernel.api.Criticality;
import warden.kernel.api.ImageCheckCode;
import warden.kernel.api.SystemImage;
import warden.kernel.api.SystemImageBuilder;

/** The boot check of the channel table, each rule at its boundary: the last value accepted and the first refused. */
class ChannelCheckTest {
    private static final long MON = 0x8000_0000L;
    private static final long RING = 0xA000_0000L;
    private static final int LINE = 20;

    /** Two partitions with a 4 KiB region each; p0 owns a device with line 20. */
    private static SystemImageBuilder two() {
        SystemImageBuilder b = SystemImage.builder(2).monitor(MON, 0x1000);
        b.partition("a", Criticality.ASIL_C, 1, 0x9000_0000L, 0, false);
        b.region(0, 0x9000_0000L, 0x1000, Access.ALL);
        b.device(0, "can0", 0x1001_0000L, 0x1000);
        b.line(0, LINE, 0, 7);
        b.partition("b", Criticality.QM, 2, 0x9100_0000L, 0, false);
        b.region(1, 0x9100_0000L, 0x1000, Access.ALL);
        return b;
    }

    /** @return the check's code for an image with one channel a to b built with these values. */
    private static int check(int from, int to, long base, long size, int slotSize, int slots, int doorbell, int full) {
        SystemImageBuilder b = two();
        b.channel("c", from, to, base, size, slotSize, slots, doorbell, full);
        ImageCheck check = new ImageCheck();
        int code = check.check(b.build(), 2);
        if (code == ImageCheckCode.BAD_CHANNEL) {
            assertEquals(0, check.first(), "names the channel");
        }
        return code;
    }

    private static int shape(int from, int to, int slotSize, int slots) {
        return check(from, to, RING, 0x10_0000L, slotSize, slots, ChannelLayout.NO_DOORBELL, ChannelLayout.FULL_DROP);
    }

    // [utest->dsn~channel.boot-check~2]
    @Test
    void endpointsMustExistAndDiffer() {
        assertEquals(ImageCheckCode.OK, shape(0, 1, 8, 1));
        assertEquals(ImageCheckCode.OK, shape(1, 0, 8, 1));
        assertEquals(ImageCheckCode.BAD_CHANNEL, shape(0, 0, 8, 1));
        assertEquals(ImageCheckCode.BAD_CHANNEL, shape(0, 2, 8, 1));
        assertEquals(ImageCheckCode.BAD_CHANNEL, shape(2, 0, 8, 1));
        assertEquals(ImageCheckCode.BAD_CHANNEL, shape(-1, 1, 8, 1));
        assertEquals(ImageCheckCode.BAD_CHANNEL, shape(0, -1, 8, 1));
    }

    // [utest->dsn~channel.boot-check~2]
    @Test
    void slotSizeAndCountStayInTheirRanges() {
        assertEquals(ImageCheckCode.OK, shape(0, 1, 1, ChannelLayout.SLOTS_MAX));
        assertEquals(ImageCheckCode.OK, shape(0, 1, ChannelLayout.SLOT_SIZE_MAX, 1));
        assertEquals(ImageCheckCode.BAD_CHANNEL, shape(0, 1, 0, 1));
        assertEquals(ImageCheckCode.BAD_CHANNEL, shape(0, 1, ChannelLayout.SLOT_SIZE_MAX + 1, 1));
        assertEquals(ImageCheckCode.BAD_CHANNEL, shape(0, 1, 8, 0));
        assertEquals(ImageCheckCode.BAD_CHANNEL, shape(0, 1, 8, ChannelLayout.SLOTS_MAX + 1));
        assertEquals(ImageCheckCode.OK, check(0, 1, RING, 0x1000, 8, 1, ChannelLayout.NO_DOORBELL, 1));
        assertEquals(ImageCheckCode.BAD_CHANNEL, check(0, 1, RING, 0x1000, 8, 1, ChannelLayout.NO_DOORBELL, 2));
        assertEquals(ImageCheckCode.BAD_CHANNEL, check(0, 1, RING, 0x1000, 8, 1, ChannelLayout.NO_DOORBELL, -1));
    }

    // [utest->dsn~channel.boot-check~2]
    @Test
    void theRegionHoldsEverySlotAndOverlapsNothing() {
        long need = ChannelLayout.ringBytes(100, 10, ChannelLayout.CRC32);
        int none = ChannelLayout.NO_DOORBELL;
        assertEquals(ImageCheckCode.OK, check(0, 1, RING, need, 100, 10, none, 0));
        assertEquals(ImageCheckCode.BAD_CHANNEL, check(0, 1, RING, need - 1, 100, 10, none, 0));
        assertEquals(ImageCheckCode.BAD_CHANNEL, check(0, 1, -0x1000, need, 100, 10, none, 0));
        assertEquals(ImageCheckCode.OK, check(0, 1, MON + 0x1000, need, 100, 10, none, 0), "just above the monitor");
        assertEquals(ImageCheckCode.BAD_CHANNEL, check(0, 1, MON + 0xFFF, need, 100, 10, none, 0));
        assertEquals(ImageCheckCode.BAD_CHANNEL, check(0, 1, 0x9000_0FFFL, need, 100, 10, none, 0), "a region");
        assertEquals(ImageCheckCode.OK, check(0, 1, 0x9000_1000L, need, 100, 10, none, 0));
        assertEquals(ImageCheckCode.BAD_CHANNEL, check(0, 1, 0x1001_0FFFL, need, 100, 10, none, 0), "a device");
        SystemImageBuilder b = two();
        b.channel("x", 0, 1, RING, 0x1000, 8, 1, none, 0);
        b.channel("y", 1, 0, RING + 0xFFF, 0x1000, 8, 1, none, 0);
        ImageCheck check = new ImageCheck();
        assertEquals(ImageCheckCode.BAD_CHANNEL, check.check(b.build(), 2), "another ring");
        assertEquals(1, check.first());
    }

    // [utest->dsn~channel.boot-check~2]
    @Test
    void theCrcWidthIs32Or64AndA64BitRingNeedsItsLargerSlots() {
        long need64 = ChannelLayout.ringBytes(100, 10, ChannelLayout.CRC64);
        assertEquals(ImageCheckCode.OK, crc(need64, ChannelLayout.CRC64));
        assertEquals(ImageCheckCode.BAD_CHANNEL, crc(need64 - 1, ChannelLayout.CRC64), "too small for 32-byte headers");
        assertEquals(ImageCheckCode.OK, crc(need64 - 1, ChannelLayout.CRC32), "room enough for 24-byte headers");
        assertEquals(ImageCheckCode.BAD_CHANNEL, crc(need64, 16));
        assertEquals(ImageCheckCode.BAD_CHANNEL, crc(need64, 0));
        assertEquals(ImageCheckCode.BAD_CHANNEL, crc(need64, 63));
        assertEquals(ImageCheckCode.BAD_CHANNEL, crc(need64, 65));
        assertEquals(ImageCheckCode.BAD_CHANNEL, crc(need64, 33));
    }

    private static int crc(long regionSize, int bits) {
        SystemImageBuilder b = two();
        b.channel("x", 0, 1, RING, regionSize, 100, 10, ChannelLayout.NO_DOORBELL, ChannelLayout.FULL_DROP);
        b.channelCrc(0, bits);
        return new ImageCheck().check(b.build(), 2);
    }

    // [utest->dsn~channel.boot-check~2]
    @Test
    void aDoorbellIsAFreeLineSharedOnlyByChannelsToTheSameReceiver() {
        int drop = ChannelLayout.FULL_DROP;
        assertEquals(ImageCheckCode.OK, check(0, 1, RING, 0x1000, 8, 1, 1, drop));
        assertEquals(ImageCheckCode.OK, check(0, 1, RING, 0x1000, 8, 1, SystemImage.LINES_MAX - 1, drop));
        assertEquals(ImageCheckCode.BAD_CHANNEL, check(0, 1, RING, 0x1000, 8, 1, SystemImage.LINES_MAX, drop));
        assertEquals(ImageCheckCode.BAD_CHANNEL, check(0, 1, RING, 0x1000, 8, 1, 0, drop));
        assertEquals(ImageCheckCode.BAD_CHANNEL, check(0, 1, RING, 0x1000, 8, 1, -2, drop));
        assertEquals(ImageCheckCode.BAD_CHANNEL, check(0, 1, RING, 0x1000, 8, 1, LINE, drop), "a device's line");
        SystemImageBuilder same = two();
        same.channel("x", 0, 1, RING, 0x1000, 8, 1, 50, drop);
        same.channel("y", 0, 1, RING + 0x1000, 0x1000, 8, 1, 50, drop);
        assertEquals(ImageCheckCode.OK, new ImageCheck().check(same.build(), 2), "one receiver, one doorbell");
        SystemImageBuilder other = two();
        other.channel("x", 0, 1, RING, 0x1000, 8, 1, 50, drop);
        other.channel("y", 1, 0, RING + 0x1000, 0x1000, 8, 1, 50, drop);
        assertEquals(ImageCheckCode.BAD_CHANNEL, new ImageCheck().check(other.build(), 2), "two receivers");
    }

    // [utest->dsn~channel.table~1]
    // [utest->dsn~kernel.image~1]
    @Test
    void theFrozenImageKeepsWhatTheBuilderWasGivenAndNothingLater() {
        SystemImageBuilder b = two();
        int c = b.channel("c", 0, 1, RING, 0x2000, 100, 3, 50, ChannelLayout.FULL_OVERWRITE);
        b.channelProtection(c, 0xFFFF_FFFFL, 9, 4).channelCrc(c, ChannelLayout.CRC64);
        SystemImage img = b.build();
        b.channelCrc(c, ChannelLayout.CRC32);
        assertEquals(ChannelLayout.CRC64, img.channelCrc(0), "set before the image froze");
        b.channel("late", 1, 0, RING + 0x2000, 0x1000, 8, 1, ChannelLayout.NO_DOORBELL, 0);
        assertEquals(1, img.channelTotal());
        assertEquals("c", img.channelName(0));
        assertEquals(0, img.channelSender(0));
        assertEquals(1, img.channelReceiver(0));
        assertEquals(RING, img.channelBase(0));
        assertEquals(0x2000, img.channelRegionSize(0));
        assertEquals(100, img.channelSlotSize(0));
        assertEquals(3, img.channelSlots(0));
        assertEquals(50, img.channelDoorbell(0));
        assertEquals(ChannelLayout.FULL_OVERWRITE, img.channelFull(0));
        assertEquals(0xFFFF_FFFFL, img.channelDataId(0));
        assertEquals(9, img.channelMaxAgeNs(0));
        assertEquals(4, img.channelWindow(0));
    }

    /**
     * The builder numbers channels in the order given, chains the protection setter, and refuses a
     * channel beyond CHANNELS_MAX (the 16th is still accepted).
     */
    // [utest->dsn~channel.table~1]
    // [utest->dsn~kernel.image~1]
    @Test
    void theBuilderNumbersChannelsInOrderAndRefusesOneTooMany() {
        SystemImageBuilder b = two();
        int none = ChannelLayout.NO_DOORBELL;
        for (int c = 0; c < SystemImage.CHANNELS_MAX; c++) {
            assertEquals(c, b.channel("c" + c, c % 2, 1 - c % 2, RING + c * 0x1000L, 0x1000, 8, 1, none, 0));
        }
        org.junit.jupiter.api.Assertions.assertSame(b, b.channelProtection(3, 7, 1_000, 2));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> b.channel("one-too-many", 0, 1, RING + 0x10_0000L, 0x1000, 8, 1, none, 0));
        SystemImage img = b.build();
        assertEquals(SystemImage.CHANNELS_MAX, img.channelTotal());
        assertEquals(7, img.channelDataId(3));
        assertEquals(1_000, img.channelMaxAgeNs(3));
        assertEquals(2, img.channelWindow(3));
    }

    /** Two channels to different receivers on one doorbell: the later one is the bad one. */
    // [utest->dsn~channel.boot-check~2]
    @Test
    void theChannelNamedForASharedDoorbellIsTheLaterOne() {
        SystemImageBuilder other = two();
        other.channel("x", 0, 1, RING, 0x1000, 8, 1, 50, ChannelLayout.FULL_DROP);
        other.channel("y", 1, 0, RING + 0x1000, 0x1000, 8, 1, 50, ChannelLayout.FULL_DROP);
        ImageCheck check = new ImageCheck();
        assertEquals(ImageCheckCode.BAD_CHANNEL, check.check(other.build(), 2));
        assertEquals(1, check.first());
    }

    /** The most channels an image may have pass the boot check. */
    // [utest->dsn~channel.boot-check~2]
    @Test
    void anImageWithTheMostChannelsPasses() {
        SystemImageBuilder b = two();
        for (int c = 0; c < SystemImage.CHANNELS_MAX; c++) {
            b.channel("c" + c, c % 2, 1 - c % 2, RING + c * 0x1000L, 0x1000, 8, 1, ChannelLayout.NO_DOORBELL, 0);
        }
        assertEquals(ImageCheckCode.OK, new ImageCheck().check(b.build(), 2));
    }
}
