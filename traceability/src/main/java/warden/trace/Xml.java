package warden.trace;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** Streaming XML reading with DTDs and external entities off (JaCoCo names a DTD it does not ship). */
final class Xml {
    private static final XMLInputFactory FACTORY = factory();

    /** Receives each start element; may read further from the reader. */
    interface Handler {
        void start(XMLStreamReader r) throws XMLStreamException;
    }

    private Xml() {
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return f;
    }

    /** Streams the file, calling the handler on every start element. */
    static void read(Path file, String rel, Handler h) throws TraceInputException {
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader r = FACTORY.createXMLStreamReader(in);
            try {
                while (r.hasNext()) { // bounded by the document
                    if (r.next() == XMLStreamReader.START_ELEMENT) {
                        h.start(r);
                    }
                }
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
            throw new TraceInputException(new InputError(rel, line, "not well-formed XML: " + firstLine(e)));
        } catch (IOException e) {
            throw new TraceInputException(new InputError(rel, 0, "cannot read: " + e.getMessage()));
        }
    }

    private static String firstLine(XMLStreamException e) {
        String m = String.valueOf(e.getMessage());
        int i = m.lastIndexOf("Message:");
        m = i >= 0 ? m.substring(i + 8) : m;
        return m.strip().lines().findFirst().orElse("");
    }

    /** @return the text content of the current element (reads to its end). */
    static String text(XMLStreamReader r) throws XMLStreamException {
        return r.getElementText().trim();
    }

    /** @return an attribute's value, or the default. */
    static String attr(XMLStreamReader r, String name, String dflt) {
        String v = r.getAttributeValue(null, name);
        return v == null ? dflt : v;
    }

    /** @return an integer attribute, or 0. */
    static int intAttr(XMLStreamReader r, String name) {
        String v = r.getAttributeValue(null, name);
        try {
            return v == null ? 0 : Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
