package warden.trace.importer.xml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import warden.trace.model.InputError;
import warden.trace.model.TraceInputException;

/**
 * Streaming XML reading with DTDs and external entities off (JaCoCo names a DTD it does not ship).
 * A file is read by {@link XmlScanner} first; whatever that scanner does not vouch for (malformed
 * or unusual XML) is read again by the JDK's StAX reader, whose verdict and message stand.
 *
 * [impl->dsn~trace.fast-readers~1]
 */
public final class Xml {
    /** A start element. */
    public static final int START_ELEMENT = 1;
    /** An end element. */
    public static final int END_ELEMENT = 2;
    /** Anything else: text, comments, instructions. */
    public static final int OTHER = 3;
    /** The end of the document. */
    public static final int END_DOCUMENT = 4;

    /** The reader's view of a document, positioned on an event. */
    public interface Cursor {
        /** @return false after the end of the document. */
        boolean hasNext() throws XMLStreamException;

        /**
         * @return the next event: {@link #START_ELEMENT}, {@link #END_ELEMENT}, {@link #OTHER},
         *     {@link #END_DOCUMENT}.
         */
        int next() throws XMLStreamException;

        /** @return the local name of the current element. */
        String localName();

        /** @return an attribute of the current start element by local name, or null. */
        String attr(String name);

        /** @return the text of the current start element, reading to its end (text only, as StAX). */
        String text() throws XMLStreamException;
    }

    /** Receives each start element; may read further from the cursor. */
    public interface Handler {
        void start(Cursor c) throws XMLStreamException;
    }

    private static volatile XMLInputFactory factory;

    private Xml() {
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = factory;
        if (f == null) {
            f = XMLInputFactory.newFactory();
            f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            factory = f;
        }
        return f;
    }

    /** @return the file's bytes; a read failure is an input error naming the file. */
    public static byte[] bytes(Path file, String rel) throws TraceInputException {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new TraceInputException(new InputError(rel, 0, "cannot read: " + e.getMessage()));
        }
    }

    /**
     * Reads a document, calling a handler on every start element: the fast scanner's, or when it
     * gives up, a fresh one's over StAX (so a handler never sees a document twice).
     *
     * @return the handler that read the whole document
     */
    public static <H extends Handler> H read(byte[] bytes, String rel, Supplier<H> fresh) throws TraceInputException {
        try {
            H h = fresh.get();
            XmlScanner x = XmlScanner.of(bytes);
            walk(x, h);
            return h;
        } catch (XmlScanner.Unsupported e) {
            return stax(bytes, rel, fresh.get());
        } catch (XMLStreamException e) {
            throw new IllegalStateException("the scanner reports through Unsupported", e);
        }
    }

    static void walk(Cursor c, Handler h) throws XMLStreamException {
        while (c.hasNext()) { // bounded by the document
            if (c.next() == START_ELEMENT) {
                h.start(c);
            }
        }
    }

    /** Reads a document with StAX only (the reference the fast scanner is tested against). */
    static <H extends Handler> H stax(byte[] bytes, String rel, H h) throws TraceInputException {
        try {
            XMLStreamReader r = factory().createXMLStreamReader(new ByteArrayInputStream(bytes));
            try {
                walk(new Stax(r), h);
            } finally {
                r.close();
            }
            return h;
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
            throw new TraceInputException(new InputError(rel, line, "not well-formed XML: " + firstLine(e)));
        }
    }

    private static String firstLine(XMLStreamException e) {
        String m = String.valueOf(e.getMessage());
        int i = m.lastIndexOf("Message:");
        m = i >= 0 ? m.substring(i + 8) : m;
        return m.strip().lines().findFirst().orElse("");
    }

    /** @return the text content of the current element (reads to its end), trimmed. */
    public static String text(Cursor c) throws XMLStreamException {
        return c.text().trim();
    }

    /** @return an attribute's value, or the default. */
    public static String attr(Cursor c, String name, String dflt) {
        String v = c.attr(name);
        return v == null ? dflt : v;
    }

    /** @return an integer attribute, or 0. */
    public static int intAttr(Cursor c, String name) {
        String v = c.attr(name);
        try {
            return v == null ? 0 : Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The StAX reader as a cursor. */
    private static final class Stax implements Cursor {
        private final XMLStreamReader r;

        Stax(XMLStreamReader r) {
            this.r = r;
        }

        @Override
        public boolean hasNext() throws XMLStreamException {
            return r.hasNext();
        }

        @Override
        public int next() throws XMLStreamException {
            int e = r.next();
            return e == XMLStreamReader.START_ELEMENT ? START_ELEMENT : e == XMLStreamReader.END_ELEMENT ? END_ELEMENT
                    : e == XMLStreamReader.END_DOCUMENT ? END_DOCUMENT : OTHER;
        }

        @Override
        public String localName() {
            return r.getLocalName();
        }

        @Override
        public String attr(String name) {
            return r.getAttributeValue(null, name);
        }

        @Override
        public String text() throws XMLStreamException {
            return r.getElementText();
        }
    }
}
