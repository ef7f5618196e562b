package warden.emu.channel;

/**
 * CRC-32P4, the CRC of AUTOSAR E2E profile 4 (AUTOSAR "Specification of CRC Routines" and
 * "E2E Protocol Specification"): polynomial 0xF4ACFB13, reflected input and output, initial value
 * and final XOR 0xFFFFFFFF; its check value over the ASCII bytes "123456789" is 0x1697D06A.
 * Table driven, one table lookup per byte, no allocation.
 *
 * [impl->dsn~e2e.crc~2]
 */
public final class Crc32P4 {
    /** The polynomial in normal (MSB-first) notation. */
    public static final int POLYNOMIAL = 0xF4ACFB13;
    /** The polynomial bit-reversed, as the reflected algorithm uses it. */
    static final int REFLECTED = Integer.reverse(POLYNOMIAL);
    /** The register value before the first byte. */
    public static final int INITIAL = 0xFFFFFFFF;
    private static final int[] TABLE = table();

    private Crc32P4() {
    }

    private static int[] table() {
        int[] t = new int[256];
        for (int i = 0; i < 256; i++) {
            int c = i;
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
    public static int update(int register, byte[] data, int off, int len) {
        int c = register;
        int end = off + len;
        for (int i = off; i < end; i++) {
            c = (c >>> 8) ^ TABLE[(c ^ data[i]) & 0xFF];
        }
        return c;
    }

    /** @return the CRC of a register after its last byte (the final XOR). */
    public static int finish(int register) {
        return ~register;
    }

    /** @return the CRC-32P4 of {@code len} bytes of {@code data} from {@code off}. */
    public static int of(byte[] data, int off, int len) {
        return finish(update(INITIAL, data, off, len));
    }
}
