package warden.trace.importer;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Text of a file that must be UTF-8: bytes that are not are an error naming the file, the line
 * and the column (in bytes) where they start.
 *
 * [impl->dsn~cli.trace.invalid-bytes~1]
 */
public final class Utf8Text {
    private Utf8Text() {
    }

    /**
     * @param file the file's name as the error shows it
     * @return the decoded text
     * @throws IllegalArgumentException {@code file:line:column: invalid UTF-8 (byte 0xE9) …}
     */
    public static String decode(String file, byte[] b) {
        String s = new String(b, StandardCharsets.UTF_8);
        if (s.indexOf('\uFFFD') < 0) {
            return s;
        }
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(b);
        CoderResult r = d.decode(in, CharBuffer.allocate(b.length), true);
        if (!r.isError()) {
            return s; // a real U+FFFD in valid UTF-8
        }
        int at = in.position();
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < at; i++) {
            if (b[i] == '\n' || b[i] == '\r' && (i + 1 >= b.length || b[i + 1] != '\n')) {
                line++;
                lineStart = i + 1;
            }
        }
        throw new IllegalArgumentException(String.format("%s:%d:%d: invalid UTF-8 (byte 0x%02X); the file must be"
                + " UTF-8", file, line, at - lineStart + 1, b[at] & 0xff));
    }
}
