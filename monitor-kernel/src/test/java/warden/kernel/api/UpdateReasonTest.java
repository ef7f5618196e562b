package warden.kernel.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The update's layouts: UPDATE_STATUS's value and the signed message, byte for byte. */
class UpdateReasonTest {
    // [utest->dsn~kernel.update.calls~1]
    @Test
    void theStatusValuePacksVersionStateAndSlotInTheirBits() {
        assertEquals(0x103_0001_2345L, UpdateReason.status(0x1_2345, 3, 1));
        assertEquals(0x0FF_7FFF_FFFFL, UpdateReason.status(-1, 0x1FF, 2), "each field keeps its own bits");
        assertEquals(0x100_0000_0000L, UpdateReason.status(0, 0, 1));
        assertEquals(0x2_0000_0000L, UpdateReason.status(0, 2, 0));
    }

    // [utest->dsn~kernel.update.verify~1] [utest->dsn~kernel.update.calls~1]
    @Test
    void theSignedMessageIsDigestVersionAndSizeBigEndian() {
        byte[] digest = new byte[32];
        for (int i = 0; i < 32; i++) {
            digest[i] = (byte) (0xA0 + i);
        }
        byte[] out = new byte[UpdateReason.SIGNED_BYTES + 1];
        out[UpdateReason.SIGNED_BYTES] = 0x55;
        UpdateReason.signedMessage(digest, 0x0102_0304_0506_0708L, 0x0A0B_0C0D, out);
        byte[] expected = new byte[UpdateReason.SIGNED_BYTES + 1];
        System.arraycopy(digest, 0, expected, 0, 32);
        byte[] tail = {1, 2, 3, 4, 5, 6, 7, 8, 0x0A, 0x0B, 0x0C, 0x0D, 0x55};
        System.arraycopy(tail, 0, expected, 32, tail.length);
        assertArrayEquals(expected, out);
        assertEquals(44, UpdateReason.SIGNED_BYTES);
        assertEquals(96, UpdateReason.MANIFEST_BYTES);
    }
}
