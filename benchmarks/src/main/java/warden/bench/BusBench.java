package warden.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import warden.emu.Bus;
import warden.emu.GuestCpu;
import warden.emu.NullDevice;
import warden.emu.PhysicalMemory;

/**
 * Bus access: a guest's 8-byte load and store in its own RAM on each real port (protection check
 * and bus route), and the bare {@link Bus} with the x86 board's three RAM banks and eleven device
 * windows, reading the last bank (the linear lookup's worst case) and a device window.
 */
public class BusBench extends NanoBench {
    private static final long DEVICE = 0xC000_0000L;
    private static final long LAST_BANK = 0x8100_0000L;

    @Param({"riscv", "arm", "x86"})
    public String port;

    private GuestCpu guest;
    private long ram;
    private Bus bus;
    private long value;

    @Setup(Level.Trial)
    public void setUp() {
        Rigs.Rig r = Rigs.boot(port);
        int p = r.monitor.running(0);
        guest = r.board.guest(0);
        ram = Rigs.partitionRam(port)[p] + 0x1000L;
        if (guest.store(ram, 8, 42) != GuestCpu.OK || guest.load(ram, 8) != GuestCpu.OK) {
            throw new IllegalStateException(port + ": the running partition cannot reach its RAM at 0x"
                    + Long.toHexString(ram));
        }
        bus = new Bus();
        bus.addRam(new PhysicalMemory(0x0L, 0x10_0000L));
        bus.addRam(new PhysicalMemory(0x8000_0000L, 0x10_0000L));
        bus.addRam(new PhysicalMemory(LAST_BANK, 0x10_0000L));
        for (int i = 0; i < 11; i++) {
            bus.addDevice(DEVICE + i * 0x1000L, 0x1000L, new NullDevice());
        }
    }

    /** @return the load's status plus the value read. */
    @Benchmark
    public long guestLoad() {
        return guest.load(ram, 8) + guest.lastValue();
    }

    /** @return the store's status. */
    @Benchmark
    public int guestStore() {
        value++;
        return guest.store(ram, 8, value);
    }

    /** @return the read's status plus the value read. */
    @Benchmark
    public long busReadLastBank() {
        return bus.read(LAST_BANK + 0x100L, 8, 0) + bus.lastValue();
    }

    /** @return the read's status plus the value read. */
    @Benchmark
    public long busReadDevice() {
        return bus.read(DEVICE + 10 * 0x1000L, 4, 0) + bus.lastValue();
    }
}
