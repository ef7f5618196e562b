package warden.launcher.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Example tests of what the loader refuses, with exact messages and locations. */
class LoaderRejectionTest {

    private static Problem only(String text) {
        List<Problem> ps = Fixtures.problems(text);
        assertEquals(1, ps.size(), ps::toString);
        return ps.get(0);
    }

    private static String replace(String from, String to) {
        assertTrue(Fixtures.FULL.contains(from), from);
        return Fixtures.FULL.replace(from, to);
    }

    // [utest->dsn~config.strict-keys~1]
    @Test
    void shouldRejectAnUnknownKeyWithItsLocation() {
        String text = replace("    privileged: true\n", "    privileged: true\n    colour: red\n");
        assertEquals("t.yaml:" + Fixtures.lineOf(text, "colour") + ":5: partitions[0].colour: unknown key"
                + " 'colour' (expected one of: name, criticality, cores, privileged, entry, image, digest, watchdog,"
                + " health, snapshot, memory, devices, interrupts, workload)", only(text).toString());
    }

    // [utest->dsn~config.strict-keys~1]
    // [utest->dsn~config.workload-kind~2]
    @Test
    void shouldRejectKeysOfAnotherWorkloadKind() {
        String text = replace("      start: 1ms\n", "      start: 1ms\n      tick: 1ms\n");
        Problem p = only(text);
        assertEquals("partitions[2].workload.tick", p.path());
        assertEquals("unknown key 'tick' (expected one of: kind, start, accesses)", p.message());
    }

    // [utest->dsn~config.duplicate-keys~1]
    @Test
    void shouldRejectDuplicateKeys() {
        String text = replace("    watchdog: 5ms\n", "    watchdog: 5ms\n    watchdog: 6ms\n");
        Problem p = only(text);
        assertEquals("partitions[0].watchdog", p.path());
        assertEquals("duplicate key 'watchdog' (first at line " + Fixtures.lineOf(text, "watchdog") + ")",
                p.message());
        assertEquals(Fixtures.lineOf(text, "watchdog") + 1, p.line());
    }

    // [utest->dsn~config.types~1]
    @Test
    void shouldRejectWrongTypesNamingWhatWasFound() {
        assertEquals("t.yaml:7:12: partitions[0].cores: expected a list, found the string 'zero'",
                only(replace("cores: [0]\n", "cores: zero\n")).toString());
        assertEquals("expected true or false, found the string 'yes please'",
                only(replace("privileged: true", "privileged: yes please")).message());
        assertEquals("expected an integer, found the string 'low'",
                only(replace("priority: 6", "priority: low")).message());
        assertEquals("expected a mapping, found a list",
                only(replace("  duration: 1s\n  seed: 42\n", "  - 1s\n")).message());
        assertEquals("expected a string, found the integer '5'",
                only(replace("target: riscv", "target: 5")).message());
        assertEquals("expected a list, found nothing",
                only(replace("devices: [uart0, nic0]", "devices:")).message());
    }

    // [utest->dsn~config.types~1]
    // [utest->dsn~config.workload-kind~2]
    // [utest->dsn~config.stimulus-kind~1]
    @Test
    void shouldRejectMissingRequiredKeysAndBadCounts() {
        assertEquals("partitions[2]: missing required key 'criticality'",
                only(replace("    criticality: ASIL_B\n", "")).toString().split(": ", 2)[1]);
        assertEquals("expected 1 to 16 entries, found 0", only("partitions: []\n").message());
        assertEquals("core 0 is listed twice", only(replace("cores: [0, 1, 2]", "cores: [0, 1, 0]")).message());
        assertEquals("missing required key 'kind' (rtos, rich-os, probe, hostile, elf or linux)",
                only(replace("      kind: probe\n", "")).message());
        assertEquals("unknown workload kind 'vm': expected rtos, rich-os, probe, hostile, elf or linux",
                only(replace("kind: probe", "kind: vm")).message());
        assertEquals("give exactly one of 'period' or 'meanInterval', greater than 0",
                only(replace("{name: can0, period: 2ms}", "{name: can0, period: 2ms, meanInterval: 1ms}")).message());
    }

