package warden.emu.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class Crc32P4Test {
    /**
     * The catalogue check value of CRC-32/AUTOSAR (CRC-32P4) over "123456789".
     * [utest->dsn~e2e.crc~2]
     */
    @Test
    void checkValueOf123456789() {
        byte[] b = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertEquals(0x1697D06A, Crc32P4.of(b, 0, b.length));
        assertEquals(0xF4ACFB13, Crc32P4.POLYNOMIAL);
    }

    /**
     * Known values of the empty input and of a zero byte, and that the register can be continued.
     * [utest->dsn~e2e.crc~2]
     */
    @Test
    void emptyInputAndContinuation() {
        assertEquals(0, Crc32P4.of(new byte[0], 0, 0));
        byte[] b = "123456789".getBytes(StandardCharsets.US_ASCII);
        int r = Crc32P4.update(Crc32P4.INITIAL, b, 0, 4);
        assertEquals(0x1697D06A, Crc32P4.finish(Crc32P4.update(r, b, 4, 5)));
    }

    /** The reflected CRC computed bit by bit from the polynomial, with no table: the reference. */
    static int bitwise(byte[] data, int off, int len) {
        int crc = 0xFFFFFFFF;
        for (int i = off; i < off + len; i++) {
            for (int bit = 0; bit < 8; bit++) {
                int in = (data[i] >>> bit) & 1;
                boolean feedback = ((crc & 1) ^ in) != 0;
                crc >>>= 1;
                if (feedback) {
                    crc ^= Integer.reverse(0xF4ACFB13);
                }
            }
        }
        return ~crc;
    }

    /**
     * The table-driven CRC equals the bitwise reference on any bytes, offset and length.
     * [utest->dsn~e2e.crc~2]
     */
    @Property(seed = "4242")
    void tableEqualsBitwiseReference(@ForAll @Size(max = 300) byte[] data, @ForAll @IntRange(max = 300) int a,
                                     @ForAll @IntRange(max = 300) int b) {
        int off = Math.min(a, data.length);
        int len = Math.min(b, data.length - off);
        assertEquals(bitwise(data, off, len), Crc32P4.of(data, off, len));
    }
}
