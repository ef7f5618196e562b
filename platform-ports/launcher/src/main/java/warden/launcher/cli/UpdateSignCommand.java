package warden.launcher.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import warden.emu.guest.UpdatePackage;
import warden.kernel.api.SystemImage;
import warden.kernel.api.UpdateReason;

/**
 * {@code warden update-sign IMAGE --key NAME.key --version N --out FILE}: a signed update package
 * ({@link UpdatePackage}) of a partition's new image: its SHA-256 and the Ed25519 signature over
 * digest, version and size that the monitor verifies.
 *
 * [impl->dsn~cli.update-sign~1]
 */
@Command(usageHelpWidth = 100, name = "update-sign",
        description = {"Sign a partition's new image as an over-the-air update package.", "",
            "The package holds the image, its version, its SHA-256 and the Ed25519 signature over",
            "digest, version and size, made with a secret key of 'warden keygen'. The monitor",
            "refuses it unless the signature verifies with the partition's 'update.key', the digest",
            "matches, the version is newer than the monitor's counter and it fits the slot."},
        footer = {"", "Example:",
            "  warden update-sign rtos-v2.bin --key vendor.key --version 2 --out rtos-v2.wup", "",
            "Exit codes: 0 written, 2 bad input (a file, the key, the version), 3 internal error."})
final class UpdateSignCommand implements Callable<Integer> {
    /** Help only: its '--version' is the image's version, so the standard version option is not mixed in. */
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Parameters(index = "0", paramLabel = "IMAGE", description = "The new image (1 byte to 1 MiB).")
    Path image;

    @Option(names = "--key", required = true, paramLabel = "FILE", description = "Secret key of warden keygen.")
    Path key;

    @Option(names = "--version", required = true, paramLabel = "N",
            description = "The image's version (newer than the one the monitor holds).")
    long version;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The package to write.")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws UsageError, GeneralSecurityException {
        if (version < 0 || version > UpdateReason.VERSION_MAX) {
            throw new UsageError("--version " + version + " is outside 0.." + UpdateReason.VERSION_MAX);
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(image);
        } catch (IOException e) {
            throw new UsageError("cannot read image " + image + ": " + e.getMessage());
        }
        if (bytes.length == 0 || bytes.length > SystemImage.IMAGE_BYTES_MAX) {
            throw new UsageError(image + " has " + bytes.length + " bytes; an image has 1 to "
                    + SystemImage.IMAGE_BYTES_MAX);
        }
        UpdatePackage p = UpdatePackage.sign(bytes, version, KeygenCommand.readKey(key));
        try {
            Files.write(out, p.bytes());
        } catch (IOException e) {
            throw new UsageError("cannot write " + out + ": " + e.getMessage());
        }
        spec.commandLine().getOut().printf("%s: version %d, %d bytes, sha256 %s%n", out, version, bytes.length,
                HexFormat.of().formatHex(p.manifest(), 0, UpdateReason.DIGEST_BYTES));
        return WardenCli.EXIT_OK;
    }
}
