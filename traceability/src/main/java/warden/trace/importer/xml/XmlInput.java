package warden.trace.importer.xml;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The bottom layer of the {@link XmlScanner}: a document's bytes, the position in them, and the
 * lexical pieces every other layer reads with (white space, ASCII names, quoted literals, byte
 * comparisons). Anything this scanner does not vouch for throws {@link Unsupported}.
 *
 * [impl->dsn~trace.fast-readers~1]
 */
abstract class XmlInput {
    /** Thrown for any input this scanner does not vouch for; carries no stack trace. */
    static final class Unsupported extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unsupported(String why) {
            super(why, null, false, false);
        }
    }

    final byte[] b;
    final int n;
    /** The first byte after a byte order mark. */
    final int start;
    int pos;
    /** Set when a byte above 0x7F was seen: the document's UTF-8 is checked at its end. */
    boolean nonAscii;

    XmlInput(byte[] bytes, int start) {
        this.b = bytes;
        this.n = bytes.length;
        this.start = start;
        this.pos = start;
    }

    /** @return the index of the closing quote of the quoted string at pos. */
    final int quoted() {
        if (pos >= n || b[pos] != '"' && b[pos] != '\'') {
            throw new Unsupported("quote expected");
        }
        int end = indexOf(b[pos], pos + 1);
        if (end < 0) {
            throw new Unsupported("unterminated literal");
        }
        return end;
    }

    /** Reads an ASCII name at pos. @return its end */
    final int name() {
        int s = pos;
        while (pos < n) { // bounded by the document
            byte c = b[pos];
            boolean first = pos == s;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == ':'
                    || !first && (c >= '0' && c <= '9' || c == '-' || c == '.')) {
                pos++;
            } else if (c < 0) {
                throw new Unsupported("non-ASCII name");
            } else {
                break;
            }
        }
        if (pos == s) {
            throw new Unsupported("name expected");
        }
        return pos;
    }

    final void checkByte(byte c) {
        if (c < 0) {
            nonAscii = true;
        } else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
            throw new Unsupported("illegal character");
        }
    }

    final void requireSpaces() {
        int before = pos;
        skipSpace();
        if (pos == before) {
            throw new Unsupported("white space expected");
        }
    }

    final void skipSpace() {
        while (pos < n && space(b[pos])) { // bounded by the document
            pos++;
        }
    }

    static boolean space(byte c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    final int indexOf(byte c, int from) {
        for (int i = from; i < n; i++) { // bounded by the document
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }

    /** @return true when the ASCII text {@code t} stands at {@code i}. */
    final boolean at(String t, int i) {
        if (i + t.length() > n) {
            return false;
        }
        for (int k = 0; k < t.length(); k++) { // bounded by t
            if (b[i + k] != t.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** @return true when the bytes from s to e are the ASCII text {@code t}. */
    final boolean equals(int s, int e, String t) {
        return e - s == t.length() && at(t, s);
    }

    final boolean sameBytes(int s1, int e1, int s2, int e2) {
        return Arrays.equals(b, s1, e1, b, s2, e2);
    }

    final String ascii(int s, int e) {
        return new String(b, s, e - s, StandardCharsets.ISO_8859_1);
    }

    final int localStart(int qs, int qe) {
        int ls = qs;
        for (int k = qs; k < qe; k++) { // bounded by the name
            if (b[k] == ':') {
                ls = k + 1;
            }
        }
        return ls;
    }
}
