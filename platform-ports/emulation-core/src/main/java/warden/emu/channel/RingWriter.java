package warden.emu.channel;

import warden.emu.GuestCpu;
import warden.kernel.api.Status;

/**
 * The sender's end of a single-producer single-consumer ring in guest memory. It keeps the
 * published count (frames written since its start) and the consumed count the kernel last
 * returned; the ring is full when they differ by the slot count. It never waits: when the ring
 * looks full it first asks the kernel for the current consumed count (a send of the unchanged
 * published count), and if it is still full, the drop policy drops the new frame and the
 * overwrite policy writes over the oldest. A frame is written with ordinary stores through the
 * protection model (a denied store is a real fault), and only then published with
 * {@link ChannelCalls#CHANNEL_SEND}. No allocation.
 *
 * [impl->dsn~e2e.ring~1]
 */
public final class RingWriter {
    public static final int WRITTEN = 0;
    public static final int DROPPED = 1;
    public static final int OVERWROTE = 2;
    /** A store faulted or the kernel refused the send: nothing was published. */
    public static final int FAILED = 3;

    private final RingLayout ring;
    private long published;
    private long resyncs;
    private long consumed;
    private long drops;
    private long overwrites;
    private long highWater;
    private int lastStatus = Status.OK;

    public RingWriter(RingLayout ring) {
        this.ring = ring;
    }

    /** Writes the first {@code length} bytes of {@code frame} to the next slot and publishes it. */
    public int write(GuestCpu cpu, byte[] frame, int length) {
        boolean over = false;
        if (published - consumed >= ring.slotCount) {
            refresh(cpu);
            if (published - consumed >= ring.slotCount) {
                if (ring.policy == ChannelCalls.POLICY_DROP) {
                    drops++;
                    return DROPPED;
                }
                over = true;
            }
        }
        long slot = ring.base + Long.remainderUnsigned(published, ring.slotCount) * ring.stride;
        int end = (length + 7) & ~7;
        for (int i = 0; i < end; i += 8) {
            if (cpu.store(slot + i, 8, Frame.getLong(frame, i)) != GuestCpu.OK) {
                return FAILED;
            }
        }
        lastStatus = cpu.call(ChannelCalls.CHANNEL_SEND, ring.channel, published + 1);
        if (lastStatus == Status.INVALID_PARAM) {
            resync(); // this frame is lost; the receiver sees the gap
        }
        if (lastStatus != Status.OK) {
            return FAILED;
        }
        published++;
        consumed = cpu.lastValue();
        highWater = Math.max(highWater, Math.min(ring.slotCount, published - consumed));
        if (over) {
            overwrites++;
            return OVERWROTE;
        }
        return WRITTEN;
    }

    private void refresh(GuestCpu cpu) {
        lastStatus = cpu.call(ChannelCalls.CHANNEL_SEND, ring.channel, published);
        if (lastStatus == Status.OK) {
            consumed = cpu.lastValue();
        } else if (lastStatus == Status.INVALID_PARAM) {
            resync();
        }
    }

    /**
     * The kernel refused a count it accepted before: it set the channel's counts back to 0 because
     * an end restarted. The writer starts over from slot 0; its end-to-end counter goes on, so the
     * receiver classifies what it missed. [impl->dsn~e2e.ring~1]
     */
    private void resync() {
        published = 0;
        consumed = 0;
        resyncs++;
    }

    /** @return how often the writer found the kernel's counts reset and started over. */
    public long resyncs() { return resyncs; }

    public long published() { return published; }
    public long consumedSeen() { return consumed; }
    public long drops() { return drops; }
    public long overwrites() { return overwrites; }
    /** @return the most frames the ring held after a write, as the sender saw it. */
    public long highWater() { return highWater; }
    /** @return the kernel's status of the last channel call. */
    public int lastStatus() { return lastStatus; }
}
