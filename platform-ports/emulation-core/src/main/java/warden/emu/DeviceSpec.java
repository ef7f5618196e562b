package warden.emu;

/**
 * One device of a platform description: its name (what system descriptions refer to), its kind,
 * its MMIO window and its interrupt line (0 for none). {@code monitorOnly} devices (the interrupt
 * controller, the monitor timer) can never be assigned to a partition.
 *
 * @param name        name used in system descriptions, e.g. "uart0"
 * @param kind        "uart", "can", "nic", "clint", "plic", ...
 * @param base        physical base address of the MMIO window
 * @param size        size of the MMIO window in bytes
 * @param line        interrupt line (PLIC source, GIC INTID, ...), 0 when the device has none
 * @param monitorOnly true when the device belongs to the monitor
 */
public record DeviceSpec(String name, String kind, long base, long size, int line, boolean monitorOnly) {
}
