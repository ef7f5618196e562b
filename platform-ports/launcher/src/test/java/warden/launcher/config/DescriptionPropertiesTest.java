package warden.launcher.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Predicate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import warden.kernel.api.Criticality;
import warden.kernel.api.SystemImage;

/**
 * Property tests: random valid descriptions load, validate and compile; each class of invalid
 * description, made by breaking one thing of a random valid one, is rejected with that class's
 * error at the element's line and path.
 */
class DescriptionPropertiesTest {

    @Provide
    Arbitrary<Gen> systems() {
        return Gen.systems(1);
    }

    @Provide
    Arbitrary<Gen> pairs() {
        return Gen.systems(2);
    }

    private static List<Problem> validate(Gen g) {
        return Fixtures.validate(g.yaml());
    }

    /** @return the 1-based line of the first {@code field} after the line holding {@code partition}. */
    private static int fieldLine(String text, String partition, String field) {
        String[] lines = text.split("\n", -1);
        for (int i = Fixtures.lineOf(text, partition); i < lines.length; i++) {
            if (lines[i].trim().startsWith(field)) {
                return i + 1;
            }
        }
        throw new AssertionError(field + " not found after " + partition);
    }

    /** Asserts every problem matches the class and one is at path/line. */
    private static void rejected(List<Problem> ps, Predicate<String> ofClass, String path, int line) {
        assertFalse(ps.isEmpty(), "expected a problem at " + path);
        ps.forEach(p -> assertTrue(ofClass.test(p.message()), p.toString()));
        assertTrue(ps.stream().anyMatch(p -> p.path().equals(path) && p.line() == line),
                () -> "no problem at " + path + " line " + line + ": " + ps);
    }

    // [utest->dsn~config.validate~1]
    // [utest->dsn~config.compile~1]
    @Property(seed = "20240611", tries = 300)
    void validDescriptionsAreAcceptedAndCompiled(@ForAll("systems") Gen g) {
        SystemDescription d = Fixtures.load(g.yaml());
        assertEquals(List.of(), DescriptionValidator.validate(d, FakeTarget.riscv()), g::yaml);
        SystemImage img = ImageCompiler.compile(d, FakeTarget.RISCV);
        assertEquals(g.parts.size(), img.partitionCount());
        assertEquals(0, img.duplicateLine());
        for (int p = 0; p < g.parts.size(); p++) {
            assertEquals(g.parts.get(p).memory.size(), img.regionCount(p));
            assertEquals(g.parts.get(p).critical, Criticality.isCritical(img.criticality(p)));
            for (String dev : g.parts.get(p).devices) {
                assertEquals(p, img.lineOwner(Gen.line(dev)));
            }
        }
    }

    // [utest->dsn~config.check.overlap~1]
    @Property(seed = "11", tries = 100)
    void overlapBetweenPartitionsIsRejected(@ForAll("pairs") Gen g) {
        Gen.Region a = g.parts.get(0).memory.get(0);
        Gen.Region b = g.parts.get(1).memory.get(0);
        b.base = a.base;
        b.size = a.size;
        String text = g.yaml();
        rejected(validate(g), m -> m.contains("overlaps region 'm0-0'"), "partitions[1].memory[0]",
                Fixtures.lineOf(text, "name: m1-0,"));
    }

    // [utest->dsn~config.check.monitor-overlap~1]
    @Property(seed = "12", tries = 100)
    void overlapWithTheMonitorIsRejected(@ForAll("systems") Gen g, @ForAll @IntRange(max = 511) int page) {
        Gen.Region a = g.parts.get(0).memory.get(0);
        a.base = Gen.RAM + page * 4096L;
        a.size = 4096;
        rejected(validate(g), m -> m.contains("overlaps the monitor memory"), "partitions[0].memory[0]",
                Fixtures.lineOf(g.yaml(), "name: m0-0,"));
    }

