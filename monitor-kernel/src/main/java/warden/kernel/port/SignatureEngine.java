package warden.kernel.port;

/**
 * The platform's signature engine, as a hardware crypto accelerator or secure element of a real SoC
 * offers one: it verifies an Ed25519 signature (RFC 8032, pure Ed25519) for the kernel, which
 * verifies an over-the-air update once, at the end of its transfer, never on a hot path.
 *
 * <p>Mission-time, called with the kernel's own tables (allocated at boot); the engine may use
 * memory of its own (it is the platform's device, not the kernel), and must neither keep nor change
 * the arrays it is given.
 *
 * [impl->dsn~port.signature-engine~1]
 */
public interface SignatureEngine {
    /** The signature is valid for the message and key. */
    int VALID = 0;
    /** The signature is not valid (or the key is not a point of the curve). */
    int INVALID = 1;
    /** The engine could not work. */
    int FAILED = -1;

    /**
     * Verifies {@code signature} (64 bytes: R, S) over {@code message[0 .. length)} with the raw
     * 32-byte public key {@code publicKey} (RFC 8032 §5.1.5 encoding).
     *
     * @return {@link #VALID}, {@link #INVALID} or {@link #FAILED}
     */
    int verifyEd25519(byte[] publicKey, byte[] message, int length, byte[] signature);
}
