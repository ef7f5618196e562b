package warden.manual;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Checks the rendered PDF manual through its text, page by page (extracted with Apache PDFBox): a
 * table caption ({@code Table N. ...}, placed above its table) or a numbered heading that is the
 * last line of a page's body, so that what it introduces starts on the next page, and a literal
 * {@code {plus}} or an unexpanded {@code ${...}} anywhere. The running header and footer lines are
 * not body; contents lines (dot leaders) are not headings. {@code PdfCheck --pdf FILE}: each
 * finding names the page and the line; exit 1 on any, 2 on a file it cannot read.
 *
 * [impl->dsn~manual.pdf-check~1]
 */
public final class PdfCheck {
    private static final Pattern CAPTION = Pattern.compile("Table \\d+\\. \\S.*");
    private static final Pattern HEADING = Pattern.compile("(Chapter \\d+|Appendix [A-Z]|\\d+(\\.\\d+)+)\\. \\S.*");
    private static final Pattern RUNNING = Pattern.compile("Warden Safety Manual.*|.*\\bPage \\d+ of \\d+\\b.*");

    private PdfCheck() {
    }

    public static void main(String[] args) {
        if (args.length != 2 || !args[0].equals("--pdf")) {
            System.err.println("pdf-check: usage: PdfCheck --pdf FILE");
            System.exit(2);
            return;
        }
        List<String> pages = new ArrayList<>();
        try (PDDocument d = Loader.loadPDF(new File(args[1]))) {
            PDFTextStripper s = new PDFTextStripper();
            for (int p = 1; p <= d.getNumberOfPages(); p++) {
                s.setStartPage(p);
                s.setEndPage(p);
                pages.add(s.getText(d));
            }
        } catch (IOException e) {
            System.err.println("pdf-check: cannot read " + args[1] + ": " + e.getMessage());
            System.exit(2);
            return;
        }
        List<String> found = check(pages);
        for (String f : found) {
            System.err.println("pdf-check: " + args[1] + ": " + f);
        }
        if (!found.isEmpty()) {
            System.err.println("pdf-check: " + found.size() + " rendering fault(s) in " + args[1]);
            System.exit(1);
            return;
        }
        System.out.println("pdf-check: " + args[1] + " (" + pages.size() + " pages) shows no caption or heading "
                + "alone at a page's end, no literal {plus} and no unexpanded ${...}");
    }

    /** @return the findings in the pages' text (page 1 first), each naming its page and line. */
    static List<String> check(List<String> pages) {
        List<String> out = new ArrayList<>();
        for (int p = 0; p < pages.size(); p++) {
            String[] lines = pages.get(p).split("\\R");
            for (String l : lines) {
                if (l.contains("{plus}")) {
                    out.add("page " + (p + 1) + ": a literal {plus}: " + l.strip());
                }
                if (l.contains("${")) {
                    out.add("page " + (p + 1) + ": an unexpanded ${...}: " + l.strip());
                }
            }
            int n = lines.length;
            while (n > 0 && (lines[n - 1].isBlank() || RUNNING.matcher(lines[n - 1].strip()).matches())) {
                n--;
            }
            String last = n > 0 ? lines[n - 1].strip() : "";
            if (last.contains(" . . ")) {
                continue; // a contents line
            }
            if (CAPTION.matcher(last).matches()) {
                out.add("page " + (p + 1) + ": the caption '" + last + "' is the last line of the page, its table "
                        + "starts on the next");
            } else if (HEADING.matcher(last).matches()) {
                out.add("page " + (p + 1) + ": the heading '" + last + "' is the last line of the page, its text "
                        + "starts on the next");
            }
        }
        return out;
    }
}
