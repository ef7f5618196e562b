package warden.manual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Tables from spec items: numbered assumptions with the items relying on them, anomalies with
 * their workarounds, safety goals with their ASIL.
 */
class SpecTablesTest {
    private static List<SpecFile.Item> items() {
        List<SpecFile.Item> l = new ArrayList<>(SpecFile.parse("a.md", """
                # Assumptions
                ### The JVM
                `aou~jvm~1`

                A qualified JVM | no agents.

                Tags: ASIL_C

                Verification: integrator review
                ### Other
                `aou~other~1`

                Nobody needs this.
                """.lines().toList()));
        l.addAll(SpecFile.parse("b.md", """
                ### Isolation
                `sg~iso~1`

                No partition reaches another.

                Covers:
                * `haz~x~1`

                Depends:
                * `aou~jvm~1`

                Tags: ASIL_C

                Needs: fsr

                ### Slow x86
                `anom~x86.slow~1`

                Denied accesses do not fault.

                Workaround: Read the event log.

                Depends: `sg~iso~1`
                """.lines().toList()));
        return l;
    }

    // [utest->dsn~manual.spec-tables~1]
    @Test
    void assumptionsAreNumberedAndTracedToTheItemsRelyingOnThem() {
        String t = new SpecTables(items()).assumptions();
        assertTrue(t.contains("[[AoU-1]]AoU-1"), t);
        assertTrue(t.contains("[[AoU-2]]AoU-2"), t);
        assertTrue(t.contains("`+sg~iso~1+`"), t);
        assertTrue(t.contains("*no item depends on it*"), t);
        assertTrue(t.contains("A qualified JVM \\| no agents."), t);
        assertTrue(t.contains("integrator review"), t);
    }

    // [utest->dsn~manual.spec-tables~1]
    @Test
    void anomaliesCarryTheirWorkaround() {
        String t = new SpecTables(items()).anomalies();
        assertTrue(t.contains("|AN-1"), t);
        assertTrue(t.contains("|Read the event log."), t);
        assertTrue(t.contains("`+sg~iso~1+`"), t);
    }

    private static java.nio.file.Path requirements() {
        java.nio.file.Path dir = java.nio.file.Path.of("").toAbsolutePath();
        while (dir != null && !java.nio.file.Files.isRegularFile(dir.resolve("requirements/anomalies.md"))) {
            dir = dir.getParent();
        }
        assertTrue(dir != null, "requirements/anomalies.md not found above the working directory");
        return dir.resolve("requirements");
    }

    // [utest->dsn~manual.spec-tables~1]
    @Test
    void theManualListsEveryAnomalyAndAssumptionOfTheRepositoryWithTheX86DeviceGap() throws Exception {
        List<SpecFile.Item> all = SpecFile.readAll(requirements());
        SpecTables tables = new SpecTables(all);
        String anomalies = tables.anomalies();
        String assumptions = tables.assumptions();
        int anoms = 0;
        for (SpecFile.Item i : all) {
            if (i.type().equals("anom")) {
                assertTrue(anomalies.contains("`+" + i.id() + "+`"), i.id());
                anoms++;
            } else if (i.type().equals("aou")) {
                assertTrue(assumptions.contains("`+" + i.id() + "+`"), i.id());
            }
        }
        assertTrue(anomalies.contains("|AN-" + anoms) && !anomalies.contains("|AN-" + (anoms + 1)), anomalies);
        assertTrue(anomalies.contains("`+anom~x86.qm-monitor-devices~1+`"), anomalies);
        assertTrue(anomalies.contains("`+aou~x86.monitor-devices~1+`"), "the anomaly names its assumption");
        assertTrue(assumptions.contains("`+aou~x86.monitor-devices~1+`"), assumptions);
    }

    // [utest->dsn~manual.spec-tables~1]
    @Test
    void safetyGoalsShowAsilHazardsAndAssumptions() {
        String t = new SpecTables(items()).safetyGoals();
        assertTrue(t.contains("|ASIL-C"), t);
        assertTrue(t.contains("`+haz~x~1+`"), t);
        assertTrue(t.contains("`+aou~jvm~1+`"), t);
    }

    // [utest->dsn~manual.spec-tables~1]
    @Test
    void absentItemsAreStatedAsMissing() {
        String t = new SpecTables(List.of()).hazards();
        assertTrue(t.contains("Evidence missing: hazards"), t);
    }

    // [utest->dsn~manual.spec-tables~1]
    @Test
    void readerTakesFieldsAndIgnoresFencedCode() {
        List<SpecFile.Item> l = SpecFile.parse("c.md", List.of("```", "`dsn~in.fence~1`", "```", "### T",
                "`dsn~t~2`", "", "Text.", "", "Status: draft"));
        assertEquals(1, l.size());
        assertEquals("draft", l.get(0).status());
        assertEquals("T", l.get(0).title());
        assertEquals("t", l.get(0).name());
    }
}
