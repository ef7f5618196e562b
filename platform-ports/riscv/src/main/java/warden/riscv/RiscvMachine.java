package warden.riscv;

import warden.emu.Board;
import warden.emu.BoardDevices;
import warden.emu.Bus;
import warden.emu.Engine;
import warden.emu.ConsoleLog;
import warden.emu.DeviceSpec;
import warden.emu.Executor;
import warden.emu.IrqStats;
import warden.emu.MmioDevice;
import warden.emu.Stimulus;
import warden.emu.TraceRecorder;
import warden.kernel.api.SystemImage;
import warden.kernel.api.TrapEntry;
import warden.kernel.port.Console;
import warden.kernel.port.CpuContext;
import warden.kernel.port.GuestMemory;
import warden.kernel.port.InterruptController;
import warden.kernel.port.Platform;
import warden.kernel.port.ProtectionUnit;
import warden.kernel.port.Timer;
import warden.riscv.hw.Clint;
import warden.riscv.hw.Plic;
import warden.riscv.hw.Pmp;
import warden.riscv.hw.RiscvInterruptController;
import warden.riscv.hw.RiscvProtectionUnit;

/**
 * The emulated RISC-V board and the port: harts, bus, RAM, CLINT, PLIC, UARTs, and the kernel's
 * port SPI implemented on them. The kernel programs PMP entries, PLIC enables and CLINT mtimecmp
 * through this class as M-mode firmware would.
 *
 * [impl->dsn~riscv.port~1]
 */
public final class RiscvMachine implements Board, Platform, CpuContext, Timer, Console, GuestMemory, Stimulus.LineInput {
    final RiscvPlatform platform;
    final CostModel costs;
    final Bus bus = new Bus();
    final Clint clint;
    final Plic plic;
    final Hart[] harts;
    final TrapHandler trapHandler = new TrapHandler(this);
    private final RiscvProtectionUnit pu;
    private final RiscvInterruptController irq;
    private final Executor[] executors;
    private final String[] partitionNames;
    private final ConsoleLog console;
    private final IrqStats irqStats;
    private final TraceRecorder trace;
    private final long[] mappedArgs = new long[6];
    Hart current;

    /**
     * @param executors one per vCPU, index partition * cores + core (null where none runs)
     */
    public RiscvMachine(RiscvPlatform platform, SystemImage image, Executor[] executors, ConsoleLog console,
                        IrqStats irqStats, TraceRecorder trace) {
        this.platform = platform;
        this.costs = platform.costs();
        int n = platform.description().cores();
        this.clint = new Clint(n, platform.description().timebaseHz());
        this.plic = new Plic(platform.description().lines(), n);
        this.harts = new Hart[n];
        Pmp[] pmps = new Pmp[n];
        for (int h = 0; h < n; h++) {
            pmps[h] = new Pmp(platform.pmpEntries(), platform.pmpG());
            harts[h] = new Hart(h, this, pmps[h]);
        }
        this.pu = new RiscvProtectionUnit(pmps, platform.pmpEntries(), platform.pmpG());
        this.irq = new RiscvInterruptController(plic);
        this.executors = executors.clone();
        this.partitionNames = new String[image.partitionCount()];
        for (int p = 0; p < partitionNames.length; p++) {
            partitionNames[p] = image.name(p);
        }
        this.console = console;
        this.irqStats = irqStats;
        this.trace = trace;
        buildBus(image);
    }

    private void buildBus(SystemImage image) {
        BoardDevices.addRam(bus, platform.description());
        for (DeviceSpec d : platform.description().devices()) {
            MmioDevice dev = d.kind().equals("clint") ? clint
                    : d.kind().equals("plic") ? plic : BoardDevices.common(d, image, console);
            bus.addDevice(d.base(), d.size(), dev);
        }
    }

    @Override public Platform platform() { return this; }
    @Override public Engine.Core[] cores() { return harts.clone(); }
    @Override public Stimulus.LineInput lineInput() { return this; }
    @Override public warden.emu.GuestCpu guest(int core) { return harts[core]; }

    /** Connects the kernel as the handler of every M-mode trap. */
    @Override
    public void attach(TrapEntry kernel) {
        trapHandler.attach(kernel);
        for (Hart h : harts) {
            h.mtvec = 0x8000_0000L;
        }
    }

    public Hart hart(int i) { return harts[i]; }
    public Hart[] harts() { return harts.clone(); }
    public Bus bus() { return bus; }
    public Plic plic() { return plic; }
    public Clint clint() { return clint; }
    public RiscvPlatform riscvPlatform() { return platform; }

    @Override public String targetName() { return "riscv"; }
    @Override public int coreCount() { return harts.length; }
    @Override public CpuContext cpu() { return this; }
    @Override public ProtectionUnit protection() { return pu; }
    @Override public InterruptController interrupts() { return irq; }
    @Override public Timer timer() { return this; }
    @Override public Console console() { return this; }
    @Override public GuestMemory memory() { return this; }

