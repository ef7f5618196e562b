package warden.launcher.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small JSON reader for Warden's own reports and evidence files (RFC 8259 values: objects become
 * ordered maps, arrays lists, numbers {@code Long} or {@code Double}, plus strings, booleans and
 * null). Errors name the source and the character offset. The counterpart of {@link JsonWriter}.
 */
public final class JsonReader {
    private final String s;
    private final String source;
    private int i;

    private JsonReader(String s, String source) {
        this.s = s;
        this.source = source;
    }

    /** @return the object the text holds. @throws IllegalArgumentException when it is not one JSON object. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parse(String text, String source) {
        JsonReader p = new JsonReader(text, source);
        Object v = p.value();
        p.ws();
        if (p.i != text.length() || !(v instanceof Map)) {
            throw p.error("expected one JSON object");
        }
        return (Map<String, Object>) v;
    }

    /** @return the one JSON value the text holds. @throws IllegalArgumentException when it is not JSON. */
    public static Object parseValue(String text, String source) {
        JsonReader p = new JsonReader(text, source);
        Object v = p.value();
        p.ws();
        if (p.i != text.length()) {
            throw p.error("trailing text");
        }
        return v;
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException(source + ": invalid JSON at offset " + i + ": " + what);
    }

    private void ws() {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
    }

    private Object value() {
        ws();
        if (i >= s.length()) {
            throw error("unexpected end");
        }
        char c = s.charAt(i);
        switch (c) {
            case '{': return object();
            case '[': return array();
            case '"': return string();
            case 't': return word("true", Boolean.TRUE);
            case 'f': return word("false", Boolean.FALSE);
            case 'n': return word("null", null);
            default: return number();
        }
    }

    private Object word(String w, Object v) {
        if (!s.startsWith(w, i)) {
            throw error("expected " + w);
        }
        i += w.length();
        return v;
    }

    private Map<String, Object> object() {
        Map<String, Object> m = new LinkedHashMap<>();
        i++;
        ws();
        if (i < s.length() && s.charAt(i) == '}') {
            i++;
            return m;
        }
        while (true) {
            ws();
            String k = string();
            ws();
            expect(':');
            m.put(k, value());
            ws();
            if (i < s.length() && s.charAt(i) == ',') {
                i++;
            } else {
                expect('}');
                return m;
            }
        }
    }

    private List<Object> array() {
        List<Object> l = new ArrayList<>();
        i++;
        ws();
        if (i < s.length() && s.charAt(i) == ']') {
            i++;
            return l;
        }
        while (true) {
            l.add(value());
            ws();
            if (i < s.length() && s.charAt(i) == ',') {
                i++;
            } else {
                expect(']');
                return l;
            }
        }
    }

    private void expect(char c) {
        if (i >= s.length() || s.charAt(i) != c) {
            throw error("expected '" + c + "'");
        }
        i++;
    }

    private String string() {
        expect('"');
        StringBuilder b = new StringBuilder();
        while (i < s.length() && s.charAt(i) != '"') {
            char c = s.charAt(i++);
            if (c == '\\' && i < s.length()) {
                char e = s.charAt(i++);
                switch (e) {
                    case 'n': b.append('\n'); break;
                    case 't': b.append('\t'); break;
                    case 'r': b.append('\r'); break;
                    case 'u':
                        if (i + 4 > s.length()) {
                            throw error("bad \\u escape");
                        }
                        b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                        break;
                    default: b.append(e);
                }
            } else {
                b.append(c);
            }
        }
        expect('"');
        return b.toString();
    }

    private Object number() {
        int start = i;
        while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        String t = s.substring(start, i);
        try {
            return t.contains(".") || t.contains("e") || t.contains("E") ? (Object) Double.parseDouble(t)
                    : (Object) Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw error("bad number '" + t + "'");
        }
    }

    public static long l(Map<String, Object> m, String k, String source) {
        if (!(m.get(k) instanceof Long v)) {
            throw new IllegalArgumentException(source + ": field '" + k + "' must be an integer");
        }
        return v;
    }

    public static int i(Map<String, Object> m, String k, String source) {
        return (int) l(m, k, source);
    }

    public static boolean b(Map<String, Object> m, String k, String source) {
        if (!(m.get(k) instanceof Boolean v)) {
            throw new IllegalArgumentException(source + ": field '" + k + "' must be true or false");
        }
        return v;
    }

    public static String s(Map<String, Object> m, String k, String source) {
        if (!(m.get(k) instanceof String v)) {
            throw new IllegalArgumentException(source + ": field '" + k + "' must be a string");
        }
        return v;
    }
}
