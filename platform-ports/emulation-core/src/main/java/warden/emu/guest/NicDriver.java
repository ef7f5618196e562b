package warden.emu.guest;

import warden.emu.GuestCpu;
import warden.emu.dev.nic.NicController;
import warden.emu.dev.nic.NicDescriptor;

/**
 * A guest's minimal driver of a {@link NicController} at {@code base}, with its receive ring of
 * {@link #RING} descriptors and their 2048-byte buffers in the guest's own RAM at {@code area}
 * (descriptors first, then the buffers), through the guest's ordinary loads and stores (checked
 * by the protection unit like any access). At boot: receive off, every interrupt masked and
 * cleared, the station address set, each descriptor pointed at its buffer with its status
 * cleared, the ring's base and length, head 0 and tail {@code RING - 1} (every descriptor but one
 * to the device), RXT, RXO and DMAE enabled, receive on. In the interrupt handler: acknowledge
 * every cause read (write 1 to clear, before draining), then take the frames: from the descriptor
 * after the tail on, while a descriptor's DD is set (at most {@code RING}), read its length, clear
 * its status and hand it back by moving the tail onto it. The driver keeps no ring position of its
 * own (it reads the tail), so every vCPU of the partition may run the handler. A faulting access
 * ends the routine.
 *
 * [impl->dsn~emu.guest.nic-driver~1]
 */
public final class NicDriver {
    /** Descriptors of the receive ring. */
    public static final int RING = 8;
    /** Bytes of guest RAM the ring and its buffers take. */
    public static final long AREA = RING * (NicDescriptor.SIZE + (long) NicDescriptor.BUFFER);
    /** The station address the driver sets: 02:57:44:00:00:02 (locally administered). */
    public static final long MAC = 0x0200_0044_5702L;

    private final DeviceWindow window;
    private final long area;
    private long frames;
    private long bytes;

    /** @param base the controller's MMIO window; @param area 16-byte aligned guest RAM of {@link #AREA} bytes */
    public NicDriver(long base, long area) {
        this.window = new DeviceWindow(base);
        this.area = area;
    }

    /** Programs the controller and the ring at boot. @return false when an access faulted */
    public boolean init(GuestCpu cpu) {
        if (!write(cpu, NicController.CTRL, 0) || !write(cpu, NicController.IMS, 0)
                || !write(cpu, NicController.ICR, NicController.ICR_ALL)
                || !write(cpu, NicController.RAL, (int) MAC) || !write(cpu, NicController.RAH, (int) (MAC >>> 32))) {
            return false;
        }
        for (int i = 0; i < RING; i++) {
            long d = area + (long) i * NicDescriptor.SIZE;
            if (!ram(cpu, d, area + RING * NicDescriptor.SIZE + (long) i * NicDescriptor.BUFFER)
                    || !ram(cpu, d + NicDescriptor.LENGTH, 0)) {
                return false;
            }
        }
        return write(cpu, NicController.RDBAL, (int) area) && write(cpu, NicController.RDBAH, (int) (area >>> 32))
                && write(cpu, NicController.RDLEN, RING * NicDescriptor.SIZE)
                && write(cpu, NicController.RDH, 0) && write(cpu, NicController.RDT, RING - 1)
                && write(cpu, NicController.IMS, NicController.ICR_RXT | NicController.ICR_RXO | NicController.ICR_DMAE)
                && write(cpu, NicController.CTRL, NicController.CTRL_RXEN);
    }

    /** The interrupt handler's device part. @return false when an access faulted */
    public boolean service(GuestCpu cpu) {
        if (!read(cpu, NicController.ICR) || !write(cpu, NicController.ICR, (int) cpu.lastValue())
                || !read(cpu, NicController.RDT)) {
            return false;
        }
        int tail = (int) cpu.lastValue();
        for (int i = 0; i < RING; i++) {
            int next = (tail + 1) % RING;
            long d = area + (long) next * NicDescriptor.SIZE;
            if (!window.load(cpu, d + NicDescriptor.LENGTH, 8)) {
                return false;
            }
            long word = cpu.lastValue();
            if ((word >>> 32 & NicDescriptor.DD) == 0) {
                return true;
            }
            if (!ram(cpu, d + NicDescriptor.LENGTH, 0) || !write(cpu, NicController.RDT, next)) {
                return false;
            }
            frames++;
            bytes += word & 0xFFFF;
            tail = next;
        }
        return true;
    }

    private boolean ram(GuestCpu cpu, long address, long value) {
        return window.store(cpu, address, 8, value);
    }

    private boolean write(GuestCpu cpu, int offset, int value) {
        return window.write(cpu, offset, value);
    }

    private boolean read(GuestCpu cpu, int offset) {
        return window.read(cpu, offset);
    }

    /** @return frames taken from the receive ring. */
    public long frames() { return frames; }
    /** @return bytes of the frames taken. */
    public long bytes() { return bytes; }
    /** @return accesses that faulted. */
    public long faults() { return window.faults(); }
}
