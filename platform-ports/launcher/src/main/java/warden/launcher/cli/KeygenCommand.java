package warden.launcher.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import warden.emu.port.Ed25519Engine;

/**
 * {@code warden keygen --out NAME}: an Ed25519 key pair for signing updates. NAME.key holds the
 * secret key (64 hex digits, readable by its owner only where the file system allows), NAME.pub the
 * public key the system description's {@code update.key} takes; an existing file is never
 * overwritten.
 *
 * [impl->dsn~cli.update-sign~1]
 */
@Command(usageHelpWidth = 100, name = "keygen", mixinStandardHelpOptions = true,
        versionProvider = WardenCli.Version.class,
        description = {"Make an Ed25519 key pair for signing over-the-air updates.", "",
            "Writes NAME.key (the secret key, 64 hex digits: keep it off the target) and NAME.pub",
            "(the public key, 64 hex digits: the 'key' of a partition's 'update' section), and",
            "prints the public key. Existing files are never overwritten."},
        footer = {"", "Example:", "  warden keygen --out vendor      writes vendor.key and vendor.pub", "",
            "Exit codes: 0 written, 2 bad input (a file exists or cannot be written), 3 internal error."})
final class KeygenCommand implements Callable<Integer> {
    @Option(names = "--out", required = true, paramLabel = "NAME", description = "Base name of the two files.")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws UsageError, GeneralSecurityException {
        Path secret = Path.of(out + ".key");
        Path pub = Path.of(out + ".pub");
        for (Path p : new Path[] {secret, pub}) {
            if (Files.exists(p)) {
                throw new UsageError(p + " exists; keygen never overwrites a key (choose another --out)");
            }
        }
        byte[] seed = new byte[32];
        new SecureRandom().nextBytes(seed);
        byte[][] pair = Ed25519Engine.keyPair(seed);
        String pubHex = HexFormat.of().formatHex(pair[1]);
        try {
            Files.writeString(secret, HexFormat.of().formatHex(pair[0]) + "\n", StandardCharsets.US_ASCII);
            Files.writeString(pub, pubHex + "\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UsageError("cannot write the key pair: " + e.getMessage());
        }
        spec.commandLine().getOut().printf("%s: secret key%n%s: public key %s%n", secret, pub, pubHex);
        return WardenCli.EXIT_OK;
    }

    /** @return the 32 bytes of a key file (64 hex digits); @throws UsageError naming the file and what is wrong */
    static byte[] readKey(Path file) throws UsageError {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new UsageError("cannot read key " + file + ": " + e.getMessage());
        }
        if (!text.matches("[0-9a-fA-F]{64}")) {
            throw new UsageError(file + ": a key file holds 64 hex digits (warden keygen writes one)");
        }
        return HexFormat.of().parseHex(text);
    }
}
