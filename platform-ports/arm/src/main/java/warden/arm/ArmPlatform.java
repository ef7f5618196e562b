package warden.arm;

import java.util.List;
import warden.emu.DeviceSpec;
import warden.emu.MemorySpec;
import warden.emu.PlatformDescription;

/**
 * A QEMU-virt-like Armv8-A board with {@code secure=on}, as data (addresses from QEMU's
 * hw/arm/virt.c memory map: GIC distributor 0x0800_0000, redistributors 0x080A_0000, UART0
 * 0x0900_0000 on SPI 1 = INTID 33, secure UART 0x0904_0000 on SPI 8 = INTID 40, secure RAM
 * 0x0E00_0000 (16 MiB), RAM from 0x4000_0000; CNTFRQ 62.5 MHz). RAM is 2 GiB so that it covers
 * 0x4000_0000-0xBFFF_FFFF, which holds the addresses the RISC-V descriptions use: the same
 * system descriptions run on both targets. Extra devices sit in the platform-bus window at
 * 0x0C00_0000 on SPIs 64-69 (INTIDs 96-101; QEMU numbers its platform-bus SPIs from 112, above
 * the kernel's 128 lines). One TZC-400 filter per PE, programming interfaces at 0x090C_0000 + 0x1000 * PE.
 *
 * @param description    the board (lines = GIC INTIDs 0..127; protection entries = TZC regions 1-8)
 * @param counterHz      CNTFRQ_EL0, the generic timer's counter frequency
 * @param nsaid          the NSAID the PEs' Non-secure accesses carry at the TZC-400
 * @param costs          modeled monitor costs
 *
 * [impl->dsn~arm.platform.virt~1]
 */
public record ArmPlatform(PlatformDescription description, long counterHz, int nsaid, CostModel costs) {
    public static final long SECURE_RAM = 0x0E00_0000L;

    public static ArmPlatform virt() {
        long cpuHz = 1_000_000_000L;
        long cntfrq = 62_500_000L;
        PlatformDescription d = new PlatformDescription("arm", "qemu-virt-like, secure=on", 4, cpuHz, cntfrq,
            List.of(new MemorySpec("secure-ram", SECURE_RAM, 0x100_0000L),
                    new MemorySpec("dram", 0x4000_0000L, 0x8000_0000L)),
            List.of(
                new DeviceSpec("gicd", "gicd", 0x0800_0000L, 0x1_0000L, 0, true),
                new DeviceSpec("gicr", "gicr", 0x080A_0000L, 0x8_0000L, 0, true),
                new DeviceSpec("tzc", "tzc400", 0x090C_0000L, 0x4000L, 0, true),
                new DeviceSpec("uart0", "uart", 0x0900_0000L, 0x1000L, 33, false),
                new DeviceSpec("uart1", "uart", 0x0904_0000L, 0x1000L, 40, false),
                new DeviceSpec("uart2", "uart", 0x0C00_0000L, 0x1000L, 96, false),
                new DeviceSpec("uart3", "uart", 0x0C00_1000L, 0x1000L, 97, false),
                new DeviceSpec("can0", "can", 0x0C01_0000L, 0x1000L, 98, false),
                new DeviceSpec("can1", "can", 0x0C01_1000L, 0x1000L, 99, false),
                new DeviceSpec("nic0", "nic", 0x0C02_0000L, 0x1000L, 100, false),
                new DeviceSpec("nic1", "nic", 0x0C02_1000L, 0x1000L, 101, false)),
            128, 8, 0x1000L, SECURE_RAM, 0x20_0000L);
        return new ArmPlatform(d, cntfrq, 0, CostModel.defaults(cpuHz));
    }
}
