package warden.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** The test's own JSON parser and schema checker catch what they must, so a green schema test means something. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MiniSchemaTest {
    @SuppressWarnings("unchecked")
    private static List<String> check(String schema, String instance) {
        return new MiniSchema((Map<String, Object>) MiniJson.parse(schema)).check(MiniJson.parse(instance));
    }

    private static final String SCHEMA = """
            {"type": "object", "additionalProperties": false, "required": ["a", "k"],
             "properties": {"a": {"type": "array", "items": {"$ref": "#/$defs/n"}},
                            "k": {"const": "x"}, "e": {"enum": ["p", "q"]}, "s": {"type": ["string", "null"]}},
             "$defs": {"n": {"type": "integer", "minimum": 0}}}
            """;

    @Test
    void a_conforming_instance_has_no_problem() {
        assertEquals(List.of(), check(SCHEMA, "{\"a\": [0, 1, 2], \"k\": \"x\", \"e\": \"q\", \"s\": null}"));
    }

    @Test
    void each_broken_rule_is_reported_at_its_path() {
        assertEquals(List.of("$: missing required property 'k'"), check(SCHEMA, "{\"a\": []}"));
        assertEquals(List.of("$.z: property not allowed by the schema"), check(SCHEMA, "{\"a\": [], \"k\": \"x\", \"z\": 1}"));
        assertEquals(1, check(SCHEMA, "{\"a\": [1, \"2\"], \"k\": \"x\"}").size());
        assertTrue(check(SCHEMA, "{\"a\": [1, \"2\"], \"k\": \"x\"}").get(0).startsWith("$.a[1]: expected integer"));
        assertTrue(check(SCHEMA, "{\"a\": [1.5], \"k\": \"x\"}").get(0).startsWith("$.a[0]: expected integer"));
        assertTrue(check(SCHEMA, "{\"a\": [-1], \"k\": \"x\"}").get(0).startsWith("$.a[0]: -1 is below"));
        assertTrue(check(SCHEMA, "{\"a\": [], \"k\": \"y\"}").get(0).startsWith("$.k: expected the constant"));
        assertTrue(check(SCHEMA, "{\"a\": [], \"k\": \"x\", \"e\": \"r\"}").get(0).startsWith("$.e: the string 'r' is not one of"));
        assertTrue(check(SCHEMA, "{\"a\": [], \"k\": \"x\", \"s\": 3}").get(0).startsWith("$.s: expected [string, null]"));
        assertTrue(check(SCHEMA, "[]").get(0).startsWith("$: expected object"));
    }

    @Test
    void a_keyword_the_checker_does_not_know_is_a_problem_not_ignored() {
        assertEquals(List.of("$: the schema uses keyword 'oneOf' which this checker does not know"),
                check("{\"oneOf\": []}", "1"));
    }

    @Test
    void the_parser_refuses_what_json_does_not_allow() {
        for (String bad : List.of("", "{", "[1,]", "{\"a\":1,}", "01", "1.", "\"a\nb\"", "{\"a\":1,\"a\":2}",
                "tru", "[1] x", "'a'", "NaN", "{a:1}")) {
            assertThrows(IllegalArgumentException.class, () -> MiniJson.parse(bad), bad);
        }
        assertEquals(List.of("é\n", -1.5e3, true), List.of(MiniJson.parse("\"\\u00e9\\n\""),
                ((java.math.BigDecimal) MiniJson.parse("-1.5e3")).doubleValue(), MiniJson.parse("true")));
    }
}
