package warden.launcher.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import warden.launcher.run.Targets;

/**
 * The validator says why each target's own protection unit refused a region, device window or the
 * monitor (the reason the unit reports), never a guessed one: an aligned region on the monitor is
 * not "misaligned".
 */
class ProtectionReasonsTest {
    private static final String RTOS = """
            target: %s
            %spartitions:
              - name: rtos
                criticality: ASIL-C
                cores: [0]
                memory:
            %s
                workload:
                  kind: rtos
                  tick: 1ms
                  tasks:
                    - {name: control, period: 1ms, wcet: 150us}
            """;

    private static String rtos(String target, String monitor, String... regions) {
        StringBuilder sb = new StringBuilder();
        for (String r : regions) {
            sb.append(sb.length() == 0 ? "" : "\n").append("      - ").append(r);
        }
        return RTOS.formatted(target, monitor, sb);
    }

    private static List<String> problems(String target, String text) {
        return DescriptionValidator.validate(Fixtures.load(text), Targets.get(target)).stream()
                .map(p -> p.path() + ": " + p.message()).toList();
    }

    private static String one(List<String> ps, String part) {
        List<String> hits = ps.stream().filter(m -> m.contains(part)).toList();
        assertEquals(1, hits.size(), () -> "expected one problem with '" + part + "' in " + ps);
        ps.forEach(m -> assertFalse(m.contains("misaligned") && !part.contains("misaligned"), m));
        return hits.get(0);
    }

    // [utest->dsn~config.check.protection~2]
    @Test
    void armNamesTheMonitorOverlapAnotherRegionExecuteOnlyAndMisalignment() {
        List<String> ps = problems("arm", rtos("arm", "", "{name: ram, base: 0x0E100000, size: 4MiB, access: rwx}"));
        assertEquals("partitions[0].memory[0]: region 'ram' [0xe100000, 0xe500000) of partition 'rtos' overlaps the"
                + " monitor memory, which the arm protection unit gives to no partition",
                one(ps, "which the arm protection unit gives to no partition"));
        ps = problems("arm", rtos("arm", "", "{name: ram, base: 0x80400000, size: 4MiB, access: rwx}",
                "{name: more, base: 0x80500000, size: 64KiB, access: rw}"));
        assertTrue(one(ps, "overlaps another region").startsWith("partitions[0].memory[1]: region 'more'"),
                ps::toString);
        ps = problems("arm", rtos("arm", "", "{name: ram, base: 0x80400000, size: 4MiB, access: x}"));
        one(ps, "asks for access permissions the arm protection unit cannot express (execute without read");
        ps = problems("arm", rtos("arm", "", "{name: ram, base: 0x80400800, size: 4MiB, access: rwx}"));
        one(ps, "is misaligned for the arm protection unit (granule 4096 bytes)");
        ps = problems("arm", rtos("arm", "monitor:\n  memory: {base: 0x0E000100, size: 2MiB}\n",
                "{name: ram, base: 0x80400000, size: 4MiB, access: rwx}"));
        one(ps, "the arm protection unit cannot protect the monitor memory [0xe000100, 0xe200100): it is"
                + " misaligned for the arm protection unit (granule 4096 bytes)");
    }

    // [utest->dsn~config.check.protection~2]
    @Test
    void x86NamesTheMonitorOverlapTheSmramBoundaryMixedWorldsAndMisalignment() {
        List<String> ps = problems("x86", rtos("x86", "", "{name: ram, base: 0x801F0000, size: 64KiB, access: rwx}"));
        one(ps, "of partition 'rtos' overlaps the monitor memory, which the x86 protection unit gives to no partition");
        ps = problems("x86", rtos("x86", "", "{name: ram, base: 0x80F00000, size: 2MiB, access: rwx}"));
        one(ps, "straddles the boundary of SMRAM (the SMRR range)");
        ps = problems("x86", rtos("x86", "", "{name: ram, base: 0x80400000, size: 4MiB, access: rwx}",
                "{name: ext, base: 0x82000000, size: 64KiB, access: rwx}"));
        assertTrue(one(ps, "lies on the other side of the SMRAM boundary than the partition's earlier regions")
                .startsWith("partitions[0].memory[1]: "), ps::toString);
        ps = problems("x86", rtos("x86", "", "{name: ram, base: 0x80400800, size: 4KiB, access: rwx}"));
        one(ps, "is misaligned for the x86 protection unit (granule 4096 bytes)");
        ps = problems("x86", rtos("x86", "monitor:\n  memory: {base: 0x81000000, size: 2MiB}\n",
                "{name: ram, base: 0x80400000, size: 4MiB, access: rwx}"));
        one(ps, "the x86 protection unit cannot protect the monitor memory [0x81000000, 0x81200000): on x86 the"
                + " monitor memory must lie inside SMRAM");
    }

    // [utest->dsn~config.check.protection~2]
    @Test
    void riscvNamesMisalignmentOfARegionAndOfTheMonitor() {
        List<String> ps = problems("riscv", rtos("riscv", "",
                "{name: ram, base: 0x80400002, size: 4MiB, access: rwx}"));
        one(ps, "is misaligned for the riscv protection unit (granule 4 bytes)");
        ps = problems("riscv", rtos("riscv", "monitor:\n  memory: {base: 0x80000002, size: 2MiB}\n",
                "{name: ram, base: 0x80400000, size: 4MiB, access: rwx}"));
        one(ps, "the riscv protection unit cannot protect the monitor memory [0x80000002, 0x80200002): it is"
                + " misaligned for the riscv protection unit (granule 4 bytes)");
    }
}
