package warden.trace.importer;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits Java source into identifier and symbol tokens with their lines, skipping comments, string
 * and character literals and text blocks. Just enough for {@link JavaScopes}; not a compiler.
 *
 * [impl->dsn~trace.tags.scope~1]
 */
final class JavaLexer {
    /** A token: its text and its 1-based line. */
    record Token(String text, int line) {
        boolean is(String s) {
            return text.equals(s);
        }

        boolean ident() {
            return Character.isJavaIdentifierStart(text.charAt(0));
        }
    }

    /** Symbol tokens' texts, one string each. */
    private static final String[] SYMBOLS = symbols();

    private final String src;
    private final List<Token> out;
    private final String[] words = new String[1024];
    private int wordCount;
    private int pos;
    private int line = 1;

    private JavaLexer(String src) {
        this.src = src;
        this.out = new ArrayList<>(src.length() / 6 + 16);
    }

    private static String[] symbols() {
        String[] t = new String[128];
        for (char c = 0; c < t.length; c++) {
            t[c] = String.valueOf(c);
        }
        return t;
    }

    static List<Token> tokens(String src) {
        JavaLexer l = new JavaLexer(src);
        l.run();
        return l.out;
    }

    private void run() {
        int n = src.length();
        while (pos < n) { // each step consumes at least one character
            char c = src.charAt(pos);
            if (c == '\n') {
                line++;
                pos++;
            } else if (Character.isWhitespace(c)) {
                pos++;
            } else if (src.startsWith("//", pos)) {
                skipTo("\n", false);
            } else if (src.startsWith("/*", pos)) {
                pos += 2;
                skipTo("*/", true);
            } else if (src.startsWith("\"\"\"", pos)) {
                pos += 3;
                skipTo("\"\"\"", true);
            } else if (c == '"' || c == '\'') {
                literal(c);
            } else if (Character.isJavaIdentifierPart(c)) {
                word();
            } else {
                out.add(new Token(c < SYMBOLS.length ? SYMBOLS[c] : String.valueOf(c), line));
                pos++;
            }
        }
    }

    private void skipTo(String end, boolean consume) {
        int i = src.indexOf(end, pos);
        int stop = i < 0 ? src.length() : i;
        for (int k = pos; k < stop; k++) { // bounded by the source length
            if (src.charAt(k) == '\n') {
                line++;
            }
        }
        pos = i < 0 ? src.length() : (consume ? i + end.length() : i);
    }

    private void literal(char quote) {
        int start = line;
        pos++;
        while (pos < src.length() && src.charAt(pos) != quote && src.charAt(pos) != '\n') { // bounded
            pos += src.charAt(pos) == '\\' ? 2 : 1;
        }
        pos++;
        out.add(new Token("0", start));
    }

    private void word() {
        int s = pos;
        int h = 0;
        while (pos < src.length() && Character.isJavaIdentifierPart(src.charAt(pos))) { // bounded
            h = 31 * h + src.charAt(pos);
            pos++;
        }
        out.add(new Token(intern(s, pos, h), line));
    }

    /** @return the word from s to e, one string per distinct word of the file (keywords and names repeat). */
    private String intern(int s, int e, int hash) {
        int slot = hash & (words.length - 1);
        for (int probe = 0; probe < words.length; probe++) { // bounded by the table
            String w = words[slot];
            if (w == null) {
                String fresh = src.substring(s, e);
                if (wordCount < words.length / 2) {
                    words[slot] = fresh;
                    wordCount++;
                }
                return fresh;
            }
            if (w.length() == e - s && src.regionMatches(s, w, 0, e - s)) {
                return w;
            }
            slot = (slot + 1) & (words.length - 1);
        }
        return src.substring(s, e);
    }
}
