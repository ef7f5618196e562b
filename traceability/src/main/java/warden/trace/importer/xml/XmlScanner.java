package warden.trace.importer.xml;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

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
 * <p>The scanner is built in layers, each a class: the bytes and lexical pieces
 * ({@link XmlInput}), character data and references ({@link XmlCharacters}), markup that is not an
 * element ({@link XmlMarkup}), elements and namespaces ({@link XmlElements}), and this one, the
 * events a reader pulls.
 *
 * [impl->dsn~trace.fast-readers~1]
 */
final class XmlScanner extends XmlElements implements Xml.Cursor {
    private int event = Xml.OTHER;

    private XmlScanner(byte[] bytes, int start) {
        super(bytes, start);
    }

    /** @return a scanner over a document's bytes, past its declaration; Unsupported for other encodings. */
    static XmlScanner of(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        XmlScanner x = new XmlScanner(bytes, start);
        x.declaration();
        return x;
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
            int e = b[pos] != '<' ? characters() : markup();
            if (e != 0) {
                event = e;
                return event;
            }
        }
    }

    /** Character data at pos: white space skipped outside the root (0), else an {@link Xml#OTHER} event. */
    private int characters() {
        int stop = textEnd(pos);
        if (depth == 0) {
            requireSpace(pos, stop);
            pos = stop;
            return 0;
        }
        checkText(pos, stop);
        pos = stop;
        return Xml.OTHER;
    }

    /** Markup at pos: a tag or CDATA section gives its event; a comment, instruction or DOCTYPE is skipped (0). */
    private int markup() {
        byte second = pos + 1 < n ? b[pos + 1] : 0;
        if (second == '/') {
            endTag();
            return Xml.END_ELEMENT;
        } else if (second != '!' && second != '?') {
            startTag();
            return Xml.START_ELEMENT;
        } else if (at("<!--", pos)) {
            comment();
        } else if (second == '?') {
            instruction();
        } else if (at("<![CDATA[", pos)) {
            if (depth == 0) {
                throw new Unsupported("CDATA outside the root");
            }
            pos = cdataEnd() + 3;
            return Xml.OTHER;
        } else if (at("<!DOCTYPE", pos)) {
            doctype();
        } else {
            throw new Unsupported("unknown markup declaration");
        }
        return 0;
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
            if (namespaceDeclaration(qs, qe)) {
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
        return content();
    }

    /** @return the text of the current element up to its end tag, which it reads (text only, as StAX). */
    private String content() {
        StringBuilder sb = null;
        String single = "";
        int level = depth;
        while (true) { // bounded by the document
            if (pos >= n) {
                throw new Unsupported("document ends inside an element");
            }
            String piece;
            if (b[pos] != '<') {
                piece = textPiece();
            } else if (pos + 1 < n && b[pos + 1] == '/' && depth == level) {
                endTag();
                event = Xml.END_ELEMENT;
                break;
            } else if (at("<![CDATA[", pos)) {
                piece = cdataPiece();
            } else if (skipped()) {
                continue;
            } else {
                throw new Unsupported("element inside a text-only element");
            }
            if (sb == null && single.isEmpty()) {
                single = piece;
            } else {
                sb = sb == null ? new StringBuilder(single) : sb;
                sb.append(piece);
            }
        }
        return sb == null ? single : sb.toString();
    }

    /** @return the character data at pos, checked and decoded; pos moves past it. */
    private String textPiece() {
        int stop = textEnd(pos);
        checkText(pos, stop);
        String piece = value(pos, stop, false, false);
        pos = stop;
        return piece;
    }

    /** @return the text of the CDATA section at pos; pos moves past it. */
    private String cdataPiece() {
        int end = cdataEnd();
        String piece = value(pos + 9, end, false, true);
        pos = end + 3;
        return piece;
    }

    /** Skips a comment or a processing instruction at pos. @return false when neither stands there */
    private boolean skipped() {
        if (at("<!--", pos)) {
            comment();
        } else if (at("<?", pos)) {
            instruction();
        } else {
            return false;
        }
        return true;
    }
}
