package warden.trace.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Where a report's text goes while it is rendered: kept whole (for a string), or written out in
 * chunks so that a report of many megabytes never stands in memory at once.
 */
interface Spill {
    /** Keeps everything in the builder. */
    Spill KEEP = b -> {
    };

    /** Called between items: may move the builder's text out and empty it. */
    void check(StringBuilder b);

    /** @return a spill that writes the builder to {@code w} (UTF-8) whenever it holds 64 KiB or more. */
    static Spill to(OutputStream w) {
        return b -> {
            if (b.length() >= 1 << 16) {
                drain(b, w);
            }
        };
    }

    /** Writes the builder's text to {@code w} as UTF-8 and empties it. */
    static void drain(StringBuilder b, OutputStream w) {
        try {
            w.write(b.toString().getBytes(StandardCharsets.UTF_8));
            b.setLength(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
