package warden.launcher.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writing a report file an option names, with the option in the error when it cannot be written. */
final class OutputFiles {
    private OutputFiles() {
    }

    /** Writes {@code text} to {@code p} as UTF-8; does nothing when the option was not given (p null). */
    static void write(Path p, String text, String option) throws UsageError {
        if (p == null) {
            return;
        }
        try {
            Files.writeString(p, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageError(option + ": cannot write " + p + ": " + e.getMessage());
        }
    }
}
