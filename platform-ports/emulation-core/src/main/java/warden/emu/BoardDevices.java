package warden.emu;

import warden.emu.dev.can.CanBoard;
import warden.emu.dev.nic.NicBoard;
import warden.kernel.api.SystemImage;

/**
 * What every board puts on its bus the same way (boot-time): the platform's RAM banks, and for a
 * catalog device that is not the architecture's own, a UART that prints to its owner's console, a
 * CAN controller on a CAN bus of its own ({@link CanBoard}), an Ethernet controller
 * ({@link NicBoard}), or a window with no registers. Ports
 * add their interrupt controller and timer devices themselves.
 */
public final class BoardDevices {
    private BoardDevices() {
    }

    /** Adds every RAM bank of the platform description to the bus. */
    public static void addRam(Bus bus, PlatformDescription d) {
        for (MemorySpec m : d.memory()) {
            bus.addRam(new PhysicalMemory(m.base(), m.size()));
        }
    }

    /**
     * @return a CAN controller added to {@code can} for a device of kind "can", else what
     *     {@link #common(DeviceSpec, SystemImage, ConsoleLog)} gives. [impl->dsn~can.board-wiring~1]
     */
    public static MmioDevice common(DeviceSpec d, SystemImage image, ConsoleLog console, CanBoard can) {
        if (d.kind().equals("can")) {
            return can.add(d.name(), d.line());
        }
        return common(d, image, console);
    }

    /**
     * @return a NIC added to {@code nic} (owned as the image says) for a device of kind "nic", else
     *     what {@link #common(DeviceSpec, SystemImage, ConsoleLog, CanBoard)} gives.
     *     [impl->dsn~nic.board-wiring~1]
     */
    public static MmioDevice common(DeviceSpec d, SystemImage image, ConsoleLog console, CanBoard can,
                                    NicBoard nic) {
        if (d.kind().equals("nic")) {
            return nic.add(d.name(), d.line(), ownerOf(image, d));
        }
        return common(d, image, console, can);
    }

    /** @return a UART printing to the console of the partition that owns it, or a register-less window. */
    public static MmioDevice common(DeviceSpec d, SystemImage image, ConsoleLog console) {
        if (!d.kind().equals("uart")) {
            return new NullDevice();
        }
        Uart u = new Uart(console);
        u.owner(ownerOf(image, d));
        return u;
    }

    /** @return the partition the image assigns device {@code d} to, or NO_PARTITION. */
    public static int ownerOf(SystemImage image, DeviceSpec d) {
        for (int i = 0; i < image.deviceTotal(); i++) {
            if (image.deviceBase(i) == d.base()) {
                return image.deviceOwner(i);
            }
        }
        return SystemImage.NO_PARTITION;
    }
}
