package warden.kernel;

import warden.kernel.api.Access;
import warden.kernel.api.Criticality;
import warden.kernel.api.SystemImage;
import warden.kernel.api.SystemImageBuilder;

/** System images used by the kernel tests. */
public final class Images {
    public static final long MON = 0x8000_0000L;
    public static final long RTOS_RAM = 0x8040_0000L;
    public static final long LINUX_RAM = 0x8100_0000L;
    public static final int CAN_LINE = 20;
    public static final int NIC_LINE = 30;

    private Images() {
    }

    /** rtos (ASIL-C, core 0) and linux (QM, cores 0 and 1), sharing core 0. */
    public static SystemImageBuilder shared() {
        SystemImageBuilder b = SystemImage.builder(2).monitor(MON, 0x20_0000L);
        int rtos = b.partition("rtos", Criticality.ASIL_C, 0b01, RTOS_RAM, 5_000_000, false);
        b.region(rtos, RTOS_RAM, 0x40_0000L, Access.ALL);
        b.device(rtos, "can0", 0x1001_0000L, 0x1000);
        b.line(rtos, CAN_LINE, 0, 7);
        int linux = b.partition("linux", Criticality.QM, 0b11, LINUX_RAM, 0, false);
        b.region(linux, LINUX_RAM, 0x100_0000L, Access.ALL);
        b.device(linux, "nic0", 0x1002_0000L, 0x1000);
        b.line(linux, NIC_LINE, 0, 1);
        return b;
    }

    /** Ring of the sensors channel (rtos to linux) and of the commands channel (linux to rtos). */
    public static final long SENSORS_RING = 0x8020_0000L;
    public static final long COMMANDS_RING = 0x8021_0000L;
    public static final int SENSORS_DOORBELL = 40;
    public static final int COMMANDS_DOORBELL = 41;

    /**
     * {@link #shared()} with channel 0 "sensors" rtos to linux (4 slots of 64 bytes, doorbell 40)
     * and channel 1 "commands" linux to rtos (2 slots of 16 bytes, doorbell 41).
     */
    public static SystemImageBuilder withChannels() {
        SystemImageBuilder b = shared();
        int s = b.channel("sensors", 0, 1, SENSORS_RING, 0x1000, 64, 4, SENSORS_DOORBELL, 0);
        b.channelProtection(s, 0x1234, 20_000_000L, 1);
        int c = b.channel("commands", 1, 0, COMMANDS_RING, 0x1000, 16, 2, COMMANDS_DOORBELL, 1);
        b.channelProtection(c, 0x4321, 50_000_000L, 2);
        return b;
    }
}
