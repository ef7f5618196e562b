package warden.launcher.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import warden.launcher.run.Targets;

/**
 * The reference document and the JSON Schema say what the loader and the validator do: every YAML
 * example of {@code docs/system-description.adoc} loads, validates for its target and passes the
 * schema as written, and schema and validator agree on the access values of a region and on the
 * sizes of probe accesses (an instruction fetch is 4 bytes).
 */
class DocumentedExamplesTest {
    private static final String PROBE = """
            partitions:
              - name: probe
                criticality: QM
                cores: [0]
                memory:
                  - {name: ram, base: 0x80400000, size: 64KiB, access: %s}
                workload: {kind: probe, accesses: [{address: 0x80400000, size: %d, access: %s}]}
            """;

    private static final String STIMULUS = """
            partitions:
              - name: rtos
                criticality: ASIL-C
                cores: [0]
                memory:
                  - {name: ram, base: 0x80400000, size: 4MiB, access: rwx}
                devices: [uart1]
                workload: {kind: rtos, boot: 1ms, tick: 1ms, tasks: [{name: control, period: 1ms, wcet: 150us}]}
            devices:
              - {name: uart1, %s: %s}
            """;

    static Path doc() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("docs/system-description.adoc"))) {
            dir = dir.getParent();
        }
        assertTrue(dir != null, "docs/system-description.adoc not found above the working directory");
        return dir.resolve("docs/system-description.adoc");
    }

    /** @return the text of every {@code [source,yaml]} block, in document order. */
    static List<String> examples() throws IOException {
        List<String> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(doc());
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (lines.get(i).trim().equals("[source,yaml]") && lines.get(i + 1).trim().equals("----")) {
                StringBuilder sb = new StringBuilder();
                int j = i + 2;
                while (j < lines.size() && !lines.get(j).trim().equals("----")) {
                    sb.append(lines.get(j++)).append('\n');
                }
                out.add(sb.toString());
                i = j;
            }
        }
        return out;
    }

    // [utest->dsn~config.docs-agree~2]
    @Test
    void everyDocumentedExampleIsValidAsWritten() throws IOException {
        List<String> examples = examples();
        assertTrue(examples.size() >= 3, () -> "expected the documented examples, found " + examples.size());
        for (int k = 0; k < examples.size(); k++) {
            String text = examples.get(k);
            String name = "system-description.adoc example " + (k + 1);
            LoadResult r = DescriptionLoader.parse(text, name);
            assertEquals(List.of(), r.problems(), name);
            String target = r.description().target() == null ? "riscv" : r.description().target();
            assertEquals(List.of(), DescriptionValidator.validate(r.description(), Targets.get(target)), name);
            assertEquals(List.of(), SchemaTest.schemaProblems(text), name);
        }
    }

    private static boolean validatorAccepts(String text) {
        LoadResult r = DescriptionLoader.parse(text, "t.yaml");
        return r.ok() && DescriptionValidator.validate(r.description(), Targets.get("riscv")).isEmpty();
    }

    // [utest->dsn~config.docs-agree~2]
    @Test
    void schemaAndValidatorAgreeOnProbeAccessSizes() {
        int agreed = 0;
        for (String access : new String[] {"read", "write", "execute"}) {
            for (int size : new int[] {1, 2, 3, 4, 8, 16}) {
                String text = PROBE.formatted("rwx", size, access);
                boolean schema = SchemaTest.schemaProblems(text).isEmpty();
                assertEquals(validatorAccepts(text), schema, access + " of " + size + " bytes");
                boolean expected = "execute".equals(access) ? size == 4 : size == 1 || size == 2 || size == 4
                        || size == 8;
                assertEquals(expected, schema, access + " of " + size + " bytes");
                agreed++;
            }
        }
        assertEquals(18, agreed);
    }

    // [utest->dsn~config.docs-agree~2]
    @Test
    void schemaValidatorAndDocumentAgreeOnTheShortestStimulusInterval() throws IOException {
        String[] values = {"0", "1", "999", "999ns", "0999ns", "0us", "1000", "1000ns", "1us", "2ms", "1s"};
        for (String field : new String[] {"period", "meanInterval"}) {
            for (String v : values) {
                String text = STIMULUS.formatted(field, v);
                boolean schema = SchemaTest.schemaProblems(text).isEmpty();
                long ns = Units.duration(v);
                assertEquals(ns >= 1_000, validatorAccepts(text), field + " " + v);
                assertEquals(validatorAccepts(text), schema, field + " " + v + ": schema "
                        + SchemaTest.schemaProblems(text));
            }
        }
        String doc = Files.readString(doc());
        String section = doc.substring(doc.indexOf("== Device stimulus"), doc.indexOf("== Complete example"));
        assertTrue(section.contains("|`period` |duration |— |Periodic interrupts with this period; at least 1 µs"),
                section);
        assertTrue(section.contains("with this mean; at least 1 µs."), section);
        assertTrue(section.contains("is at least 1 µs"), section);
    }

    // [utest->dsn~config.docs-agree~2]
    @Test
    void schemaAndLoaderAgreeOnRegionAccess() {
        for (String access : new String[] {"r", "rw", "rx", "rwx", "x", "w", "wx", "xr", "rwxx", ""}) {
            String text = PROBE.formatted(access.isEmpty() ? "''" : access, 4, "read");
            boolean loads = DescriptionLoader.parse(text, "t.yaml").ok();
            assertEquals(loads, SchemaTest.schemaProblems(text).isEmpty(), "access '" + access + "'");
            assertEquals(List.of("r", "rw", "rx", "rwx", "x").contains(access), loads, "access '" + access + "'");
        }
    }
}
