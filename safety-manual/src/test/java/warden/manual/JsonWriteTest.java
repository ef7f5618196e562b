package warden.manual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON writer the browser check's DevTools messages use, read back by the reader. */
class JsonWriteTest {
    // [utest->dsn~manual.browser-check~1]
    @Test
    void whatIsWrittenReadsBackTheSame() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", 7L);
        m.put("method", "Runtime.evaluate");
        m.put("params", Map.of("expression", "a\"b\\c\nd\te\u0001 \u00e9", "returnByValue", true));
        m.put("list", Arrays.asList(1L, 2.5, null, "x", List.of()));
        String text = Json.write(m);
        assertTrue(text.startsWith("{\"id\":7,\"method\":\"Runtime.evaluate\",\"params\":{"), text);
        assertEquals(m, Json.parse(text));
        assertEquals("\"a\\\"b\\\\c\\nd\\te\\u0001 \u00e9\"", Json.write("a\"b\\c\nd\te\u0001 \u00e9"));
    }

    // [utest->dsn~manual.browser-check~1]
    @Test
    void whatJsonCannotSayIsRefused() {
        assertEquals("no JSON for the number NaN",
                assertThrows(IllegalArgumentException.class, () -> Json.write(Double.NaN)).getMessage());
        assertEquals("no JSON for a java.lang.Object",
                assertThrows(IllegalArgumentException.class, () -> Json.write(new Object())).getMessage());
    }
}
