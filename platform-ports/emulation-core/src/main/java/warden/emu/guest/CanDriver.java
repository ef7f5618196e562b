package warden.emu.guest;

import warden.emu.GuestCpu;
import warden.emu.dev.can.CanController;

/**
 * A guest's minimal driver of a {@link CanController} at {@code base}, through the guest's ordinary
 * loads and stores (checked by the protection unit like any access). At boot: enter INIT (so the
 * filters are writable again after a restart), mask and clear every interrupt flag, let filter 0
 * accept every standard frame (mask 0), enable the RXNE interrupt and leave INIT (join the bus).
 * In the interrupt handler: acknowledge RXNE (write 1 to clear, before draining, so a frame
 * arriving after the drain raises the line again), then pop every frame the FIFO holds (its fill
 * level from RXSTAT, at most the FIFO's largest depth), reading each frame's identifier.
 * A faulting access ends the routine (the partition does not own the window; the kernel saw the
 * fault).
 *
 * [impl->dsn~emu.guest.can-driver~1]
 */
public final class CanDriver {
    private final DeviceWindow window;
    private long frames;
    private long acks;
    private int lastId = -1;

    /** @param base the controller's MMIO window */
    public CanDriver(long base) {
        this.window = new DeviceWindow(base);
    }

    /** Programs the controller at boot. @return false when an access faulted */
    public boolean init(GuestCpu cpu) {
        return write(cpu, CanController.CTRL, CanController.CTRL_INIT)
                && write(cpu, CanController.IE, 0)
                && write(cpu, CanController.IR, CanController.IR_ALL)
                && write(cpu, CanController.FILTER, CanController.FILTER_ENABLE)
                && write(cpu, CanController.FILTER + 4, 0)
                && write(cpu, CanController.IE, CanController.IR_RXNE)
                && write(cpu, CanController.CTRL, 0);
    }

    /** The interrupt handler's device part. @return false when an access faulted */
    public boolean service(GuestCpu cpu) {
        if (!write(cpu, CanController.IR, CanController.IR_RXNE)) {
            return false;
        }
        acks++;
        if (!read(cpu, CanController.RXSTAT)) {
            return false;
        }
        int fill = (int) Math.min(cpu.lastValue() & 0xFF, CanController.RX_DEPTH_MAX);
        for (int i = 0; i < fill; i++) {
            if (!read(cpu, CanController.RXID)) {
                return false;
            }
            int id = (int) cpu.lastValue();
            if (!write(cpu, CanController.RXPOP, 1)) {
                return false;
            }
            lastId = id;
            frames++;
        }
        return true;
    }

    private boolean write(GuestCpu cpu, int offset, int value) {
        return window.write(cpu, offset, value);
    }

    private boolean read(GuestCpu cpu, int offset) {
        return window.read(cpu, offset);
    }

    /** @return frames popped from the receive FIFO. */
    public long frames() {
        return frames;
    }

    /** @return receive interrupts acknowledged (RXNE cleared). */
    public long acks() {
        return acks;
    }

    /** @return accesses that faulted. */
    public long faults() {
        return window.faults();
    }

    /** @return the identifier word (RXID) of the last frame popped, or -1. */
    public int lastId() {
        return lastId;
    }
}
