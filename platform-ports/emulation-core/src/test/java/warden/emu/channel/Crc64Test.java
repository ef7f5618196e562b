package warden.emu.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class Crc64Test {
    /**
     * The catalogue check value of the profile-7 CRC-64 (CRC-64/XZ in the CRC catalogue) over "123456789".
     * [utest->dsn~e2e.crc~2]
     */
    @Test
    void checkValueOf123456789() {
        byte[] b = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertEquals(0x995DC9BBDF1939FAL, Crc64.of(b, 0, b.length));
        assertEquals(0x42F0E1EBA9EA3693L, Crc64.POLYNOMIAL);
    }

    /**
     * The empty input gives 0, a continued register gives the same CRC, and a zero byte is not free.
     * [utest->dsn~e2e.crc~2]
     */
    @Test
    void emptyInputAndContinuation() {
        assertEquals(0, Crc64.of(new byte[0], 0, 0));
        byte[] b = "123456789".getBytes(StandardCharsets.US_ASCII);
        long r = Crc64.update(Crc64.INITIAL, b, 0, 4);
        assertEquals(0x995DC9BBDF1939FAL, Crc64.finish(Crc64.update(r, b, 4, 5)));
        assertEquals(bitwise(new byte[1], 0, 1), Crc64.of(new byte[1], 0, 1));
    }

    /** The reflected CRC computed bit by bit from the polynomial, with no table: the reference. */
    static long bitwise(byte[] data, int off, int len) {
        long crc = -1L;
        for (int i = off; i < off + len; i++) {
            for (int bit = 0; bit < 8; bit++) {
                long in = (data[i] >>> bit) & 1;
                boolean feedback = ((crc & 1) ^ in) != 0;
                crc >>>= 1;
                if (feedback) {
                    crc ^= Long.reverse(0x42F0E1EBA9EA3693L);
                }
            }
        }
        return ~crc;
    }

    /**
     * The table-driven CRC equals the bitwise reference on any bytes, offset and length.
     * [utest->dsn~e2e.crc~2]
     */
    @Property(seed = "6464")
    void tableEqualsBitwiseReference(@ForAll @Size(max = 300) byte[] data, @ForAll @IntRange(max = 300) int a,
                                     @ForAll @IntRange(max = 300) int b) {
        int off = Math.min(a, data.length);
        int len = Math.min(b, data.length - off);
        assertEquals(bitwise(data, off, len), Crc64.of(data, off, len));
    }
}
