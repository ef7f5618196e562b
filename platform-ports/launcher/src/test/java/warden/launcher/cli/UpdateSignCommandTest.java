package warden.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import warden.emu.guest.UpdatePackage;
import warden.emu.port.Ed25519Engine;
import warden.kernel.api.UpdateReason;
import warden.kernel.port.SignatureEngine;

/** {@code warden keygen} and {@code warden update-sign}: a package the monitor's checks accept, bad input refused. */
class UpdateSignCommandTest {
    @TempDir
    Path dir;

    /** @return exit code, stdout, stderr. */
    private static String[] cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = WardenCli.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    // [utest->dsn~cli.update-sign~1]
    @Test
    void aKeyPairAndASignedPackageVerifyAsTheMonitorChecksThem() throws Exception {
        String base = dir.resolve("vendor").toString();
        String[] k = cli("keygen", "--out", base);
        assertEquals("0", k[0], k[2]);
        byte[] pub = HexFormat.of().parseHex(Files.readString(Path.of(base + ".pub")).strip());
        assertTrue(k[1].contains("public key " + HexFormat.of().formatHex(pub)), k[1]);
        byte[] image = new byte[5000];
        image[7] = 42;
        Files.write(dir.resolve("new.bin"), image);
        String[] s = cli("update-sign", dir.resolve("new.bin").toString(), "--key", base + ".key", "--version", "7",
                "--out", dir.resolve("new.wup").toString());
        assertEquals("0", s[0], s[2]);
        assertTrue(s[1].contains("version 7, 5000 bytes, sha256 "), s[1]);
        UpdatePackage p = UpdatePackage.parse(Files.readAllBytes(dir.resolve("new.wup")));
        assertEquals(7, p.version());
        assertArrayEquals(image, p.image());
        byte[] message = new byte[UpdateReason.SIGNED_BYTES];
        UpdateReason.signedMessage(p.manifest(), 7, image.length, message);
        byte[] sig = java.util.Arrays.copyOfRange(p.manifest(), UpdateReason.DIGEST_BYTES, UpdateReason.MANIFEST_BYTES);
        assertEquals(SignatureEngine.VALID, new Ed25519Engine().verifyEd25519(pub, message, message.length, sig));
        assertEquals(SignatureEngine.INVALID, new Ed25519Engine().verifyEd25519(pub, message, message.length - 1, sig));
    }

    // [utest->dsn~cli.update-sign~1]
    @Test
    void badInputIsRefusedWithOneLineAndExitTwo() throws Exception {
        String base = dir.resolve("k").toString();
        assertEquals("0", cli("keygen", "--out", base)[0]);
        String[] again = cli("keygen", "--out", base);
        assertEquals("2", again[0]);
        assertTrue(again[2].startsWith("error: " + base + ".key exists; keygen never overwrites"), again[2]);
        Files.write(dir.resolve("img"), new byte[] {1, 2, 3});
        Files.writeString(dir.resolve("bad.key"), "not hex\n");
        String img = dir.resolve("img").toString();
        String out = dir.resolve("o.wup").toString();
        String[][] cases = {
            {"update-sign", img, "--key", dir.resolve("bad.key").toString(), "--version", "2", "--out", out},
            {"update-sign", img, "--key", dir.resolve("none.key").toString(), "--version", "2", "--out", out},
            {"update-sign", img, "--key", base + ".key", "--version", "-1", "--out", out},
            {"update-sign", img, "--key", base + ".key", "--version", "2147483648", "--out", out},
            {"update-sign", dir.resolve("missing").toString(), "--key", base + ".key", "--version", "2", "--out", out},
            {"update-sign", img, "--key", base + ".key", "--version", "x", "--out", out},
        };
        String[] starts = {"error: " + dir.resolve("bad.key") + ": a key file holds 64 hex digits",
            "error: cannot read key ", "error: --version -1 is outside 0..2147483647",
            "error: --version 2147483648 is outside", "error: cannot read image ", "error: Invalid value"};
        for (int i = 0; i < cases.length; i++) {
            String[] r = cli(cases[i]);
            assertEquals("2", r[0], r[2]);
            assertTrue(r[2].startsWith(starts[i]), r[2]);
            assertTrue(!r[2].contains("\tat "), "never a stack trace");
        }
        Files.write(dir.resolve("empty"), new byte[0]);
        String[] e = cli("update-sign", dir.resolve("empty").toString(), "--key", base + ".key", "--version", "2",
                "--out", out);
        assertEquals("2", e[0]);
        assertTrue(e[2].contains("has 0 bytes; an image has 1 to 1048576"), e[2]);
        assertTrue(!Files.exists(dir.resolve("o.wup")));
    }

