package warden.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import warden.launcher.report.RunReportJson;
import warden.testsupport.JsonFixtures;
import warden.testsupport.JsonSchema;
import warden.testsupport.StrictJson;

/**
 * The --json report conforms to {@code warden/run-report.schema.json}, which describes exactly the
 * report (no property the report lacks, none it has that the schema does not list), and the
 * --trace file is Chrome trace-event JSON.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RunReportSchemaTest {
    static final String RESOURCE = "/warden/run-report.schema.json";

    @TempDir
    Path dir;

    static Map<String, Object> schema() {
        return JsonFixtures.objectFile(Repo.root().resolve("platform-ports/launcher/src/main/resources" + RESOURCE));
    }

    private Object report(String... args) throws IOException {
        Path json = dir.resolve("report.json");
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--json", json.toString()));
        Cli.Outcome o = Cli.run(all.toArray(new String[0]));
        assertTrue(o.code() == 0 || o.code() == 1, o.toString());
        return JsonFixtures.file(json);
    }

    // [utest->dsn~cli.run.json~1]
    // [utest->req~scenario.run-report~1]
    @Test
    void the_report_of_the_default_system_conforms_to_the_schema() throws IOException {
        Object report = report("run");
        assertEquals(List.of(), new JsonSchema(schema()).check(report));
    }

    // [utest->dsn~cli.run.json~1]
    // [utest->req~scenario.run-report~1]
    @Test
    void the_report_of_a_probe_system_conforms_to_the_schema() throws IOException {
        Object report = report("run", Systems.fixture("probe-shared-hart.yaml").toString());
        assertEquals(List.of(), new JsonSchema(schema()).check(report));
        @SuppressWarnings("unchecked")
        Map<String, Object> r = (Map<String, Object>) report;
        assertFalse(((List<?>) r.get("probes")).isEmpty());
        assertFalse(((List<?>) r.get("violations")).isEmpty());
    }

    // [utest->dsn~cli.run.json~1]
    // [utest->req~scenario.run-report~1]
    @Test
    void the_report_of_a_failing_run_conforms_to_the_schema_and_says_it_failed() throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> r = (Map<String, Object>) report("run", Systems.fixture("probe-wrong-expect.yaml")
                .toString());
        assertEquals(List.of(), new JsonSchema(schema()).check(r));
        assertEquals(Boolean.FALSE, r.get("passed"));
    }

    /**
     * warden.run/5: the NICs' counters were added after warden.run/4 was published; warden.run/4: a
     * field was added after warden.run/3 was published (the drop counter of the
     * device-denied record of mediated devices, which also became a violation kind), as fields were
     * after warden.run/2 (a channel's reported end-to-end failures, the channel-failure event and its
     * drop counter) and after
     * warden.run/1 (event-log drop counters, the hostile guest's unknown and misanswered calls), so
     * the id changed with them and the schema file carries the same id.
     */
    // [utest->dsn~cli.run.json~1]
    // [utest->req~scenario.run-report~1]
    @Test
    @SuppressWarnings("unchecked")
    void the_report_names_its_schema_warden_run_5() throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> r = (Map<String, Object>) report("run", "--for", "20ms");
        assertEquals(RunReportJson.SCHEMA, r.get("schema"));
        assertEquals("warden.run/5", r.get("schema"));
        Map<String, Object> schemaField = (Map<String, Object>) ((Map<String, Object>) schema().get("properties"))
                .get("schema");
        assertEquals("warden.run/5", schemaField.get("const"));
        assertEquals(new java.math.BigInteger("20000000"), r.get("durationNs"));
    }

    // [utest->dsn~cli.run.json~1]
    // [utest->req~scenario.run-report~1]
    @Test
    @SuppressWarnings("unchecked")
    void every_object_of_the_schema_is_closed_and_requires_every_property_it_lists() throws IOException {
        Map<String, Object> root = schema();
        assertEquals("https://json-schema.org/draft/2020-12/schema", root.get("$schema"));
        List<Map<String, Object>> objects = new ArrayList<>();
        objects.add(root);
        ((Map<String, Object>) root.get("$defs")).values().forEach(d -> objects.add((Map<String, Object>) d));
        for (Map<String, Object> o : objects) {
            if (!"object".equals(o.get("type"))) {
                continue;
            }
            assertEquals(Boolean.FALSE, o.get("additionalProperties"), "open object: " + o.get("required"));
            Set<String> props = new TreeSet<>(((Map<String, Object>) o.get("properties")).keySet());
            Set<String> required = new TreeSet<>((List<String>) o.get("required"));
            assertEquals(props, required, "the report always writes every property");
        }
    }

    // [utest->dsn~cli.run.json~1]
    // [utest->req~scenario.run-report~1]
    @Test
    void the_launcher_ships_the_schema_it_documents() throws IOException {
        try (InputStream in = RunReportJson.class.getResourceAsStream(RESOURCE)) {
            assertNotNull(in, RESOURCE + " is not on the launcher's class path (rebuild the launcher)");
            assertEquals(schema(), StrictJson.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
    }

    // [utest->req~scenario.run-report~1]
    @Test
    @SuppressWarnings("unchecked")
    void the_trace_is_chrome_trace_event_json_with_name_ph_ts_pid_tid() throws IOException {
        Path trace = dir.resolve("trace.json");
        Cli.Outcome o = Cli.run("run", Systems.fixture("probe-shared-hart.yaml").toString(), "--trace",
                trace.toString());
        assertEquals(0, o.code(), o.toString());
        Map<String, Object> root = JsonFixtures.objectFile(trace);
        List<Object> events = (List<Object>) root.get("traceEvents");
        assertNotNull(events, "no traceEvents array");
        assertTrue(events.size() > 20, "only " + events.size() + " events");
        Set<String> phases = new TreeSet<>();
        for (int i = 0; i < events.size(); i++) {
            Map<String, Object> e = (Map<String, Object>) events.get(i);
            String at = "traceEvents[" + i + "] " + e;
            assertTrue(e.get("name") instanceof String, at);
            assertTrue(e.get("ph") instanceof String, at);
            assertTrue(e.get("pid") instanceof Number, at);
            String ph = (String) e.get("ph");
            phases.add(ph);
            if (!ph.equals("M")) { // metadata events (process and thread names) carry no time
                assertTrue(e.get("ts") instanceof Number n && new java.math.BigDecimal(n.toString()).signum() >= 0, at);
                assertTrue(e.get("tid") instanceof Number, at);
            }
            if (ph.equals("X")) {
                assertTrue(e.get("dur") instanceof Number n && new java.math.BigDecimal(n.toString()).signum() > 0, at);
            }
        }
        assertTrue(phases.containsAll(Set.of("M", "X", "i")), "phases " + phases);
    }
}
