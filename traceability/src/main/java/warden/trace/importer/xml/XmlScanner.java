package warden.trace.importer.xml;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A pull scanner over the bytes of the well-formed, plain UTF-8 XML that Surefire, PIT and JaCoCo
 * write: elements, attributes in either quotes, character and the five predefined entity
 * references, comments, processing instructions, CDATA, and a DOCTYPE without internal subset
 * (skipped, as the StAX reader does with DTDs off). Line ends and attribute values are normalised
 * as an XML processor must. It is strict: anything else, malformed or merely unusual (another
 * encoding, an undeclared prefix, a non-ASCII name, a mismatched end tag, a control character,
 * malformed UTF-8), throws {@link Unsupported}, and {@link Xml} reads that file again with the JDK's
 * StAX reader, which gives the verdict and the error message. So every file gets StAX's answer,
 * and the common one gets it without StAX's cost: names are compared as bytes and interned, and
 * only the values a reader asks for become strings.
 *
 * [impl->dsn~trace.fast-readers~1]
 */
final class XmlScanner implements Xml.Cursor {
    /** Thrown for any input this scanner does not vouch for; carries no stack trace. */
    static final class Unsupported extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unsupported(String why) {
            super(why, null, false, false);
        }
    }

    private static final int NAMES = 512;

    private final byte[] b;
    private final int n;
    private final int start;
    private int pos;
    private int event = Xml.OTHER;
    /** The current element's qualified name, interned. */
    private String name;
    /** Attributes of the current start element: name start, name end, value start, value end. */
    private int[] attrs = new int[32];
    private int attrCount;
    /** Open elements' name ranges, two ints a level. */
    private int[] open = new int[64];
    private int depth;
    /** Namespace prefixes in scope, and per level how many it declared. */
    private final List<String> prefixes = new ArrayList<>();
    private int[] declared = new int[32];
    private final String[] names = new String[NAMES];
    private int namesUsed;
    private boolean emptyElement;
    private boolean rootSeen;
    private boolean rootClosed;
    /** Set when a byte above 0x7F was seen: the document's UTF-8 is checked at its end. */
    private boolean nonAscii;

    private XmlScanner(byte[] bytes, int start) {
        this.b = bytes;
        this.n = bytes.length;
        this.start = start;
        this.pos = start;
    }

    /** @return a scanner over a document's bytes, past its declaration; Unsupported for other encodings. */
    static XmlScanner of(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        XmlScanner x = new XmlScanner(bytes, start);
        x.declaration();
        return x;
    }

    /** {@code <?xml version="1.0" (encoding="UTF-8")? (standalone="yes|no")? ?>}, strictly; else Unsupported. */
    private void declaration() {
        if (!at("<?xml", pos) || pos + 5 >= n || !space(b[pos + 5])) {
            return;
        }
        pos += 5;
        requireSpaces();
        if (!"1.0".equals(pseudoAttribute("version"))) {
            throw new Unsupported("XML version");
        }
        int before = pos;
        skipSpace();
        if (pos > before && at("encoding", pos)) {
            if (!"UTF-8".equalsIgnoreCase(pseudoAttribute("encoding"))) {
                throw new Unsupported("encoding");
            }
            before = pos;
            skipSpace();
        }
        if (pos > before && at("standalone", pos)) {
            String v = pseudoAttribute("standalone");
            if (!v.equals("yes") && !v.equals("no")) {
                throw new Unsupported("standalone");
            }
            skipSpace();
        }
        if (!at("?>", pos)) {
            throw new Unsupported("declaration");
        }
        pos += 2;
    }

    /** @return the value of {@code key = "value"} at pos. */
    private String pseudoAttribute(String key) {
        if (!at(key, pos)) {
            throw new Unsupported("declaration: " + key + " expected");
        }
        pos += key.length();
        skipSpace();
        if (pos >= n || b[pos] != '=') {
            throw new Unsupported("declaration: = expected");
        }
        pos++;
        skipSpace();
        int end = quoted();
        String v = ascii(pos + 1, end);
        pos = end + 1;
        return v;
    }

    /** @return the index of the closing quote of the quoted string at pos. */
    private int quoted() {
        if (pos >= n || b[pos] != '"' && b[pos] != '\'') {
            throw new Unsupported("quote expected");
        }
        int end = indexOf(b[pos], pos + 1);
        if (end < 0) {
            throw new Unsupported("unterminated literal");
        }
        return end;
    }

    @Override
    public boolean hasNext() {
        return event != Xml.END_DOCUMENT;
    }

    @Override
    public int next() {
        if (emptyElement) {
            emptyElement = false;
            event = Xml.END_ELEMENT;
            closeElement();
            return event;
        }
        while (true) { // each turn consumes input or ends
            if (pos >= n) {
                return end();
            }
            if (b[pos] != '<') {
                int stop = textEnd(pos);
                if (depth == 0) {
                    requireSpace(pos, stop);
                    pos = stop;
                    continue;
                }
                checkText(pos, stop);
                pos = stop;
                event = Xml.OTHER;
                return event;
            }
            byte second = pos + 1 < n ? b[pos + 1] : 0;
            if (second == '/') {
                endTag();
                event = Xml.END_ELEMENT;
                return event;
            } else if (second != '!' && second != '?') {
                startTag();
                event = Xml.START_ELEMENT;
                return event;
            } else if (at("<!--", pos)) {
                comment();
            } else if (second == '?') {
                instruction();
            } else if (at("<![CDATA[", pos)) {
                if (depth == 0) {
                    throw new Unsupported("CDATA outside the root");
                }
                pos = cdataEnd() + 3;
                event = Xml.OTHER;
                return event;
            } else if (at("<!DOCTYPE", pos)) {
                doctype();
            } else {
                throw new Unsupported("unknown markup declaration");
            }
        }
    }

    /** The end of the input: the document must be complete, and its UTF-8 (if any) well-formed. */
    private int end() {
        if (!rootClosed) {
            throw new Unsupported("document ends inside an element");
        }
        if (nonAscii) {
            String text;
            try {
                text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(b, start, n - start)).toString();
            } catch (CharacterCodingException e) {
                throw new Unsupported("not UTF-8");
            }
            for (int i = 0; i < text.length(); i++) { // bounded by the text
                char c = text.charAt(i);
                if (c == '\uFFFE' || c == '\uFFFF' || c == '\u0085' || c == '\u2028') {
                    throw new Unsupported("character XML forbids or normalises");
                }
            }
        }
        event = Xml.END_DOCUMENT;
        return event;
    }

    @Override
    public String localName() {
        int colon = name.indexOf(':');
        return colon < 0 ? name : name.substring(colon + 1);
    }

    @Override
    public String attr(String local) {
        for (int i = 0; i < attrCount; i++) { // bounded by the attributes
            int qs = attrs[4 * i];
            int qe = attrs[4 * i + 1];
            if (declaration(qs, qe)) {
                continue;
            }
            if (equals(localStart(qs, qe), qe, local)) {
                return value(attrs[4 * i + 2], attrs[4 * i + 3], true, false);
            }
        }
        return null;
    }

    @Override
    public String text() {
        if (event != Xml.START_ELEMENT) {
            throw new Unsupported("text outside a start element");
        }
        if (emptyElement) {
            next();
            return "";
        }
        StringBuilder sb = null;
        String single = "";
        int level = depth;
        while (true) { // bounded by the document
            if (pos >= n) {
                throw new Unsupported("document ends inside an element");
            }
            String piece;
            if (b[pos] != '<') {
                int stop = textEnd(pos);
                checkText(pos, stop);
                piece = value(pos, stop, false, false);
                pos = stop;
            } else if (pos + 1 < n && b[pos + 1] == '/' && depth == level) {
                endTag();
                event = Xml.END_ELEMENT;
                break;
            } else if (at("<![CDATA[", pos)) {
                int end = cdataEnd();
                piece = value(pos + 9, end, false, true);
                pos = end + 3;
            } else if (at("<!--", pos)) {
                comment();
                continue;
            } else if (at("<?", pos)) {
                instruction();
                continue;
            } else {
                throw new Unsupported("element inside a text-only element");
            }
            if (sb == null && single.isEmpty()) {
                single = piece;
            } else {
                if (sb == null) {
                    sb = new StringBuilder(single);
                }
                sb.append(piece);
            }
        }
        return sb == null ? single : sb.toString();
    }

    private void startTag() {
        if (rootClosed) {
            throw new Unsupported("second root element");
        }
        pos++;
        int ns = pos;
        int ne = name();
        attrCount = 0;
        int declaredHere = 0;
        while (true) { // bounded by the tag
            int before = pos;
            skipSpace();
            if (pos >= n) {
                throw new Unsupported("unterminated start tag");
            }
            byte c = b[pos];
            if (c == '>' || c == '/') {
                if (c == '/' && !at("/>", pos)) {
                    throw new Unsupported("stray /");
                }
                emptyElement = c == '/';
                pos += emptyElement ? 2 : 1;
                break;
            }
            if (before == pos) {
                throw new Unsupported("attributes need white space between them");
            }
            int qs = pos;
            int qe = name();
            skipSpace();
            if (pos >= n || b[pos] != '=') {
                throw new Unsupported("attribute without =");
            }
            pos++;
            skipSpace();
            int end = quoted();
            int vs = pos + 1;
            checkAttribute(vs, end);
            pos = end + 1;
            for (int i = 0; i < attrCount; i++) { // bounded by the attributes
                if (sameBytes(attrs[4 * i], attrs[4 * i + 1], qs, qe)) {
                    throw new Unsupported("duplicate attribute");
                }
            }
            if (4 * attrCount + 4 > attrs.length) {
                attrs = Arrays.copyOf(attrs, attrs.length * 2);
            }
            attrs[4 * attrCount] = qs;
            attrs[4 * attrCount + 1] = qe;
            attrs[4 * attrCount + 2] = vs;
            attrs[4 * attrCount + 3] = end;
            attrCount++;
            if (qe - qs > 6 && at("xmlns:", qs)) {
                if (end == vs) {
                    throw new Unsupported("empty prefix binding");
                }
                String p = ascii(qs + 6, qe);
                if (p.equals("xml") || p.equals("xmlns")) {
                    throw new Unsupported("reserved prefix declared");
                }
                prefixes.add(p);
                declaredHere++;
            }
        }
        if (2 * depth + 2 > open.length) {
            open = Arrays.copyOf(open, open.length * 2);
            declared = Arrays.copyOf(declared, declared.length * 2);
        }
        open[2 * depth] = ns;
        open[2 * depth + 1] = ne;
        declared[depth] = declaredHere;
        depth++;
        rootSeen = true;
        name = intern(ns, ne);
        checkPrefix(ns, ne);
        for (int i = 0; i < attrCount; i++) { // bounded by the attributes
            int qs = attrs[4 * i];
            int qe = attrs[4 * i + 1];
            if (!(qe - qs > 6 && at("xmlns:", qs)) && checkPrefix(qs, qe)) {
                sameLocalName(i);
            }
        }
    }

    /** Declines a prefixed attribute whose local name another attribute has (StAX compares namespaces). */
    private void sameLocalName(int i) {
        int ls = localStart(attrs[4 * i], attrs[4 * i + 1]);
        for (int k = 0; k < attrCount; k++) { // bounded by the attributes
            if (k != i && sameBytes(ls, attrs[4 * i + 1], localStart(attrs[4 * k], attrs[4 * k + 1]),
                    attrs[4 * k + 1])) {
                throw new Unsupported("two attributes with one local name");
            }
        }
    }

    private int localStart(int qs, int qe) {
        int ls = qs;
        for (int k = qs; k < qe; k++) { // bounded by the name
            if (b[k] == ':') {
                ls = k + 1;
            }
        }
        return ls;
    }

    /** @return true for a namespace declaration ({@code xmlns} or {@code xmlns:p}), which StAX does not list. */
    private boolean declaration(int qs, int qe) {
        return equals(qs, qe, "xmlns") || qe - qs > 6 && at("xmlns:", qs);
    }

    /** Checks a qualified name's prefix is declared. @return true when it has one */
    private boolean checkPrefix(int qs, int qe) {
        int colon = -1;
        for (int k = qs; k < qe; k++) { // bounded by the name
            if (b[k] == ':') {
                if (colon >= 0) {
                    throw new Unsupported("two colons in a name");
                }
                colon = k;
            }
        }
        if (colon < 0) {
            return false;
        }
        if (colon == qs || colon == qe - 1) {
            throw new Unsupported("empty prefix or local name");
        }
        String p = ascii(qs, colon);
        if (!p.equals("xml") && !prefixes.contains(p)) {
            throw new Unsupported("prefix " + p);
        }
        return true;
    }

    private void endTag() {
        pos += 2;
        int qs = pos;
        int qe = name();
        skipSpace();
        if (pos >= n || b[pos] != '>') {
            throw new Unsupported("unterminated end tag");
        }
        pos++;
        if (depth == 0 || !sameBytes(open[2 * depth - 2], open[2 * depth - 1], qs, qe)) {
            throw new Unsupported("end tag does not match");
        }
        name = intern(qs, qe);
        closeElement();
    }

    private void closeElement() {
        depth--;
        for (int i = 0; i < declared[depth]; i++) { // bounded by the declarations
            prefixes.remove(prefixes.size() - 1);
        }
        if (depth == 0) {
            rootClosed = true;
        }
    }

    /** Reads an ASCII name at pos. @return its end */
    private int name() {
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

    /** @return the name between s and e as one shared string per distinct name. */
    private String intern(int s, int e) {
        int h = 0;
        for (int i = s; i < e; i++) { // bounded by the name
            h = 31 * h + b[i];
        }
        int slot = h & (NAMES - 1);
        for (int probe = 0; probe < NAMES; probe++) { // bounded by the table
            String c = names[slot];
            if (c == null) {
                String fresh = ascii(s, e);
                if (namesUsed < NAMES / 2) {
                    names[slot] = fresh;
                    namesUsed++;
                }
                return fresh;
            }
            if (equals(s, e, c)) {
                return c;
            }
            slot = (slot + 1) & (NAMES - 1);
        }
        return ascii(s, e);
    }

    /** Checks an attribute value: no {@code <}, legal characters, well-formed references. */
    private void checkAttribute(int from, int to) {
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
    private String value(int from, int to, boolean attribute, boolean cdata) {
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

    private static boolean special(byte c, boolean attribute, boolean cdata) {
        return c == '\r' || c == '&' && !cdata || attribute && (c == '\n' || c == '\t');
    }

    /** Checks (and appends, when {@code into} is given) the reference at {@code i}. @return the index of its {@code ;} */
    private int reference(int i, int end, StringBuilder into) {
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

    private int charRef(int s, int e) {
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
    private int textEnd(int from) {
        int i = from;
        while (i < n && b[i] != '<') { // bounded by the document
            i++;
        }
        return i;
    }

    /** Checks character data: legal characters, no {@code ]]>}, references well-formed. */
    private void checkText(int from, int to) {
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
    private int cdataEnd() {
        for (int i = pos + 9; i + 2 < n; i++) { // bounded by the document
            if (b[i] == ']' && b[i + 1] == ']' && b[i + 2] == '>') {
                return i;
            }
            checkByte(b[i]);
        }
        throw new Unsupported("unterminated CDATA");
    }

    private void checkByte(byte c) {
        if (c < 0) {
            nonAscii = true;
        } else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
            throw new Unsupported("illegal character");
        }
    }

    private void requireSpace(int from, int to) {
        for (int i = from; i < to; i++) { // bounded by the text
            if (!space(b[i])) {
                throw new Unsupported("text outside the root element");
            }
        }
    }

    private void comment() {
        for (int i = pos + 4; i + 1 < n; i++) { // bounded by the document
            if (b[i] == '-' && b[i + 1] == '-') {
                if (i + 2 >= n || b[i + 2] != '>') {
                    throw new Unsupported("-- in a comment");
                }
                pos = i + 3;
                return;
            }
            checkByte(b[i]);
        }
        throw new Unsupported("unterminated comment");
    }

    private void instruction() {
        pos += 2;
        int ts = pos;
        int te = name();
        if (te - ts == 3 && ascii(ts, te).equalsIgnoreCase("xml")) {
            throw new Unsupported("reserved processing instruction");
        }
        for (int k = ts; k < te; k++) { // bounded by the name
            if (b[k] == ':') {
                throw new Unsupported("colon in a processing instruction's target");
            }
        }
        if (pos < n && !at("?>", pos) && !space(b[pos])) {
            throw new Unsupported("bad processing instruction");
        }
        for (int i = pos; i + 1 < n; i++) { // bounded by the document
            if (b[i] == '?' && b[i + 1] == '>') {
                pos = i + 2;
                return;
            }
            checkByte(b[i]);
        }
        throw new Unsupported("unterminated processing instruction");
    }

    /** {@code <!DOCTYPE name (SYSTEM "lit" | PUBLIC "pubid" "lit")? >}; an internal subset is declined. */
    private void doctype() {
        if (rootSeen) {
            throw new Unsupported("DOCTYPE after the root");
        }
        pos += 9;
        requireSpaces();
        name();
        int before = pos;
        skipSpace();
        if (pos > before && at("SYSTEM", pos)) {
            pos += 6;
            requireSpaces();
            literal(false);
            skipSpace();
        } else if (pos > before && at("PUBLIC", pos)) {
            pos += 6;
            requireSpaces();
            literal(true);
            requireSpaces();
            literal(false);
            skipSpace();
        }
        if (pos >= n || b[pos] != '>') {
            throw new Unsupported("DOCTYPE with internal subset or malformed");
        }
        pos++;
    }

    private void requireSpaces() {
        int before = pos;
        skipSpace();
        if (pos == before) {
            throw new Unsupported("white space expected");
        }
    }

    /** Skips a quoted system literal, or a public id literal (restricted characters). */
    private void literal(boolean pubid) {
        int end = quoted();
        for (int i = pos + 1; i < end; i++) { // bounded by the literal
            byte c = b[i];
            boolean ok = !pubid || c == ' ' || c == '\r' || c == '\n' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
                    || c >= '0' && c <= '9' || "-'()+,./:=?;!*#@$_%".indexOf(c) >= 0;
            if (!ok) {
                throw new Unsupported("bad character in a public id");
            }
            checkByte(c);
        }
        pos = end + 1;
    }

    private void skipSpace() {
        while (pos < n && space(b[pos])) { // bounded by the document
            pos++;
        }
    }

    private static boolean space(byte c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private int indexOf(byte c, int from) {
        for (int i = from; i < n; i++) { // bounded by the document
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }

    /** @return true when the ASCII text {@code t} stands at {@code i}. */
    private boolean at(String t, int i) {
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
    private boolean equals(int s, int e, String t) {
        return e - s == t.length() && at(t, s);
    }

    private boolean sameBytes(int s1, int e1, int s2, int e2) {
        return Arrays.equals(b, s1, e1, b, s2, e2);
    }

    private String ascii(int s, int e) {
        return new String(b, s, e - s, StandardCharsets.ISO_8859_1);
    }
}
