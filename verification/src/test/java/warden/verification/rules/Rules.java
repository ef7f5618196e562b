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

    /** @return the kernel's sources; -Dwarden.kernel.sources=DIR checks a scratch copy instead. */
    static Path kernelSources() {
        String other = System.getProperty("warden.kernel.sources");
        return other != null ? Path.of(other) : root().resolve("monitor-kernel/src/main/java");
    }

    /** @return the repository the kernel sources belong to (paths in messages are relative to it). */
    static Path kernelRepo() {
        return kernelSources().toAbsolutePath().getParent().getParent().getParent().getParent();
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
