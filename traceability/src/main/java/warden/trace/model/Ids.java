package warden.trace.model;

import java.util.regex.Pattern;

/**
 * OpenFastTrace item ids: {@code type~name~revision}, such as {@code dsn~kernel.boot~1}.
 *
 * [impl->dsn~trace.spec.reader~1]
 */
public final class Ids {
    /** The id syntax; group 1 type, 2 name, 3 revision. */
    public static final String ID = "([a-z][a-zA-Z0-9]*)~([A-Za-z0-9_.\\-]+)~(\\d+)";
    /** The whole-string id pattern. */
    public static final Pattern PATTERN = Pattern.compile(ID);

    private Ids() {
    }

    /** @return true when {@code s} is a whole id (the same as {@link #PATTERN}, without a regex). */
    public static boolean valid(String s) {
        return end(s, 0, s.length()) == s.length();
    }

    /**
     * Matches {@link #ID} at {@code from}, as far as it goes: a type, {@code ~}, a name, {@code ~} and
     * the longest run of revision digits (the greedy match of the regex).
     *
     * @return the end of the id, or -1 when none starts there
     */
    public static int end(CharSequence s, int from, int limit) {
        int i = type(s, from, limit);
        if (i < 0 || i >= limit || s.charAt(i) != '~') {
            return -1;
        }
        int nameStart = ++i;
        while (i < limit && nameChar(s.charAt(i))) { // bounded by limit
            i++;
        }
        if (i == nameStart || i >= limit || s.charAt(i) != '~') {
            return -1;
        }
        int revStart = ++i;
        while (i < limit && s.charAt(i) >= '0' && s.charAt(i) <= '9') { // bounded by limit
            i++;
        }
        return i == revStart ? -1 : i;
    }

    /** @return the end of an artifact type ({@code [a-z][a-zA-Z0-9]*}) at {@code from}, or -1. */
    public static int type(CharSequence s, int from, int limit) {
        if (from >= limit || s.charAt(from) < 'a' || s.charAt(from) > 'z') {
            return -1;
        }
        int i = from + 1;
        while (i < limit && alnum(s.charAt(i))) { // bounded by limit
            i++;
        }
        return i;
    }

    private static boolean alnum(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    private static boolean nameChar(char c) {
        return alnum(c) || c == '_' || c == '.' || c == '-';
    }

    /** @return the artifact type of a valid id. */
    public static String type(String id) {
        return id.substring(0, id.indexOf('~'));
    }

    /** @return the id without its revision. */
    public static String key(String id) {
        return id.substring(0, id.lastIndexOf('~'));
    }

    /** @return the revision of a valid id. */
    public static int revision(String id) {
        return Integer.parseInt(id.substring(id.lastIndexOf('~') + 1));
    }
}
