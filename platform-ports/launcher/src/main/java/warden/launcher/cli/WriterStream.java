package warden.launcher.cli;

import java.io.OutputStream;
import java.io.PrintWriter;

/** Adapts a PrintWriter (picocli's out/err) to an OutputStream for code that prints to a stream. */
final class WriterStream extends OutputStream {
    private final PrintWriter writer;
    private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();

    /** @return a UTF-8 PrintStream that writes through to {@code writer} line by line. */
    static java.io.PrintStream printStream(PrintWriter writer) {
        return new java.io.PrintStream(new WriterStream(writer), true, java.nio.charset.StandardCharsets.UTF_8);
    }

    WriterStream(PrintWriter writer) {
        this.writer = writer;
    }

    @Override
    public void write(int b) {
        line.write(b);
        if (b == '\n') {
            flush();
        }
    }

    @Override
    public void flush() {
        writer.print(line.toString(java.nio.charset.StandardCharsets.UTF_8));
        writer.flush();
        line.reset();
    }
}
