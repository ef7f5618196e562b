package warden.trace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Writes every report of a trace into one directory: HTML, JSON, ReqIF and the AsciiDoc includes. */
final class Reports {
    private Reports() {
    }

    static void writeAll(Trace t, Path dir) throws IOException {
        Files.createDirectories(dir);
        write(dir.resolve("index.html"), HtmlReport.render(t));
        write(dir.resolve("trace.json"), JsonReport.render(t));
        write(dir.resolve("trace.reqif"), ReqifReport.render(t));
        for (Map.Entry<String, String> e : AsciiDocReport.render(t).entrySet()) {
            write(dir.resolve(e.getKey()), e.getValue());
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
