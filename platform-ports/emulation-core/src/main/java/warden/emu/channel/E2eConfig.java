package warden.emu.channel;

import warden.kernel.api.ChannelLayout;

/**
 * The protection settings of one channel end: the data id both ends agree on, the maximum age of a
 * frame (and the receive timeout), the counter window (the largest gap still accepted), the payload
 * capacity, and the state machine's window, error limit and minimum of good frames.
 *
 * [impl->dsn~e2e.check~2]
 */
public final class E2eConfig {
    /** Default state machine: 16 checks in the window, more than 2 errors fail, 3 good ones recover. */
    public static final int DEFAULT_WINDOW = 16;
    public static final int DEFAULT_MAX_ERRORS = 2;
    public static final int DEFAULT_MIN_OK = 3;

    final int dataId;
    final long maxAgeNs;
    final int counterWindow;
    final int payloadCapacity;
    final int window;
    final int maxErrors;
    final int minOk;
    final int crcBits;

    /**
     * @param crcBits the CRC width: {@link ChannelLayout#CRC32} or {@link ChannelLayout#CRC64}
     * @throws IllegalArgumentException for a non-positive age, a negative counter window, a capacity
     *         outside 0..{@link Frame#MAX_PAYLOAD}, a state machine window outside 1..64 or another
     *         CRC width
     */
    public E2eConfig(int dataId, long maxAgeNs, int counterWindow, int payloadCapacity, int window, int maxErrors,
                     int minOk, int crcBits) {
        if (maxAgeNs <= 0 || counterWindow < 0 || payloadCapacity < 0 || payloadCapacity > Frame.MAX_PAYLOAD
            || window < 1 || window > 64 || maxErrors < 0 || minOk < 1 || minOk > window
            || crcBits != ChannelLayout.CRC32 && crcBits != ChannelLayout.CRC64) {
            throw new IllegalArgumentException("bad E2E configuration: age " + maxAgeNs + ", counter window "
                + counterWindow + ", capacity " + payloadCapacity + ", window " + window + "/" + maxErrors + "/"
                + minOk + ", CRC width " + crcBits);
        }
        this.crcBits = crcBits;
        this.dataId = dataId;
        this.maxAgeNs = maxAgeNs;
        this.counterWindow = counterWindow;
        this.payloadCapacity = payloadCapacity;
        this.window = window;
        this.maxErrors = maxErrors;
        this.minOk = minOk;
    }

    /** A 32-bit CRC. */
    public E2eConfig(int dataId, long maxAgeNs, int counterWindow, int payloadCapacity, int window, int maxErrors,
                     int minOk) {
        this(dataId, maxAgeNs, counterWindow, payloadCapacity, window, maxErrors, minOk, ChannelLayout.CRC32);
    }

    /** The default state machine settings and a 32-bit CRC. */
    public E2eConfig(int dataId, long maxAgeNs, int counterWindow, int payloadCapacity) {
        this(dataId, maxAgeNs, counterWindow, payloadCapacity, ChannelLayout.CRC32);
    }

    /** The default state machine settings. */
    public E2eConfig(int dataId, long maxAgeNs, int counterWindow, int payloadCapacity, int crcBits) {
        this(dataId, maxAgeNs, counterWindow, payloadCapacity, DEFAULT_WINDOW, DEFAULT_MAX_ERRORS, DEFAULT_MIN_OK,
            crcBits);
    }

    public int dataId() { return dataId; }
    public long maxAgeNs() { return maxAgeNs; }
    public int counterWindow() { return counterWindow; }
    public int payloadCapacity() { return payloadCapacity; }
    /** @return the CRC width in bits. */
    public int crcBits() { return crcBits; }
    /** @return the header bytes in front of the payload (24 with a 32-bit CRC, 32 with a 64-bit one). */
    public int header() { return ChannelLayout.headerRoom(crcBits); }
}
