package warden.emu.channel;

import warden.emu.GuestCpu;
import warden.kernel.api.Status;

/**
 * The receiver's end of the ring. Its view is read-only: its progress (the consumed count) goes to
 * the kernel with {@link ChannelCalls#CHANNEL_RECEIVE}, which returns the sender's published count.
 * When the sender has lapped it (overwrite policy), it skips to the oldest frame still in the ring
 * and counts the skipped ones. A frame is copied out of its slot with ordinary loads (a denied load
 * is a real fault): the header first, then as many payload bytes as its length field says, clamped
 * to the slot, so a corrupted length cannot make it read outside its slot. No allocation.
 *
 * [impl->dsn~e2e.ring~1]
 */
public final class RingReader {
    private final RingLayout ring;
    private long consumed;
    private long published;
    private long resyncs;
    private long skipped;
    private long highWater;
    private int lastStatus = Status.OK;

    public RingReader(RingLayout ring) {
        this.ring = ring;
    }

    /**
     * Reports the consumed count and learns the published count.
     * @return frames ready to read, or -1 if the kernel refused the call
     */
    public int poll(GuestCpu cpu) {
        lastStatus = cpu.call(ChannelCalls.CHANNEL_RECEIVE, ring.channel, consumed);
        if (lastStatus == Status.INVALID_PARAM) {
            // the kernel set the channel's counts back to 0 (an end restarted): start over from 0;
            // the frames lost meanwhile show as a sequence gap [impl->dsn~e2e.ring~1]
            consumed = 0;
            published = 0;
            resyncs++;
            lastStatus = cpu.call(ChannelCalls.CHANNEL_RECEIVE, ring.channel, 0);
        }
        if (lastStatus != Status.OK) {
            return -1;
        }
        published = Math.max(published, cpu.lastValue());
        long skip = Math.max(0, published - consumed - ring.slotCount);
        skipped += skip;
        consumed += skip;
        long ready = published - consumed;
        highWater = Math.max(highWater, ready);
        return (int) ready;
    }

    /**
     * Copies the next ready frame into {@code frame} (at least a stride long) and consumes it.
     * @return its length as read (clamped to the slot), 0 when none is ready, -1 on a fault
     */
    public int read(GuestCpu cpu, byte[] frame) {
        if (consumed >= published) {
            return 0;
        }
        long slot = ring.base + Long.remainderUnsigned(consumed, ring.slotCount) * ring.stride;
        consumed++;
        if (!copy(cpu, slot, frame, 0, ring.header())) {
            return -1;
        }
        int length = Frame.getInt(frame, Frame.LENGTH);
        int n = Math.max(ring.header(), Math.min(length, ring.header() + ring.slotSize));
        if (!copy(cpu, slot, frame, ring.header(), n)) {
            return -1;
        }
        return n;
    }

    private static boolean copy(GuestCpu cpu, long slot, byte[] frame, int from, int to) {
        int end = (to + 7) & ~7;
        for (int i = from; i < end; i += 8) {
            if (cpu.load(slot + i, 8) != GuestCpu.OK) {
                return false;
            }
            Frame.putLong(frame, i, cpu.lastValue());
        }
        return true;
    }

    public long consumed() { return consumed; }
    /** @return how often the kernel's counts were found reset (an end restarted) and the end started over. */
    public long resyncs() { return resyncs; }
    public long published() { return published; }
    /** @return frames the sender overwrote before this reader could read them. */
    public long skipped() { return skipped; }
    /** @return the most frames the ring held at a poll. */
    public long highWater() { return highWater; }
    public int lastStatus() { return lastStatus; }
}
