package warden.kernel;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import warden.kernel.port.SignatureEngine;

/**
 * The kernel tests' signature engine: Ed25519 by the JDK (as the ports' engine), a key pair made
 * once, and a count of the verifications asked for.
 */
public final class TestSignatures implements SignatureEngine {
    private static final byte[] X509_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};
    /** The raw public key of the test key pair. */
    public static final byte[] PUBLIC;
    private static final PrivateKey SECRET;

    static {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("Ed25519");
            g.initialize(255, new SecureRandom(new byte[] {1, 2, 3}));
            java.security.KeyPair pair = g.generateKeyPair();
            byte[] x509 = pair.getPublic().getEncoded();
            PUBLIC = Arrays.copyOfRange(x509, x509.length - 32, x509.length);
            SECRET = pair.getPrivate();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Verifications asked for. */
    public int calls;
    /** When not null, the answer of every verification. */
    public Integer answer;

    /** @return the signature of {@code message} with the test key. */
    public static byte[] sign(byte[] message) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(SECRET);
            s.update(message);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int verifyEd25519(byte[] publicKey, byte[] message, int length, byte[] signature) {
        calls++;
        if (answer != null) {
            return answer;
        }
        try {
            byte[] der = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + 32);
            System.arraycopy(publicKey, 0, der, X509_PREFIX.length, 32);
            PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update(message, 0, length);
            return s.verify(signature) ? VALID : INVALID;
        } catch (GeneralSecurityException e) {
            return INVALID;
        }
    }
}
