package warden.trace.importer.xml;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The element layer of the {@link XmlScanner}: start and end tags, their attributes (checked,
 * kept as byte ranges until asked for), the stack of open elements with the namespace prefixes
 * each declared, and one interned string per distinct element name. A mismatched end tag, a
 * duplicate attribute, an undeclared prefix or a second root element is {@link Unsupported}.
 *
 * [impl->dsn~trace.fast-readers~1]
 */
abstract class XmlElements extends XmlMarkup {
    private static final int NAMES = 512;

    /** The current element's qualified name, interned. */
    String name;
    /** Attributes of the current start element: name start, name end, value start, value end. */
    int[] attrs = new int[32];
    int attrCount;
    /** Open elements' name ranges, two ints a level. */
    private int[] open = new int[64];
    int depth;
    /** Namespace prefixes in scope, and per level how many it declared. */
    private final List<String> prefixes = new ArrayList<>();
    private int[] declared = new int[32];
    private final String[] names = new String[NAMES];
    private int namesUsed;
    /** The current start tag closed itself ({@code <a/>}): its end element comes next. */
    boolean emptyElement;
    boolean rootClosed;

    XmlElements(byte[] bytes, int start) {
        super(bytes, start);
    }

    /** Reads the start tag at pos with its attributes, and opens its element. */
    final void startTag() {
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
            declaredHere += attribute() ? 1 : 0;
        }
        open(ns, ne, declaredHere);
        name = intern(ns, ne);
        checkPrefix(ns, ne);
        checkAttributePrefixes();
    }

    /** Reads the attribute at pos and keeps its ranges. @return true when it declares a namespace prefix */
    private boolean attribute() {
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
        keep(qs, qe, vs, end);
        if (qe - qs > 6 && at("xmlns:", qs)) {
            if (end == vs) {
                throw new Unsupported("empty prefix binding");
            }
            String p = ascii(qs + 6, qe);
            if (p.equals("xml") || p.equals("xmlns")) {
                throw new Unsupported("reserved prefix declared");
            }
            prefixes.add(p);
            return true;
        }
        return false;
    }

    /** Keeps an attribute's name and value ranges; a second attribute of the same name is declined. */
    private void keep(int qs, int qe, int vs, int end) {
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
    }

    /** Pushes the element just read: its name range and the prefixes it declared. */
    private void open(int ns, int ne, int declaredHere) {
        if (2 * depth + 2 > open.length) {
            open = Arrays.copyOf(open, open.length * 2);
            declared = Arrays.copyOf(declared, declared.length * 2);
        }
        open[2 * depth] = ns;
        open[2 * depth + 1] = ne;
        declared[depth] = declaredHere;
        depth++;
        rootSeen = true;
    }

    /** Checks every prefixed attribute's prefix is declared and its local name unique. */
    private void checkAttributePrefixes() {
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

    /** @return true for a namespace declaration ({@code xmlns} or {@code xmlns:p}), which StAX does not list. */
    final boolean namespaceDeclaration(int qs, int qe) {
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

    final void endTag() {
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

    final void closeElement() {
        depth--;
        for (int i = 0; i < declared[depth]; i++) { // bounded by the declarations
            prefixes.remove(prefixes.size() - 1);
        }
        if (depth == 0) {
            rootClosed = true;
        }
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
}
