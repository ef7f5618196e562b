package warden.emu.channel;

/**
 * CRC-64 as AUTOSAR E2E profile 7 uses it (AUTOSAR "Specification of CRC Routines", CRC-64 since
 * release 4.3.0): polynomial 0x42F0E1EBA9EA3693 (ECMA-182), reflected input and output, initial
 * value and final XOR 0xFFFFFFFFFFFFFFFF; its check value over the ASCII bytes "123456789" is
 * 0x995DC9BBDF1939FA. Table driven, one table lookup per byte, no allocation.
 *
 * [impl->dsn~e2e.crc~2]
 */
public final class Crc64 {
    /** The polynomial in normal (MSB-first) notation. */
    public static final long POLYNOMIAL = 0x42F0E1EBA9EA3693L;
    /** The polynomial bit-reversed, as the reflected algorithm uses it. */
    static final long REFLECTED = Long.reverse(POLYNOMIAL);
    /** The register value before the first byte. */
    public static final long INITIAL = -1L;
    private static final long[] TABLE = table();

    private Crc64() {
    }

    private static long[] table() {
        long[] t = new long[256];
        for (int i = 0; i < 256; i++) {
            long c = i;
            for (int k = 0; k < 8; k++) {
                c = (c & 1) != 0 ? (c >>> 1) ^ REFLECTED : c >>> 1;
            }
            t[i] = c;
        }
        return t;
    }

    /**
     * Continues a CRC over {@code len} bytes of {@code data} from {@code off}.
     * @param register the running register: {@link #INITIAL} at the start, the previous result after
     * @return the register after those bytes; {@link #finish} gives the CRC
     */
    public static long update(long register, byte[] data, int off, int len) {
        long c = register;
        int end = off + len;
        for (int i = off; i < end; i++) {
            c = (c >>> 8) ^ TABLE[(int) (c ^ data[i]) & 0xFF];
        }
        return c;
    }

    /** @return the CRC of a register after its last byte (the final XOR). */
    public static long finish(long register) {
        return ~register;
    }

    /** @return the CRC-64 of {@code len} bytes of {@code data} from {@code off}. */
    public static long of(byte[] data, int off, int len) {
        return finish(update(INITIAL, data, off, len));
    }
}
