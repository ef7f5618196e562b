package warden.verification.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the rules find the kernel and write their evidence ({@code verification/target/restricted-java/}). */
final class Rules {
    private Rules() {
    }

    /** @return the repository root (the directory holding {@code mvnw} and {@code monitor-kernel}). */
    static Path root() {
        Path p = Path.of("").toAbsolutePath();
        for (int i = 0; i < 8 && p != null; i++) { // the module is at most a few levels down
            if (Files.isRegularFile(p.resolve("mvnw")) && Files.isDirectory(p.resolve("monitor-kernel"))) {
                return p;
            }
            p = p.getParent();
        }
        throw new AssertionError("cannot find the repository root above " + Path.of("").toAbsolutePath());
    }

    static Path kernelSources() {
        return root().resolve("monitor-kernel/src/main/java");
    }

    /** @return the evidence directory, created on demand. */
    static Path out() {
        Path d = root().resolve("verification/target/restricted-java");
        try {
            Files.createDirectories(d);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return d;
    }

    static Path write(String name, String text) {
        Path f = out().resolve(name);
        try {
            Files.writeString(f, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return f;
    }
}
