package warden.trace.report;

import warden.testsupport.StrictJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import warden.trace.Fixture;
import warden.trace.TraceMain;

/** The reports are well-formed and self-contained, and say what the trace holds. */
class OutputsTest {
    @TempDir
    Path tmp;

    private Path reports() {
        Fixture.Run r = Fixture.run(Fixture.prepare(tmp, "mutation-score"));
        assertEquals(TraceMain.GATE_FAILED, r.exit(), r.all());
        return tmp.resolve("out");
    }

    private static Document xml(Path p) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(p.toFile());
    }

    // [utest->dsn~trace.report.html~2]
    @Test
    void theHtmlReportIsWellFormedSelfContainedAndShowsEveryItemsEvidence() throws Exception {
        Path html = reports().resolve("index.html");
        Document d = xml(html);
        String text = Files.readString(html);
        assertFalse(text.contains("src=\"http"), "no external script or image");
        assertFalse(text.contains("href=\"http"), "no external style sheet or link");
        assertFalse(text.contains("<link"), "styles are inline");
        NodeList sections = d.getElementsByTagName("section");
        assertEquals(3, sections.getLength());
        Element alpha = d.getElementById("dsn~alpha~1");
        assertTrue(text.contains("id=\"dsn~alpha~1\" data-id=\"dsn~alpha~1\" data-asil=\"C\""
                + " data-status=\"approved\""));
        assertTrue(text.contains("Own score 0.0 % (0 of 2 killed by its own tests; threshold 90 %)"), text);
        assertTrue(text.contains("demo.AlphaTest#twiceDoubles"));
        assertTrue(text.contains("Matrix down") && text.contains("Matrix up") && text.contains("id=\"fa\""));
        assertTrue(text.contains("[mutation-score]") || text.contains("mutation-score"));
        assertTrue(alpha == null || alpha.getTagName().equals("section"));
    }

    // [utest->dsn~trace.report.json~1]
    @Test
    void theJsonReportParsesAndHoldsItemsFindingsAndScores() throws Exception {
        String json = Files.readString(reports().resolve("trace.json"));
        Object doc = StrictJson.parse(json);
        assertTrue(doc instanceof java.util.Map);
        java.util.Map<?, ?> m = (java.util.Map<?, ?>) doc;
        assertEquals("warden.trace/1", m.get("schema"));
        assertEquals(Boolean.FALSE, m.get("passed"));
        java.util.List<?> items = (java.util.List<?>) m.get("items");
        assertEquals(3, items.size());
        java.util.Map<?, ?> alpha = (java.util.Map<?, ?>) items.get(1);
        assertEquals("dsn~alpha~1", alpha.get("id"));
        assertEquals("ASIL-C", alpha.get("asil"));
        java.util.Map<?, ?> mutation = (java.util.Map<?, ?>) alpha.get("mutation");
        assertEquals(2, ((Number) mutation.get("mutants")).intValue());
        assertEquals(1, ((Number) mutation.get("killedOnlyByOtherTests")).intValue());
        java.util.Map<?, ?> coverage = (java.util.Map<?, ?>) alpha.get("coverage");
        assertEquals(2, ((Number) coverage.get("lines")).intValue());
        assertEquals(1, ((Number) coverage.get("linesCovered")).intValue());
        assertEquals(1, ((java.util.List<?>) m.get("findings")).size());
    }

    // [utest->dsn~trace.report.reqif~1]
    @Test
    void theReqifExportHasAnObjectPerItemAndARelationPerLinkThatResolve() throws Exception {
        Document d = xml(reports().resolve("trace.reqif"));
        assertEquals("REQ-IF", d.getDocumentElement().getLocalName());
        assertEquals("http://www.omg.org/spec/ReqIF/20110401/reqif.xsd", d.getDocumentElement().getNamespaceURI());
        NodeList objects = d.getElementsByTagName("SPEC-OBJECT");
        assertEquals(3, objects.getLength());
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < objects.getLength(); i++) {
            ids.add(((Element) objects.item(i)).getAttribute("IDENTIFIER"));
        }
        NodeList refs = d.getElementsByTagName("SPEC-OBJECT-REF");
        for (int i = 0; i < refs.getLength(); i++) {
            assertTrue(ids.contains(refs.item(i).getTextContent()), refs.item(i).getTextContent());
        }
        assertEquals(2, d.getElementsByTagName("SPEC-RELATION").getLength());
        String text = Files.readString(tmp.resolve("out/trace.reqif"));
        assertTrue(text.contains("THE-VALUE=\"ASIL-C\"") && text.contains("THE-VALUE=\"dsn~alpha~1\""));
        assertTrue(text.contains("LONG-NAME=\"Status\""));
    }

    // [utest->dsn~trace.report.asciidoc~1]
    @Test
    void theAsciiDocIncludesAreTablesForTheSafetyManual() throws Exception {
        Path out = reports();
        String cov = Files.readString(out.resolve("trace-coverage.adoc"));
        String ver = Files.readString(out.resolve("trace-verdicts.adoc"));
        String mut = Files.readString(out.resolve("trace-mutation.adoc"));
        for (String s : new String[] {cov, ver, mut}) {
            assertTrue(s.contains("|===") && s.indexOf("|===") != s.lastIndexOf("|==="), s);
        }
        assertTrue(cov.contains("|`dsn~alpha~1` |ASIL-C |approved"), cov);
        assertTrue(ver.contains("|`dsn~beta~1` |`demo.BetaTest#clampsHigh` |passed"), ver);
        assertTrue(mut.contains("|`dsn~alpha~1` |ASIL-C |2 |0 |1 |1 |0 |0.0 % |90 %"), mut);
    }
}
