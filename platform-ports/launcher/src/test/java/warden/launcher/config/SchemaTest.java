package warden.launcher.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Arbitrary;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import warden.testsupport.JsonFixtures;
import warden.testsupport.JsonSchema;

/**
 * The JSON Schema and the loader agree: the schema declares exactly the keys the loader accepts,
 * forbids all others, and accepts the default system, the fixtures and random valid descriptions.
 */
class SchemaTest {
    static final String RESOURCE = "/warden/system-description.schema.json";

    static Map<String, Object> schema() {
        return JsonFixtures.resource(SchemaTest.class, RESOURCE);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> defs() {
        return (Map<String, Map<String, Object>>) (Map<String, ?>) schema().get("$defs");
    }

    // [utest->dsn~config.schema~1]
    // [utest->dsn~config.strict-keys~1]
    @Test
    @SuppressWarnings("unchecked")
    void schemaDeclaresExactlyTheKeysTheLoaderAccepts() {
        Map<String, Map<String, Object>> defs = defs();
        List<String> objectDefs = new ArrayList<>();
        defs.forEach((name, def) -> {
            if ("object".equals(def.get("type"))) {
                objectDefs.add(name);
                assertEquals(Boolean.FALSE, def.get("additionalProperties"), name);
                Map<String, Object> props = (Map<String, Object>) def.get("properties");
                assertEquals(new TreeSet<>(Keys.of(name)), new TreeSet<>(props.keySet()), name);
            }
        });
        assertEquals(new TreeSet<>(Keys.BY_DEFINITION.keySet()), new TreeSet<>(objectDefs));
        assertEquals("https://json-schema.org/draft/2020-12/schema", schema().get("$schema"));
        assertEquals("#/$defs/system", schema().get("$ref"));
    }

    // [utest->dsn~config.schema~1]
    @Test
    void everyReferenceResolves() {
        Map<String, Map<String, Object>> defs = defs();
        List<String> refs = new ArrayList<>();
        collectRefs(schema(), refs);
        assertFalse(refs.isEmpty());
        for (String r : new HashSet<>(refs)) {
            assertNotNull(defs.get(r.substring("#/$defs/".length())), r);
        }
    }

    private static void collectRefs(Object node, List<String> out) {
        if (node instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                if ("$ref".equals(k)) {
                    out.add((String) v);
                } else {
                    collectRefs(v, out);
                }
            });
        } else if (node instanceof List<?> l) {
            l.forEach(x -> collectRefs(x, out));
        }
    }

    static List<String> schemaProblems(String yaml) {
        return new JsonSchema(schema()).check(new Yaml().load(yaml));
    }

    // [utest->dsn~config.schema~1]
    // [utest->dsn~config.default-system~1]
    @Test
    void schemaAcceptsTheDefaultSystemAndTheFixtures() {
        assertEquals(List.of(), schemaProblems(DefaultSystem.text()));
        for (String f : Fixtures.VALID) {
            assertEquals(List.of(), schemaProblems(f));
        }
    }

    // [utest->dsn~config.schema~1]
    @Test
    void schemaAndLoaderBothRejectAnUnknownKeyAndAWrongType() {
        String unknown = Fixtures.FULL.replace("  seed: 42\n", "  seed: 42\n  speed: 2\n");
        assertEquals(List.of("$.run.speed: property not allowed by the schema"), schemaProblems(unknown));
        assertFalse(DescriptionLoader.parse(unknown, "t.yaml").ok());
        String wrong = Fixtures.FULL.replace("privileged: true", "privileged: 3");
        assertEquals(List.of("$.partitions[0].privileged: expected boolean, found integer 3"), schemaProblems(wrong));
        assertFalse(DescriptionLoader.parse(wrong, "t.yaml").ok());
    }

    @Provide
    Arbitrary<Gen> systems() {
        return Gen.systems(1);
    }

    // [utest->dsn~config.schema~1]
    @Property(seed = "31", tries = 100)
    void schemaAcceptsRandomValidDescriptions(@ForAll("systems") Gen g) {
        assertEquals(List.of(), schemaProblems(g.yaml()), g::yaml);
    }
}
