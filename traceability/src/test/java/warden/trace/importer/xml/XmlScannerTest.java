package warden.trace.importer.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import javax.xml.stream.XMLStreamException;
import org.junit.jupiter.api.Test;
import warden.trace.Fixture;
import warden.trace.model.TraceInputException;

/**
 * The hand-written XML scanner against the reference it replaces, the JDK's StAX reader, on chosen
 * cases and on seeded random inputs (the line, id, tag and test-name matchers: FastMatchersTest).
 */
class XmlScannerTest {
    private static final List<String> ATTRS = List.of("name", "classname", "message", "value", "status", "nr");

    /** Documents the scanner reads, each as StAX does. */
    private static final List<String> ACCEPTED = List.of(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<r><tc name=\"a\" classname='b.C'/></r>",
            "<r xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:noNamespaceSchemaLocation=\"x.xsd\">"
                    + "<properties><property name=\"k\" value=\"v &amp; w\"/></properties></r>",
            "<r><f message=\"boom\nsecond\r\nthird\tfourth &#10;fifth &lt;&gt;&quot;&apos;&#x41;\"/></r>",
            "<r><t>a&amp;b<!-- note --><![CDATA[<raw> &amp; & ]]>c&#233;\r\nd\re</t></r>",
            "<?xml version='1.0'?><!DOCTYPE report PUBLIC \"-//JACOCO//DTD Report 1.1//EN\" \"report.dtd\">"
                    + "<report><line nr=\"4\"/><?pi data?></report>\n<!-- after -->\n",
            "\uFEFF<r><t>caf\u00e9 \u2603</t><e name=\"\u00fc\"/></r>",
            "<r><t/><t></t><t>  spaced  </t></r>");

    /** Documents the scanner leaves to StAX: malformed, or beyond what it vouches for. */
    private static final List<String> DECLINED = List.of(
            "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><r/>",
            "<r><a></b></r>",
            "<r>",
            "<r a=\"1\" a=\"2\"/>",
            "<r><t>&nbsp;</t></r>",
            "<x:r/>",
            "<r y:a=\"1\"/>",
            "<!DOCTYPE r [<!ENTITY e \"x\">]><r/>",
            "<r/><r/>",
            "text<r/>",
            "<r><t><b/></t></r>",
            "<r a=\"<\"/>",
            "<r>]]></r>",
            "<r>\u0001</r>",
            "<r><!-- a -- b --></r>",
            "<r/>junk");

    /** Records every start element with the attributes of interest, and the text of leaf-like elements. */
    private static final class Recorder implements Xml.Handler {
        final List<String> events = new ArrayList<>();

        @Override
        public void start(Xml.Cursor c) throws XMLStreamException {
            StringBuilder b = new StringBuilder(c.localName());
            for (String a : ATTRS) {
                b.append(' ').append(a).append('=').append(c.attr(a));
            }
            if (c.localName().startsWith("t")) {
                b.append(" text=").append(c.text());
            }
            events.add(b.toString());
        }
    }

    /** @return the scanner's events, or null when it does not vouch for the document. */
    private static List<String> fast(byte[] doc) {
        Recorder r = new Recorder();
        try {
            Xml.walk(XmlScanner.of(doc), r);
            return r.events;
        } catch (XmlScanner.Unsupported e) {
            return null;
        } catch (XMLStreamException e) {
            throw new AssertionError(e);
        }
    }

    /** @return StAX's events, or null when StAX finds the document malformed. */
    private static List<String> stax(byte[] doc) {
        try {
            return Xml.stax(doc, "x.xml", new Recorder()).events;
        } catch (TraceInputException e) {
            return null;
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    // [utest->dsn~trace.fast-readers~1]
    @Test
    void theXmlScannerReadsWhatStaxReadsAndGivesUpOnEverythingElse() throws Exception {
        for (String d : ACCEPTED) {
            byte[] doc = utf8(d);
            List<String> f = fast(doc);
            assertNotNull(f, "the scanner should read " + d);
            assertEquals(stax(doc), f, d);
        }
        for (String d : DECLINED) {
            assertNull(fast(utf8(d)), "the scanner should leave " + d + " to StAX");
        }
        assertNull(fast(new byte[] {'<', 'r', '>', (byte) 0xC3, '<', '/', 'r', '>'}), "malformed UTF-8");
        // Through Xml.read, a declined document gets StAX's answer: here its error, with file and line.
        TraceInputException e = assertThrows(TraceInputException.class,
                () -> Xml.read(utf8("<r>\n<a>\n</b></r>"), "TEST-x.xml", Recorder::new));
        assertTrue(e.error().toString().startsWith("TEST-x.xml:3: not well-formed XML"), e.error().toString());
        assertEquals(List.of("r name=null classname=null message=null value=null status=null nr=null",
                "a name=1 classname=null message=null value=null status=null nr=null"),
                Xml.read(utf8("<r><x:a xmlns:x=\"u\" x:name=\"1\"/></r>"), "x.xml", Recorder::new).events);
    }

    // [utest->dsn~trace.fast-readers~1]
    @Test
    void whateverTheXmlScannerAcceptsStaxReadsTheSame() throws Exception {
        List<byte[]> seeds = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Fixture.FIXTURES)) {
            for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".xml")).sorted()::iterator) {
                seeds.add(Files.readAllBytes(p));
            }
        }
        seeds.add(utf8("<r><f message=\"a&amp;b\"/><t>x&lt;y<![CDATA[z]]></t><!-- c --></r>"));
        String alphabet = "<>/&;\"'=! \n\r\t]?-:#x[abct0";
        Random random = new Random(26262);
        int accepted = 0;
        for (int round = 0; round < 3000; round++) { // bounded: a fixed number of seeded mutations
            byte[] seed = seeds.get(round % seeds.size());
            StringBuilder d = new StringBuilder(new String(seed, StandardCharsets.UTF_8));
            for (int k = 0; k < 1 + random.nextInt(3); k++) { // one to three edits
                int at = random.nextInt(d.length() + 1);
                if (random.nextBoolean() && at < d.length()) {
                    d.deleteCharAt(at);
                } else {
                    d.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            byte[] doc = utf8(d.toString());
            List<String> f = fast(doc);
            if (f != null) {
                accepted++;
                assertEquals(stax(doc), f, () -> "scanner and StAX differ on: " + d);
            }
        }
        assertTrue(accepted > 100, "too few mutations accepted to compare: " + accepted);
    }
}
