package warden.riscv;

import java.util.List;
import warden.emu.DeviceSpec;
import warden.emu.MemorySpec;
import warden.emu.PlatformDescription;

/**
 * A QEMU-virt-like RISC-V board as data (addresses as in QEMU's hw/riscv/virt.c memory map:
 * CLINT 0x0200_0000, PLIC 0x0C00_0000, UART0 0x1000_0000, DRAM 0x8000_0000; timebase 10 MHz),
 * with extra UARTs, CAN and NIC windows so that each partition can own its devices.
 *
 * @param description the board
 * @param pmpEntries  PMP entries per hart (0, 16 or 64)
 * @param pmpG        PMP granularity G (granule 2^(G+2) bytes)
 * @param costs       modeled monitor costs
 *
 * [impl->dsn~riscv.platform.virt~1]
 */
public record RiscvPlatform(PlatformDescription description, int pmpEntries, int pmpG, CostModel costs) {

    public static RiscvPlatform virt() {
        return virt(4, 16, 0);
    }

    public static RiscvPlatform virt(int harts, int pmpEntries, int pmpG) {
        long cpuHz = 1_000_000_000L;
        PlatformDescription d = new PlatformDescription("riscv", "qemu-virt-like", harts, cpuHz, 10_000_000L,
            List.of(new MemorySpec("dram", 0x8000_0000L, 0x4000_0000L)),
            List.of(
                new DeviceSpec("clint", "clint", 0x0200_0000L, 0x1_0000L, 0, true),
                new DeviceSpec("plic", "plic", 0x0C00_0000L, 0x400_0000L, 0, true),
                // the PLIC a partition's own driver programs (VirtualPlic): for guests that run Linux
                new DeviceSpec("vplic", VirtualPlic.KIND, 0x0800_0000L, 0x40_0000L, 0, false),
                new DeviceSpec("uart0", "uart", 0x1000_0000L, 0x100L, 10, false),
                new DeviceSpec("uart1", "uart", 0x1000_1000L, 0x100L, 11, false),
                new DeviceSpec("uart2", "uart", 0x1000_2000L, 0x100L, 12, false),
                new DeviceSpec("uart3", "uart", 0x1000_3000L, 0x100L, 13, false),
                new DeviceSpec("can0", "can", 0x1001_0000L, 0x1000L, 20, false),
                new DeviceSpec("can1", "can", 0x1001_1000L, 0x1000L, 21, false),
                new DeviceSpec("nic0", "nic", 0x1002_0000L, 0x1000L, 30, false),
                new DeviceSpec("nic1", "nic", 0x1002_1000L, 0x1000L, 31, false)),
            128, pmpEntries, 1L << (pmpG + 2), 0x8000_0000L, 0x20_0000L);
        return new RiscvPlatform(d, pmpEntries, pmpG, CostModel.defaults(cpuHz));
    }
}
