package warden.launcher.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import warden.launcher.run.Targets;

/** What the x86 and Arm targets cannot isolate is refused by the validator, located in the file. */
class TargetIsolationTest {
    private static final String TWO = """
            target: %s
            partitions:
              - name: a
                criticality: %s
                cores: [0]
                memory:
                  - {name: ram, base: %s, size: 4MiB, access: %s}
                workload: {kind: probe, accesses: [{address: %s, size: 4, access: read}]}
              - name: b
                criticality: %s
                cores: [1]
                memory:
                  - {name: ram, base: 0x82000000, size: 4MiB, access: %s}
                workload: {kind: probe, accesses: [{address: 0x82000000, size: 4, access: read}]}
            """;

    private static List<String> located(String target, String text) {
        return DescriptionValidator.validate(Fixtures.load(text), Targets.get(target)).stream()
                .map(p -> p.line() + ":" + p.column() + ": " + p.path() + ": " + p.message()).toList();
    }

    // [utest->dsn~x86.region-access~1] [utest->dsn~config.check.isolation~2]
    @Test
    void x86RefusesANonCriticalRegionThatIsNotRwxAtTheRegion() {
        String text = TWO.formatted("x86", "ASIL-B", "0x80400000", "rwx", "0x80400000", "QM", "rw");
        assertEquals(List.of("13:9: partitions[1].memory[0]: region 'ram' of non-critical partition 'b' is declared"
                + " 'rw', which x86 without VT-x/EPT cannot enforce: the partition runs outside SMM, where only SMRR"
                + " restricts memory and only SMRAM, with its own page tables, so it can also execute it; declare"
                + " it 'rwx'"), located("x86", text));
        assertEquals(List.of(), located("x86", TWO.formatted("x86", "ASIL-B", "0x80400000", "rx", "0x80400000",
                "QM", "rwx")));
        List<String> ps = located("x86", TWO.formatted("x86", "ASIL-B", "0x80400000", "x", "0x80400000", "QM",
                "rwx"));
        assertEquals(1, ps.size(), ps::toString);
        assertEquals(true, ps.get(0).startsWith("7:9: partitions[0].memory[0]: region 'ram' of critical partition"
                + " 'a' is declared 'x' (execute-only), which x86 paging cannot express"), ps.get(0));
    }

    // [utest->dsn~arm.topology~1] [utest->dsn~config.check.isolation~2]
    @Test
    void armRefusesASecondPartitionInEitherWorld() {
        List<String> ps = located("arm", TWO.formatted("arm", "QM", "0x80400000", "rw", "0x80400000", "QM", "rw"));
        assertEquals(1, ps.size(), ps::toString);
        assertEquals(true, ps.get(0).startsWith("9:5: partitions[1].criticality: arm cannot keep non-critical"
                + " partitions 'a' and 'b' apart: both run in the Non-secure world"), ps.get(0));
        ps = located("arm", TWO.formatted("arm", "ASIL-B", "0x80400000", "rw", "0x80400000", "ASIL-D", "rw"));
        assertEquals(1, ps.size(), ps::toString);
        assertEquals(true, ps.get(0).contains("arm cannot keep critical partitions 'a' and 'b' apart: both run in"
                + " the Secure world"), ps.get(0));
        assertEquals(List.of(), located("arm", TWO.formatted("arm", "ASIL-B", "0x80400000", "rw", "0x80400000",
                "QM", "rw")));
    }
}
