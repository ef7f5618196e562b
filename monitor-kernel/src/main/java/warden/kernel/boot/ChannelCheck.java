package warden.kernel.boot;

import warden.kernel.api.ChannelLayout;
import warden.kernel.api.SystemImage;

/**
 * Boot-time check of an image's channel table: two different existing endpoints, a slot size of
 * 1 .. {@link ChannelLayout#SLOT_SIZE_MAX}, 1 .. {@link ChannelLayout#SLOTS_MAX} slots, a ring
 * region that holds every slot and lies outside the monitor memory, every partition region, every
 * device window and every other ring (so that only the two endpoints' protection slots can map it),
 * a known full-ring policy, and a doorbell that is either none or a line no device uses and that
 * no other receiver's doorbell uses. No side effects; loops bounded by the table sizes.
 *
 * [impl->dsn~channel.boot-check~2]
 */
final class ChannelCheck {
    private ChannelCheck() {
    }

    /** @return the first channel that fails a check, or -1. [impl->dsn~channel.boot-check~2] */
    static int firstBad(SystemImage img) {
        for (int c = 0; c < img.channelTotal(); c++) { // <= CHANNELS_MAX: SystemImageBuilder.channel
            if (!shapeOk(img, c) || !ringAlone(img, c) || !doorbellOk(img, c)) {
                return c;
            }
        }
        return -1;
    }

    private static boolean shapeOk(SystemImage img, int c) {
        int n = img.partitionCount();
        int s = img.channelSender(c);
        int r = img.channelReceiver(c);
        if (s < 0 || s >= n || r < 0 || r >= n || s == r) {
            return false;
        }
        int size = img.channelSlotSize(c);
        int slots = img.channelSlots(c);
        if (size < 1 || size > ChannelLayout.SLOT_SIZE_MAX || slots < 1 || slots > ChannelLayout.SLOTS_MAX) {
            return false;
        }
        int full = img.channelFull(c);
        int crc = img.channelCrc(c);
        return (full == ChannelLayout.FULL_DROP || full == ChannelLayout.FULL_OVERWRITE)
                && (crc == ChannelLayout.CRC32 || crc == ChannelLayout.CRC64)
                && img.channelRegionSize(c) >= ChannelLayout.ringBytes(size, slots, crc)
                && ImageCheck.fits(img.channelBase(c), img.channelRegionSize(c));
    }

    private static boolean ringAlone(SystemImage img, int c) {
        long base = img.channelBase(c);
        long size = img.channelRegionSize(c);
        if (ImageCheck.overlaps(base, size, img.monitorBase(), img.monitorSize())) {
            return false;
        }
        for (int r = 0; r < img.regionTotal(); r++) {
            if (ImageCheck.overlaps(base, size, img.regionBase(r), img.regionSize(r))) {
                return false;
            }
        }
        for (int d = 0; d < img.deviceTotal(); d++) {
            if (ImageCheck.overlaps(base, size, img.deviceBase(d), img.deviceSize(d))) {
                return false;
            }
        }
        for (int o = 0; o < img.channelTotal(); o++) {
            if (o < c && ImageCheck.overlaps(base, size, img.channelBase(o), img.channelRegionSize(o))) {
                return false;
            }
        }
        return true;
    }

    private static boolean doorbellOk(SystemImage img, int c) {
        int line = img.channelDoorbell(c);
        if (line == ChannelLayout.NO_DOORBELL) {
            return true;
        }
        if (line <= 0 || line >= SystemImage.LINES_MAX || img.lineOwner(line) != SystemImage.NO_PARTITION) {
            return false;
        }
        for (int o = 0; o < img.channelTotal(); o++) {
            if (o < c && img.channelDoorbell(o) == line && img.channelReceiver(o) != img.channelReceiver(c)) {
                return false;
            }
        }
        return true;
    }
}
