package warden.riscv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import warden.emu.DeviceSpec;
import warden.emu.PlatformDescription;

class RiscvPlatformTest {

    // [utest->dsn~riscv.platform.virt~1]
    @Test
    void theVirtBoardHasQemuVirtsMemoryMap() {
        RiscvPlatform p = RiscvPlatform.virt();
        PlatformDescription d = p.description();
        assertEquals(4, d.cores());
        assertEquals(10_000_000L, d.timebaseHz());
        assertEquals(0x8000_0000L, d.memory().get(0).base());
        assertEquals(0x0200_0000L, d.device("clint").base());
        assertEquals(0x0C00_0000L, d.device("plic").base());
        assertEquals(0x1000_0000L, d.device("uart0").base());
        assertEquals(10, d.device("uart0").line());
        assertEquals(16, p.pmpEntries());
        assertEquals(4, d.protectionGranule());
        assertTrue(d.device("clint").monitorOnly() && d.device("plic").monitorOnly());
        for (DeviceSpec s : d.devices()) {
            assertTrue(s.line() < d.lines(), s.name());
            assertTrue(!d.inRam(s.base(), s.size()), s.name() + " is not RAM");
        }
        assertTrue(d.inRam(d.monitorBase(), d.monitorSize()));
    }
}
