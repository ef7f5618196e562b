package warden.launcher.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import warden.emu.PlatformDescription;
import warden.emu.TargetInfo;
import warden.kernel.port.ProtectionUnit;
import warden.riscv.hw.Pmp;
import warden.riscv.hw.RiscvProtectionUnit;

/** The validator's protection checks against the real RISC-V PMP model (16 entries, G = 0). */
class RiscvProtectionUnitTest {
    static final TargetInfo RISCV = new TargetInfo() {
        @Override
        public PlatformDescription description() {
            return FakeTarget.RISCV;
        }

        @Override
        public ProtectionUnit newProtectionUnit() {
            return new RiscvProtectionUnit(new Pmp[0], 16, 0);
        }

        @Override
        public List<warden.emu.Isolation.Problem> isolationProblems(List<warden.emu.Isolation.Partition> ps) {
            return List.of();
        }
    };

    @Provide
    Arbitrary<Gen> systems() {
        return Gen.systems(1);
    }

    // [utest->dsn~config.check.protection~2]
    @Test
    void theDefaultSystemAndTheFixturesFitThePmp() {
        assertEquals(List.of(), DescriptionValidator.validate(DefaultSystem.load().description(), RISCV));
        for (String f : Fixtures.VALID) {
            assertEquals(List.of(), DescriptionValidator.validate(Fixtures.load(f), RISCV));
        }
    }

    // [utest->dsn~config.check.protection~2]
    @Property(seed = "41", tries = 100)
    void randomValidDescriptionsFitThePmp(@ForAll("systems") Gen g) {
        assertEquals(List.of(), DescriptionValidator.validate(Fixtures.load(g.yaml()), RISCV), g::yaml);
    }

    // [utest->dsn~config.check.protection~2]
    @Test
    void eightTorRegionsAndFourDevicesDoNotFit() {
        StringBuilder sb = new StringBuilder("partitions:\n  - name: big\n    criticality: QM\n    cores: [0]\n"
                + "    devices: [uart0, uart1, uart2, uart3]\n    memory:\n");
        for (int i = 0; i < 8; i++) {
            sb.append("      - {name: m").append(i).append(", base: ").append(0x80400000L + i * 0x100000L)
                    .append(", size: 12KiB, access: rw}\n");
        }
        sb.append("    workload: {kind: probe, accesses: [{address: 0x80400000, size: 4, access: read}]}\n");
        List<Problem> ps = DescriptionValidator.validate(Fixtures.load(sb.toString()), RISCV);
        assertEquals(1, ps.size(), ps::toString);
        assertTrue(ps.get(0).message().startsWith("partition 'big' needs more protection entries than the 16 the"
                + " riscv target has"), ps.get(0).message());
    }

    // [utest->dsn~config.check.protection~2]
    @Test
    void aRegionOffTheGranuleIsMisaligned() {
        List<Problem> ps = DescriptionValidator.validate(Fixtures.load(
                Fixtures.MINIMAL.replace("base: 0x80400000", "base: 0x80400002")), RISCV);
        assertEquals(List.of("partitions[0].memory[0]"), ps.stream().map(Problem::path).toList());
        assertTrue(ps.get(0).message().endsWith("is misaligned for the riscv protection unit (granule 4 bytes)"),
                ps.get(0).message());
    }
}
