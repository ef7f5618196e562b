package warden.kernel.api;

/**
 * The over-the-air update's layouts, limits and refusal reasons, with frozen ids.
 *
 * <pre>
 * manifest (UPDATE_FINISH arg1, in the updater's readable memory), MANIFEST_BYTES = 96:
 *   0        32                                              96
 *   +--------+-----------------------------------------------+
 *   | SHA-256|  Ed25519 signature over the signed message    |
 *   +--------+-----------------------------------------------+
 * signed message, SIGNED_BYTES = 44 (big-endian numbers):
 *   0        32          40      44
 *   +--------+-----------+-------+
 *   | SHA-256| version   | size  |
 *   +--------+-----------+-------+
 * </pre>
 *
 * [impl->dsn~kernel.update.calls~1]
 */
public final class UpdateReason {
    /** Largest chunk of one UPDATE_CHUNK call: the copy and hash work of a call is bounded by it. */
    public static final int CHUNK_MAX = 4096;
    public static final int DIGEST_BYTES = 32;
    public static final int SIGNATURE_BYTES = 64;
    public static final int KEY_BYTES = 32;
    public static final int MANIFEST_BYTES = DIGEST_BYTES + SIGNATURE_BYTES;
    public static final int SIGNED_BYTES = DIGEST_BYTES + 8 + 4;
    /** Largest version an update may carry (the counter is 31 bits in UPDATE_STATUS's value). */
    public static final long VERSION_MAX = 0x7FFF_FFFFL;

    /** The caller is not the target's updater, or the target has no update section. */
    public static final int NOT_ALLOWED = 1;
    /** The image is larger than the slot (or empty). */
    public static final int TOO_BIG = 2;
    /** A chunk whose offset is not the bytes received so far, or one past the image's size. */
    public static final int OUT_OF_ORDER = 3;
    /** The image's SHA-256 is not the manifest's. */
    public static final int WRONG_DIGEST = 4;
    /** The manifest's signature does not verify with the description's key. */
    public static final int BAD_SIGNATURE = 5;
    /** The version is not newer than the monitor's anti-rollback counter. */
    public static final int OLDER_VERSION = 6;
    /** A chunk or manifest outside the caller's readable memory, or a chunk length out of range. */
    public static final int BAD_BUFFER = 7;
    /** No transfer under way, an incomplete one finished, or a new one while the target is on trial. */
    public static final int WRONG_STATE = 8;
    /** The port's signature engine failed. */
    public static final int ENGINE = 9;

    /** UPDATE_STATUS states (bits 39..32 of the value). */
    public static final int IDLE = 0;
    public static final int RECEIVING = 1;
    public static final int VERIFIED = 2;
    public static final int ON_TRIAL = 3;

    private static final String[] NAMES = {"none", "not-allowed", "too-big", "out-of-order", "wrong-digest",
        "bad-signature", "older-version", "bad-buffer", "wrong-state", "engine"};

    private UpdateReason() {
    }

    /** @return the name of a reason ("bad-signature"), or "?". */
    public static String name(int reason) {
        return reason >= 0 && reason < NAMES.length ? NAMES[reason] : "?";
    }

    /**
     * @return UPDATE_STATUS's value: the committed version in bits 30..0, the state in bits 39..32,
     *     the active slot (0 = A, 1 = B) in bit 40.
     */
    public static long status(long version, int state, int slot) {
        return (version & VERSION_MAX) | ((long) (state & 0xFF) << 32) | ((long) (slot & 1) << 40);
    }

    /**
     * Writes the signed message of an image into {@code out[0 .. SIGNED_BYTES)}: digest, version,
     * size. Used by the kernel (into a table allocated at boot) and by the signing tool.
     */
    // justification: out has SIGNED_BYTES entries, digest DIGEST_BYTES (the callers' tables)
    @SuppressWarnings("index")
    public static void signedMessage(byte[] digest, long version, int size, byte[] out) {
        for (int i = 0; i < DIGEST_BYTES; i++) {
            out[i] = digest[i];
        }
        for (int i = 0; i < 8; i++) {
            out[DIGEST_BYTES + i] = (byte) (version >>> (56 - 8 * i));
        }
        for (int i = 0; i < 4; i++) {
            out[DIGEST_BYTES + 8 + i] = (byte) (size >>> (24 - 8 * i));
        }
    }
}
