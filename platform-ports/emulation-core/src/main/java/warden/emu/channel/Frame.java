package warden.emu.channel;

/**
 * The layout of a protected frame, the same in a ring slot and in a guest's frame buffer: a 24-byte
 * header, then the payload. All fields little-endian:
 * <pre>
 *  0  u32 length     header + payload bytes (24 .. 24 + payload capacity)
 *  4  u32 counter    the sender's sequence counter, +1 per frame it protects
 *  8  u32 data id    the channel's data id
 * 12  u32 crc        CRC-32P4 over bytes 0..11 and 16..length-1 (everything but itself)
 * 16  u64 send time  the sender's virtual time in ns when it protected the frame
 * 24  payload
 * </pre>
 * As in AUTOSAR E2E profile 4 the data id is carried explicitly and the CRC covers the header.
 *
 * [impl->dsn~e2e.header~1]
 */
public final class Frame {
    public static final int HEADER = 24;
    public static final int LENGTH = 0;
    public static final int COUNTER = 4;
    public static final int DATA_ID = 8;
    public static final int CRC = 12;
    public static final int SEND_TIME = 16;
    /** Largest payload: an Ethernet frame of 1,514 bytes. */
    public static final int MAX_PAYLOAD = 1514;

    private Frame() {
    }

    /** @return the bytes a frame buffer or slot needs for {@code payloadCapacity}: header + payload, 8-aligned. */
    public static int stride(int payloadCapacity) {
        return (payloadCapacity + HEADER + 7) & ~7;
    }

    /** @return the CRC of a frame of {@code length} bytes (its length field says how many). */
    public static int crc(byte[] frame, int length) {
        int r = Crc32P4.update(Crc32P4.INITIAL, frame, 0, CRC);
        r = Crc32P4.update(r, frame, SEND_TIME, length - SEND_TIME);
        return Crc32P4.finish(r);
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
