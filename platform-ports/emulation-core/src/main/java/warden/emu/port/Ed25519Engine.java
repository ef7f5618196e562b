package warden.emu.port;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import warden.kernel.port.SignatureEngine;

/**
 * The emulated boards' signature engine: Ed25519 (RFC 8032) by the JDK's own provider, as a
 * platform's crypto accelerator or secure element would verify it beside the kernel. Raw 32-byte
 * keys are wrapped in their fixed X.509 / PKCS#8 prefixes (RFC 8410). It also makes key pairs and
 * signatures for the integrator's tools and the tests.
 *
 * [impl->dsn~port.signature-engine~1]
 */
public final class Ed25519Engine implements SignatureEngine {
    private static final byte[] X509_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};
    private static final byte[] PKCS8_PREFIX = {0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65,
        0x70, 0x04, 0x22, 0x04, 0x20};
    private static final int KEY = 32;

    /** [impl->dsn~port.signature-engine~1] */
    @Override
    public int verifyEd25519(byte[] publicKey, byte[] message, int length, byte[] signature) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(publicKey(publicKey));
            s.update(message, 0, length);
            return s.verify(signature) ? VALID : INVALID;
        } catch (InvalidKeyException | InvalidKeySpecException | SignatureException e) {
            return INVALID; // not a point of the curve, or a signature of the wrong shape: not valid
        } catch (GeneralSecurityException e) {
            return FAILED;
        }
    }

    /**
     * @return the key pair of a 32-byte secret seed: [0] the seed, [1] the raw public key.
     * @throws GeneralSecurityException when the JDK has no Ed25519
     */
    public static byte[][] keyPair(byte[] seed) throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("Ed25519");
        g.initialize(255, new FixedRandom(seed));
        KeyPair pair = g.generateKeyPair();
        byte[] x509 = pair.getPublic().getEncoded();
        return new byte[][] {seed.clone(), Arrays.copyOfRange(x509, x509.length - KEY, x509.length)};
    }

    /**
     * @return the 64-byte Ed25519 signature of {@code message} with the secret seed.
     * @throws GeneralSecurityException when the JDK has no Ed25519 or the seed is not 32 bytes
     */
    public static byte[] sign(byte[] seed, byte[] message) throws GeneralSecurityException {
        if (seed.length != KEY) {
            throw new InvalidKeyException("an Ed25519 secret key is 32 bytes");
        }
        PrivateKey key = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(concat(PKCS8_PREFIX,
                seed)));
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(key);
        s.update(message);
        return s.sign();
    }

    private static PublicKey publicKey(byte[] raw) throws GeneralSecurityException {
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(concat(X509_PREFIX, raw)));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** A "random" source that gives the seed: key generation from a known secret. */
    private static final class FixedRandom extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private final byte[] seed;

        FixedRandom(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = seed[i % seed.length];
            }
        }
    }
}