    // [utest->dsn~cli.update-sign~1]
    @Test
    void aPackageThatIsNotOneOrIsCutShortSaysSo() throws Exception {
        byte[] good = UpdatePackage.sign(new byte[100], 3, new byte[32]).bytes();
        assertEquals(100, UpdatePackage.parse(good).image().length);
        assertEquals("not an update package (warden update-sign writes them)",
                assertThrows(IllegalArgumentException.class, () -> UpdatePackage.parse(new byte[200])).getMessage());
        byte[] cut = java.util.Arrays.copyOf(good, good.length - 1);
        assertEquals("the package says its image has 100 bytes, the file holds 99",
                assertThrows(IllegalArgumentException.class, () -> UpdatePackage.parse(cut)).getMessage());
        byte[] format = good.clone();
        format[7] = 2;
        assertEquals("package format 2, this warden reads 1",
                assertThrows(IllegalArgumentException.class, () -> UpdatePackage.parse(format)).getMessage());
        byte[] version = good.clone();
        version[8] = (byte) 0x80;
        assertTrue(assertThrows(IllegalArgumentException.class, () -> UpdatePackage.parse(version)).getMessage()
                .startsWith("version -"));
    }

    // [utest->dsn~cli.update-sign~1]
    @Test
    void helpTeachesTheCommandAndItsVersionOptionIsTheImages() {
        String[] h = cli("update-sign", "--help");
        assertEquals("0", h[0], h[2]);
        assertTrue(h[1].contains("Usage: warden update-sign") && h[1].contains("--version=N")
                && h[1].contains("newer than the one the monitor holds"), h[1]);
        assertEquals("", h[2]);
    }

    /**
     * docs/examples/ota-update.wup is exactly what update-sign makes of its image with the demo key
     * docs/examples/ota-demo.key, and the example's 'key' is that key's public half.
     */
    // [utest->dsn~cli.update-sign~1]
    @Test
    void theShippedExamplePackageIsTheDemoKeysSignatureOfItsImage() throws Exception {
        Path examples = Path.of("../../docs/examples");
        UpdatePackage shipped = UpdatePackage.parse(Files.readAllBytes(examples.resolve("ota-update.wup")));
        Files.write(dir.resolve("image.bin"), shipped.image());
        String out = dir.resolve("again.wup").toString();
        String[] s = cli("update-sign", dir.resolve("image.bin").toString(), "--key",
                examples.resolve("ota-demo.key").toString(), "--version", Long.toString(shipped.version()),
                "--out", out);
        assertEquals("0", s[0], s[2]);
        assertArrayEquals(Files.readAllBytes(examples.resolve("ota-update.wup")), Files.readAllBytes(Path.of(out)));
        byte[] secret = HexFormat.of().parseHex(Files.readString(examples.resolve("ota-demo.key")).strip());
        String pub = HexFormat.of().formatHex(Ed25519Engine.keyPair(secret)[1]);
        assertTrue(Files.readString(examples.resolve("ota-update.yaml")).contains("    key: " + pub + "\n"),
                "the example's key is the demo key's public half " + pub);
        assertEquals(pub, Files.readString(examples.resolve("ota-demo.pub")).strip());
    }
}
