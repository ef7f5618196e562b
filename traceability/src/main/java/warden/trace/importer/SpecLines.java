package warden.trace.importer;

import java.util.ArrayList;
import java.util.List;

/**
 * Line helpers of {@link SpecReader} (whose grammar is OpenFastTrace's, {@link SpecGrammar}): the
 * splitting of text into lines, a bullet for the reader's lint, and of a list into words. Each is
 * hand-written and documented with the regular expression it implements exactly ({@code \s} being
 * {@code [ \t\n\x0B\f\r]}, {@code .} any character but a line terminator); the tests compare
 * each with its expression.
 *
 * [impl->dsn~trace.spec.reader~1]
 * [impl->dsn~trace.fast-readers~1]
 */
final class SpecLines {
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
