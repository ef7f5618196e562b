package warden.emu.guest;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import warden.emu.port.Ed25519Engine;
import warden.kernel.api.SystemImage;
import warden.kernel.api.UpdateReason;

/**
 * A signed over-the-air update as an integrator's file: what {@code warden update-sign} writes and
 * an updater guest delivers through the monitor's update calls.
 *
 * <pre>
 *   0      4        8           16     20                     116
 *   +------+--------+-----------+------+----------------------+-------------+
 *   | WUPD | format | version   | size | manifest (digest,    | image bytes |
 *   |      | = 1    | (u64, BE) | (BE) |  Ed25519 signature)  | (size)      |
 *   +------+--------+-----------+------+----------------------+-------------+
 * </pre>
 *
 * [impl->dsn~cli.update-sign~1]
 */
public record UpdatePackage(long version, byte[] image, byte[] manifest) {
    public static final int FORMAT = 1;
    public static final int HEADER = 20;
    private static final int MAGIC = 0x5755_5044; // "WUPD"

    public UpdatePackage {
        image = image.clone();
        manifest = manifest.clone();
    }

    @Override
    public byte[] image() {
        return image.clone();
    }

    @Override
    public byte[] manifest() {
        return manifest.clone();
    }

    /**
     * @return the package of {@code image} as {@code version}, signed with the 32-byte secret seed
     * @throws GeneralSecurityException when the JDK cannot sign (no Ed25519, a key of the wrong size)
     */
    public static UpdatePackage sign(byte[] image, long version, byte[] secret) throws GeneralSecurityException {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(image);
        byte[] message = new byte[UpdateReason.SIGNED_BYTES];
        UpdateReason.signedMessage(digest, version, image.length, message);
        byte[] manifest = Arrays.copyOf(digest, UpdateReason.MANIFEST_BYTES);
        System.arraycopy(Ed25519Engine.sign(secret, message), 0, manifest, UpdateReason.DIGEST_BYTES,
                UpdateReason.SIGNATURE_BYTES);
        return new UpdatePackage(version, image, manifest);
    }

    /** @return the package's bytes (the layout above). */
    public byte[] bytes() {
        ByteBuffer b = ByteBuffer.allocate(HEADER + UpdateReason.MANIFEST_BYTES + image.length);
        b.putInt(MAGIC).putInt(FORMAT).putLong(version).putInt(image.length).put(manifest).put(image);
        return b.array();
    }

    /**
     * @return the package in {@code bytes}
     * @throws IllegalArgumentException saying what is wrong: not a package, another format, a size
     *     that does not match the file, an image larger than a golden image may be, a version
     *     beyond the counter's range
     */
    public static UpdatePackage parse(byte[] bytes) {
        int min = HEADER + UpdateReason.MANIFEST_BYTES;
        ByteBuffer b = ByteBuffer.wrap(bytes);
        if (bytes.length < min || b.getInt() != MAGIC) {
            throw new IllegalArgumentException("not an update package (warden update-sign writes them)");
        }
        int format = b.getInt();
        if (format != FORMAT) {
            throw new IllegalArgumentException("package format " + format + ", this warden reads " + FORMAT);
        }
        long version = b.getLong();
        int size = b.getInt();
        if (size <= 0 || size > SystemImage.IMAGE_BYTES_MAX || size != bytes.length - min) {
            throw new IllegalArgumentException("the package says its image has " + size + " bytes, the file holds "
                    + (bytes.length - min));
        }
        if (version < 0 || version > UpdateReason.VERSION_MAX) {
            throw new IllegalArgumentException("version " + version + " is outside 0.." + UpdateReason.VERSION_MAX);
        }
        byte[] manifest = Arrays.copyOfRange(bytes, HEADER, min);
        return new UpdatePackage(version, Arrays.copyOfRange(bytes, min, bytes.length), manifest);
    }
}
