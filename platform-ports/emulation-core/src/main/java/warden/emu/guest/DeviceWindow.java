package warden.emu.guest;

import warden.emu.GuestCpu;

/**
 * A guest driver's view of a device's MMIO window at {@code base}: 32-bit register reads and writes
 * through the guest's ordinary loads and stores (checked by the protection unit like any access),
 * counting those that faulted.
 */
final class DeviceWindow {
    private final long base;
    private long faults;

    DeviceWindow(long base) {
        this.base = base;
    }

    /** Writes register {@code offset}. @return false when the store faulted */
    boolean write(GuestCpu cpu, int offset, int value) {
        return store(cpu, base + offset, 4, value & 0xFFFF_FFFFL);
    }

    /** Reads register {@code offset} into the CPU's last value. @return false when the load faulted */
    boolean read(GuestCpu cpu, int offset) {
        return load(cpu, base + offset, 4);
    }

    /** A load from the guest's own memory, counted as the window's when it faults. @return false then */
    boolean load(GuestCpu cpu, long address, int size) {
        if (cpu.load(address, size) == GuestCpu.OK) {
            return true;
        }
        faults++;
        return false;
    }

    /** A store to the guest's own memory, counted as the window's when it faults. @return false then */
    boolean store(GuestCpu cpu, long address, int size, long value) {
        if (cpu.store(address, size, value) == GuestCpu.OK) {
            return true;
        }
        faults++;
        return false;
    }

    long faults() {
        return faults;
    }
}
