package warden.kernel.api;

import static warden.kernel.api.SystemImage.CHANNELS_MAX;

import warden.kernel.api.rules.BootPhase;

/**
 * The channel table of an image, as primitive arrays indexed by channel id: filled by the
 * {@link SystemImageBuilder}, copied once into the frozen {@link SystemImage} (which exposes no
 * setter), never changed after.
 *
 * [impl->dsn~channel.table~1]
 */
// justification: the builder checks the table bound before it writes; readers use ids below total
@SuppressWarnings("index")
final class ChannelTable {
    int total;
    final String[] name;
    final int[] sender;
    final int[] receiver;
    final long[] base;
    final long[] regionSize;
    final int[] slotSize;
    final int[] slots;
    final int[] doorbell;
    final int[] full;
    final long[] dataId;
    final long[] maxAgeNs;
    final int[] window;
    final int[] crc;

    @BootPhase("builds an image before boot")
    ChannelTable() {
        name = new String[CHANNELS_MAX];
        sender = new int[CHANNELS_MAX];
        receiver = new int[CHANNELS_MAX];
        base = new long[CHANNELS_MAX];
        regionSize = new long[CHANNELS_MAX];
        slotSize = new int[CHANNELS_MAX];
        slots = new int[CHANNELS_MAX];
        doorbell = new int[CHANNELS_MAX];
        full = new int[CHANNELS_MAX];
        dataId = new long[CHANNELS_MAX];
        maxAgeNs = new long[CHANNELS_MAX];
        window = new int[CHANNELS_MAX];
        crc = new int[CHANNELS_MAX];
    }

    private ChannelTable(ChannelTable t) {
        total = t.total;
        name = t.name.clone();
        sender = t.sender.clone();
        receiver = t.receiver.clone();
        base = t.base.clone();
        regionSize = t.regionSize.clone();
        slotSize = t.slotSize.clone();
        slots = t.slots.clone();
        doorbell = t.doorbell.clone();
        full = t.full.clone();
        dataId = t.dataId.clone();
        maxAgeNs = t.maxAgeNs.clone();
        window = t.window.clone();
        crc = t.crc.clone();
    }

    /** @return a copy with arrays of its own, for the frozen image. [impl->dsn~channel.table~1] */
    @BootPhase("builds an image before boot")
    ChannelTable copy() {
        return new ChannelTable(this);
    }
}