    // ---- Stimulus.LineInput: devices raise PLIC sources ----

    @Override
    public boolean raise(int line, long nowNs) {
        boolean taken = plic.raise(line) != Plic.MERGED;
        if (trace.enabled()) { // the name is built only when recorded: no allocation otherwise
            trace.instant(0, "raise line " + line, "device", nowNs, null);
        }
        return taken;
    }

    @Override
    public long heldRequests(int line) {
        if (line < 1 || line >= plic.sourceCount()) {
            return 0;
        }
        return (plic.isPending(line) ? 1 : 0) + plic.gateway().backlog(line);
    }

    // ---- CpuContext ----

    @Override public int contextWords() { return Hart.CONTEXT_WORDS; }

    @Override
    public void initContext(long[] ctx, int offset, int partition, int core, long entry) {
        Hart.init(ctx, offset, entry, partition, core);
        Executor e = executors[partition * harts.length + core];
        if (e instanceof warden.emu.Restartable r) {
            r.restart(harts[core].time);
        }
    }

    @Override
    public void save(int core, long[] ctx, int offset) {
        Hart h = harts[core];
        h.save(ctx, offset);
        h.bound = null;
        h.boundPartition = -1;
    }

    /** [impl->dsn~riscv.world-switch~1] */
    @Override
    public void restore(int core, int partition, long[] ctx, int offset) {
        Hart h = harts[core];
        h.restore(ctx, offset);
        h.bound = executors[partition * harts.length + core];
        h.boundPartition = partition;
        h.time += costs.switchNs(pu.entriesUsed(partition));
        trace.running(core, partitionNames[partition], h.time);
        if (trace.enabled()) {
            trace.instant(core, "world switch", "kernel", h.time, "{\"to\":\"" + partitionNames[partition] + "\"}");
        }
    }

    @Override
    public void idle(int core) {
        Hart h = harts[core];
        h.bound = null;
        h.boundPartition = -1;
        h.mstatus = h.mstatus & ~Csr.MSTATUS_MPP | ((long) Csr.PRIV_M << Csr.MSTATUS_MPP_SHIFT);
        trace.running(core, null, h.time);
    }

    /** Translates the SBI registers of an ecall into kernel call arguments. */
    void mapArgs(Hart h) {
        for (int i = 0; i < 6; i++) {
            mappedArgs[i] = h.x[10 + i];
        }
        long eid = h.x[17];
        if (eid == Sbi.TIME_EID) {
            mappedArgs[0] = h.x[10] == -1L ? -1L : clint.ticksToNs(h.x[10]);
        } else if (eid == Sbi.DBCN_EID) {
            mappedArgs[0] = (h.x[11] & 0xffff_ffffL) | (h.x[12] << 32);
            mappedArgs[1] = h.x[10];
        }
    }

    @Override
    public long callArg(int core, int index) {
        return index >= 0 && index < 6 ? mappedArgs[index] : 0;
    }

    @Override
    public void setCallResult(int core, int status, long value) {
        Hart h = harts[core];
        h.x[10] = Sbi.error(status);
        h.x[11] = value;
        h.lastCallStatus = status;
        h.lastValue = value;
    }

    @Override
    public void deliverInterrupt(int core, int line) {
        Hart h = harts[core];
        h.scause = Csr.INTERRUPT | Csr.IRQ_S_EXT;
        irqStats.delivered(line, h.time);
        if (trace.enabled()) {
            trace.instant(core, "irq " + line, "interrupt", h.time, null);
        }
        if (h.bound != null) {
            h.bound.onInterrupt(line, h.time);
        }
    }

    @Override
    public void deliverTimer(int core) {
        Hart h = harts[core];
        h.scause = Csr.INTERRUPT | Csr.IRQ_S_TIMER;
        if (h.bound != null) {
            h.bound.onTimer(h.time);
        }
    }

    /** Redirects the trapped exception to the guest's S-mode handler (scause, stval, sepc). */
    @Override
    public void redirectFault(int core) {
        Hart h = harts[core];
        h.scause = h.mcause;
        h.stval = h.mtval;
        h.sepc = h.mepc;
        if (trace.enabled()) {
            trace.instant(core, Csr.exceptionName((int) h.mcause), "fault", h.time,
                    "{\"mtval\":\"0x" + Long.toHexString(h.mtval) + "\"}");
        }
        if (h.bound != null) {
            h.bound.onFault((int) h.mcause, h.mtval, h.time);
        }
    }

    // ---- Timer ----

    @Override
    public long now(int core) {
        return harts[core].time;
    }

    @Override
    public void setDeadline(int core, long deadlineNs) {
        clint.setMtimecmp(core, deadlineNs == NEVER ? -1L : clint.nsToTicks(deadlineNs));
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
