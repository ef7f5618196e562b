package warden.emu.port;

import warden.emu.Bus;
import warden.emu.ConsoleLog;
import warden.kernel.port.Console;
import warden.kernel.port.CpuContext;
import warden.kernel.port.GuestMemory;
import warden.kernel.port.InterruptController;
import warden.kernel.port.Platform;
import warden.kernel.port.ProtectionUnit;
import warden.kernel.port.SignatureEngine;
import warden.kernel.port.SnapshotStore;
import warden.kernel.port.Timer;

/**
 * The kernel's view of an emulated board ({@link Platform}), assembled from the parts a port
 * models: its CPU context and timer (the port's adaptor), its protection unit and interrupt
 * controller (its hardware models), and the board's bus and console, which are the same on every
 * architecture. The console stamps each byte with the time of the core the monitor last ran on;
 * the monitor's memory view reads and writes RAM on the bus, and a mediated device's registers as
 * 32-bit accesses on the bus at the time of the core the monitor runs on.
 *
 * [impl->dsn~port.device-access~1]
 */
public final class PortAssembly implements Platform, Console, GuestMemory {
    private final String name;
    private final int cores;
    private final CpuContext cpu;
    private final ProtectionUnit protection;
    private final InterruptController interrupts;
    private final Timer timer;
    private final Bus bus;
    private final ConsoleLog console;
    private final SignatureEngine signatures = new Ed25519Engine();
    private final SnapshotStore snapshots;
    private int monitorCore = -1;

    /** Parts of one board; {@code name} is the target's short name ("riscv"). Boot-time. */
    public PortAssembly(String name, int cores, CpuContext cpu, ProtectionUnit protection,
                        InterruptController interrupts, Timer timer, Bus bus, ConsoleLog console,
                        SnapshotStore snapshots) {
        this.snapshots = snapshots;
        this.name = name;
        this.cores = cores;
        this.cpu = cpu;
        this.protection = protection;
        this.interrupts = interrupts;
        this.timer = timer;
        this.bus = bus;
        this.console = console;
    }

    /** The monitor runs on {@code core} now (its trap entry): console output takes that core's time. */
    public void monitorOn(int core) {
        monitorCore = core;
    }

    @Override public String targetName() { return name; }
    @Override public int coreCount() { return cores; }
    @Override public CpuContext cpu() { return cpu; }
    @Override public ProtectionUnit protection() { return protection; }
    @Override public InterruptController interrupts() { return interrupts; }
    @Override public Timer timer() { return timer; }
    @Override public Console console() { return this; }
    @Override public GuestMemory memory() { return this; }
    /** The board's Ed25519 engine. [impl->dsn~port.signature-engine~1] */
    @Override public SignatureEngine signatures() { return signatures; }
    @Override public SnapshotStore snapshots() { return snapshots; }

    @Override
    public void write(int partition, int b) {
        console.put(partition, b, monitorNow());
    }

    @Override
    public int readByte(long address) {
        return bus.readRamByte(address);
    }

    @Override
    public int writeByte(long address, int value) {
        return bus.writeRamByte(address, value);
    }

    /** A 32-bit bus read as the monitor (no protection check). [impl->dsn~port.device-access~1] */
    @Override
    public long readDevice(long address) {
        return bus.read(address, 4, monitorNow()) == Bus.OK ? bus.lastValue() & 0xFFFF_FFFFL : -1;
    }

    /** A 32-bit bus write as the monitor (no protection check). [impl->dsn~port.device-access~1] */
    @Override
    public int writeDevice(long address, int value) {
        return bus.write(address, 4, value & 0xFFFF_FFFFL, monitorNow()) == Bus.OK ? 0 : -1;
    }

    private long monitorNow() {
        return monitorCore < 0 ? 0 : timer.now(monitorCore);
    }
}
