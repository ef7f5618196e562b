package warden.manual;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The rendering settings that keep the manual offline and the PDF readable: no web fonts or font
 * icons, embedded images, title page, table of contents, page numbers, small table font.
 */
class RenderSettingsTest {
    private static String read(String rel) throws Exception {
        return Files.readString(Path.of(rel));
    }

    // [utest->dsn~manual.render~1]
    @Test
    void theBuildRendersHtmlAndPdfOffline() throws Exception {
        String pom = read("pom.xml");
        assertTrue(pom.contains("<webfonts>false</webfonts>"));
        assertTrue(pom.contains("<icons>false</icons>"));
        assertTrue(pom.contains("<data-uri>true</data-uri>"));
        assertTrue(pom.contains("<backend>html5</backend>") && pom.contains("<backend>pdf</backend>"));
        assertTrue(pom.contains("<title-page>true</title-page>"));
        assertTrue(pom.contains("<toc>auto</toc>") && pom.contains("<toc>left</toc>"));
    }

    // [utest->dsn~manual.render~1]
    @Test
    void theMainDocumentHasATitlePageAndATableOfContents() throws Exception {
        String doc = read("src/docs/asciidoc/warden-safety-manual.adoc");
        assertTrue(doc.startsWith("= Warden Safety Manual: "), doc.substring(0, 40));
        assertTrue(doc.contains(":toclevels:") && doc.contains(":toc-title:"));
        assertTrue(doc.contains("include::{generated}/attributes.adoc[]"));
        assertTrue(doc.contains(":sectnums:"));
    }

    // [utest->dsn~manual.render~1]
    @Test
    void thePdfThemeNumbersPagesAndShrinksTables() throws Exception {
        String theme = read("src/docs/theme/warden-theme.yml");
        assertTrue(theme.contains("{page-number}"));
        assertTrue(theme.contains("table:"));
        assertTrue(theme.contains("font-size: 7.5"));
    }
}
