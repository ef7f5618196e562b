package warden.x86;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import warden.emu.Isolation;

/** What the validator must refuse on x86 without VT-x/EPT.  */
class X86IsolationRulesTest {
    private final X86Target target = new X86Target();

    private static Isolation.Partition part(String name, boolean critical, long base, long size, String dev,
                                            long devBase) {
        return new Isolation.Partition(name, critical, List.of(new Isolation.Window("ram", base, size)),
                List.of(new Isolation.Window(dev, devBase, 0x1000)));
    }

    // [utest->dsn~x86.isolation-rules~1]
    @Test
    void theDefaultLayoutIsAccepted() {
        assertEquals(List.of(), target.isolationProblems(List.of(
                part("rtos", true, 0x8040_0000L, 0x40_0000L, "can0", 0x8081_0000L),
                part("linux", false, 0x8100_0000L, 0x700_0000L, "nic0", 0xC002_0000L))));
    }

    // [utest->dsn~x86.isolation-rules~1]
    @Test
    void twoNonCriticalPartitionsCannotBeKeptApart() {
        List<Isolation.Problem> p = target.isolationProblems(List.of(
                part("a", false, 0x8100_0000L, 0x100_0000L, "nic0", 0xC002_0000L),
                part("b", false, 0x8200_0000L, 0x100_0000L, "nic1", 0xC002_1000L)));
        assertEquals(1, p.size(), p.toString());
        assertEquals(1, p.get(0).partition());
        assertTrue(p.get(0).message().contains("cannot keep non-critical partitions 'a' and 'b' apart"));
    }

    // [utest->dsn~x86.isolation-rules~1]
    @Test
    void criticalMemoryOrDevicesOutsideSmramAndRichMemoryInsideAreRefused() {
        List<Isolation.Problem> p = target.isolationProblems(List.of(
                part("rtos", true, 0x8100_0000L, 0x10_0000L, "nic0", 0xC002_0000L),
                part("linux", false, 0x8060_0000L, 0x10_0000L, "can1", 0x8081_1000L)));
        assertEquals(4, p.size(), p.toString());
        assertEquals(0, p.get(0).memoryIndex());
        assertEquals(0, p.get(1).deviceIndex());
        assertTrue(p.get(2).message().contains("which SMRR hides"));
    }
}
