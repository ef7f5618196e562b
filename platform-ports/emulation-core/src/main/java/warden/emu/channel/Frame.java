package warden.emu.channel;

import warden.kernel.api.ChannelLayout;

/**
 * The layout of a protected frame, the same in a ring slot and in a guest's frame buffer: a header,
 * then the payload. A channel's CRC width picks one of two headers; all fields little-endian:
 * <pre>
 *  CRC-32 (24-byte header, the default)        CRC-64 (32-byte header)
 *  0  u32 length     header + payload bytes     0  u32 length
 *  4  u32 counter    +1 per protected frame     4  u32 counter
 *  8  u32 data id    the channel's data id      8  u32 data id
 * 12  u32 crc        CRC-32P4                  12  u32 reserved, 0
 * 16  u64 send time  virtual ns                16  u64 send time
 * 24  payload                                  24  u64 crc   CRC-64
 *                                              32  payload
 * </pre>
 * The CRC covers every byte of the frame but itself. As in AUTOSAR E2E profiles 4 and 7 the data
 * id is carried explicitly and the CRC covers the header.
 *
 * [impl->dsn~e2e.header~2]
 */
public final class Frame {
    /** Header bytes of a frame with a 32-bit CRC: the kernel's header room for that width. */
    public static final int HEADER = ChannelLayout.HEADER_CRC32;
    /** Header bytes of a frame with a 64-bit CRC: the kernel's header room for that width. */
    public static final int HEADER_64 = ChannelLayout.HEADER_CRC64;
    public static final int LENGTH = 0;
    public static final int COUNTER = 4;
    public static final int DATA_ID = 8;
    /** The CRC-32 of a frame with a 32-bit CRC; the reserved word (0) of one with a 64-bit CRC. */
    public static final int CRC = 12;
    public static final int SEND_TIME = 16;
    /** The CRC-64 of a frame with a 64-bit CRC. */
    public static final int CRC_64 = 24;
    /** Largest payload: an Ethernet frame of 1,514 bytes. */
    public static final int MAX_PAYLOAD = 1514;

    private Frame() {
    }

    /** @return the bytes a frame buffer or slot needs for {@code payloadCapacity} with a 32-bit CRC. */
    public static int stride(int payloadCapacity) {
        return stride(payloadCapacity, ChannelLayout.CRC32);
    }

    /**
     * @return the bytes a frame buffer or slot needs for {@code payloadCapacity}: the kernel's slot
     *     stride ({@link ChannelLayout#stride}), which a payload of at most {@link #MAX_PAYLOAD} keeps
     *     within an int
     */
    public static int stride(int payloadCapacity, int crcBits) {
        return (int) ChannelLayout.stride(payloadCapacity, crcBits);
    }

    /** @return the CRC-32P4 of a frame of {@code length} bytes (its length field says how many). */
    public static int crc(byte[] frame, int length) {
        int r = Crc32P4.update(Crc32P4.INITIAL, frame, 0, CRC);
        r = Crc32P4.update(r, frame, SEND_TIME, length - SEND_TIME);
        return Crc32P4.finish(r);
    }

    /** @return the CRC-64 of a frame with a 64-bit CRC of {@code length} bytes. */
    public static long crc64(byte[] frame, int length) {
        long r = Crc64.update(Crc64.INITIAL, frame, 0, CRC_64);
        r = Crc64.update(r, frame, HEADER_64, length - HEADER_64);
        return Crc64.finish(r);
    }

    /** Writes the CRC of {@code crcBits} over the frame's {@code length} bytes into its CRC field. */
    public static void seal(byte[] frame, int length, int crcBits) {
        if (crcBits == ChannelLayout.CRC64) {
            putLong(frame, CRC_64, crc64(frame, length));
        } else {
            putInt(frame, CRC, crc(frame, length));
        }
    }

    /** @return true when the frame's CRC field holds the CRC of its {@code length} bytes. */
    public static boolean intact(byte[] frame, int length, int crcBits) {
        if (crcBits == ChannelLayout.CRC64) {
            return getLong(frame, CRC_64) == crc64(frame, length);
        }
        return getInt(frame, CRC) == crc(frame, length);
    }

    public static int getInt(byte[] b, int off) {
        return (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8 | (b[off + 2] & 0xFF) << 16 | (b[off + 3] & 0xFF) << 24;
    }

    public static long getLong(byte[] b, int off) {
        return (getInt(b, off) & 0xFFFF_FFFFL) | (long) getInt(b, off + 4) << 32;
    }

    public static void putInt(byte[] b, int off, int v) {
        b[off] = (byte) v;
        b[off + 1] = (byte) (v >>> 8);
        b[off + 2] = (byte) (v >>> 16);
        b[off + 3] = (byte) (v >>> 24);
    }

    public static void putLong(byte[] b, int off, long v) {
        putInt(b, off, (int) v);
        putInt(b, off + 4, (int) (v >>> 32));
    }
}