    // [utest->dsn~config.check.devices~1]
    @Property(seed = "13", tries = 100)
    void aDeviceAssignedTwiceIsRejected(@ForAll("pairs") Gen g) {
        Assume.that(!g.parts.get(0).devices.isEmpty());
        String dev = g.parts.get(0).devices.get(0);
        g.parts.get(1).devices.add(dev);
        int j = g.parts.get(1).devices.size() - 1;
        rejected(validate(g), m -> m.equals("device '" + dev + "' is assigned to partition 'p1' and already at "
                + "partitions[0].devices[0] (line " + fieldLine(g.yaml(), "name: p0", "devices:") + ")"),
                "partitions[1].devices[" + j + "]", fieldLine(g.yaml(), "name: p1", "devices:"));
    }

    // [utest->dsn~config.check.lines~1]
    @Property(seed = "14", tries = 100)
    void aLineRoutedTwiceIsRejected(@ForAll("systems") Gen g) {
        Gen.Part p = g.parts.get(0);
        Assume.that(!p.devices.isEmpty());
        p.overrides.clear();
        p.overrides.add("{line: " + Gen.line(p.devices.get(0)) + "}");
        p.overrides.add("{line: " + Gen.line(p.devices.get(0)) + ", priority: 2}");
        String text = g.yaml();
        rejected(validate(g), m -> m.contains("is routed twice"), "partitions[0].interrupts[1].line",
                Fixtures.lineOf(text, "interrupts: [{line"));
    }

    // [utest->dsn~config.check.cores~1]
    @Property(seed = "15", tries = 100)
    void aCoreTheTargetDoesNotHaveIsRejected(@ForAll("systems") Gen g,
                                             @ForAll @IntRange(min = 4, max = 1023) int core) {
        Gen.Part p = g.parts.get(0);
        p.cores.add(core);
        rejected(validate(g), m -> m.equals("core " + core + " does not exist: the riscv target has cores 0..3"),
                "partitions[0].cores[" + (p.cores.size() - 1) + "]", fieldLine(g.yaml(), "name: p0", "cores:"));
    }

    // [utest->dsn~config.check.critical-sharing~1]
    @Property(seed = "16", tries = 100)
    void twoCriticalPartitionsOnOneCoreAreRejected(@ForAll("pairs") Gen g) {
        Gen.Part a = g.parts.get(0);
        Gen.Part b = g.parts.get(1);
        Assume.that(a.critical);
        b.criticality = "ASIL-D";
        b.cores.clear();
        b.cores.add(a.cores.get(0));
        b.overrides.clear();
        rejected(validate(g), m -> m.contains("share core " + a.cores.get(0)) || m.contains("share core"),
                "partitions[1].cores", fieldLine(g.yaml(), "name: p1", "cores:"));
    }

    // [utest->dsn~config.check.protection~2]
    @Property(seed = "17", tries = 100)
    void tooManyProtectionEntriesAreRejected(@ForAll("systems") Gen g) {
        Gen.Part p = g.parts.get(0);
        int needed = 1 + p.memory.size() + p.devices.size();
        List<Problem> ps = DescriptionValidator.validate(Fixtures.load(g.yaml()),
                FakeTarget.withEntries(needed - 1, 4));
        rejected(ps, m -> m.contains("needs more protection entries than the " + (needed - 1)
                + " the riscv target has"),
                p.devices.isEmpty() ? "partitions[0].memory[" + (p.memory.size() - 1) + "]"
                        : "partitions[0].devices[" + (p.devices.size() - 1) + "]",
                p.devices.isEmpty() ? Fixtures.lineOf(g.yaml(), "name: m0-" + (p.memory.size() - 1) + ",")
                        : fieldLine(g.yaml(), "name: p0", "devices:"));
    }