    // [utest->dsn~config.stimulus-can-id~2]
    @Test
    void shouldRejectACanIdentifierThatIsNotAStandardOne() {
        Problem p = only(replace("{name: can0, period: 2ms}", "{name: can0, period: 2ms, id: 0x800}"));
        assertEquals("devices[0].id", p.path());
        assertEquals("value 0x800 outside 0..2047", p.message());
        assertEquals("expected an integer, found the string 'engine'",
                only(replace("{name: can0, period: 2ms}", "{name: can0, period: 2ms, id: engine}")).message());
        assertEquals("value -1 outside 0..2047",
                only(replace("{name: can0, period: 2ms}", "{name: can0, period: 2ms, id: -1}")).message());
    }

    // [utest->dsn~config.stimulus-can-extended~1]
    @Test
    void shouldTakeA29BitIdentifierOnlyWithExtended() {
        String ext = replace("{name: can0, period: 2ms}", "{name: can0, period: 2ms, id: 0x1FFFFFFF, extended: true}");
        assertEquals(Integer.valueOf(0x1FFF_FFFF), Fixtures.load(ext).stimuli().get(0).canId());
        assertEquals(true, Fixtures.load(ext).stimuli().get(0).extended());
        assertEquals(false, Fixtures.load(Fixtures.FULL).stimuli().get(0).extended());
        Problem big = only(replace("{name: can0, period: 2ms}", "{name: can0, period: 2ms, id: 0x20000000,"
                + " extended: true}"));
        assertEquals("devices[0].id: value 0x20000000 outside 0..536870911", big.path() + ": " + big.message());
        Problem word = only(replace("{name: can0, period: 2ms}", "{name: can0, period: 2ms, extended: maybe}"));
        assertEquals("devices[0].extended", word.path());
    }

    // [utest->dsn~config.units~1]
    @Test
    void shouldRejectBadDurationsSizesAndAddresses() {
        String text = replace("watchdog: 5ms", "watchdog: 5 mss");
        assertEquals("t.yaml:" + Fixtures.lineOf(text, "5 mss") + ":15: partitions[0].watchdog: invalid duration"
                + " '5 mss': expected an integer with unit ns, us, ms or s", only(text).toString());
        assertEquals("invalid size '64KB': expected an integer with optional unit B, KiB, MiB, GiB (K, M, G),"
                + " at most 2^56", only(replace("size: 64KiB, access: rx", "size: 64KB, access: rx")).message());
        assertEquals("value -4096 outside 0..72057594037927935",
                only(replace("entry: 0x80401000", "entry: -4096")).message());
        assertEquals("value 0x100000000000000 outside 0..72057594037927935",
                only(replace("entry: 0x80401000", "entry: 0x100000000000000")).message());
        assertEquals("unsupported integer form '0777' (use decimal without leading zeros, 0x hex or 0b binary)",
                only(replace("seed: 42", "seed: 0777")).message());
        assertEquals("duration '9223372036854775807s' is too large (at most 2^63-1 ns)",
                only(replace("duration: 1s", "duration: 9223372036854775807s")).message());
        assertEquals("invalid duration '-5': must not be negative", only(replace("work: 20us", "work: -5")).message());
    }

    // [utest->dsn~config.criticality~1]
    @Test
    void shouldRejectAnUnknownCriticality() {
        String text = replace("criticality: C", "criticality: ASIL-E");
        assertEquals("t.yaml:" + Fixtures.lineOf(text, "ASIL-E") + ":18: partitions[0].criticality: unknown"
                + " criticality 'ASIL-E': expected QM, ASIL-A, ASIL-B, ASIL-C or ASIL-D", only(text).toString());
    }

