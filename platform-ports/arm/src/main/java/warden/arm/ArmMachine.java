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
import warden.emu.Board;
import warden.emu.Bus;
import warden.emu.ConsoleLog;
import warden.emu.Engine;
import warden.emu.Executor;
import warden.emu.IrqStats;
import warden.emu.Stimulus;
import warden.emu.TraceRecorder;
import warden.kernel.api.Criticality;
import warden.kernel.api.SystemImage;
import warden.kernel.api.TrapEntry;
import warden.kernel.port.Console;
import warden.kernel.port.CpuContext;
import warden.kernel.port.GuestMemory;
import warden.kernel.port.InterruptController;
import warden.kernel.port.Platform;
import warden.kernel.port.ProtectionUnit;
import warden.kernel.port.Timer;

/**
 * The emulated Arm board and the port: PEs, bus, RAM, GICv3, one TZC-400 filter per PE, the
 * generic timer, UARTs, and the kernel's port SPI on them. Critical partitions (ASIL A-D) run in
 * the Secure world at Secure EL1, QM partitions in the Non-secure world at Non-secure EL1; the
 * monitor is at EL3. The kernel programs the TZC-400 regions, the GIC and CNTPS_CVAL_EL1 through
 * this class as EL3 firmware would; the board's construction is that firmware's cold boot (GIC
 * group enables, the timer PPI as Group 0, every PE's priority mask open).
 *
 * [impl->dsn~arm.port~1]
 */
public final class ArmMachine implements Board, Platform, CpuContext, Timer, Console, GuestMemory, Stimulus.LineInput {
    final ArmPlatform platform;
    final CostModel costs;
    final Bus bus;
    final TransactionSecurity security = new TransactionSecurity();
    final GicState gicState;
    final GenericTimer timer;
    final ArmProtectionUnit pu;
    final Pe[] pes;
    final MonitorVector vector = new MonitorVector(this);
    private final ArmInterruptController irq;
    private final Executor[] executors;
    private final String[] partitionNames;
    private final boolean[] nonSecure;
    private final ConsoleLog console;
    private final IrqStats irqStats;
    private final TraceRecorder trace;
    Pe current;

    /** @param executors one per vCPU, index partition * cores + core (null where none runs) */
    public ArmMachine(ArmPlatform platform, SystemImage image, Executor[] executors, ConsoleLog console,
                      IrqStats irqStats, TraceRecorder trace) {
        this.platform = platform;
        this.costs = platform.costs();
        int n = platform.description().cores();
        this.gicState = new GicState(platform.description().lines(), n);
        this.timer = new GenericTimer(n, platform.counterHz());
        GicCpuInterface[] cpus = new GicCpuInterface[n];
        Tzc400[] filters = new Tzc400[n];
        this.pes = new Pe[n];
        for (int c = 0; c < n; c++) {
            cpus[c] = new GicCpuInterface(gicState, c);
            filters[c] = new Tzc400(security);
            pes[c] = new Pe(c, this, cpus[c], filters[c]);
        }
        this.pu = new ArmProtectionUnit(filters, security, platform.nsaid());
        GicDistributor gicd = new GicDistributor(gicState, security);
        this.irq = new ArmInterruptController(gicState, gicd, cpus, security);
        this.executors = executors.clone();
        this.partitionNames = new String[image.partitionCount()];
        this.nonSecure = new boolean[image.partitionCount()];
        for (int p = 0; p < partitionNames.length; p++) {
            partitionNames[p] = image.name(p);
            nonSecure[p] = !Criticality.isCritical(image.criticality(p));
            pu.world(p, nonSecure[p]);
        }
        this.console = console;
        this.irqStats = irqStats;
        this.trace = trace;
        this.bus = ArmBoardBuilder.bus(platform, image, console, gicd, new GicRedistributor(gicState, security), filters);
        ArmBoardBuilder.coldBoot(gicState, cpus, gicd, security);
    }

    @Override public Platform platform() { return this; }
    @Override public Engine.Core[] cores() { return pes.clone(); }
    @Override public Stimulus.LineInput lineInput() { return this; }
    @Override public warden.emu.GuestCpu guest(int core) { return pes[core]; }

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

    @Override public String targetName() { return "arm"; }
    @Override public int coreCount() { return pes.length; }
    @Override public CpuContext cpu() { return this; }
    @Override public ProtectionUnit protection() { return pu; }
    @Override public InterruptController interrupts() { return irq; }
    @Override public Timer timer() { return this; }
    @Override public Console console() { return this; }
    @Override public GuestMemory memory() { return this; }

    // ---- Stimulus.LineInput: devices assert SPIs at the distributor ----

