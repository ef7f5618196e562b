package warden.manual;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the evidence files (trace, campaign, default-system reports) and gives tolerant access to
 * them. {@link #parse} is strict: text that is not JSON is an {@link IllegalArgumentException}
 * naming the offset and what was wrong. Objects keep their key order, integers are {@code Long},
 * other numbers {@code Double}. The accessors are tolerant: a missing or mistyped field reads as
 * empty, zero or null, so that the manual shows what is there and says what is missing.
 * {@link #write} is the other way, for the browser check's DevTools messages.
 */
final class Json {
    private static final int MAX_DEPTH = 256;

    private final String text;
    private int at;

    private Json(String text) {
        this.text = text;
    }

    /** @throws IllegalArgumentException with the offset, when the text is not JSON. */
    static Object parse(String text) {
        Json p = new Json(text);
        Object v = p.value(0);
        p.skipBlanks();
        if (p.at < text.length()) {
            throw p.fail("text after the value");
        }
        return v;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Object o) {
        return o instanceof Map ? (Map<String, Object>) o : Map.of();
    }

    static List<Object> list(Object o) {
        return o instanceof List<?> l ? new ArrayList<>(l) : List.of();
    }

    static long num(Object o, long otherwise) {
        if (o instanceof Number n) {
            return n.longValue();
        }
        if (o instanceof String t) {
            try {
                return Math.round(Double.parseDouble(t));
            } catch (NumberFormatException e) {
                return otherwise;
            }
        }
        return otherwise;
    }

    static String str(Object o) {
        return o == null ? "" : String.valueOf(o);
    }

    /**
     * @return {@code v} as JSON text: a {@link Map} (string keys) as an object, a {@link List} as an
     *     array, a {@link String}, {@link Number} or {@link Boolean} as itself, null as null
     * @throws IllegalArgumentException for any other value
     */
    static String write(Object v) {
        StringBuilder b = new StringBuilder();
        write(b, v, 0);
        return b.toString();
    }

    private static void write(StringBuilder b, Object v, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("nesting deeper than " + MAX_DEPTH);
        }
        if (v == null || v instanceof Boolean || v instanceof Long || v instanceof Integer) {
            b.append(v);
        } else if (v instanceof Number n) {
            double d = n.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("no JSON for the number " + d);
            }
            b.append(d);
        } else if (v instanceof String s) {
            quote(b, s);
        } else if (v instanceof Map<?, ?> m) {
            b.append('{');
            String sep = "";
            for (Map.Entry<?, ?> e : m.entrySet()) {
                quote(b.append(sep), String.valueOf(e.getKey()));
                write(b.append(':'), e.getValue(), depth + 1);
                sep = ",";
            }
            b.append('}');
        } else if (v instanceof List<?> l) {
            b.append('[');
            String sep = "";
            for (Object o : l) {
                write(b.append(sep), o, depth + 1);
                sep = ",";
            }
            b.append(']');
        } else {
            throw new IllegalArgumentException("no JSON for a " + v.getClass().getName());
        }
    }

    private static void quote(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int simple = "\"\\\b\f\n\r\t".indexOf(c);
            if (simple >= 0) {
                b.append('\\').append("\"\\bfnrt".charAt(simple));
            } else if (c < ' ') {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        b.append('"');
    }

    private IllegalArgumentException fail(String what) {
        return new IllegalArgumentException(what + " at offset " + at);
    }

    private void skipBlanks() {
        while (at < text.length() && (text.charAt(at) == ' ' || text.charAt(at) == '\n' || text.charAt(at) == '\r'
                || text.charAt(at) == '\t')) {
            at++;
        }
    }

    private char next() {
        skipBlanks();
        if (at >= text.length()) {
            throw fail("unexpected end of the text");
        }
        return text.charAt(at);
    }

    private Object value(int depth) {
        if (depth > MAX_DEPTH) {
            throw fail("nesting deeper than " + MAX_DEPTH);
        }
        char c = next();
        if (c == '{') {
            return members(depth);
        }
        if (c == '[') {
            return elements(depth);
        }
        if (c == '"') {
            return string();
        }
        if (c == '-' || c >= '0' && c <= '9') {
            return number();
        }
        for (String literal : new String[] {"true", "false", "null"}) {
            if (text.startsWith(literal, at)) {
                at += literal.length();
                return "null".equals(literal) ? null : Boolean.valueOf(literal);
            }
        }
        throw fail("unexpected character '" + c + "'");
    }

    private Map<String, Object> members(int depth) {
        Map<String, Object> m = new LinkedHashMap<>();
        at++;
        if (next() == '}') {
            at++;
            return m;
        }
        while (true) {
            if (next() != '"') {
                throw fail("a member name expected");
            }
            String name = string();
            if (next() != ':') {
                throw fail("':' expected after \"" + name + "\"");
            }
            if (m.containsKey(name)) {
                throw fail("member \"" + name + "\" given twice");
            }
            at++;
            m.put(name, value(depth + 1));
            char c = next();
            at++;
            if (c == '}') {
                return m;
            }
            if (c != ',') {
                throw fail("',' or '}' expected");
            }
        }
    }

    private List<Object> elements(int depth) {
        List<Object> l = new ArrayList<>();
        at++;
        if (next() == ']') {
            at++;
            return l;
        }
        while (true) {
            l.add(value(depth + 1));
            char c = next();
            at++;
            if (c == ']') {
                return l;
            }
            if (c != ',') {
                throw fail("',' or ']' expected");
            }
        }
    }

    private String string() {
        StringBuilder b = new StringBuilder();
        at++;
        while (true) {
            if (at >= text.length()) {
                throw fail("unterminated string");
            }
            char c = text.charAt(at++);
            if (c == '"') {
                return b.toString();
            }
            if (c < ' ') {
                throw fail("control character in a string");
            }
            b.append(c == '\\' ? escape() : c);
        }
    }

    private char escape() {
        if (at >= text.length()) {
            throw fail("unterminated escape");
        }
        char e = text.charAt(at++);
        int simple = "\"\\/bfnrt".indexOf(e);
        if (simple >= 0) {
            return "\"\\/\b\f\n\r\t".charAt(simple);
        }
        if (e != 'u' || at + 4 > text.length()) {
            throw fail("bad escape");
        }
        try {
            char u = (char) Integer.parseInt(text.substring(at, at + 4), 16);
            at += 4;
            return u;
        } catch (NumberFormatException x) {
            throw fail("bad \\u escape");
        }
    }

    private Object number() {
        int start = at;
        while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
        String t = text.substring(start, at);
        try {
            boolean integral = t.indexOf('.') < 0 && t.indexOf('e') < 0 && t.indexOf('E') < 0;
            return integral ? (Object) Long.parseLong(t) : (Object) Double.parseDouble(t);
        } catch (NumberFormatException e) {
            at = start;
            throw fail("bad number '" + t + "'");
        }
    }
}