    // [utest->dsn~config.access~1]
    @Test
    void shouldRejectWriteWithoutRead() {
        assertEquals("access 'w' grants write without read, which RISC-V PMP reserves: use 'rw'",
                only(replace("size: 64KiB, access: rw}", "size: 64KiB, access: w}")).message());
        assertEquals("access 'wx' grants write without read, which RISC-V PMP reserves: use 'rwx'",
                only(replace("size: 112MiB, access: rwx", "size: 112MiB, access: wx")).message());
        assertEquals("invalid access 'xr': expected r, rw, rx, rwx or x (a non-empty subset of r, w, x in that order)",
                only(replace("size: 112MiB, access: rwx", "size: 112MiB, access: xr")).message());
    }

    // [utest->dsn~config.input-limits~2]
    @Test
    void shouldRejectEmptyMultipleAndMalformedDocuments() {
        assertEquals("t.yaml:1:1: file is empty: expected a system description", only("").toString());
        assertEquals("file is empty: expected a system description", only("# nothing\n").message());
        Problem two = only(Fixtures.MINIMAL + "---\n" + Fixtures.MINIMAL);
        assertEquals("file holds more than one YAML document: expected exactly one", two.message());
        assertEquals(13, two.line()); // where the second document's content starts
        assertEquals("expected a mapping, found a list", only("- 1\n- 2\n").message());
        Problem syntax = only("partitions: [\n  {name: a\n");
        assertTrue(syntax.message().startsWith("YAML error:"), syntax.message());
        assertEquals(3, syntax.line());
    }

    // [utest->dsn~config.input-limits~2]
    @Test
    void shouldRejectBillionLaughsAtTheAliasThatPassesTheLimit() {
        StringBuilder sb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 10; i++) {
            sb.append("a").append(i).append(": &a").append(i).append(" [");
            sb.append(String.join(", ", java.util.Collections.nCopies(10, "*a" + (i - 1)))).append("]\n");
        }
        // a1's list holds the aliases 1..10 of a0: the ninth is its element [8], at column 10 + 5 * 8
        assertEquals("t.yaml:2:50: a1[8]: more than 8 aliases of collections (this is alias 9): a description may"
                + " repeat a list or mapping through an alias at most 8 times", only(sb.toString()).toString());
    }

    // [utest->dsn~config.input-limits~2]
    @Test
    void eightAliasesOfCollectionsAndAnyNumberOfScalarAliasesAreAccepted() {
        StringBuilder sb = new StringBuilder("a: &a [1]\nb: &s 2\n");
        for (int i = 0; i < 8; i++) {
            sb.append("c").append(i).append(": *a\n");
        }
        for (int i = 0; i < 20; i++) {
            sb.append("d").append(i).append(": *s\n");
        }
        Problem p = Fixtures.problems(sb.toString()).get(0);
        assertEquals("a", p.path()); // the first unknown key: the limits passed
        assertTrue(p.message().startsWith("unknown key 'a'"), p.message());
    }

    // [utest->dsn~config.input-limits~2]
    @Test
    void shouldRejectDeepNestingAtTheCollectionThatPassesTheLimit() {
        String ok = "x: " + "[".repeat(15) + "1" + "]".repeat(15) + "\n"; // 16 levels with the root mapping
        Problem p = Fixtures.problems(ok).get(0);
        assertEquals("x", p.path());
        assertTrue(p.message().startsWith("unknown key 'x'"), p.message());
        String deep = "partitions:\n  - name: a\n    memory: " + "[".repeat(15) + "1" + "]".repeat(15) + "\n";
        // root, partitions, its entry, memory and 12 lists inside it are 16 levels: the 13th list passes
        assertEquals("t.yaml:3:26: partitions[0].memory[0][0][0][0][0][0][0][0][0][0][0][0][0]: nesting deeper than 16"
                + " levels of lists and mappings: a description nests at most 16 deep", only(deep).toString());
    }

    // [utest->dsn~config.loader-total~1]
    @Test
    void shouldCollectSeveralProblemsInOnePass() {
        String text = replace("watchdog: 5ms", "watchdog: soon").replace("criticality: QM", "criticality: high");
        List<Problem> ps = Fixtures.problems(text);
        assertEquals(List.of("partitions[0].watchdog", "partitions[1].criticality"),
                ps.stream().map(Problem::path).toList());
    }
}
