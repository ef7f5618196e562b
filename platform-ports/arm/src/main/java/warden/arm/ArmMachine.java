package warden.arm;

import warden.arm.hw.ArmInterruptController;
import warden.arm.hw.ArmProtectionUnit;
import warden.arm.hw.GenericTimer;
import warden.arm.hw.GicCpuInterface;
import warden.arm.hw.GicDistributor;
import warden.arm.hw.GicRedistributor;
import warden.arm.hw.GicState;
import warden.arm.hw.TransactionSecurity;
import warden.arm.hw.Tzc400;
import warden.arm.hw.Tzc400DmaPort;
import warden.emu.Board;
import warden.emu.Bus;
import warden.emu.ConsoleLog;
import warden.emu.Engine;
import warden.emu.Executor;
import warden.emu.GuestCpu;
import warden.emu.IrqStats;
import warden.emu.Stimulus;
import warden.emu.TraceRecorder;
import warden.emu.dev.can.CanBoard;
import warden.emu.dev.nic.NicBoard;
import warden.emu.port.GuestBinding;
import warden.emu.port.GuestEvents;
import warden.emu.port.PortAssembly;
import warden.emu.port.PortSnapshots;
import warden.kernel.api.SystemImage;
import warden.kernel.api.TrapEntry;
import warden.kernel.port.CpuContext;
import warden.kernel.port.Platform;
import warden.kernel.port.Timer;

/**
 * The emulated Arm board and the port's adaptor: PEs, bus, RAM, GICv3, one TZC-400 filter per PE,
 * the generic timer, UARTs, and the kernel's CPU context and timer on them; the rest of the port
 * SPI is the shared {@link PortAssembly}, guest binding and delivery the shared
 * {@link GuestBinding} and {@link GuestEvents}. Critical partitions (ASIL A-D) run in the Secure
 * world at Secure EL1, QM partitions in the Non-secure world at Non-secure EL1; the monitor is at
 * EL3. The kernel programs the TZC-400 regions, the GIC and CNTPS_CVAL_EL1 through this class as
 * EL3 firmware would; the board's construction is that firmware's cold boot (GIC group enables,
 * the timer PPI as Group 0, every PE's priority mask open).
 *
 * [impl->dsn~arm.port~1]
 */
public final class ArmMachine implements Board, CpuContext, Timer, Stimulus.LineInput {
    final ArmPlatform platform;
    final CostModel costs;
    final Bus bus;
    final TransactionSecurity security = new TransactionSecurity();
    final GicState gicState;
    final GenericTimer timer;
    final ArmProtectionUnit pu;
    final MonitorVector vector = new MonitorVector(this);
    final PortAssembly port;
    private final Pe[] pes;
    /** Modeled monitor cost of copying a 4 KiB page: 512 cycles (8 bytes a cycle) at 1 GHz. */
    static final long PAGE_COPY_NS = 512;
    /** Modeled monitor cost of SHA-256 per byte: 4 cycles (Armv8 SHA-256 instructions) at 1 GHz, in ps. */
    static final long HASH_PS_PER_BYTE = 4_000;
    private final PortSnapshots snapshots;
    private final GuestBinding guests;
    private final GuestEvents events;
    private final CanBoard can;
    private final NicBoard nic;
    private final Tzc400DmaPort dmaPort = new Tzc400DmaPort(security);

    /** @param executors one per vCPU, index partition * cores + core (null where none runs) */
    public ArmMachine(ArmPlatform platform, SystemImage image, Executor[] executors, ConsoleLog console,
                      IrqStats irqStats, TraceRecorder trace) {
        this.platform = platform;
        this.costs = platform.costs();
        int n = platform.description().cores();
        this.gicState = new GicState(platform.description().lines(), n);
        this.timer = new GenericTimer(n, platform.counterHz());
        this.guests = new GuestBinding(image, n, executors);
        this.events = new GuestEvents(guests, irqStats, trace);
        GicCpuInterface[] cpus = new GicCpuInterface[n];
        Tzc400[] filters = new Tzc400[n];
        this.pes = new Pe[n];
        for (int c = 0; c < n; c++) {
            cpus[c] = new GicCpuInterface(gicState, c);
            filters[c] = new Tzc400(security);
            pes[c] = new Pe(c, this, cpus[c], filters[c], guests);
        }
        this.pu = new ArmProtectionUnit(filters, security, platform.nsaid());
        GicDistributor gicd = new GicDistributor(gicState, security);
        for (int p = 0; p < guests.partitions(); p++) {
            pu.world(p, nonSecure(p));
        }
        this.can = new CanBoard(this, irqStats);
        this.nic = new NicBoard(this, irqStats, dmaPort);
        this.bus = ArmBoardBuilder.bus(platform, image, console, gicd, new GicRedistributor(gicState, security),
                filters, can, nic);
        nic.connect(bus);
        this.snapshots = new PortSnapshots(bus, guests, image, new SnapshotCores(), PAGE_COPY_NS, HASH_PS_PER_BYTE);
        this.port = new PortAssembly("arm", n, this, pu, new ArmInterruptController(gicState, gicd, cpus, security),
                this, bus, console, snapshots);
        ArmBoardBuilder.coldBoot(gicState, cpus, gicd, security);
        dmaPort.program(image, nic); // the NICs' DMA: their owners' memory only
    }

    /** @return whether partition {@code p} runs in the Non-secure world (QM); false outside the image. */
    private boolean nonSecure(int p) {
        return p >= 0 && p < guests.partitions() && !guests.critical(p);
    }

