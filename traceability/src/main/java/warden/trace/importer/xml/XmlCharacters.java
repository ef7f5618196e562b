package warden.trace.importer.xml;

import java.nio.charset.StandardCharsets;

/**
 * The character layer of the {@link XmlScanner}: character data, attribute values and CDATA
 * sections checked (legal characters, well-formed references, no {@code ]]>} in text) and turned
 * into strings as an XML processor must (line ends and attribute white space normalised, the five
 * predefined entities and character references expanded).
 *
 * [impl->dsn~trace.fast-readers~1]
 */
abstract class XmlCharacters extends XmlInput {
    XmlCharacters(byte[] bytes, int start) {
        super(bytes, start);
    }

    /** Checks an attribute value: no {@code <}, legal characters, well-formed references. */
    final void checkAttribute(int from, int to) {
        for (int i = from; i < to; i++) { // bounded by the value
            byte c = b[i];
            if (c == '<') {
                throw new Unsupported("< in attribute");
            } else if (c == '&') {
                i = reference(i, to, null);
            } else {
                checkByte(c);
            }
        }
    }

    /**
     * @return the characters between from and to (already checked), line ends normalised; in text
     *     and attribute values ({@code cdata} false) references expanded, and in attribute values
     *     white space characters made spaces
     */
    final String value(int from, int to, boolean attribute, boolean cdata) {
        boolean plain = true;
        boolean ascii = true;
        for (int i = from; i < to; i++) { // bounded by the value
            byte c = b[i];
            if (c < 0) {
                ascii = false;
            } else if (special(c, attribute, cdata)) {
                plain = false;
                break;
            }
        }
        if (plain) {
            return ascii ? ascii(from, to) : new String(b, from, to - from, StandardCharsets.UTF_8);
        }
        StringBuilder sb = new StringBuilder(to - from);
        int run = from;
        for (int i = from; i < to; i++) { // bounded by the value
            byte c = b[i];
            if (!special(c, attribute, cdata)) {
                continue;
            }
            sb.append(new String(b, run, i - run, StandardCharsets.UTF_8));
            if (c == '&') {
                i = reference(i, to, sb);
            } else {
                sb.append(attribute ? ' ' : '\n');
                if (c == '\r' && i + 1 < to && b[i + 1] == '\n') {
                    i++;
                }
            }
            run = i + 1;
        }
        return sb.append(new String(b, run, to - run, StandardCharsets.UTF_8)).toString();
    }

    static boolean special(byte c, boolean attribute, boolean cdata) {
        return c == '\r' || c == '&' && !cdata || attribute && (c == '\n' || c == '\t');
    }

    /**
     * Checks (and appends, when {@code into} is given) the reference at {@code i}.
     *
     * @return the index of its {@code ;}
     */
    final int reference(int i, int end, StringBuilder into) {
        int semi = -1;
        for (int k = i + 1; k < end && k <= i + 12; k++) { // a reference is short
            if (b[k] == ';') {
                semi = k;
                break;
            }
        }
        if (semi < 0) {
            throw new Unsupported("bad reference");
        }
        char c;
        if (equals(i + 1, semi, "lt")) {
            c = '<';
        } else if (equals(i + 1, semi, "gt")) {
            c = '>';
        } else if (equals(i + 1, semi, "amp")) {
            c = '&';
        } else if (equals(i + 1, semi, "quot")) {
            c = '"';
        } else if (equals(i + 1, semi, "apos")) {
            c = '\'';
        } else {
            int cp = charRef(i + 1, semi);
            if (into != null) {
                into.appendCodePoint(cp);
            }
            return semi;
        }
        if (into != null) {
            into.append(c);
        }
        return semi;
    }

    final int charRef(int s, int e) {
        if (e - s < 2 || b[s] != '#') {
            throw new Unsupported("entity");
        }
        boolean hex = b[s + 1] == 'x';
        int from = s + (hex ? 2 : 1);
        if (from >= e) {
            throw new Unsupported("empty character reference");
        }
        long cp = 0;
        for (int k = from; k < e; k++) { // at most 11 digits
            byte c = b[k];
            int d = c >= '0' && c <= '9' ? c - '0' : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (d < 0) {
                throw new Unsupported("bad character reference");
            }
            cp = cp * (hex ? 16 : 10) + d;
        }
        boolean legal = cp == 0x9 || cp == 0xA || cp == 0xD || cp >= 0x20 && cp <= 0xD7FF
                || cp >= 0xE000 && cp <= 0xFFFD || cp >= 0x10000 && cp <= 0x10FFFF;
        if (!legal) {
            throw new Unsupported("illegal character reference");
        }
        return (int) cp;
    }

    /** @return the end of the character data at {@code from}: the next {@code <}, or the end. */
    final int textEnd(int from) {
        int i = from;
        while (i < n && b[i] != '<') { // bounded by the document
            i++;
        }
        return i;
    }

    /** Checks character data: legal characters, no {@code ]]>}, references well-formed. */
    final void checkText(int from, int to) {
        for (int i = from; i < to; i++) { // bounded by the text
            byte c = b[i];
            if (c == '&') {
                i = reference(i, to, null);
            } else if (c == ']' && at("]]>", i)) {
                throw new Unsupported("]]> in text");
            } else {
                checkByte(c);
            }
        }
    }

    /** @return the start of the {@code ]]>} that ends the CDATA section at pos (checked). */
    final int cdataEnd() {
        for (int i = pos + 9; i + 2 < n; i++) { // bounded by the document
            if (b[i] == ']' && b[i + 1] == ']' && b[i + 2] == '>') {
                return i;
            }
            checkByte(b[i]);
        }
        throw new Unsupported("unterminated CDATA");
    }

    final void requireSpace(int from, int to) {
        for (int i = from; i < to; i++) { // bounded by the text
            if (!space(b[i])) {
                throw new Unsupported("text outside the root element");
            }
        }
    }
}
