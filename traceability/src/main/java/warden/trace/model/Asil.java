package warden.trace.model;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ASIL as ISO 26262 writes it: {@code QM}, {@code ASIL-A} to {@code ASIL-D}, or a decomposed
 * level such as {@code ASIL-B(C)} (level B, decomposed from C). Immutable.
 *
 * <p>Decomposition (ISO 26262-9, clause 5): D = C(D)+A(D) = B(D)+B(D) = D(D)+QM(D);
 * C = B(C)+A(C) = C(C)+QM(C); B = A(B)+A(B) = B(B)+QM(B); A = A(A)+QM(A). Two levels form a valid
 * pair exactly when both name the same original level and their sum equals it (QM = 0, A = 1 ... D = 4),
 * except that D(D)+QM(D) and similar "full + QM" pairs are written as level + 0.
 *
 * [impl->dsn~trace.asil~1]
 */
public record Asil(int level, int of) implements Comparable<Asil> {
    /** Quality management, no ASIL. */
    public static final Asil QM = new Asil(0, -1);
    private static final String NAMES = "QABCD";
    private static final Pattern TAG = Pattern.compile("(?:QM|ASIL_([ABCD]))(?:_of_([ABCD]))?");
    private static final Pattern TEXT = Pattern.compile(
            "(?:ASIL[-_ ]?)?([ABCD]|QM)(?:\\s*\\(\\s*(?:ASIL[-_ ]?)?([ABCD])\\s*\\))?", Pattern.CASE_INSENSITIVE);

    /**
     * @param text {@code QM}, {@code ASIL-C}, {@code ASIL-B(C)}, {@code QM(D)}, case-insensitive
     * @return the ASIL, or null when the text is not one
     */
    public static Asil parse(String text) {
        Matcher m = TEXT.matcher(text.trim());
        if (!m.matches()) {
            return null;
        }
        int level = levelOf(m.group(1));
        int of = m.group(2) == null ? -1 : levelOf(m.group(2));
        if (of >= 0 && level > of) {
            return null;
        }
        return new Asil(level, of);
    }

    /**
     * @param tag an ASIL as an OpenFastTrace tag ({@code \w+}): {@code QM}, {@code ASIL_C}, or decomposed
     *     {@code ASIL_B_of_D}, {@code QM_of_C}
     * @return the ASIL, or null when the tag is not one in exactly that form
     */
    public static Asil parseTag(String tag) {
        Matcher m = TAG.matcher(tag);
        if (!m.matches()) {
            return null;
        }
        int level = m.group(1) == null ? 0 : NAMES.indexOf(m.group(1).charAt(0));
        int of = m.group(2) == null ? -1 : NAMES.indexOf(m.group(2).charAt(0));
        return of >= 0 && level > of ? null : new Asil(level, of);
    }

    /** @return this ASIL as an OpenFastTrace tag ({@link #parseTag} reads it back). */
    public String tag() {
        String l = level == 0 ? "QM" : "ASIL_" + NAMES.charAt(level);
        return of < 0 ? l : l + "_of_" + NAMES.charAt(of);
    }

    /** @return true when the text looks like an attempt to name an ASIL (starts with ASIL or is QM...). */
    public static boolean looksLikeAsil(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        return t.startsWith("ASIL") || t.equals("QM") || t.startsWith("QM(");
    }

    private static int levelOf(String s) {
        String u = s.toUpperCase(Locale.ROOT);
        return u.equals("QM") ? 0 : NAMES.indexOf(u.charAt(0));
    }

    /** @return true when this level is part of a decomposition ({@code X(Y)}). */
    public boolean decomposed() {
        return of >= 0;
    }

    /** @return the level whose requirements this one must meet before decomposition. */
    public int origin() {
        return of >= 0 ? of : level;
    }

    /** @return the letter: QM, A, B, C or D. */
    public String letter() {
        return level == 0 ? "QM" : String.valueOf(NAMES.charAt(level));
    }

    /**
     * @return true when {@code a} and {@code b} are a valid decomposition pair of {@code parent}'s level
     */
    public static boolean validPair(Asil a, Asil b, int parent) {
        return validPair(a, b, parent, parent);
    }

    /**
     * @return true when {@code a} and {@code b} decompose level {@code parent}, itself decomposed
     *     from {@code origin} (equal to parent for a first decomposition); both carry (origin)
     */
    public static boolean validPair(Asil a, Asil b, int parent, int origin) {
        if (a.of != origin || b.of != origin) {
            return false;
        }
        int hi = Math.max(a.level, b.level);
        int lo = Math.min(a.level, b.level);
        return hi == parent && lo == 0 || hi + lo == parent && lo > 0;
    }

    @Override
    public int compareTo(Asil o) {
        return Integer.compare(level, o.level);
    }

    @Override
    public String toString() {
        return level >= 0 && level < 5 && of >= -1 && of < 5 ? TEXTS[level][of + 1] : text(level, of);
    }

    /** Every level's text, decomposed or not, written once (reports print one per item and link). */
    private static final String[][] TEXTS = texts();

    private static String[][] texts() {
        String[][] t = new String[5][6];
        for (int l = 0; l < 5; l++) {
            for (int o = -1; o < 5; o++) {
                t[l][o + 1] = text(l, o);
            }
        }
        return t;
    }

    private static String text(int level, int of) {
        String base = level == 0 ? "QM" : "ASIL-" + NAMES.charAt(level);
        return of < 0 ? base : base + "(" + NAMES.charAt(of) + ")";
    }
}
