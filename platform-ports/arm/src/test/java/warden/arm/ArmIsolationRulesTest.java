package warden.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import warden.emu.Isolation;
import warden.kernel.api.Access;

/** What one TZASC shared by all PEs cannot separate, refused by the Arm target. */
class ArmIsolationRulesTest {
    private final ArmTarget target = new ArmTarget();

    private static Isolation.Partition part(String name, boolean critical) {
        return new Isolation.Partition(name, critical, List.of(new Isolation.Window("ram", 0x8040_0000L, 0x1000,
                Access.ALL)), List.of());
    }

    // [utest->dsn~arm.topology~1]
    @Test
    void oneSecureAndOneNonSecurePartitionAreAccepted() {
        assertEquals(List.of(), target.isolationProblems(List.of(part("rtos", true), part("linux", false))));
        assertEquals(List.of(), target.isolationProblems(List.of(part("linux", false))));
        assertEquals(List.of(), target.isolationProblems(List.of(part("rtos", true))));
    }

    // [utest->dsn~arm.topology~1]
    @Test
    void aSecondPartitionOfEitherWorldIsRefusedAtThatPartition() {
        List<Isolation.Problem> p = target.isolationProblems(List.of(part("rtos", true), part("a", false),
                part("b", false), part("safety", true), part("c", false)));
        assertEquals(3, p.size(), p.toString());
        assertEquals(2, p.get(0).partition());
        assertEquals(-1, p.get(0).memoryIndex());
        assertEquals(-1, p.get(0).deviceIndex());
        assertTrue(p.get(0).message().startsWith("arm cannot keep non-critical partitions 'a' and 'b' apart: both"
                + " run in the Non-secure world"), p.get(0).message());
        assertTrue(p.get(0).message().contains("needs stage-2 translation at EL2"), p.get(0).message());
        assertEquals(3, p.get(1).partition());
        assertTrue(p.get(1).message().startsWith("arm cannot keep critical partitions 'rtos' and 'safety' apart:"
                + " both run in the Secure world"), p.get(1).message());
        assertTrue(p.get(1).message().contains("needs Secure EL2 (Armv8.4)"), p.get(1).message());
        assertEquals(4, p.get(2).partition());
        assertTrue(p.get(2).message().contains("'a' and 'c'"), p.get(2).message());
    }
}
