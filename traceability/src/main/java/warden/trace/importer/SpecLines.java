package warden.trace.importer;

import java.util.ArrayList;
import java.util.List;

/**
 * The line matchers of {@link SpecReader}: which OpenFastTrace Markdown line is a heading, an id
 * line, a field or a bullet, and the splitting of text into lines and of a field into words. Each is
 * hand-written and documented with the regular expression it implements exactly ({@code \s} being
 * {@code [ \t\n\x0B\f\r]}, {@code .} any character but a line terminator); the tests compare
 * each with its expression.
 *
 * [impl->dsn~trace.spec.reader~1]
 * [impl->dsn~trace.fast-readers~1]
 */
final class SpecLines {
    private static final List<String> FIELDS = List.of("Needs", "Covers", "Depends", "Tags", "Status",
            "Verification", "Rationale", "Decomposition");

    private SpecLines() {
    }

    /** @return the lines of a text split at \n, \r and \r\n, as {@code Files.readAllLines} gives them. */
    static List<String> lines(String text) {
        List<String> out = new ArrayList<>(text.length() / 32 + 1);
        int s = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) { // bounded by the text
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                out.add(text.substring(s, i));
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                s = i + 1;
            }
        }
        if (s < n) {
            out.add(text.substring(s));
        }
        return out;
    }

    static boolean fence(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') { // bounded by the line
            i++;
        }
        return line.startsWith("```", i);
    }

    /** {@code ^#{1,6}\s+(\S.*)$}: @return group 1, or null when the line is no heading. */
    static String heading(String line) {
        int i = 0;
        while (i < line.length() && i < 7 && line.charAt(i) == '#') { // at most 7 characters
            i++;
        }
        if (i == 0 || i > 6 || i >= line.length() || !space(line.charAt(i))) {
            return null;
        }
        while (i < line.length() && space(line.charAt(i))) { // bounded by the line
            i++;
        }
        return i < line.length() && !terminator(line, i + 1) ? line.substring(i) : null; // \S matches U+2028
    }

    /** {@code ^\s*`([^`]*~[^`]*)`\s*$}: @return group 1, or null. */
    static String idLine(String line) {
        int a = 0;
        int b = line.length();
        while (a < b && space(line.charAt(a))) { // bounded by the line
            a++;
        }
        while (b > a && space(line.charAt(b - 1))) { // bounded by the line
            b--;
        }
        if (b - a < 2 || line.charAt(a) != '`' || line.charAt(b - 1) != '`') {
            return null;
        }
        String inner = line.substring(a + 1, b - 1);
        return inner.indexOf('`') < 0 && inner.indexOf('~') >= 0 ? inner : null;
    }

    /** {@code ^(Needs|Covers|...|Decomposition):\s*(.*)$}: @return group 1, or null. */
    static String fieldKey(String line) {
        int colon = line.indexOf(':');
        for (String f : FIELDS) {
            if (colon == f.length() && line.startsWith(f)) {
                return terminator(line, colon + 1) ? null : f;
            }
        }
        return null;
    }

    /** {@code ^\s*[*+-]\s+(.*)$}: @return group 1, or null when the line is no bullet. */
    static String bullet(String line) {
        int i = 0;
        while (i < line.length() && space(line.charAt(i))) { // bounded by the line
            i++;
        }
        if (i >= line.length() || "*+-".indexOf(line.charAt(i)) < 0) {
            return null;
        }
        i++;
        int s = i;
        while (i < line.length() && space(line.charAt(i))) { // bounded by the line
            i++;
        }
        return i == s || terminator(line, i) ? null : line.substring(i);
    }

    /** @return true for the characters of the regex class {@code \s}. */
    static boolean space(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    /** @return true when a line terminator (which {@code .} does not match) lies at or after {@code from}. */
    static boolean terminator(String line, int from) {
        for (int i = from; i < line.length(); i++) { // bounded by the line
            char c = line.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return true;
            }
        }
        return false;
    }

    /** @return the non-empty pieces between runs of commas and white space ({@code split("[,\\s]+")}). */
    static List<String> words(String value) {
        List<String> out = new ArrayList<>(4);
        int i = 0;
        while (i < value.length()) { // bounded by the value
            while (i < value.length() && (value.charAt(i) == ',' || space(value.charAt(i)))) { // bounded
                i++;
            }
            int s = i;
            while (i < value.length() && value.charAt(i) != ',' && !space(value.charAt(i))) { // bounded
                i++;
            }
            if (i > s) {
                out.add(value.substring(s, i));
            }
        }
        return out;
    }
}
