package warden.x86;

import java.util.List;
import warden.emu.DeviceSpec;
import warden.emu.MemorySpec;
import warden.emu.PlatformDescription;
import warden.x86.hw.X86ProtectionUnit;

/**
 * A 4-core x86 board as data: RAM below a PCI hole at 0xC000_0000, a TSEG-like SMRAM at
 * 0x8000_0000 that SMRR fences (16 MiB: 8 MiB of DRAM for the monitor, SMI handlers and the
 * safety partition, then an 8 MiB window of device BARs that only SMM code can reach), the rich
 * OS's devices in the PCI hole, and the I/O APIC, HPET and local APICs at their usual addresses.
 * The addresses let the RISC-V default system run unchanged. One SMBASE per core:
 * {@code smramBase + core * 64 KiB} (handler at +8000h, save map at +FE00h).
 *
 * @param description the board
 * @param smramBase   SMRR base (2^n aligned)
 * @param smramSize   SMRR size (2^n)
 * @param smbaseStride distance between the cores' SMBASEs
 * @param costs       modeled SMM costs
 *
 * [impl->dsn~x86.platform~1]
 */
public record X86Platform(PlatformDescription description, long smramBase, long smramSize, long smbaseStride,
                          CostModel costs) {
    /** Where a core with nothing to run waits outside SMRAM (a HLT loop of the monitor's). */
    public static final long PARK_RIP = 0x0000_F000L;

    public static X86Platform q35Like() {
        long cpuHz = 2_000_000_000L;
        PlatformDescription d = new PlatformDescription("x86", "q35-smm-like", 4, cpuHz, 1_000_000_000L,
            List.of(new MemorySpec("dram-low", 0x0L, 0x8000_0000L),
                    new MemorySpec("tseg", 0x8000_0000L, 0x80_0000L),
                    new MemorySpec("dram", 0x8100_0000L, 0x3F00_0000L)),
            List.of(
                new DeviceSpec("ioapic", "ioapic", 0xFEC0_0000L, 0x1000L, 0, true),
                new DeviceSpec("hpet", "smi-timer", 0xFED0_0000L, 0x1000L, 0, true),
                new DeviceSpec("lapic", "lapic", 0xFEE0_0000L, 0x1000L, 0, true),
                new DeviceSpec("uart1", "uart", 0x8080_0000L, 0x1000L, 11, false),
                new DeviceSpec("uart3", "uart", 0x8080_1000L, 0x1000L, 13, false),
                new DeviceSpec("can0", "can", 0x8081_0000L, 0x1000L, 20, false),
                new DeviceSpec("can1", "can", 0x8081_1000L, 0x1000L, 21, false),
                new DeviceSpec("uart0", "uart", 0xC000_0000L, 0x1000L, 10, false),
                new DeviceSpec("uart2", "uart", 0xC000_1000L, 0x1000L, 12, false),
                new DeviceSpec("nic0", "nic", 0xC002_0000L, 0x1000L, 30, false),
                new DeviceSpec("nic1", "nic", 0xC002_1000L, 0x1000L, 31, false)),
            64, X86ProtectionUnit.REGIONS_MAX, 0x1000L, 0x8000_0000L, 0x20_0000L);
        return new X86Platform(d, 0x8000_0000L, 0x100_0000L, 0x1_0000L, CostModel.defaults(cpuHz));
    }

    /** @return core {@code c}'s relocated SMBASE. */
    public long smbase(int c) {
        return smramBase + c * smbaseStride;
    }

    /** @return every core's SMBASE. */
    public long[] smbases() {
        long[] s = new long[description.cores()];
        for (int c = 0; c < s.length; c++) {
            s[c] = smbase(c);
        }
        return s;
    }


}
