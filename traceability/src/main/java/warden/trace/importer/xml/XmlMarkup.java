package warden.trace.importer.xml;

/**
 * The markup layer of the {@link XmlScanner}: everything that is not an element, read strictly
 * and skipped: the XML declaration (version 1.0, UTF-8 only), comments, processing instructions
 * and a DOCTYPE without internal subset (skipped, as the StAX reader does with DTDs off).
 *
 * [impl->dsn~trace.fast-readers~1]
 */
abstract class XmlMarkup extends XmlCharacters {
    /** Set at the first start tag: a DOCTYPE may no longer follow. */
    boolean rootSeen;

    XmlMarkup(byte[] bytes, int start) {
        super(bytes, start);
    }

    /** {@code <?xml version="1.0" (encoding="UTF-8")? (standalone="yes|no")? ?>}, strictly; else Unsupported. */
    final void declaration() {
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
    final String pseudoAttribute(String key) {
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

    final void comment() {
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

    final void instruction() {
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
    final void doctype() {
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

    /** Skips a quoted system literal, or a public id literal (restricted characters). */
    final void literal(boolean pubid) {
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
}
