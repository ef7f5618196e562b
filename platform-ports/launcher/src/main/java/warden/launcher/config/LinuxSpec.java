package warden.launcher.config;

import warden.riscv.ElfPartition;
import warden.riscv.LinuxImage;

/**
 * A partition that boots a Linux kernel ({@code kind: linux}): the kernel {@code Image} file as
 * written and as found, the parsed image, the kernel command line, and once resolved against the
 * board ({@link ElfWorkloads}) the golden image (the partition's device tree) and entry point.
 *
 * @param file     the image path as written
 * @param image    the parsed kernel Image
 * @param bootargs the kernel command line (/chosen/bootargs)
 * @param resolved the device tree image for the board, or null before resolution
 * @param loc      where the workload mapping starts
 *
 * [impl->dsn~config.workload.linux~1]
 */
public record LinuxSpec(String file, LinuxImage image, String bootargs, ElfPartition resolved, Loc loc)
        implements WorkloadSpec {
    /** The command line when the description gives none: the console on the first UART, earlycon through the SBI. */
    public static final String DEFAULT_BOOTARGS = "console=ttyS0 earlycon=sbi";

    /** @return this workload with its device tree for the board. */
    public LinuxSpec with(ElfPartition tree) {
        return new LinuxSpec(file, image, bootargs, tree, loc);
    }
}
