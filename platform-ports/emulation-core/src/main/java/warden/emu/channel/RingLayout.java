package warden.emu.channel;

import warden.emu.GuestCpu;
import warden.kernel.api.ChannelLayout;
import warden.kernel.api.Status;

/**
 * Where a channel's ring is and how it is used, as the kernel describes it through
 * {@link ChannelCalls#CHANNEL_INFO}: slot i at base + i * stride, each holding a {@link Frame} of up
 * to the slot size of payload.
 *
 * [impl->dsn~e2e.ring~1]
 */
public final class RingLayout {
    final int channel;
    final long base;
    final int slotSize;
    final int slotCount;
    final int stride;
    final int role;
    final int policy;
    final int doorbell;
    final int dataId;
    final long maxAgeNs;
    final int counterWindow;
    final int crcBits;

    /** A ring of frames with a 32-bit CRC. */
    public RingLayout(int channel, long base, int slotSize, int slotCount, int stride, int role, int policy,
                      int doorbell, int dataId, long maxAgeNs, int counterWindow) {
        this(channel, base, slotSize, slotCount, stride, role, policy, doorbell, dataId, maxAgeNs, counterWindow,
            ChannelLayout.CRC32);
    }

    /**
     * @throws IllegalArgumentException when the slot size, count or stride cannot hold the frames, or
     *     the CRC width is neither 32 nor 64
     */
    public RingLayout(int channel, long base, int slotSize, int slotCount, int stride, int role, int policy,
                      int doorbell, int dataId, long maxAgeNs, int counterWindow, int crcBits) {
        if (slotSize < 0 || slotSize > Frame.MAX_PAYLOAD || slotCount < 1
            || crcBits != ChannelLayout.CRC32 && crcBits != ChannelLayout.CRC64
            || stride < Frame.stride(slotSize, crcBits) || (stride & 7) != 0 || (base & 7) != 0) {
            throw new IllegalArgumentException("channel " + channel + ": slot size " + slotSize + ", count "
                + slotCount + ", stride " + stride + ", base " + base + ", CRC width " + crcBits);
        }
        this.crcBits = crcBits;
        this.channel = channel;
        this.base = base;
        this.slotSize = slotSize;
        this.slotCount = slotCount;
        this.stride = stride;
        this.role = role;
        this.policy = policy;
        this.doorbell = doorbell;
        this.dataId = dataId;
        this.maxAgeNs = maxAgeNs;
        this.counterWindow = counterWindow;
    }

    /**
     * Asks the kernel for every field of {@code channel} (at boot: it allocates).
     * @return the layout, or null when the kernel refused a field or described an unusable ring
     */
    public static RingLayout discover(GuestCpu cpu, int channel) {
        long[] v = new long[ChannelCalls.INFO_FIELDS];
        for (int f = 0; f < v.length; f++) {
            if (cpu.call(ChannelCalls.CHANNEL_INFO, channel, f) != Status.OK) {
                return null;
            }
            v[f] = cpu.lastValue();
        }
        try {
            return new RingLayout(channel, v[ChannelCalls.INFO_BASE], (int) v[ChannelCalls.INFO_SLOT_SIZE],
                (int) v[ChannelCalls.INFO_SLOT_COUNT], (int) v[ChannelCalls.INFO_STRIDE],
                (int) v[ChannelCalls.INFO_ROLE], (int) v[ChannelCalls.INFO_POLICY],
                (int) v[ChannelCalls.INFO_DOORBELL], (int) v[ChannelCalls.INFO_DATA_ID],
                v[ChannelCalls.INFO_MAX_AGE], (int) v[ChannelCalls.INFO_COUNTER_WINDOW],
                (int) v[ChannelCalls.INFO_CRC]);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** @return the protection settings the kernel gave, with the default state machine. */
    public E2eConfig config() {
        return new E2eConfig(dataId, maxAgeNs, counterWindow, slotSize, crcBits);
    }

    public int channel() { return channel; }
    public long base() { return base; }
    public int slotSize() { return slotSize; }
    public int slotCount() { return slotCount; }
    public int stride() { return stride; }
    public int role() { return role; }
    public int policy() { return policy; }
    public int doorbell() { return doorbell; }
    /** @return the CRC width in bits. */
    public int crcBits() { return crcBits; }
    /** @return the header bytes of each frame: where the payload starts. */
    public int header() { return ChannelLayout.headerRoom(crcBits); }
}
