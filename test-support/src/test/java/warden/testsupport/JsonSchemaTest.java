package warden.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tests' shared JSON parser and schema checker catch what they must, so a green schema test
 * means something.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class JsonSchemaTest {
    @SuppressWarnings("unchecked")
    private static List<String> check(String schema, String instance) {
        return new JsonSchema((Map<String, Object>) StrictJson.parse(schema)).check(StrictJson.parse(instance));
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
        assertEquals(List.of("$.z: property not allowed by the schema"),
                check(SCHEMA, "{\"a\": [], \"k\": \"x\", \"z\": 1}"));
        assertEquals(1, check(SCHEMA, "{\"a\": [1, \"2\"], \"k\": \"x\"}").size());
        assertTrue(check(SCHEMA, "{\"a\": [1, \"2\"], \"k\": \"x\"}").get(0).startsWith("$.a[1]: expected integer"));
        assertTrue(check(SCHEMA, "{\"a\": [1.5], \"k\": \"x\"}").get(0).startsWith("$.a[0]: expected integer"));
        assertTrue(check(SCHEMA, "{\"a\": [-1], \"k\": \"x\"}").get(0).startsWith("$.a[0]: -1 is below"));
        assertTrue(check(SCHEMA, "{\"a\": [], \"k\": \"y\"}").get(0).startsWith("$.k: expected the constant"));
        assertTrue(check(SCHEMA, "{\"a\": [], \"k\": \"x\", \"e\": \"r\"}").get(0)
                .startsWith("$.e: the string 'r' is not one of"));
        assertTrue(check(SCHEMA, "{\"a\": [], \"k\": \"x\", \"s\": 3}").get(0)
                .startsWith("$.s: expected [string, null]"));
        assertTrue(check(SCHEMA, "[]").get(0).startsWith("$: expected object"));
    }

    @Test
    void a_pattern_property_is_checked_against_its_schema_and_is_not_an_additional_one() {
        String schema = "{\"type\": \"object\", \"additionalProperties\": false, \"properties\": {\"a\": {}},"
                + " \"patternProperties\": {\"^x[0-9]$\": {\"type\": \"integer\"}}}";
        assertEquals(List.of(), check(schema, "{\"a\": 1, \"x1\": 2}"));
        assertEquals(List.of("$.x2: expected integer, found the string 'b'"), check(schema, "{\"x2\": \"b\"}"));
        assertEquals(List.of("$.x10: property not allowed by the schema"), check(schema, "{\"x10\": 1}"));
    }

    @Test
    void a_keyword_the_checker_does_not_know_is_a_problem_not_ignored() {
        assertEquals(List.of("$: the schema uses keyword 'anyOf' which this checker does not know"),
                check("{\"anyOf\": []}", "1"));
    }

    @Test
    void the_parser_refuses_what_json_does_not_allow() {
        for (String bad : List.of("", "{", "[1,]", "{\"a\":1,}", "01", "1.", "\"a\nb\"", "{\"a\":1,\"a\":2}",
                "tru", "[1] x", "'a'", "NaN", "{a:1}")) {
            assertThrows(IllegalArgumentException.class, () -> StrictJson.parse(bad), bad);
        }
        assertEquals(List.of("é\n", -1.5e3, true), List.of(StrictJson.parse("\"\\u00e9\\n\""),
                ((java.math.BigDecimal) StrictJson.parse("-1.5e3")).doubleValue(), StrictJson.parse("true")));
    }

    @Test
    void the_keywords_of_the_system_description_schema_are_checked_too() {
        String schema = """
                {"type": "object", "properties": {
                   "n": {"type": "integer", "maximum": 4, "exclusiveMaximum": 4},
                   "s": {"type": "string", "minLength": 2},
                   "u": {"type": "array", "uniqueItems": true},
                   "o": {"oneOf": [{"type": "string"}, {"type": "integer", "minimum": 0}]}}}
                """;
        assertEquals(List.of(), check(schema, "{\"n\": 3, \"s\": \"ab\", \"u\": [1, 2], \"o\": 0}"));
        assertEquals(List.of("$.n: 5 is above the maximum 4", "$.n: 5 is not below the exclusive maximum 4"),
                check(schema, "{\"n\": 5}"));
        assertEquals(List.of("$.s: 'a' is shorter than 2 characters"), check(schema, "{\"s\": \"a\"}"));
        assertEquals(List.of("$.u: items not unique"), check(schema, "{\"u\": [1, 1]}"));
        assertEquals(List.of("$.o: biginteger -1 matches 0 of the oneOf alternatives, exactly 1 expected"),
                check(schema, "{\"o\": -1}"));
        assertEquals(List.of("$.i: expected integer, found double 1.5"), new JsonSchema(Map.of("properties",
                Map.of("i", Map.of("type", "integer")))).check(Map.of("i", 1.5)));
        assertEquals(List.of(), new JsonSchema(Map.of("properties", Map.of("i", Map.of("type", "integer"))))
                .check(Map.of("i", 7L)));
    }

    @Test
    void fixtures_name_the_file_that_is_not_json(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("x.json"), "{\"a\": [1, 2]}");
        assertEquals(Map.of("a", List.of(BigInteger.ONE, BigInteger.TWO)), JsonFixtures.objectFile(f));
        Files.writeString(f, "{\"a\": ");
        AssertionError e = assertThrows(AssertionError.class, () -> JsonFixtures.file(f));
        assertTrue(e.getMessage().startsWith(f + " is not JSON: JSON: unexpected end"), e.getMessage());
        assertThrows(AssertionError.class, () -> JsonFixtures.resource(JsonSchemaTest.class, "/no/such.json"));
    }
}
