package warden.launcher.config;

import warden.riscv.ElfPartition;
import warden.riscv.cpu.ElfImage;

/**
 * A partition that runs a real binary ({@code kind: elf}): the ELF file (relative to the
 * description), its bytes (their SHA-256 checked against {@code sha256:} when read), the parsed
 * executable and, once resolved against the target's board ({@link ElfWorkloads}), the golden image
 * with the partition's device tree behind the segments.
 *
 * @param file     the file name as written
 * @param elf      the parsed executable
 * @param resolved the golden image for the board, or null before resolution
 * @param loc      where the workload mapping starts
 *
 * [impl->dsn~config.workload.elf~1]
 */
public record ElfSpec(String file, ElfImage elf, ElfPartition resolved, Loc loc) implements WorkloadSpec {
    /** @return this workload with its golden image for the board. */
    public ElfSpec with(ElfPartition image) {
        return new ElfSpec(file, elf, image, loc);
    }
}