    // [utest->dsn~config.check.protection~2]
    @Property(seed = "18", tries = 100)
    void misalignedRegionsAreRejected(@ForAll("systems") Gen g, @ForAll @IntRange(min = 1, max = 3) int shift) {
        Gen.Region m0 = g.parts.get(0).memory.get(0);
        m0.base -= shift; // the windows leave room below, so no overlap appears
        rejected(validate(g), m -> m.contains("is misaligned for the riscv protection unit (granule 4 bytes)"),
                "partitions[0].memory[0]", Fixtures.lineOf(g.yaml(), "name: m0-0,"));
    }

    // [utest->dsn~config.check.zero-size~1]
    @Property(seed = "19", tries = 100)
    void zeroSizedRegionsAreRejected(@ForAll("systems") Gen g, @ForAll @IntRange(max = 3) int which) {
        Gen.Part p = g.parts.get(which % g.parts.size());
        p.memory.get(0).size = 0;
        int i = g.parts.indexOf(p);
        rejected(validate(g), m -> m.equals("region 'm" + i + "-0' has size 0"), "partitions[" + i + "].memory[0].size",
                Fixtures.lineOf(g.yaml(), "name: m" + i + "-0,"));
    }

    // [utest->dsn~config.strict-keys~1]
    @Property(seed = "20", tries = 100)
    void unknownKeysAreRejected(@ForAll("systems") Gen g, @ForAll("unknownKeys") String key) {
        g.parts.get(g.parts.size() - 1).extraKey = key;
        int i = g.parts.size() - 1;
        String text = g.yaml();
        rejected(Fixtures.problems(text), m -> m.startsWith("unknown key '" + key + "'"),
                "partitions[" + i + "]." + key, Fixtures.lineOf(text, "    " + key + ": 1"));
    }

    @Provide
    Arbitrary<String> unknownKeys() {
        return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(12)
                .filter(k -> !Keys.of("partition").contains(k) && !List.of("y", "n", "yes", "no", "on", "off",
                        "true", "false", "null").contains(k));
    }

    // [utest->dsn~config.types~1]
    @Property(seed = "21", tries = 100)
    void wrongTypesAreRejected(@ForAll("systems") Gen g, @ForAll @IntRange(min = 2, max = 99999) int value) {
        g.parts.get(0).privileged = Integer.toString(value);
        String text = g.yaml();
        rejected(Fixtures.problems(text), m -> m.equals("expected true or false, found the integer '" + value + "'"),
                "partitions[0].privileged", Fixtures.lineOf(text, "privileged: " + value));
    }

    // [utest->dsn~config.units~1]
    @Property(seed = "22", tries = 100)
    void badDurationsAreRejected(@ForAll("systems") Gen g, @ForAll @IntRange(max = 999) int n,
                                 @ForAll("badUnits") String unit) {
        g.parts.get(0).watchdog = n + unit;
        String text = g.yaml();
        rejected(Fixtures.problems(text), m -> m.startsWith("invalid duration '" + n + unit + "'"),
                "partitions[0].watchdog", Fixtures.lineOf(text, "watchdog: " + n + unit));
    }

    @Provide
    Arbitrary<String> badUnits() {
        return Arbitraries.of("sec", "m", "h", "msec", "\u00b5s", " ms", "mS", "min", "ps", "MS", "u", "nanos");
    }

    // [utest->dsn~config.criticality~1]
    @Property(seed = "23", tries = 100)
    void badCriticalitiesAreRejected(@ForAll("systems") Gen g, @ForAll("badLevels") String level) {
        g.parts.get(0).criticality = level;
        String text = g.yaml();
        rejected(Fixtures.problems(text), m -> m.startsWith("unknown criticality '" + level + "'"),
                "partitions[0].criticality", Fixtures.lineOf(text, "criticality: " + level));
    }

    @Provide
    Arbitrary<String> badLevels() {
        return Arbitraries.strings().withCharRange('A', 'Z').ofMinLength(1).ofMaxLength(8)
                .map(s -> "ASIL-" + s).filter(s -> CriticalityText.parse(s) < 0);
    }
}
