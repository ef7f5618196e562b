package warden.trace.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A strict little JSON parser for the tests: objects, arrays, strings, numbers, literals. */
final class MiniJson {
    private final String s;
    private int i;

    MiniJson(String s) {
        this.s = s;
    }

    Object parse() {
        Object v = value();
        ws();
        if (i != s.length()) {
            throw new IllegalArgumentException("trailing text at " + i);
        }
        return v;
    }

    private Object value() {
        ws();
        char c = s.charAt(i);
        if (c == '{') {
            return object();
        } else if (c == '[') {
            return array();
        } else if (c == '"') {
            return string();
        } else if (s.startsWith("true", i) || s.startsWith("null", i)) {
            i += 4;
            return s.startsWith("true", i - 4) ? Boolean.TRUE : null;
        } else if (s.startsWith("false", i)) {
            i += 5;
            return Boolean.FALSE;
        }
        int start = i;
        while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        return Double.parseDouble(s.substring(start, i));
    }

    private Map<String, Object> object() {
        Map<String, Object> m = new LinkedHashMap<>();
        i++;
        ws();
        if (s.charAt(i) == '}') {
            i++;
            return m;
        }
        do {
            ws();
            String k = string();
            ws();
            expect(':');
            m.put(k, value());
            ws();
        } while (s.charAt(i++) == ',');
        if (s.charAt(i - 1) != '}') {
            throw new IllegalArgumentException("expected } at " + i);
        }
        return m;
    }

    private List<Object> array() {
        List<Object> l = new ArrayList<>();
        i++;
        ws();
        if (s.charAt(i) == ']') {
            i++;
            return l;
        }
        do {
            l.add(value());
            ws();
        } while (s.charAt(i++) == ',');
        if (s.charAt(i - 1) != ']') {
            throw new IllegalArgumentException("expected ] at " + i);
        }
        return l;
    }

    private String string() {
        expect('"');
        StringBuilder b = new StringBuilder();
        while (s.charAt(i) != '"') {
            char c = s.charAt(i++);
            if (c < 0x20) {
                throw new IllegalArgumentException("control character in string at " + i);
            }
            if (c == '\\') {
                char e = s.charAt(i++);
                b.append(switch (e) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    case 'u' -> (char) Integer.parseInt(s.substring(i, i += 4), 16);
                    default -> e;
                });
            } else {
                b.append(c);
            }
        }
        i++;
        return b.toString();
    }

    private void expect(char c) {
        if (s.charAt(i++) != c) {
            throw new IllegalArgumentException("expected " + c + " at " + i);
        }
    }

    private void ws() {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
    }
}
