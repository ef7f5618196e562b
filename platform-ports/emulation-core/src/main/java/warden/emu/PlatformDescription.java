package warden.emu;

import java.util.List;

/**
 * A board as data, in the way Bao and OpenSBI describe boards: its cores, clock, RAM, devices,
 * interrupt lines and protection-unit parameters, and the monitor's default reserved memory.
 * Architecture ports provide one; the validator and the machine builder read it.
 *
 * @param target          target name ("riscv", "arm", "x86")
 * @param board           board name, e.g. "qemu-virt-like"
 * @param cores           number of cores (harts, PEs)
 * @param cpuHz           core clock, used to turn modeled cycle costs into nanoseconds
 * @param timebaseHz      frequency of the monitor timer's counter (RISC-V mtime: 10 MHz on virt)
 * @param memory          RAM ranges
 * @param devices         device catalog
 * @param lines           number of interrupt lines (valid lines are 1..lines-1)
 * @param protectionEntries entries of the protection unit (PMP entries, TZASC regions)
 * @param protectionGranule smallest protection granule in bytes (PMP: 2^(G+2))
 * @param monitorBase     default base of the monitor's reserved memory
 * @param monitorSize     default size of the monitor's reserved memory
 */
public record PlatformDescription(String target, String board, int cores, long cpuHz, long timebaseHz,
                                  List<MemorySpec> memory, List<DeviceSpec> devices, int lines,
                                  int protectionEntries, long protectionGranule,
                                  long monitorBase, long monitorSize) {

    /** @return the device with this name, or null. */
    public DeviceSpec device(String name) {
        for (DeviceSpec d : devices) {
            if (d.name().equals(name)) {
                return d;
            }
        }
        return null;
    }

    /** @return true when [base, base+size) lies entirely inside one RAM range. */
    public boolean inRam(long base, long size) {
        for (MemorySpec m : memory) {
            if (m.contains(base, size)) {
                return true;
            }
        }
        return false;
    }
}
