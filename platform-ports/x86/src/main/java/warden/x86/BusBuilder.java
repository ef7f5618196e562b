package warden.x86;

import warden.emu.Bus;
import warden.emu.ConsoleLog;
import warden.emu.DeviceSpec;
import warden.emu.MemorySpec;
import warden.emu.MmioDevice;
import warden.emu.NullDevice;
import warden.emu.PhysicalMemory;
import warden.emu.PlatformDescription;
import warden.emu.Uart;
import warden.kernel.api.SystemImage;

/** Puts a platform description's RAM and devices on a bus (boot-time): UARTs print, the rest read 0. */
final class BusBuilder {
    private BusBuilder() {
    }

    static void build(Bus bus, PlatformDescription d, SystemImage image, ConsoleLog console) {
        for (MemorySpec mem : d.memory()) {
            bus.addRam(new PhysicalMemory(mem.base(), mem.size()));
        }
        for (DeviceSpec dev : d.devices()) {
            MmioDevice m = new NullDevice();
            if (dev.kind().equals("uart")) {
                Uart u = new Uart(console);
                u.owner(ownerOf(image, dev));
                m = u;
            }
            bus.addDevice(dev.base(), dev.size(), m);
        }
    }

    private static int ownerOf(SystemImage image, DeviceSpec d) {
        for (int i = 0; i < image.deviceTotal(); i++) {
            if (image.deviceBase(i) == d.base()) {
                return image.deviceOwner(i);
            }
        }
        return SystemImage.NO_PARTITION;
    }
}