    @Override public Platform platform() { return port; }
    @Override public Engine.Core[] cores() { return pes.clone(); }
    @Override public Stimulus.LineInput lineInput() { return this; }
    @Override public GuestCpu guest(int core) { return pes[core]; }
    @Override public CanBoard can() { return can; }
    @Override public NicBoard nic() { return nic; }
    /** @return the TZC-400 filter of the board's DMA port. */
    public Tzc400DmaPort dmaPort() { return dmaPort; }

    /** Connects the kernel as the handler of every exception taken to EL3. */
    @Override
    public void attach(TrapEntry kernel) {
        vector.attach(kernel);
    }

    public Pe pe(int i) { return pes[i]; }
    public Bus bus() { return bus; }
    public GicState gic() { return gicState; }
    public GenericTimer genericTimer() { return timer; }
    public ArmPlatform armPlatform() { return platform; }
    public TransactionSecurity security() { return security; }

    // ---- Stimulus.LineInput: devices assert SPIs at the distributor ----

    @Override
    public boolean raise(int line, long nowNs) {
        boolean merged = gicState.mergesRaise(0, line);
        gicState.raise(0, line);
        events.lineRaised("raise INTID ", line, nowNs);
        return !merged;
    }

    @Override
    public long heldRequests(int line) {
        return gicState.heldRequests(0, line);
    }

    // ---- CpuContext ----

    @Override public int contextWords() { return ContextLayout.WORDS; }

    @Override
    public void initContext(long[] ctx, int offset, int partition, int core, long entry) {
        WorldSwitch.init(ctx, offset, entry, partition, core, nonSecure(partition));
        guests.restart(partition, core, pes[core].time()); // a restart from the golden image restarts the guest
    }

    @Override
    public void save(int core, long[] ctx, int offset) {
        WorldSwitch.save(pes[core], ctx, offset);
        guests.detach(core);
    }

    /** [impl->dsn~arm.world-switch~1] */
    @Override
    public void restore(int core, int partition, long[] ctx, int offset) {
        Pe p = pes[core];
        WorldSwitch.restore(p, ctx, offset);
        guests.attach(core, partition);
        p.spend(costs.switchNs(pu.regionsUsed(partition)));
        events.switchedIn(p);
    }

    @Override
    public void idle(int core) {
        Pe p = pes[core];
        guests.detach(core);
        p.parkInMonitor();
        events.idled(p);
    }

    @Override
    public long callArg(int core, int index) {
        Pe p = pes[core];
        if (index == 0 && Psci.takesMpidr(p.lastFid)) {
            // MPIDR_EL1.Aff0 names the core on this board; any other bit set names no core here
            // (not core Aff0: PSCI CPU_ON answers INVALID_PARAMETERS) [impl->dsn~arm.psci~2]
            long mpidr = Smccc.argument(p.lastFid, p.x[1]);
            return (mpidr & ~0xFFL) == 0 ? mpidr : -1L;
        }
        return index >= 0 && index < 6 ? Smccc.argument(p.lastFid, p.x[1 + index]) : 0;
    }

    @Override
    public void setCallResult(int core, int status, long value) {
        Pe p = pes[core];
        p.returnFromCall(Smccc.returnCode(p.lastFid, status), value, status);
    }

    /** Injects a virtual interrupt: the guest resumes at its IRQ vector with ELR_EL1/SPSR_EL1 set. */
    @Override
    public void deliverInterrupt(int core, int line) {
        Pe p = pes[core];
        GuestEntry.vector(p, ContextLayout.VECTOR_IRQ_CURRENT, ContextLayout.VECTOR_IRQ_LOWER);
        events.interrupt(p, line);
    }

    @Override
    public void deliverTimer(int core) {
        Pe p = pes[core];
        GuestEntry.vector(p, ContextLayout.VECTOR_IRQ_CURRENT, ContextLayout.VECTOR_IRQ_LOWER);
        events.timer(p);
    }

    /**
     * Redirects the synchronous exception taken to EL3 to the guest's EL1 handler: ESR_EL1 (EC
     * retargeted to the guest's EL: 0x25/0x21 from EL1, 0x24/0x20 from EL0), FAR_EL1, ELR_EL1,
     * SPSR_EL1, and the guest resumes at its synchronous vector. The executor sees ESR_EL3.EC.
     */
    @Override
    public void redirectFault(int core) {
        Pe p = pes[core];
        int ec = Esr.ec(p.esr);
        int fromEl = ContextLayout.el(p.inTrap ? p.spsr : p.pstate);
        p.setEl1(ContextLayout.ESR_EL1, Esr.of(Esr.retarget(ec, fromEl), Esr.iss(p.esr)));
        p.setEl1(ContextLayout.FAR_EL1, p.far);
        GuestEntry.vector(p, ContextLayout.VECTOR_SYNC_CURRENT, ContextLayout.VECTOR_SYNC_LOWER);
        events.fault(p, ec, "far", p.far);
    }

    // ---- Timer: the Secure physical timer ----

    @Override
    public long now(int core) {
        return pes[core].time();
    }

    @Override
    public void setDeadline(int core, long deadlineNs) {
        timer.setDeadlineNs(core, deadlineNs == NEVER ? Long.MAX_VALUE : deadlineNs);
    }

    /** @return the monitor's snapshot store (tests and fault injection). */
    public PortSnapshots snapshotStore() {
        return snapshots;
    }

    /** The PEs as the snapshot store sees them. [impl->dsn~port.snapshot-store~1] */
    private final class SnapshotCores implements PortSnapshots.Cores {
        @Override
        public void capture(int core, long[] ctx, int offset) {
            WorldSwitch.save(pes[core], ctx, offset);
        }

        @Override
        public void spend(int core, long ns) {
            pes[core].spend(ns);
        }

        @Override
        public long now(int core) {
            return pes[core].time();
        }
    }
}
