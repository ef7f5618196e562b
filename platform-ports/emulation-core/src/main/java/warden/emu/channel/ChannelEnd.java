package warden.emu.channel;

import warden.emu.GuestCpu;

/**
 * One end of a channel as a guest uses it: the ring end for its role and the E2E half that goes
 * with it, a frame buffer of one stride, and the counts. A sender fills {@link #frame()} from
 * {@link #payloadOffset()} and calls {@link #send}; a receiver calls {@link #poll} and then
 * {@link #next} for each ready frame (or {@link #idle} when none was), reading accepted payloads
 * from {@link #frame()}. Everything is allocated here, at discovery; nothing per frame.
 *
 * [impl->dsn~e2e.endpoint~1]
 */
public final class ChannelEnd {
    private final RingLayout ring;
    private final byte[] frame;
    private final ChannelStats stats;
    private final E2eProtector protector;
    private final RingWriter writer;
    private final E2eChecker checker;
    private final RingReader reader;

    public ChannelEnd(RingLayout ring, E2eConfig config) {
        this.ring = ring;
        this.frame = new byte[ring.stride];
        this.stats = new ChannelStats(ring.channel, ring.role);
        boolean sender = ring.role == ChannelCalls.ROLE_SENDER;
        this.protector = sender ? new E2eProtector(config) : null;
        this.writer = sender ? new RingWriter(ring) : null;
        this.checker = sender ? null : new E2eChecker(config);
        this.reader = sender ? null : new RingReader(ring);
    }

    /** Discovers {@code channel} through the kernel. @return its end, or null if it cannot be used */
    public static ChannelEnd open(GuestCpu cpu, int channel) {
        RingLayout ring = RingLayout.discover(cpu, channel);
        if (ring == null || (ring.role != ChannelCalls.ROLE_SENDER && ring.role != ChannelCalls.ROLE_RECEIVER)) {
            return null;
        }
        return new ChannelEnd(ring, ring.config());
    }

    /** Protects the payload in the frame buffer at the current time and writes it. @return a RingWriter result */
    public int send(GuestCpu cpu, int payloadLength) {
        int length = protector.protect(frame, payloadLength, cpu.now());
        int r = writer.write(cpu, frame, length);
        stats.sent++;
        stats.drops = writer.drops();
        stats.overwrites = writer.overwrites();
        stats.highWater = writer.highWater();
        if (r == RingWriter.FAILED) {
            stats.errors++;
        }
        return r;
    }

    /**
     * Protects the payload (the counter advances) but writes nothing: the frame is lost, as a
     * faulty sender would lose it (channel fault injection).
     */
    public void sendLost(GuestCpu cpu, int payloadLength) {
        protector.protect(frame, payloadLength, cpu.now());
        stats.sent++;
    }

    /**
     * Writes the last frame again, unchanged (channel fault injection: a repeated frame).
     * @return a RingWriter result
     */
    public int resend(GuestCpu cpu) {
        return written(writer.write(cpu, frame, Frame.getInt(frame, Frame.LENGTH)));
    }

    /**
     * Protects the payload twice (two consecutive counters) and writes the second frame before the
     * first (channel fault injection: reordered frames). @return the RingWriter result of the later write
     */
    public int sendSwapped(GuestCpu cpu, int payloadLength) {
        int length = protector.protect(frame, payloadLength, cpu.now());
        byte[] first = java.util.Arrays.copyOf(frame, length);
        protector.protect(frame, payloadLength, cpu.now());
        stats.sent += 2;
        written(writer.write(cpu, frame, length));
        return written(writer.write(cpu, first, length));
    }

    /**
     * Protects the payload with the channel's counter and time but writes another data id in the
     * frame, with a CRC that matches it (channel fault injection: a masquerading frame, intact but
     * from another source). @return a RingWriter result
     */
    public int sendMasquerade(GuestCpu cpu, int payloadLength) {
        int length = protector.protect(frame, payloadLength, cpu.now());
        Frame.putInt(frame, Frame.DATA_ID, Frame.getInt(frame, Frame.DATA_ID) ^ MASQUERADE_ID_BITS);
        Frame.seal(frame, length, ring.crcBits);
        stats.sent++;
        return written(writer.write(cpu, frame, length));
    }

    /**
     * Protects the payload at the current time (the counter advances) and copies the frame into
     * {@code held} instead of writing it (channel fault injection: a delayed frame, written later
     * with {@link #writeHeld}). @return the frame's length
     */
    public int protectHeld(GuestCpu cpu, int payloadLength, byte[] held) {
        int length = protector.protect(frame, payloadLength, cpu.now());
        System.arraycopy(frame, 0, held, 0, length);
        stats.sent++;
        return length;
    }

    /** Writes a frame protected earlier by {@link #protectHeld}, unchanged. @return a RingWriter result */
    public int writeHeld(GuestCpu cpu, byte[] held, int length) {
        return written(writer.write(cpu, held, length));
    }

    /** The bits a masquerading frame's data id differs in from the channel's. */
    static final int MASQUERADE_ID_BITS = 0x40;

    private int written(int r) {
        stats.drops = writer.drops();
        stats.overwrites = writer.overwrites();
        stats.highWater = writer.highWater();
        if (r == RingWriter.FAILED) {
            stats.errors++;
        }
        return r;
    }

    /**
     * Reads the next ready frame and takes it as OK without any check (the checker bypassed: only
     * for showing that a campaign's detection is measured). @return OK, or -1 when none was read
     */
    public int nextUnchecked(GuestCpu cpu) {
        if (!read(cpu)) {
            return -1;
        }
        stats.verdicts[Verdict.OK]++;
        return Verdict.OK;
    }

    /** @return frames ready to read, or -1 if the kernel refused */
    public int poll(GuestCpu cpu) {
        int n = reader.poll(cpu);
        if (n < 0) {
            stats.errors++;
        }
        stats.skipped = reader.skipped();
        stats.highWater = reader.highWater();
        return n;
    }

    /** Reads and checks the next ready frame. @return its verdict, or -1 on a fault or when none is ready */
    public int next(GuestCpu cpu) {
        return read(cpu) ? count(checker.check(frame, cpu.now())) : -1;
    }

    /** Copies the next ready frame into the frame buffer. @return false on a fault (counted) or when none is ready */
    private boolean read(GuestCpu cpu) {
        int n = reader.read(cpu, frame);
        if (n <= 0) {
            stats.errors += n < 0 ? 1 : 0;
            return false;
        }
        stats.received++;
        return true;
    }

    /** A poll found nothing. @return NO_NEW_DATA or TIMEOUT */
    public int idle(GuestCpu cpu) {
        return count(checker.noNewData(cpu.now()));
    }

    private int count(int verdict) {
        stats.verdicts[verdict]++;
        stats.worstLatencyNs = Math.max(stats.worstLatencyNs, checker.latencyNs()); // changes on acceptance only
        stats.failures = checker.failures();
        return verdict;
    }

    /** @return true once per entry of the receiver's state machine into INVALID. */
    public boolean takeFailure() {
        return checker != null && checker.takeFailure();
    }

    public boolean sender() { return writer != null; }
    /** @return where the payload starts in {@link #frame()}: after the header of the channel's CRC width. */
    public int payloadOffset() { return ring.header(); }
    public byte[] frame() { return frame; }
    public RingLayout ring() { return ring; }
    public ChannelStats stats() { return stats; }
    /** @return the receiver's checker (gap, counter), null at a sender. */
    public E2eChecker checker() { return checker; }
}
