package warden.kernel.boot;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import org.junit.jupiter.api.Test;
import warden.kernel.FakePlatform;

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
        byte[] want = MessageDigest.getInstance("SHA-256").digest(image);
        FakePlatform mem = new FakePlatform(2);
        for (int i = 0; i < image.length; i++) {
            if (i != hole) {
                mem.addRam(STORE + i, 1);
                mem.writeByte(STORE + i, image[i] & 0xff);
            }
        }
        Sha256 sha = new Sha256();
        if (!sha.hash(mem, STORE, image.length)) {
            return false;
        }
        boolean same = true;
        for (int i = 0; i < want.length; i++) {
            same &= sha.digestByte(i) == (want[i] & 0xff);
        }
        return same;
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

    // [utest->dsn~health.golden-image~1] [utest->dsn~kernel.update.verify~1]
    @Test
    void theStreamingFormAgreesWithTheJdkForEverySplitOfTheMessage() throws Exception {
        byte[] image = periodic(5000);
        for (int i = 0; i < image.length; i++) {
            image[i] ^= (byte) (i * 7 + (i >>> 6));
        }
        FakePlatform mem = new FakePlatform(2);
        mem.addRam(STORE, image.length);
        for (int i = 0; i < image.length; i++) {
            mem.writeByte(STORE + i, image[i] & 0xff);
        }
        byte[] want = MessageDigest.getInstance("SHA-256").digest(image);
        int[][] splits = {{5000}, {1, 4095, 904}, {63, 1, 64, 4000, 872}, {4096, 904}, {0, 4096, 0, 904}, {0, 3, 4097}};
        for (int[] split : splits) {
            Sha256 sha = new Sha256();
            sha.start();
            long at = 0;
            boolean ok = true;
            for (int n : split) {
                ok &= sha.add(mem, STORE + at, n);
                at += n;
            }
            boolean fits = at == image.length && java.util.Arrays.stream(split).allMatch(n -> n <= Sha256.ADD_MAX);
            assertTrue(ok == fits, java.util.Arrays.toString(split));
            if (fits) {
                byte[] got = new byte[32];
                sha.end(got, 0);
                assertTrue(java.util.Arrays.equals(want, got), java.util.Arrays.toString(split));
            }
        }
        Sha256 bytes = new Sha256();
        bytes.start();
        for (int i = 0; i < 3; i++) {
            bytes.putByte(image[i]);
        }
        bytes.putLong(java.nio.ByteBuffer.wrap(image, 3, 8).getLong());
        bytes.add(mem, STORE + 11, 4000);
        bytes.add(mem, STORE + 4011, 989);
        byte[] got = new byte[32];
        bytes.end(got, 0);
        assertTrue(java.util.Arrays.equals(want, got), "bytes, a long and memory in one message");
    }

    // [utest->dsn~kernel.update.verify~1]
    @Test
    void addRefusesALengthOutOfRangeAndAnUnreadableByteInTheHeadTheBlocksOrTheRest() throws Exception {
        byte[] image = periodic(3000);
        Sha256 sha = new Sha256();
        FakePlatform all = new FakePlatform(2);
        all.addRam(STORE, image.length);
        assertFalse(sha.add(all, STORE, -1), "a negative length");
        assertFalse(sha.add(all, STORE, Sha256.ADD_MAX + 1), "more than ADD_MAX");
        sha.start();
        assertTrue(sha.add(all, STORE, 10) && sha.add(all, STORE + 10, 5), "a head shorter than the block's rest");
        // holes: in the head (the block's rest after 10 bytes), in a whole block, in the rest
        for (int hole : new int[] {20, 200, 2990}) {
            FakePlatform mem = new FakePlatform(2);
            for (int i = 0; i < image.length; i++) {
                if (i != hole) {
                    mem.addRam(STORE + i, 1);
                }
            }
            Sha256 h = new Sha256();
            h.start();
            assertTrue(h.add(mem, STORE, 10), "before the hole");
            assertFalse(h.add(mem, STORE + 10, 2990), "hole at " + hole);
        }
    }
}
