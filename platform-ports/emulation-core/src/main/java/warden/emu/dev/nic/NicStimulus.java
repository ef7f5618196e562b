package warden.emu.dev.nic;

import warden.emu.Engine;
import warden.emu.SplitMix64;

/**
 * The far end of a {@link NicController}'s wire: Ethernet II frames at a fixed period or at
 * exponentially distributed intervals of a given mean (the replacement for a bare interrupt line:
 * the controller's interrupt then comes from a real received frame). Frame k is, after IEEE 802.3
 * clause 3 (MAC frame format, without preamble and FCS, which the controller strips as NICs do):
 * destination ff:ff:ff:ff:ff:ff (broadcast), source 02:57:44:00:00:01 (a locally administered
 * address), EtherType 0x88B5 (IEEE 802 "local experimental"), then a payload of 46 to 1500 bytes
 * (at least the minimum frame's 46) whose first 4 bytes are k (big-endian) and whose rest and
 * length come from a {@link SplitMix64} seeded from the given seed, drawn when the frame is sent; the
 * intervals come from a second one seeded with the seed itself, so the arrival times are those of a
 * bare {@link warden.emu.Stimulus} with the same seed. The same seed gives the same frames. Nothing
 * is allocated after construction.
 *
 * [impl->dsn~nic.stimulus~1]
 */
public final class NicStimulus implements Engine.Source {
    public static final int HEADER = 14;
    public static final int PAYLOAD_MIN = 46;
    public static final int PAYLOAD_MAX = 1500;
    public static final int ETHERTYPE = 0x88B5;
    private static final byte[] SOURCE = {0x02, 0x57, 0x44, 0x00, 0x00, 0x01};

    private final NicController nic;
    private final long periodNs;
    private final long meanNs;
    private final SplitMix64 timing;
    private final SplitMix64 random;
    private final byte[] frame = new byte[HEADER + PAYLOAD_MAX];
    private long next;
    private long frames;
    private int lastLength;

    /** @param periodNs fixed period, or 0 for random intervals of mean {@code meanNs}. */
    public NicStimulus(NicController nic, long periodNs, long meanNs, long seed) {
        if (periodNs <= 0 && meanNs <= 0) {
            throw new IllegalArgumentException("a NIC stimulus needs a positive period or mean interval");
        }
        this.nic = nic;
        this.periodNs = periodNs;
        this.meanNs = meanNs;
        this.timing = new SplitMix64(seed);
        this.random = new SplitMix64(SplitMix64.derive(seed, 1));
        for (int i = 0; i < 6; i++) {
            frame[i] = (byte) 0xFF;
            frame[6 + i] = SOURCE[i];
        }
        frame[12] = (byte) (ETHERTYPE >>> 8);
        frame[13] = (byte) ETHERTYPE;
        this.next = interval();
    }

    private long interval() {
        return periodNs > 0 ? periodNs : timing.exponential(meanNs);
    }

    @Override
    public long nextEventNs() {
        return next;
    }

    @Override
    public void fire(long nowNs) {
        int payload = (int) random.between(PAYLOAD_MIN, PAYLOAD_MAX);
        for (int i = 0; i < 4; i++) {
            frame[HEADER + i] = (byte) (frames >>> (24 - 8 * i));
        }
        for (int i = 4; i < payload; i += 8) { // bound: 1500 bytes
            long r = random.nextLong();
            for (int b = 0; b < 8 && i + b < payload; b++) {
                frame[HEADER + i + b] = (byte) (r >>> (8 * b));
            }
        }
        lastLength = HEADER + payload;
        frames++;
        nic.receive(frame, lastLength, nowNs);
        next = nowNs + interval();
    }

    /** @return frames sent to the controller. */
    public long frames() {
        return frames;
    }

    /** @return the bytes of the last frame (a buffer reused for every frame) and {@link #lastLength()}. */
    public byte[] lastFrame() {
        return frame;
    }

    public int lastLength() {
        return lastLength;
    }
}
