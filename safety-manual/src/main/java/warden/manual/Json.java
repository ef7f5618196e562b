package warden.manual;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import warden.launcher.report.JsonReader;

/**
 * Tolerant access to the evidence files (trace, campaign, restricted-Java reports), parsed by the
 * launcher's {@link JsonReader}: a missing or mistyped field reads as empty, zero or null, so that
 * the manual shows what is there and says what is missing.
 */
final class Json {
    private Json() {
    }

    /** @throws IllegalArgumentException with the offset, when the text is not JSON. */
    static Object parse(String text) {
        return JsonReader.parseValue(text, "evidence");
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
}
