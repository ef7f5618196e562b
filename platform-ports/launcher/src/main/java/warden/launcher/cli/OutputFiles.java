package warden.launcher.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Output files the options name. Each is checked before any work starts (its directory exists and
 * is writable, it is not a directory, no two options name the same file) and written to a temporary
 * file in the same directory that is then renamed over it, so a write that fails or is interrupted
 * midway leaves the previous file as it was. Every problem is one message naming the option and
 * the path.
 */
final class OutputFiles {
    private OutputFiles() {
    }

    /** What writes the contents of one output file. */
    interface Body {
        void writeTo(Writer w) throws IOException;
    }

    /** Writes {@code text} to {@code p} as UTF-8; does nothing when the option was not given (p null). */
    static void write(Path p, String text, String option) throws UsageError {
        write(p, option, w -> w.write(text));
    }

    /**
     * Writes what {@code body} writes to {@code p} as UTF-8, through a temporary file in the same
     * directory renamed over {@code p}; does nothing when the option was not given (p null).
     */
    // [impl->dsn~cli.outputs.atomic~1]
    static void write(Path p, String option, Body body) throws UsageError {
        try (Pending out = open(p, option)) {
            if (out == null) {
                return;
            }
            try {
                body.writeTo(out.writer());
            } catch (IOException e) {
                throw out.failed(e);
            }
            out.commit();
        }
    }

    /**
     * Opens output {@code p} for writing while the work goes on: a temporary file in the same
     * directory, renamed over {@code p} by {@link Pending#commit()}; closing it without a commit
     * deletes the temporary file and leaves {@code p} as it was; so does the end of the JVM by
     * SIGINT or SIGTERM before the commit.
     *
     * @return null when the option was not given (p null)
     */
    // [impl->dsn~cli.outputs.atomic~1]
    static Pending open(Path p, String option) throws UsageError {
        if (p == null) {
            return null;
        }
        Pending out = new Pending(p, option);
        try {
            out.writer = Files.newBufferedWriter(out.tmp, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            // SIGINT or SIGTERM before the commit: the JVM deletes it after the shutdown hooks ran
            out.tmp.toFile().deleteOnExit();
            return out;
        } catch (IOException e) {
            deleteQuietly(out.tmp);
            throw out.failed(e);
        }
    }

    /** An output being written to its temporary file. */
    static final class Pending implements AutoCloseable {
        private final Path path;
        private final String option;
        private final Path target;
        private final Path tmp;
        private Writer writer;
        private boolean done;

        private Pending(Path path, String option) {
            this.path = path;
            this.option = option;
            target = path.toAbsolutePath().normalize();
            tmp = target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid() + "."
                    + System.nanoTime() + ".tmp");
        }

        Writer writer() {
            return writer;
        }

        /** @return the error to throw for a write that failed; the temporary file goes at close */
        UsageError failed(IOException e) {
            return new UsageError(option + ": cannot write " + path + ": " + e.getMessage());
        }

        /** Flushes, closes and renames the temporary file over the output. */
        void commit() throws UsageError {
            try {
                writer.close();
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
                done = true;
            } catch (IOException e) {
                throw failed(e);
            }
        }

        /** Without a commit: drops the temporary file, the output stays as it was. */
        @Override
        public void close() {
            if (!done) {
                try {
                    writer.close();
                } catch (IOException e) {
                    // the file is dropped; the error that stopped the work is the one reported
                }
                deleteQuietly(tmp);
                done = true;
            }
        }
    }

    private static void deleteQuietly(Path tmp) {
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException e) {
            // the write already failed; that error is the one reported
        }
    }

    /**
     * Checks, before any work, that {@code p} can be written: its directory exists and is writable
     * and it is not a directory; does nothing when the option was not given (p null).
     */
    // [impl->dsn~cli.outputs.checked~1]
    static void check(Path p, String option) throws UsageError {
        if (p == null) {
            return;
        }
        Path abs = p.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        String why = null;
        if (Files.isDirectory(abs)) {
            why = "it is a directory";
        } else if (parent == null || !Files.isDirectory(parent)) {
            why = "no such directory " + parent;
        } else if (!Files.isWritable(parent)) {
            why = "directory " + parent + " is not writable";
        }
        if (why != null) {
            throw new UsageError(option + ": cannot write " + p + ": " + why);
        }
    }

    /**
     * Checks each output, then that no two name the same file (compared after normalising the
     * paths). {@code optionsAndPaths} alternates an option's name and its path (null: not given).
     */
    // [impl->dsn~cli.outputs.distinct~1]
    static void checkAll(Object... optionsAndPaths) throws UsageError {
        for (int i = 0; i < optionsAndPaths.length; i += 2) {
            Path p = (Path) optionsAndPaths[i + 1];
            check(p, (String) optionsAndPaths[i]);
            for (int j = i + 2; p != null && j < optionsAndPaths.length; j += 2) {
                Path q = (Path) optionsAndPaths[j + 1];
                if (q != null && p.toAbsolutePath().normalize().equals(q.toAbsolutePath().normalize())) {
                    throw new UsageError(optionsAndPaths[i] + " and " + optionsAndPaths[j] + " name the same file "
                            + p + "; give each output its own file");
                }
            }
        }
    }
}
