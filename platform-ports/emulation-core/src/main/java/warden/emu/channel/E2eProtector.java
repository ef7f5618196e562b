package warden.emu.channel;

import warden.kernel.api.ChannelLayout;

/**
 * The sender's half of the protection: writes the header of a frame whose payload is already in
 * the buffer — length, the next counter, the data id, the send time — and then the CRC over all of
 * it. The counter starts at 0 and advances by one per protected frame (wrapping at 2^32), also for
 * a frame the ring then drops, so that the receiver sees every loss as a gap. No allocation.
 *
 * [impl->dsn~e2e.header~2]
 */
public final class E2eProtector {
    private final E2eConfig config;
    private int counter;

    public E2eProtector(E2eConfig config) {
        this.config = config;
    }

    /**
     * Protects the frame in {@code frame} (payload from {@link E2eConfig#header()}).
     * @return the frame's length in bytes
     * @throws IllegalArgumentException if the payload is longer than the configured capacity
     */
    public int protect(byte[] frame, int payloadLength, long sendTimeNs) {
        if (payloadLength < 0 || payloadLength > config.payloadCapacity) {
            throw new IllegalArgumentException("payload of " + payloadLength + " bytes, capacity "
                + config.payloadCapacity);
        }
        int length = config.header() + payloadLength;
        Frame.putInt(frame, Frame.LENGTH, length);
        Frame.putInt(frame, Frame.COUNTER, counter);
        Frame.putInt(frame, Frame.DATA_ID, config.dataId);
        if (config.crcBits == ChannelLayout.CRC64) {
            Frame.putInt(frame, Frame.CRC, 0); // the reserved word; a 32-bit CRC is sealed into it below
        }
        Frame.putLong(frame, Frame.SEND_TIME, sendTimeNs);
        Frame.seal(frame, length, config.crcBits);
        counter++;
        return length;
    }

    /** @return the counter the next protected frame gets. */
    public int nextCounter() {
        return counter;
    }
}
