package warden.x86;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import warden.emu.Isolation;
import warden.kernel.api.Access;

/** What the validator must refuse on x86 without VT-x/EPT.  */
class X86IsolationRulesTest {
    private final X86Target target = new X86Target();

    private static Isolation.Partition part(String name, boolean critical, long base, long size, String dev,
                                            long devBase) {
        return part(name, critical, base, size, Access.ALL, dev, devBase);
    }

    private static Isolation.Partition part(String name, boolean critical, long base, long size, int access,
                                            String dev, long devBase) {
        return new Isolation.Partition(name, critical, List.of(new Isolation.Window("ram", base, size, access)),
                List.of(new Isolation.Window(dev, devBase, 0x1000, Access.READ | Access.WRITE)));
    }

    // [utest->dsn~x86.region-access~1]
    @Test
    void aNonCriticalRegionThatIsNotRwxIsRefusedWithWhatThePartitionCanStillDo() {
        int[] refused = {Access.READ, Access.READ | Access.WRITE, Access.READ | Access.EXECUTE, Access.EXECUTE};
        String[] can = {"write and execute", "execute", "write", "read and write"};
        for (int k = 0; k < refused.length; k++) {
            List<Isolation.Problem> p = target.isolationProblems(List.of(
                    part("rtos", true, 0x8040_0000L, 0x40_0000L, "can0", 0x8081_0000L),
                    part("linux", false, 0x8100_0000L, 0x700_0000L, refused[k], "nic0", 0xC002_0000L)));
            assertEquals(1, p.size(), p.toString());
            assertEquals(1, p.get(0).partition());
            assertEquals(0, p.get(0).memoryIndex());
            assertEquals(-1, p.get(0).deviceIndex());
            String m = p.get(0).message();
            assertTrue(m.contains("region 'ram' of non-critical partition 'linux' is declared '"), m);
            assertTrue(m.contains("x86 without VT-x/EPT cannot enforce"), m);
            assertTrue(m.contains("only SMRR restricts memory"), m);
            assertTrue(m.contains("so it can also " + can[k] + " it; declare it 'rwx'"), m);
        }
    }

    // [utest->dsn~x86.region-access~1]
    @Test
    void aCriticalRegionMayBeAnythingButExecuteOnly() {
        int[] ok = {Access.READ, Access.READ | Access.WRITE, Access.READ | Access.EXECUTE, Access.ALL};
        for (int a : ok) {
            assertEquals(List.of(), target.isolationProblems(List.of(
                    part("rtos", true, 0x8040_0000L, 0x40_0000L, a, "can0", 0x8081_0000L))));
        }
        List<Isolation.Problem> p = target.isolationProblems(List.of(
                part("rtos", true, 0x8040_0000L, 0x40_0000L, Access.EXECUTE, "can0", 0x8081_0000L)));
        assertEquals(1, p.size(), p.toString());
        assertEquals(0, p.get(0).memoryIndex());
        assertTrue(p.get(0).message().contains("is declared 'x' (execute-only), which x86 paging cannot express"),
                p.get(0).message());
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