    @Override
    public boolean raise(int line, long nowNs) {
        boolean merged = gicState.mergesRaise(0, line);
        gicState.raise(0, line);
        if (trace.enabled()) {
            trace.instant(0, "raise INTID " + line, "device", nowNs, null);
        }
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
        WorldSwitch.init(ctx, offset, entry, partition, core, partition >= 0 && partition < nonSecure.length
                && nonSecure[partition]);
        Executor e = executors[partition * pes.length + core];
        if (e instanceof warden.emu.Restartable r) {
            r.restart(pes[core].time); // a restart from the golden image restarts the guest model too
        }
    }

    @Override
    public void save(int core, long[] ctx, int offset) {
        Pe p = pes[core];
        WorldSwitch.save(p, ctx, offset);
        p.bound = null;
        p.boundPartition = -1;
    }

    /** [impl->dsn~arm.world-switch~1] */
    @Override
    public void restore(int core, int partition, long[] ctx, int offset) {
        Pe p = pes[core];
        WorldSwitch.restore(p, ctx, offset);
        p.bound = executors[partition * pes.length + core];
        p.boundPartition = partition;
        p.time += costs.switchNs(pu.regionsUsed(partition));
        if (trace.enabled()) {
            trace.running(core, partitionNames[partition], p.time);
            trace.instant(core, "world switch", "kernel", p.time, "{\"to\":\"" + partitionNames[partition] + "\"}");
        }
    }

    @Override
    public void idle(int core) {
        Pe p = pes[core];
        p.bound = null;
        p.boundPartition = -1;
        p.spsr = ContextLayout.SPSR_EL3H_MASKED;
        p.scr = Scr.forWorld(false);
        if (!p.inTrap) {
            p.pstate = ContextLayout.SPSR_EL3H_MASKED;
        }
        trace.running(core, null, p.time);
    }

    @Override
    public long callArg(int core, int index) {
        Pe p = pes[core];
        if (index == 0 && Psci.takesMpidr(p.lastFid)) {
            return p.x[1] & 0xFF; // MPIDR_EL1.Aff0 names the core on this board
        }
        return index >= 0 && index < 6 ? Smccc.argument(p.lastFid, p.x[1 + index]) : 0;
    }

    @Override
    public void setCallResult(int core, int status, long value) {
        Pe p = pes[core];
        p.x[0] = Smccc.returnCode(p.lastFid, status);
        p.x[1] = value;
        p.lastCallStatus = status;
        p.lastValue = value;
    }

    /** Injects a virtual interrupt: the guest resumes at its IRQ vector with ELR_EL1/SPSR_EL1 set. */
    @Override
    public void deliverInterrupt(int core, int line) {
        Pe p = pes[core];
        GuestEntry.vector(p, ContextLayout.VECTOR_IRQ_CURRENT, ContextLayout.VECTOR_IRQ_LOWER);
        irqStats.delivered(line, p.time);
        if (trace.enabled()) {
            trace.instant(core, "irq " + line, "interrupt", p.time, null);
        }
        if (p.bound != null) {
            p.bound.onInterrupt(line, p.time);
        }
    }

    @Override
    public void deliverTimer(int core) {
        Pe p = pes[core];
        GuestEntry.vector(p, ContextLayout.VECTOR_IRQ_CURRENT, ContextLayout.VECTOR_IRQ_LOWER);
        if (p.bound != null) {
            p.bound.onTimer(p.time);
        }
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
        p.el1[ContextLayout.ESR_EL1] = Esr.of(Esr.retarget(ec, fromEl), Esr.iss(p.esr));
        p.el1[ContextLayout.FAR_EL1] = p.far;
        GuestEntry.vector(p, ContextLayout.VECTOR_SYNC_CURRENT, ContextLayout.VECTOR_SYNC_LOWER);
        if (trace.enabled()) {
            trace.instant(core, Esr.name(ec), "fault", p.time, "{\"far\":\"0x" + Long.toHexString(p.far) + "\"}");
        }
        if (p.bound != null) {
            p.bound.onFault(ec, p.far, p.time);
        }
    }

    // ---- Timer: the Secure physical timer ----

    @Override
    public long now(int core) {
        return pes[core].time;
    }

    @Override
    public void setDeadline(int core, long deadlineNs) {
        timer.setDeadlineNs(core, deadlineNs == NEVER ? Long.MAX_VALUE : deadlineNs);
    }

    // ---- Console and GuestMemory ----

    @Override
    public void write(int partition, int b) {
        console.put(partition, b, current == null ? 0 : current.time);
    }

    @Override
    public int readByte(long address) {
        return bus.readRamByte(address);
    }

    @Override
    public int writeByte(long address, int value) {
        return bus.writeRamByte(address, value);
    }
}
