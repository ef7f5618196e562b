package warden.trace;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A pull scanner for the well-formed, plain UTF-8 XML that Surefire, PIT and JaCoCo write:
 * elements, attributes in either quotes, character and the five predefined entity references,
 * comments, processing instructions, CDATA, and a DOCTYPE without internal subset (skipped, as the
 * StAX reader does with DTDs off). Line ends and attribute values are normalised as an XML
 * processor must. It is strict: anything else, malformed or merely unusual (another encoding, an
 * undeclared prefix, a non-ASCII name, a mismatched end tag, a control character), throws
 * {@link Unsupported}, and {@link Xml} reads that file again with the JDK's StAX reader, which
 * gives the verdict and the error message. So every file gets StAX's answer, and the common one
 * gets it without StAX's cost.
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

    private final String s;
    private final int n;
    private int pos;
    private int event = Xml.OTHER;
    private String name;
    /** Attributes of the current start element: qualified name, value, alternating. */
    private final List<String> attrs = new ArrayList<>();
    /** Open elements' qualified names, and per level the number of prefixes declared. */
    private final List<String> open = new ArrayList<>();
    private final List<String> prefixes = new ArrayList<>();
    private final List<Integer> declared = new ArrayList<>();
    private boolean emptyElement;
    private boolean rootSeen;
    private boolean rootClosed;

    private XmlScanner(String text) {
        this.s = text;
        this.n = text.length();
    }

    /** @return a scanner over a document's bytes, past its prolog; Unsupported for other encodings. */
    static XmlScanner of(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new Unsupported("not UTF-8");
        }
        XmlScanner x = new XmlScanner(text);
        x.declaration();
        return x;
    }

    /** {@code <?xml version="1.0" (encoding="UTF-8")? (standalone="yes|no")? ?>}, strictly; else Unsupported. */
    private void declaration() {
        if (!s.startsWith("<?xml", 0) || n < 6 || !space(s.charAt(5))) {
            return;
        }
        pos = 5;
        requireSpaces();
        if (!"1.0".equals(pseudoAttribute("version"))) {
            throw new Unsupported("XML version");
        }
        int before = pos;
        skipSpace();
        if (pos > before && s.startsWith("encoding", pos)) {
            if (!"UTF-8".equalsIgnoreCase(pseudoAttribute("encoding"))) {
                throw new Unsupported("encoding");
            }
            before = pos;
            skipSpace();
        }
        if (pos > before && s.startsWith("standalone", pos)) {
            String v = pseudoAttribute("standalone");
            if (!v.equals("yes") && !v.equals("no")) {
                throw new Unsupported("standalone");
            }
            skipSpace();
        }
        if (!s.startsWith("?>", pos)) {
            throw new Unsupported("declaration");
        }
        pos += 2;
    }

    /** @return the value of {@code key = "value"} at pos. */
    private String pseudoAttribute(String key) {
        if (!s.startsWith(key, pos)) {
            throw new Unsupported("declaration: " + key + " expected");
        }
        pos += key.length();
        skipSpace();
        if (pos >= n || s.charAt(pos) != '=') {
            throw new Unsupported("declaration: = expected");
        }
        pos++;
        skipSpace();
        if (pos >= n || s.charAt(pos) != '"' && s.charAt(pos) != '\'') {
            throw new Unsupported("declaration: quote expected");
        }
        int end = s.indexOf(s.charAt(pos), pos + 1);
        if (end < 0) {
            throw new Unsupported("declaration: unterminated");
        }
        String v = s.substring(pos + 1, end);
        pos = end + 1;
        return v;
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
                if (!rootClosed) {
                    throw new Unsupported("document ends inside an element");
                }
                event = Xml.END_DOCUMENT;
                return event;
            }
            char c = s.charAt(pos);
            if (c != '<') {
                int stop = s.indexOf('<', pos);
                stop = stop < 0 ? n : stop;
                if (open.isEmpty()) {
                    requireSpace(pos, stop);
                    pos = stop;
                    continue;
                }
                checkText(pos, stop);
                pos = stop;
                event = Xml.OTHER;
                return event;
            }
            if (s.startsWith("<!--", pos)) {
                comment();
            } else if (s.startsWith("<?", pos)) {
                instruction();
            } else if (s.startsWith("<![CDATA[", pos)) {
                if (open.isEmpty()) {
                    throw new Unsupported("CDATA outside the root");
                }
                int end = s.indexOf("]]>", pos + 9);
                if (end < 0) {
                    throw new Unsupported("unterminated CDATA");
                }
                checkChars(pos + 9, end);
                pos = end + 3;
                event = Xml.OTHER;
                return event;
            } else if (s.startsWith("<!DOCTYPE", pos)) {
                doctype();
            } else if (s.startsWith("</", pos)) {
                endTag();
                event = Xml.END_ELEMENT;
                return event;
            } else {
                startTag();
                event = Xml.START_ELEMENT;
                return event;
            }
        }
    }

    @Override
    public String localName() {
        return local(name);
    }

    @Override
    public String attr(String local) {
        for (int i = 0; i < attrs.size(); i += 2) {
            String q = attrs.get(i);
            if (!q.equals("xmlns") && !q.startsWith("xmlns:") && local(q).equals(local)) {
                return attrs.get(i + 1);
            }
        }
        return null;
    }

    @Override
    public String text() {
        if (event != Xml.START_ELEMENT) {
            throw new Unsupported("text outside a start element");
        }
        StringBuilder b = null;
        String single = "";
        int depth = open.size();
        while (true) { // bounded by the document
            if (emptyElement) {
                next();
                break;
            }
            if (pos >= n) {
                throw new Unsupported("document ends inside an element");
            }
            char c = s.charAt(pos);
            String piece;
            if (c != '<') {
                int stop = s.indexOf('<', pos);
                stop = stop < 0 ? n : stop;
                piece = content(pos, stop);
                pos = stop;
            } else if (s.startsWith("<![CDATA[", pos)) {
                int end = s.indexOf("]]>", pos + 9);
                if (end < 0) {
                    throw new Unsupported("unterminated CDATA");
                }
                checkChars(pos + 9, end);
                piece = lineEnds(s.substring(pos + 9, end));
                pos = end + 3;
            } else if (s.startsWith("<!--", pos)) {
                comment();
                continue;
            } else if (s.startsWith("<?", pos)) {
                instruction();
                continue;
            } else if (s.startsWith("</", pos) && open.size() == depth) {
                endTag();
                event = Xml.END_ELEMENT;
                break;
            } else {
                throw new Unsupported("element inside a text-only element");
            }
            if (b == null && single.isEmpty()) {
                single = piece;
            } else {
                if (b == null) {
                    b = new StringBuilder(single);
                }
                b.append(piece);
            }
        }
        return b == null ? single : b.toString();
    }

    private static String local(String q) {
        int colon = q.indexOf(':');
        return colon < 0 ? q : q.substring(colon + 1);
    }

    private void startTag() {
        if (rootClosed) {
            throw new Unsupported("second root element");
        }
        pos++;
        name = name();
        attrs.clear();
        int declaredHere = 0;
        while (true) { // bounded by the tag
            int before = pos;
            skipSpace();
            if (pos >= n) {
                throw new Unsupported("unterminated start tag");
            }
            char c = s.charAt(pos);
            if (c == '>' || c == '/') {
                if (c == '/' && !s.startsWith("/>", pos)) {
                    throw new Unsupported("stray /");
                }
                emptyElement = c == '/';
                pos += emptyElement ? 2 : 1;
                break;
            }
            if (before == pos) {
                throw new Unsupported("attributes need white space between them");
            }
            String q = name();
            skipSpace();
            if (pos >= n || s.charAt(pos) != '=') {
                throw new Unsupported("attribute without =");
            }
            pos++;
            skipSpace();
            String v = attrValue();
            for (int i = 0; i < attrs.size(); i += 2) {
                if (attrs.get(i).equals(q)) {
                    throw new Unsupported("duplicate attribute");
                }
            }
            attrs.add(q);
            attrs.add(v);
            if (q.startsWith("xmlns:")) {
                if (v.isEmpty() || q.length() == 6) {
                    throw new Unsupported("empty prefix binding");
                }
                prefixes.add(q.substring(6));
                declaredHere++;
            }
        }
        open.add(name);
        declared.add(declaredHere);
        rootSeen = true;
        checkPrefix(name);
        for (int i = 0; i < attrs.size(); i += 2) {
            String q = attrs.get(i);
            if (!q.startsWith("xmlns:")) {
                checkPrefix(q);
            }
        }
    }

    private void checkPrefix(String q) {
        int colon = q.indexOf(':');
        if (colon < 0) {
            return;
        }
        String p = q.substring(0, colon);
        if (colon == 0 || colon == q.length() - 1 || q.indexOf(':', colon + 1) >= 0
                || !p.equals("xml") && !prefixes.contains(p)) {
            throw new Unsupported("prefix " + p);
        }
    }

    private void endTag() {
        pos += 2;
        String q = name();
        skipSpace();
        if (pos >= n || s.charAt(pos) != '>') {
            throw new Unsupported("unterminated end tag");
        }
        pos++;
        if (open.isEmpty() || !open.get(open.size() - 1).equals(q)) {
            throw new Unsupported("end tag does not match");
        }
        name = q;
        closeElement();
    }

    private void closeElement() {
        open.remove(open.size() - 1);
        int d = declared.remove(declared.size() - 1);
        for (int i = 0; i < d; i++) {
            prefixes.remove(prefixes.size() - 1);
        }
        if (open.isEmpty()) {
            rootClosed = true;
        }
    }

    private String name() {
        int start = pos;
        while (pos < n) { // bounded by the document
            char c = s.charAt(pos);
            boolean first = pos == start;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == ':'
                    || !first && (c >= '0' && c <= '9' || c == '-' || c == '.')) {
                pos++;
            } else if (c >= 0x80) {
                throw new Unsupported("non-ASCII name");
            } else {
                break;
            }
        }
        if (pos == start) {
            throw new Unsupported("name expected");
        }
        return s.substring(start, pos);
    }

    private String attrValue() {
        if (pos >= n || s.charAt(pos) != '"' && s.charAt(pos) != '\'') {
            throw new Unsupported("unquoted attribute");
        }
        char quote = s.charAt(pos);
        int end = s.indexOf(quote, pos + 1);
        if (end < 0) {
            throw new Unsupported("unterminated attribute");
        }
        int start = pos + 1;
        pos = end + 1;
        boolean plain = true;
        for (int i = start; i < end; i++) { // bounded by the value
            char c = s.charAt(i);
            if (c == '<') {
                throw new Unsupported("< in attribute");
            }
            if (c < 0x20 || c == '&' || c >= 0xFFFE) {
                plain = false;
            }
        }
        if (plain) {
            return s.substring(start, end);
        }
        StringBuilder b = new StringBuilder(end - start);
        for (int i = start; i < end; i++) { // bounded by the value
            char c = s.charAt(i);
            if (c == '&') {
                i = reference(i, end, b);
            } else if (c == '\r') {
                b.append(' ');
                if (i + 1 < end && s.charAt(i + 1) == '\n') {
                    i++;
                }
            } else if (c == '\n' || c == '\t') {
                b.append(' ');
            } else {
                checkChar(c);
                b.append(c);
            }
        }
        return b.toString();
    }

    /** Appends the reference at {@code i} ({@code &...;}); @return the index of its {@code ;}. */
    private int reference(int i, int end, StringBuilder b) {
        int semi = s.indexOf(';', i);
        if (semi < 0 || semi >= end || semi - i > 12) {
            throw new Unsupported("bad reference");
        }
        String r = s.substring(i + 1, semi);
        switch (r) {
            case "lt" -> b.append('<');
            case "gt" -> b.append('>');
            case "amp" -> b.append('&');
            case "quot" -> b.append('"');
            case "apos" -> b.append('\'');
            default -> b.appendCodePoint(charRef(r));
        }
        return semi;
    }

    private static int charRef(String r) {
        if (r.length() < 2 || r.charAt(0) != '#') {
            throw new Unsupported("entity " + r);
        }
        boolean hex = r.charAt(1) == 'x';
        int from = hex ? 2 : 1;
        if (from >= r.length()) {
            throw new Unsupported("empty character reference");
        }
        long cp = 0;
        for (int k = from; k < r.length(); k++) { // at most 11 digits
            char c = r.charAt(k);
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

    /** @return text content between {@code from} and {@code to}, references expanded, line ends normalised. */
    private String content(int from, int to) {
        boolean plain = true;
        for (int i = from; i < to; i++) { // bounded by the text
            char c = s.charAt(i);
            if (c == '&' || c == '\r' || c < 0x20 && c != '\n' && c != '\t' || c == ']' || c >= 0xFFFE) {
                plain = false;
                break;
            }
        }
        if (plain) {
            return s.substring(from, to);
        }
        checkText(from, to);
        StringBuilder b = new StringBuilder(to - from);
        for (int i = from; i < to; i++) { // bounded by the text
            char c = s.charAt(i);
            if (c == '&') {
                i = reference(i, to, b);
            } else if (c == '\r') {
                b.append('\n');
                if (i + 1 < to && s.charAt(i + 1) == '\n') {
                    i++;
                }
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static String lineEnds(String t) {
        return t.indexOf('\r') < 0 ? t : t.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** Checks character data: legal characters, no {@code ]]>}, references well-formed. */
    private void checkText(int from, int to) {
        for (int i = from; i < to; i++) { // bounded by the text
            char c = s.charAt(i);
            if (c == '&') {
                i = reference(i, to, new StringBuilder(2));
            } else if (c == ']' && s.startsWith("]]>", i)) {
                throw new Unsupported("]]> in text");
            } else {
                checkChar(c);
            }
        }
    }

    private void checkChars(int from, int to) {
        for (int i = from; i < to; i++) { // bounded by the text
            checkChar(s.charAt(i));
        }
    }

    private static void checkChar(char c) {
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c >= 0xFFFE) {
            throw new Unsupported("illegal character");
        }
        if (Character.isSurrogate(c)) {
            throw new Unsupported("supplementary character");
        }
    }

    private void requireSpace(int from, int to) {
        for (int i = from; i < to; i++) { // bounded by the text
            if (!space(s.charAt(i))) {
                throw new Unsupported("text outside the root element");
            }
        }
    }

    private void comment() {
        int end = s.indexOf("--", pos + 4);
        if (end < 0 || !s.startsWith("-->", end)) {
            throw new Unsupported("bad comment");
        }
        checkChars(pos + 4, end);
        pos = end + 3;
    }

    private void instruction() {
        int start = pos + 2;
        pos = start;
        String target = name();
        if (target.equalsIgnoreCase("xml") || target.indexOf(':') >= 0) {
            throw new Unsupported("reserved processing instruction");
        }
        int end = s.indexOf("?>", pos);
        if (end < 0 || end > pos && !space(s.charAt(pos))) {
            throw new Unsupported("bad processing instruction");
        }
        checkChars(pos, end);
        pos = end + 2;
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
        if (pos > before && s.startsWith("SYSTEM", pos)) {
            pos += 6;
            requireSpaces();
            literal(false);
            skipSpace();
        } else if (pos > before && s.startsWith("PUBLIC", pos)) {
            pos += 6;
            requireSpaces();
            literal(true);
            requireSpaces();
            literal(false);
            skipSpace();
        }
        if (pos >= n || s.charAt(pos) != '>') {
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
        if (pos >= n || s.charAt(pos) != '"' && s.charAt(pos) != '\'') {
            throw new Unsupported("literal expected");
        }
        char q = s.charAt(pos);
        int end = s.indexOf(q, pos + 1);
        if (end < 0) {
            throw new Unsupported("unterminated literal");
        }
        for (int i = pos + 1; i < end; i++) { // bounded by the literal
            char c = s.charAt(i);
            boolean ok = pubid ? c == ' ' || c == '\r' || c == '\n' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
                    || c >= '0' && c <= '9' || "-'()+,./:=?;!*#@$_%".indexOf(c) >= 0 : c != '<' || true;
            if (!ok) {
                throw new Unsupported("bad character in a public id");
            }
            checkChar(c);
        }
        pos = end + 1;
    }

    private void skipSpace() {
        while (pos < n && space(s.charAt(pos))) { // bounded by the document
            pos++;
        }
    }

    private static boolean space(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }
}
