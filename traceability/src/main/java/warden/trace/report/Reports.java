package warden.trace.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import warden.trace.link.Trace;
import warden.trace.parallel.Parallel;

/**
 * Writes every report of a trace into one directory: HTML, JSON, ReqIF, the AsciiDoc includes and the chain view,
 * each rendered and written by its own task ({@link Parallel}); each reads the finished trace
 * only, so the files are the same bytes whatever the threads.
 */
public final class Reports {
    private Reports() {
    }

    /**
     * Writes index.html, trace.json, trace.reqif, the AsciiDoc includes and the chain view
     * ({@code chains/}) of a trace into {@code dir}.
     */
    public static void writeAll(Trace t, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Parallel.Task<Void>> tasks = new ArrayList<>();
        tasks.add(() -> stream(dir.resolve("index.html"), (b, s) -> HtmlReport.render(t, b, s)));
        tasks.add(() -> stream(dir.resolve("trace.json"), (b, s) -> JsonReport.render(t, b, s)));
        tasks.add(() -> stream(dir.resolve("trace.reqif"), (b, s) -> ReqifReport.render(t, b, s)));
        tasks.add(() -> {
            for (Map.Entry<String, String> e : AsciiDocReport.render(t).entrySet()) {
                write(dir.resolve(e.getKey()), e.getValue());
            }
            return null;
        });
        tasks.add(() -> {
            Path chains = dir.resolve(ChainReport.DIR);
            Files.createDirectories(chains);
            try (java.util.stream.Stream<Path> old = Files.list(chains)) { // pages of chains now gone
                for (Path p : (Iterable<Path>) old::iterator) {
                    if (p.getFileName().toString().endsWith(".html")) {
                        Files.delete(p);
                    }
                }
            }
            for (Map.Entry<String, String> e : ChainReport.render(t).entrySet()) {
                write(chains.resolve(e.getKey()), e.getValue());
            }
            return null;
        });
        Parallel.Outcome o = Parallel.run(tasks, Parallel.threads());
        for (int i = 0; i < tasks.size(); i++) { // the first failure in the order above
            o.result(i);
        }
    }

    /** Renders a report into a file in 64 KiB chunks. */
    private static Void stream(Path file, java.util.function.BiConsumer<StringBuilder, Spill> render)
            throws IOException {
        try (OutputStream w = Files.newOutputStream(file)) {
            StringBuilder b = new StringBuilder(1 << 17);
            render.accept(b, Spill.to(w));
            Spill.drain(b, w);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return null;
    }

    private static Void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return null;
    }
}
