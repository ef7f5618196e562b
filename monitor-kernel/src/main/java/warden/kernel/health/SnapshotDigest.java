package warden.kernel.health;

import warden.kernel.api.RestorePoint;
import warden.kernel.api.SystemImage;
import warden.kernel.api.rules.BootPhase;
import warden.kernel.boot.Sha256;
import warden.kernel.port.SnapshotStore;

/**
 * The digests of a snapshot ({@link RestorePoint}): SHA-256 of one 4 KiB page of the monitor's
 * store, and the snapshot digest over the page digests, the contexts, the kept-state check value
 * and the page count. One SHA-256 state, allocated at boot; every loop is bounded by the page size,
 * the page count (at most {@link RestorePoint#PAGES_MAX}) or the context table's length.
 *
 * [impl->dsn~kernel.snapshot.digest~1]
 */
// justification: out and the digest tables hold at + 32 bytes; i stays below the lengths it is compared with
@SuppressWarnings("index")
final class SnapshotDigest {
    private static final int D = SystemImage.DIGEST_BYTES;
    private static final int PAGE_WORDS = RestorePoint.PAGE_BYTES / 8;
    /**
     * Context words of a partition at most: CORES_MAX cores of at most 4096 words (a port constant;
     * RestorePoints refuses a larger context table at boot).
     */
    static final int CONTEXT_WORDS_MAX = SystemImage.CORES_MAX * 4096;

    private final Sha256 sha = new Sha256();
    private final SnapshotStore store;

    SnapshotDigest(SnapshotStore store) {
        this.store = store;
    }

    /** Boot-time: @return the digest of a page of zeros. */
    @BootPhase("the zero page's digest, computed once when the restore points are set up")
    byte[] zeroPage() {
        byte[] zero = new byte[D];
        sha.start();
        for (int i = 0; i < RestorePoint.PAGE_BYTES; i++) {
            sha.putByte(0);
        }
        sha.end(zero, 0);
        return zero;
    }

    /**
     * SHA-256 of the store's page at {@code off} (its 4096 bytes in address order) into
     * {@code out[at..at+32)}. The store reads little-endian words, so each word's bytes are hashed
     * least significant first.
     */
    void page(long off, byte[] out, int at) {
        sha.start();
        for (int w = 0; w < PAGE_WORDS; w++) {
            long v = store.readStore(off + 8L * w);
            for (int b = 0; b < 8; b++) {
                sha.putByte((int) (v >>> (8 * b)));
            }
        }
        sha.end(out, at);
    }

    /**
     * D = SHA-256(page digests | contexts | kept check | pages) into {@code out[at..at+32)}; the
     * page-digest table holds the {@code pages} digests (RestorePoints allocates it with that length).
     */
    void snapshot(byte[] pageDigests, int pages, long[] contexts, long kept, byte[] out, int at) {
        sha.start();
        for (int i = 0; i < pages * D; i++) { // pages <= PAGES_MAX
            sha.putByte(pageDigests[i]);
        }
        for (int i = 0; i < CONTEXT_WORDS_MAX; i++) { // the restricted-Java bound: never reached, see below
            if (i >= contexts.length) { // cores * context words <= CONTEXT_WORDS_MAX (RestorePoints at boot)
                break;
            }
            sha.putLong(contexts[i]);
        }
        sha.putLong(kept);
        sha.putLong(pages);
        sha.end(out, at);
    }

    /** @return whether the 32 bytes at a[ai..] equal those at b[bi..]. */
    static boolean same(byte[] a, int ai, byte[] b, int bi) {
        boolean same = true;
        for (int i = 0; i < D; i++) {
            same &= a[ai + i] == b[bi + i];
        }
        return same;
    }
}
