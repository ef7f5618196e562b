package warden.trace;

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

    /** @return true when {@code s} is a whole id. */
    public static boolean valid(String s) {
        return PATTERN.matcher(s).matches();
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
