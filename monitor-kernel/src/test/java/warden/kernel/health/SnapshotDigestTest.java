package warden.kernel.health;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import warden.kernel.FakePlatform;
import warden.kernel.api.RestorePoint;

/** The digests of a snapshot, against the JDK's SHA-256. */
class SnapshotDigestTest {
    private static final int PAGE = RestorePoint.PAGE_BYTES;

    private static byte[] jdk(byte[] data, int from, int to) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(Arrays.copyOfRange(data, from, to));
    }

    // [utest->dsn~kernel.snapshot.digest~1]
    @Test
    void aPageDigestIsTheSha256OfThatStorePageOnly() throws Exception {
        FakePlatform f = new FakePlatform(1);
        f.store = new byte[3 * PAGE];
        new Random(7).nextBytes(f.store);
        SnapshotDigest d = new SnapshotDigest(f);
        byte[] out = new byte[3 * 32];
        d.page(PAGE, out, 32);
        assertArrayEquals(jdk(f.store, PAGE, 2 * PAGE), Arrays.copyOfRange(out, 32, 64), "page 1 into out[32..64)");
        assertArrayEquals(new byte[32], Arrays.copyOfRange(out, 0, 32), "nothing written before");
        assertArrayEquals(new byte[32], Arrays.copyOfRange(out, 64, 96), "nor after");
        d.snapshot(new byte[32], 1, new long[] {1}, 2, new byte[32], 0);
        d.page(2 * PAGE, out, 0);
        assertArrayEquals(jdk(f.store, 2 * PAGE, 3 * PAGE), Arrays.copyOfRange(out, 0, 32),
                "a new hash for each page, whatever was hashed before");
    }

    // [utest->dsn~kernel.snapshot.digest~1]
    @Test
    void theSnapshotDigestHashesThePageDigestsContextsKeptCheckAndPageCountInThatOrder() throws Exception {
        SnapshotDigest d = new SnapshotDigest(new FakePlatform(1));
        byte[] pageDigests = new byte[64];
        new Random(3).nextBytes(pageDigests);
        byte[] out = new byte[40];
        d.snapshot(pageDigests, 2, new long[] {0x0102030405060708L, -1}, 9, out, 8);
        byte[] input = new byte[64 + 4 * 8];
        System.arraycopy(pageDigests, 0, input, 0, 64);
        long[] words = {0x0102030405060708L, -1, 9, 2};
        for (int i = 0; i < words.length; i++) {
            for (int j = 0; j < 8; j++) {
                input[64 + 8 * i + j] = (byte) (words[i] >>> (56 - 8 * j));
            }
        }
        assertArrayEquals(jdk(input, 0, input.length), Arrays.copyOfRange(out, 8, 40));
        long[] shifted = new long[4 + 2];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 8; j++) {
                shifted[i] = shifted[i] << 8 | (pageDigests[32 + 8 * i + j] & 0xff);
            }
        }
        shifted[4] = 0x0102030405060708L;
        shifted[5] = -1;
        byte[] other = new byte[32];
        d.snapshot(Arrays.copyOf(pageDigests, 32), 1, shifted, 9, other, 0);
        assertFalse(SnapshotDigest.same(out, 8, other, 0),
                "one page digest fewer, its bytes moved into the contexts: the page count tells them apart");
    }

    // [utest->dsn~kernel.snapshot.digest~1]
    @Test
    void digestsAreTheSameOnlyWhenAll32BytesAre() {
        byte[] a = new byte[40];
        byte[] b = new byte[36];
        new Random(5).nextBytes(a);
        System.arraycopy(a, 8, b, 4, 32);
        assertTrue(SnapshotDigest.same(a, 8, b, 4));
        for (int i = 0; i < 32; i++) {
            b[4 + i] ^= 1;
            assertFalse(SnapshotDigest.same(a, 8, b, 4), "byte " + i + " differs");
            b[4 + i] ^= 1;
        }
    }
}
