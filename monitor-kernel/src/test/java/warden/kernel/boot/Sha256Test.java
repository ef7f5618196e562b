package warden.kernel.boot;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import org.junit.jupiter.api.Test;
import warden.kernel.FakePlatform;
import warden.kernel.Images;
import warden.kernel.api.SystemImage;

/**
 * The kernel's SHA-256 on its own (GoldenDigestTest checks it through boot and restart, where the
 * image copy after the hash also refuses an unreadable byte): an unreadable byte makes the check
 * fail by itself, even where the block buffer still holds bytes that would give the right digest.
 */
class Sha256Test {
    private static final long STORE = 0x40_0000_0000L;

    /** Every 64-byte block alike, so a hash that went on past an unreadable byte would still match. */
    private static byte[] periodic(int size) {
        byte[] image = new byte[size];
        for (int i = 0; i < size; i++) {
            image[i] = (byte) ((i & 63) * 37 + 5);
        }
        return image;
    }

    private static boolean matches(byte[] image, int hole) throws Exception {
        SystemImage img = Images.shared().image(1, Images.MON + 0x1000, image.length, Images.LINUX_RAM)
                .digest(1, MessageDigest.getInstance("SHA-256").digest(image)).build();
        FakePlatform mem = new FakePlatform(2);
        for (int i = 0; i < image.length; i++) {
            if (i != hole) {
                mem.addRam(STORE + i, 1);
                mem.writeByte(STORE + i, image[i] & 0xff);
            }
        }
        return new Sha256().matches(mem, STORE, image.length, img, 1);
    }

    // [utest->dsn~health.golden-image~1]
    @Test
    void anUnreadableByteInAWholeBlockOrInTheTailFailsTheCheckByItself() throws Exception {
        byte[] image = periodic(1000);
        assertTrue(matches(image, -1), "every byte readable");
        for (int hole : new int[] {0, 100, 127, 959, 960, 980, 999}) {
            assertFalse(matches(image, hole), "hole at " + hole);
        }
        // a read that fails answers -1, whose low byte 0xFF is what the image holds here
        image[500] = (byte) 0xFF;
        assertTrue(matches(image, -1));
        assertFalse(matches(image, 500), "an unreadable byte is not taken as 0xFF");
    }

    // [utest->dsn~health.golden-image~1]
    @Test
    void theHashReadsNoByteBeyondTheImage() throws Exception {
        // the byte after the image is unreadable (never added): reading it would fail the check
        for (int size : new int[] {1, 63, 64, 65, 1000}) {
            assertTrue(matches(periodic(size), -1), "size " + size);
        }
    }
}
