package warden.trace.importer;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits Java source into identifier and symbol tokens with their lines and offsets, skipping string
 * and character literals and text blocks, and records the comments apart (a tag annotates by the
 * comment it stands in). Just enough for {@link JavaScopes}; not a compiler.
 *
 * [impl->dsn~trace.tags.scope~2]
 */
final class JavaLexer {
    /** A token: its text, its 1-based line and its offset in the source. */
    record Token(String text, int line, int offset) {
        boolean is(String s) {
            return text.equals(s);
        }

        boolean ident() {
            return Character.isJavaIdentifierStart(text.charAt(0));
        }
    }

    /**
     * A comment: its offsets (end exclusive), its first and last line, whether it is a documentation
     * comment, and whether code precedes it on its first line (a trailing comment).
     */
    record Comment(int start, int end, int line, int endLine, boolean doc, boolean trailing) {
    }

    /** The tokens and comments of a source. */
    record Lexed(List<Token> tokens, List<Comment> comments) {
    }

    /** Symbol tokens' texts, one string each. */
    private static final String[] SYMBOLS = symbols();

    private final String src;
    private final List<Token> out;
    private final List<Comment> comments = new ArrayList<>();
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
        return lex(src).tokens();
    }

    static Lexed lex(String src) {
        JavaLexer l = new JavaLexer(src);
        l.run();
        return new Lexed(l.out, l.comments);
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
                comment(false, "\n", false);
            } else if (src.startsWith("/*", pos)) {
                comment(src.startsWith("/**", pos) && !src.startsWith("/**/", pos), "*/", true);
            } else if (src.startsWith("\"\"\"", pos)) {
                pos += 3;
                skipTo("\"\"\"", true);
            } else if (c == '"' || c == '\'') {
                literal(c);
            } else if (Character.isJavaIdentifierPart(c)) {
                word();
            } else {
                out.add(new Token(c < SYMBOLS.length ? SYMBOLS[c] : String.valueOf(c), line, pos));
                pos++;
            }
        }
    }

    private void comment(boolean doc, String end, boolean consume) {
        int start = pos;
        int first = line;
        boolean trailing = !out.isEmpty() && out.get(out.size() - 1).line() == line;
        pos += 2;
        skipTo(end, consume);
        comments.add(new Comment(start, pos, first, line, doc, trailing));
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
        int at = pos;
        pos++;
        while (pos < src.length() && src.charAt(pos) != quote && src.charAt(pos) != '\n') { // bounded
            pos += src.charAt(pos) == '\\' ? 2 : 1;
        }
        pos++;
        out.add(new Token("0", start, at));
    }

    private void word() {
        int s = pos;
        int h = 0;
        while (pos < src.length() && Character.isJavaIdentifierPart(src.charAt(pos))) { // bounded
            h = 31 * h + src.charAt(pos);
            pos++;
        }
        out.add(new Token(intern(s, pos, h), line, s));
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
