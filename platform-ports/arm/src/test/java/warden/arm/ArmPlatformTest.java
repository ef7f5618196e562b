package warden.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import warden.emu.DeviceSpec;
import warden.emu.PlatformDescription;

/** The QEMU-virt-like board: QEMU's addresses and INTIDs, RAM that holds the RISC-V descriptions' addresses. */
class ArmPlatformTest {
    private final PlatformDescription d = ArmPlatform.virt().description();

    // [utest->dsn~arm.platform.virt~1]
    @Test
    void theBoardHasQemuVirtsAddressesAndLines() {
        assertEquals("arm", d.target());
        assertEquals(4, d.cores());
        assertEquals(62_500_000L, d.timebaseHz());
        assertEquals(0x0800_0000L, d.device("gicd").base());
        assertEquals(0x080A_0000L, d.device("gicr").base());
        assertEquals(0x0900_0000L, d.device("uart0").base());
        assertEquals(33, d.device("uart0").line(), "SPI 1");
        assertEquals(40, d.device("uart1").line(), "the secure UART, SPI 8");
        assertEquals(128, d.lines());
        assertEquals(8, d.protectionEntries());
        assertEquals(0x1000L, d.protectionGranule());
    }

    // [utest->dsn~arm.platform.virt~1]
    @Test
    void ramStartsAt1GiBAndCoversTheAddressesOfTheRiscvDescriptions() {
        assertTrue(d.inRam(0x4000_0000L, 1));
        assertTrue(d.inRam(0x8000_0000L, 0x4000_0000L));
        assertTrue(d.inRam(d.monitorBase(), d.monitorSize()), "monitor in secure RAM");
        assertEquals(ArmPlatform.SECURE_RAM, d.monitorBase());
    }

    // [utest->dsn~arm.platform.virt~1]
    @Test
    void everyDeviceLineIsAnSpiAndEveryWindowIsTzcGranular() {
        for (DeviceSpec s : d.devices()) {
            assertEquals(0, s.base() % 0x1000, s.name());
            assertEquals(0, s.size() % 0x1000, s.name());
            assertTrue(s.line() == 0 || (s.line() >= 32 && s.line() < d.lines()), s.name());
            assertEquals(s.line() == 0, s.monitorOnly(), s.name());
        }
        for (String n : new String[] {"uart0", "uart1", "uart2", "uart3", "can0", "can1", "nic0", "nic1"}) {
            assertTrue(d.device(n) != null, n);
        }
    }
}
