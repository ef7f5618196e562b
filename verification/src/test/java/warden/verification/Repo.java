package warden.verification;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository root (the directory holding {@code mvnw} and {@code requirements/}). */
final class Repo {
    private Repo() {
    }

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
}
