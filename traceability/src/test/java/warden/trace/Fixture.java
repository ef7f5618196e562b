package warden.trace;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import warden.trace.link.Trace;

/**
 * Test fixtures: {@code src/test/resources/fixtures/good} is a small consistent repository
 * (requirements, sources, Surefire, PIT and JaCoCo reports); each other fixture directory holds only
 * the files that break one chain, laid over a copy of it. Java sources are stored as
 * {@code .java.txt} (so that no other tool takes them for real sources) and renamed on copy.
 */
public final class Fixture {
    /** The fixture directories. */
    public static final Path FIXTURES = Path.of("src/test/resources/fixtures");

    /** The outcome of one engine run. */
    public record Run(int exit, String out, String err) {
        /** @return standard output and error. */
        public String all() {
            return out + err;
        }
    }

    private Fixture() {
    }

    /** @return a copy of the good fixture with the named overlays laid over it, in {@code tmp}. */
    public static Path prepare(Path tmp, String... overlays) {
        copy(FIXTURES.resolve("good"), tmp);
        for (String o : overlays) {
            copy(FIXTURES.resolve(o), tmp);
        }
        return tmp;
    }

    private static void copy(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String rel = from.relativize(p).toString();
                Path target = to.resolve(rel.endsWith(".java.txt") ? rel.substring(0, rel.length() - 4) : rel);
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@link TraceMain#run} over {@code root} with output to {@code root/out}. */
    public static Run run(Path root, String... extra) {
        String[] args = new String[extra.length + 4];
        args[0] = "--root";
        args[1] = root.toString();
        args[2] = "--out";
        args[3] = root.resolve("out").toString();
        System.arraycopy(extra, 0, args, 4, extra.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = TraceMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** @return the trace of {@code root} with the configuration the CLI would use. */
    public static Trace trace(Path root) throws IOException {
        TraceOptions o = TraceOptions.parse(new String[] {"--root", root.toString()});
        return TraceEngine.run(root, o.config());
    }
}
