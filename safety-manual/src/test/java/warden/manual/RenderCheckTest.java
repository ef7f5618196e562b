package warden.manual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rendering check over HTML as Asciidoctor writes it: each kind of rendering fault is found
 * with its section and text, and what the source meant as it is passes.
 */
class RenderCheckTest {
    private static String page(String body) {
        return "<html><head><style>a{color:red} {plus}</style></head><body><div id=\"content\">"
                + "<h2 id=\"_s\">7.2. Checks</h2>" + body + "</div></body></html>";
    }

    private static List<String> check(String body) {
        return RenderCheck.check("m.html", page(body));
    }

    // [utest->dsn~manual.render-check~1]
    @Test
    void eachRenderingFaultIsFoundWithItsSectionAndText() {
        assertEquals(List.of("m.html: section \"7.2. Checks\": literal {plus}: \"-XX:{plus}UseSerialGC\""),
                check("<p><code>-XX:{plus}UseSerialGC</code></p>"));
        assertEquals(List.of("m.html: section \"7.2. Checks\": (C), (R) or (TM) rendered as a symbol (©): "
                + "\"C = QM© + C©\""), check("<p>C = QM&#169; + C&#169;</p>"));
        assertEquals(List.of("m.html: section \"7.2. Checks\": <= or => rendered as an arrow: \"0 < wcet ⇐ deadline\""),
                check("<p>0 &lt; wcet &#8656; deadline</p>"));
        assertEquals(List.of("m.html: section \"7.2. Checks\": -> or <- rendered as an arrow where code was meant: "
                + "\"[impl→…]\""), check("<p>Tag code <code>[impl&#8594;&#8230;]</code>.</p>"));
        assertEquals(1, check("<p>a tag [utest&#8594;x] in prose</p>").size(), "glued to a word");
        assertEquals(List.of("m.html: section \"7.2. Checks\": unexpanded shell variable: "
                + "\"java \"${FLAGS[@]}\" -jar warden.jar\""), check("<td><code>java \"${FLAGS[@]}\" -jar warden.jar"
                + "</code></td>"));
        assertEquals(1, check("<p>set $JAVA_HOME first</p>").size());
        assertEquals(List.of("m.html: section \"7.2. Checks\": unresolved attribute reference: \"There are "
                + "{fmea-rows} rows.\""), check("<p>There are {fmea-rows} rows.</p>"));
    }

    // [utest->dsn~manual.render-check~1]
    @Test
    void inheritedInAColumnHeadedAsilIsAFaultElsewhereItIsText() {
        String table = "<table><thead><tr><th>Id</th><th>ASIL</th><th>Note</th></tr></thead><tbody>"
                + "<tr><td>tsr~a~1</td><td><p>inherited</p></td><td>inherited from fsr~b~1</td></tr>"
                + "<tr><td>tsr~c~1</td><td>ASIL-C</td><td>-</td></tr></tbody></table>";
        assertEquals(List.of("m.html: section \"7.2. Checks\": \"inherited\" in an ASIL column instead of the level: "
                + "\"inherited\""), check(table));
        assertEquals(List.of(), check(table.replace("<p>inherited</p>", "ASIL-C")));
    }

    // [utest->dsn~manual.render-check~1]
    @Test
    void whatTheSourceMeantPasses() {
        assertEquals(List.of(), check("<p>C = QM(C) + C(C); 0 &lt;= x; a hazard &#8594; a goal; (<code>~1</code> "
                + "&#8594; <code>~2</code>)</p><pre>java -XX:+UseSerialGC -jar warden.jar $HOME {a: 1}</pre>"
                + "<p>Tag code <code>[impl-&gt;…]</code>; costs $5; a set {1, 2}</p>"
                + "<script>var x = '{plus} ${y}';</script><!-- {plus} ${z} -->"));
    }

    // [utest->dsn~manual.render-check~1]
    @Test
    void theSectionIsTheLatestHeading() {
        List<String> f = RenderCheck.check("m.html", "<body><h1>Title</h1><p>{x}</p><h3>9.1. <em>Later</em></h3>"
                + "<p>&#169;</p></body>");
        assertEquals(2, f.size(), f.toString());
        assertTrue(f.get(0).startsWith("m.html: section \"Title\": unresolved attribute"), f.get(0));
        assertTrue(f.get(1).startsWith("m.html: section \"9.1. Later\": (C)"), f.get(1));
        assertEquals("a&b <c> \"d\" é → &bogus; &#99999999999;",
                RenderCheck.decode("a&amp;b &lt;c&gt; &quot;d&quot; &#xe9; &#8594; &bogus; &#99999999999;"));
    }

    /** The generator's own text: escaped replacements, passthrough monospace, inherited levels, expanded flags. */
    // [utest->dsn~manual.render-check~1]
    @Test
    void theGeneratorWritesTextThatRendersAsItsSourceMeant(@TempDir Path root) throws Exception {
        assertEquals("QM\\(C) + C\\(C), 0 \\<= x \\-> y \\=> z \\<- w",
                Adoc.cell("QM(C) + C(C), 0 <= x -> y => z <- w"));
        assertEquals("`++-XX:+UseSerialGC -Xss4m++`", Adoc.code("-XX:+UseSerialGC -Xss4m"));
        assertEquals("`+a \\| b+`", Adoc.code("a | b"));
        assertEquals("ASIL-C\\(C) {tilde}", TraceEvidence.ids("ASIL-C(C) ~"));
        List<SpecFile.Item> items = SpecFile.parse("f.md", """
                ### Goal
                `fsr~g~1`

                Text.

                Tags: ASIL_C

                ### Technical
                `tsr~t~1`

                Text.

                Covers:
                * `fsr~g~1`

                ### Orphan
                `tsr~o~1`

                Text.
                """.lines().toList());
        SpecTables s = new SpecTables(items);
        assertEquals("ASIL-C", s.asil(items.get(1)));
        assertEquals("not stated", s.asil(items.get(2)));
        assertTrue(s.safetyRequirements().contains("|ASIL-C\n|approved\n|`+fsr~g~1+`"), s.safetyRequirements());
        Files.writeString(root.resolve("warden"), "#!/bin/bash\nFLAGS=(-XX:+UseSerialGC -Xss4m)\n"
                + "exec java \"${FLAGS[@]}\" -jar \"$JAR\" \"$@\"\n");
        assertEquals("java -XX:+UseSerialGC -Xss4m -jar warden.jar …", Identification.launchLine(root));
    }
}
