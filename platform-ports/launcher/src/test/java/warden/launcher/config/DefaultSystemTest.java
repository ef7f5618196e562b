package warden.launcher.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import warden.kernel.api.Criticality;

/** The built-in default system loads, validates on the RISC-V target and has the documented content. */
class DefaultSystemTest {

    // [utest->dsn~config.default-system~1]
    @Test
    void defaultSystemIsValidAndAsDocumented() {
        LoadResult r = DefaultSystem.load();
        assertTrue(r.ok(), () -> r.problems().toString());
        SystemDescription d = r.description();
        assertEquals(List.of(), DescriptionValidator.validate(d, FakeTarget.riscv()));
        PartitionSpec rtos = d.partitions().get(0);
        assertEquals(List.of("rtos", Criticality.ASIL_C, List.of(0), List.of("uart1", "can0"), 5_000_000L),
                List.of(rtos.name(), rtos.criticality(), rtos.cores(), rtos.devices(), rtos.watchdogNs()));
        RtosSpec w = (RtosSpec) rtos.workload();
        assertEquals(List.of(3_000_000L, 1_000_000L), List.of(w.bootNs(), w.tickNs()));
        assertEquals(List.of(List.of(1_000_000L, 150_000L), List.of(5_000_000L, 600_000L),
                        List.of(10_000_000L, 1_500_000L)),
                w.tasks().stream().map(t -> List.of(t.periodNs(), t.wcetNs())).toList());
        assertEquals(new IsrSpec("can0", 20_000L, w.isr().loc()), w.isr());
        PartitionSpec linux = d.partitions().get(1);
        assertEquals(List.of(Criticality.QM, List.of(0, 1, 2, 3), List.of("uart0", "nic0")),
                List.of(linux.criticality(), linux.cores(), linux.devices()));
        assertTrue(linux.workload() instanceof RichOsSpec);
        assertEquals(List.of("can0", 2_000_000L, 0L), stimulus(d.stimuli().get(0)));
        assertEquals(List.of("nic0", 0L, 300_000L), stimulus(d.stimuli().get(1)));
        assertEquals(List.of(100_000_000L, 42L), List.of(d.run().durationNs(), d.run().seed()));
        assertEquals("default-system.yaml", d.source());
    }

    private static List<Object> stimulus(StimulusSpec s) {
        return List.of(s.device(), s.periodNs(), s.meanIntervalNs());
    }
}
