package warden.manual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdfCheckTest {
    private static final String FOOTER = "Warden Safety Manual 0.1.0\nPage 3 of 9 4.1. Fault campaigns\n";

    // [utest->dsn~manual.pdf-check~1]
    @Test
    void aCaptionOrHeadingAloneAtAPagesEndIsAFinding() {
        List<String> f = PdfCheck.check(List.of(
                "Some text.\nTable 9. Fault campaigns run by this build\n" + FOOTER,
                "Target System Seed\nriscv default 26262\n4.4. Charts\n\n" + FOOTER,
                "Chapter 5. Restricted Java\n" + FOOTER));
        assertEquals(List.of(
                "page 1: the caption 'Table 9. Fault campaigns run by this build' is the last line of the page, "
                        + "its table starts on the next",
                "page 2: the heading '4.4. Charts' is the last line of the page, its text starts on the next",
                "page 3: the heading 'Chapter 5. Restricted Java' is the last line of the page, its text starts "
                        + "on the next"), f);
    }

    // [utest->dsn~manual.pdf-check~1]
    @Test
    void whatFollowsItsCaptionOrHeadingOnThePageAndContentsLinesPass() {
        assertEquals(List.of(), PdfCheck.check(List.of(
                "Table 9. Fault campaigns\nTarget System Seed\nriscv default 26262\n" + FOOTER,
                "4.4. Charts\nThe charts show detection times.\n" + FOOTER,
                "13.1. Glossary . . . . . . . . . . 87\n13.2. References . . . . . . . . . 88\n" + FOOTER,
                "Figure 2. Detection and recovery times on arm\n" + FOOTER,
                "")));
    }

    // [utest->dsn~manual.pdf-check~1]
    @Test
    void aLiteralPlusOrAnUnexpandedVariableIsAFindingWherever() {
        List<String> f = PdfCheck.check(List.of("a {plus} b\nrun ${manual.out}/x\nmore text\n" + FOOTER));
        assertEquals(List.of("page 1: a literal {plus}: a {plus} b", "page 1: an unexpanded ${...}: run "
                + "${manual.out}/x"), f);
    }

    /** The check reads real PDF text: a page written with PDFBox whose last body line is a caption. */
    // [utest->dsn~manual.pdf-check~1]
    @Test
    void theTextOfARealPdfIsCheckedPageByPage(@TempDir Path dir) throws Exception {
        File pdf = dir.resolve("m.pdf").toFile();
        try (PDDocument d = new PDDocument()) {
            page(d, "Some text.", "Table 4. Channels of the default system", "Page 1 of 2");
            page(d, "Name From To", "sensors rtos linux", "Page 2 of 2");
            d.save(pdf);
        }
        List<String> pages = new ArrayList<>();
        try (PDDocument d = Loader.loadPDF(pdf)) {
            PDFTextStripper s = new PDFTextStripper();
            for (int p = 1; p <= d.getNumberOfPages(); p++) {
                s.setStartPage(p);
                s.setEndPage(p);
                pages.add(s.getText(d));
            }
        }
        List<String> f = PdfCheck.check(pages);
        assertEquals(1, f.size(), f::toString);
        assertTrue(f.get(0).startsWith("page 1: the caption 'Table 4. Channels of the default system'"), f::toString);
    }

    private static void page(PDDocument d, String... lines) throws Exception {
        PDPage p = new PDPage();
        d.addPage(p);
        try (PDPageContentStream c = new PDPageContentStream(d, p)) {
            c.beginText();
            c.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
            c.newLineAtOffset(60, 700);
            for (String l : lines) {
                c.showText(l);
                c.newLineAtOffset(0, -200);
            }
            c.endText();
        }
    }
}
