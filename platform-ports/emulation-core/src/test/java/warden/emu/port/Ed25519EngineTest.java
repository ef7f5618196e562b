package warden.emu.port;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.GeneralSecurityException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import warden.kernel.port.SignatureEngine;

/** The boards' Ed25519 engine against RFC 8032 §7.1's test vectors 1 and 2. */
class Ed25519EngineTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] SECRET = HEX.parseHex("9d61b19deffd5a60ba844af492ec2cc4"
            + "4449c5697b326919703bac031cae7f60");
    private static final byte[] PUBLIC = HEX.parseHex("d75a980182b10ab7d54bfed3c964073a"
            + "0ee172f3daa62325af021a68f707511a");
    private static final byte[] SIGNATURE = HEX.parseHex(
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
            + "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
    private static final byte[] PUBLIC2 = HEX.parseHex("3d4017c3e843895a92b70aa74d1b7ebc"
            + "9c982ccf2ec4968cc0cd55f12af4660c");
    private static final byte[] SIGNATURE2 = HEX.parseHex(
            "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
            + "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00");
    private final Ed25519Engine engine = new Ed25519Engine();

    // [utest->dsn~port.signature-engine~1]
    @Test
    void theRfcVectorsVerifyAndKeyPairAndSignatureAreReproduced() throws GeneralSecurityException {
        assertEquals(SignatureEngine.VALID, engine.verifyEd25519(PUBLIC, new byte[4], 0, SIGNATURE));
        assertEquals(SignatureEngine.VALID, engine.verifyEd25519(PUBLIC2, new byte[] {0x72, 9}, 1, SIGNATURE2),
                "only the first length bytes are the message");
        assertArrayEquals(PUBLIC, Ed25519Engine.keyPair(SECRET)[1]);
        assertArrayEquals(SECRET, Ed25519Engine.keyPair(SECRET)[0]);
        assertArrayEquals(SIGNATURE, Ed25519Engine.sign(SECRET, new byte[0]));
    }

    // [utest->dsn~port.signature-engine~1]
    @Test
    void aChangedSignatureMessageOrKeyIsInvalid() {
        byte[] sig = SIGNATURE.clone();
        sig[10] ^= 1;
        assertEquals(SignatureEngine.INVALID, engine.verifyEd25519(PUBLIC, new byte[0], 0, sig));
        assertEquals(SignatureEngine.INVALID, engine.verifyEd25519(PUBLIC, new byte[] {1}, 1, SIGNATURE));
        assertEquals(SignatureEngine.INVALID, engine.verifyEd25519(PUBLIC2, new byte[0], 0, SIGNATURE));
        assertEquals(SignatureEngine.INVALID, engine.verifyEd25519(PUBLIC, new byte[0], 0, new byte[63]));
        byte[] notAPoint = new byte[32];
        notAPoint[0] = 2;
        notAPoint[31] = 0x7f;
        assertEquals(SignatureEngine.INVALID, engine.verifyEd25519(notAPoint, new byte[0], 0, SIGNATURE));
        assertEquals(SignatureEngine.INVALID, engine.verifyEd25519(new byte[5], new byte[0], 0, SIGNATURE));
    }

    // [utest->dsn~port.signature-engine~1]
    @Test
    void aSecretKeyOfTheWrongSizeIsRefused() {
        assertThrows(GeneralSecurityException.class, () -> Ed25519Engine.sign(new byte[31], new byte[0]));
    }
}
