package warden.x86;

import warden.emu.Board;
import warden.emu.BoardDevices;
import warden.emu.Bus;
import warden.emu.ConsoleLog;
import warden.emu.Engine;
import warden.emu.Executor;
import warden.emu.GuestCpu;
import warden.emu.IrqStats;
import warden.emu.Stimulus;
import warden.emu.TargetMetrics;
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
import warden.x86.hw.LocalApic;
import warden.x86.hw.SaveStateDescriptor;
import warden.x86.hw.X86InterruptController;
import warden.x86.hw.X86ProtectionUnit;

/**
 * The emulated x86 board and the port's adaptor: cores with SMM, SMRAM fenced by SMRR, an I/O APIC
 * and local APICs, a per-core SMI timer, UARTs; the kernel's CPU context and timer on them. The
 * rest of the port SPI is the shared {@link PortAssembly}, guest binding and delivery the shared
 * {@link GuestBinding} and {@link GuestEvents} (interrupts to the rich OS wait in
 * {@link Delivery} first). The monitor
 * and the critical partition live in SMRAM and run in SMM; the rich OS runs outside SMM. A world
 * switch to the critical partition is an SMI entry (save map written); back to the rich OS it is
 * RSM (save map read and checked). At construction every core relocates its SMBASE (an SMI at
 * the default SMBASE 30000h whose handler writes the new SMBASE into the save map, then RSM) and
 * takes the monitor's boot SMI, so the kernel boots in SMM.
 *
 * [impl->dsn~x86.port~1]
 */
public final class X86Machine implements Board, TargetMetrics, CpuContext, Timer, Stimulus.LineInput {
    final X86Platform platform;
    final CostModel costs;
    final Bus bus = new Bus();
    final X86Core[] cores;
    /** Modeled monitor cost of copying a 4 KiB page: 512 cycles (8 bytes a cycle) at 2 GHz. */
    static final long PAGE_COPY_NS = 256;
    /** Modeled monitor cost of SHA-256 per byte: 4 cycles (SHA extensions) at 2 GHz, in ps. */
    static final long HASH_PS_PER_BYTE = 2_000;
    private final PortSnapshots snapshots;
    final X86ProtectionUnit pu;
    final X86InterruptController irq;
    final Smm smm;
    final CoreEvents coreEvents = new CoreEvents(this);
    final Delivery delivery;
    final SmiMonitor monitor;
    final GuestEvents events;
    final PortAssembly port;
    private final GuestBinding guests;
    private final CanBoard can;
    private final NicBoard nic;
    private final warden.x86.hw.VtdPmr pmr = new warden.x86.hw.VtdPmr();
    final SmiTimer smiTimer;
    private final LatencyStats tickLatency;
    private final long[] parkContext = new long[RegisterFile.WORDS];
    private long dropped;

    /** @param executors one per vCPU, index partition * cores + core (null where none runs) */
    public X86Machine(X86Platform platform, SystemImage image, Executor[] executors, ConsoleLog console,
                      IrqStats irqStats, TraceRecorder trace) {
        this.platform = platform;
        this.costs = platform.costs();
        int n = platform.description().cores();
        this.guests = new GuestBinding(image, n, executors);
        this.events = new GuestEvents(guests, irqStats, trace);
        this.cores = new X86Core[n];
        LocalApic[] apics = new LocalApic[n];
        for (int c = 0; c < n; c++) {
            cores[c] = new X86Core(c, this, guests);
            apics[c] = cores[c].apic;
        }
        this.pu = new X86ProtectionUnit(platform.smramBase(), platform.smramSize(), platform.smbases(),
                (core, msr, value) -> cores[core].wrmsr(msr, value) == GuestCpu.OK);
        this.irq = new X86InterruptController(platform.description().lines(), apics);
        this.smm = new Smm(bus, costs);
        this.monitor = new SmiMonitor(this, n);
        this.snapshots = new PortSnapshots(bus, guests, image, new SnapshotCores(), PAGE_COPY_NS, HASH_PS_PER_BYTE);
        this.port = new PortAssembly("x86", n, this, pu, irq, this, bus, console, snapshots);
        this.smiTimer = new SmiTimer(n);
        this.tickLatency = new LatencyStats(n);
        this.delivery = new Delivery(this, smiTimer, tickLatency, n);
        RegisterFile.init(parkContext, 0, X86Platform.PARK_RIP, -1, 0, false);
        this.can = new CanBoard(this, irqStats);
        this.nic = new NicBoard(this, irqStats, pmr);
        BoardDevices.addRam(bus, platform.description());
        for (warden.emu.DeviceSpec d : platform.description().devices()) {
            bus.addDevice(d.base(), d.size(), BoardDevices.common(d, image, console, can, nic));
        }
        nic.connect(bus);
        pmr.protect(platform.smramBase(), platform.smramSize()); // no DMA into SMRAM
        for (X86Core c : cores) {
            relocateAndEnter(c);
        }
    }

    /** SMBASE relocation (Intel SDM Vol. 3C §34.11), then the monitor's boot SMI. Boot-time. */
    private void relocateAndEnter(X86Core c) {
        c.regs.reset();
        smm.enter(c);
        bus.write(c.smbase + SaveStateDescriptor.SMBASE, 4, platform.smbase(c.id), 0);
        smm.rsm(c);
        smm.enter(c);
        c.resetClock();
    }

    @Override public Platform platform() { return port; }
    @Override public Engine.Core[] cores() { return cores.clone(); }
    @Override public Stimulus.LineInput lineInput() { return this; }
    @Override public GuestCpu guest(int core) { return cores[core]; }
    @Override public CanBoard can() { return can; }
    @Override public NicBoard nic() { return nic; }
    /** @return the DMA-remapping unit's protected memory regions. */
    public warden.x86.hw.VtdPmr pmr() { return pmr; }

    @Override
    public void attach(TrapEntry kernel) {
        monitor.attach(kernel);
    }

    /** A device raises a line: SMI-routed lines wait for their core's SMI, Fixed ones go to a local APIC. */
    @Override
    public boolean raise(int line, long nowNs) {
        return irq.raise(line) != X86InterruptController.IGNORED;
    }

    @Override
    public long heldRequests(int line) {
        return irq.heldRequests(line);
    }

    // ---- CpuContext ----

    @Override public int contextWords() { return RegisterFile.WORDS; }

    @Override
    public void initContext(long[] ctx, int offset, int partition, int core, long entry) {
        RegisterFile.init(ctx, offset, entry, partition, core, guests.critical(partition));
        guests.restart(partition, core, cores[core].time); // a restart from the golden image restarts the guest
    }

    /** Inside an SMI the interrupted world is in the save map; otherwise the live registers are the guest's. */
    @Override
    public void save(int core, long[] ctx, int offset) {
        X86Core c = cores[core];
        if (c.inTrap && !c.trapFromSmm) {
            smm.readMap(c, ctx, offset);
        } else {
            c.regs.copyTo(ctx, offset);
        }
        detach(c);
    }

    /** [impl->dsn~x86.world-switch~1] */
    @Override
    public void restore(int core, int partition, long[] ctx, int offset) {
        X86Core c = cores[core];
        guests.attach(core, partition);
        c.spend(costs.switchNs());
        if (!c.smm) {
            smm.enter(c); // called outside an SMI: the monitor first brings the core into SMM
        }
        if (c.boundCritical()) {
            c.regs.copyFrom(ctx, offset);
            irq.guestRunning(core, false);
        } else {
            smm.writeMap(c, ctx, offset);
            irq.guestRunning(core, true);
            leaveIfOutsideTrap(c);
        }
        events.switchedIn(c);
    }

    @Override
    public void idle(int core) {
        X86Core c = cores[core];
        detach(c);
        if (!c.smm) {
            smm.enter(c);
        }
        smm.writeMap(c, parkContext, 0);
        leaveIfOutsideTrap(c);
        events.idled(c);
    }

    /** Lesson from RISC-V: called outside a trap, the monitor drops to the guest's own mode now (RSM). */
    private void leaveIfOutsideTrap(X86Core c) {
        if (!c.inTrap) {
            int st = smm.rsm(c);
            if (st != Smm.OK) {
                reportShutdown(c, st);
            }
        }
    }

    private void detach(X86Core c) {
        guests.detach(c.id);
        irq.guestRunning(c.id, false);
    }

    @Override
    public long callArg(int core, int index) {
        if (index < 0 || index >= 6) {
            return 0;
        }
        X86Core c = cores[core];
        int reg = RegisterFile.argRegister(index);
        return c.trapFromSmm || !c.inTrap ? c.regs.r[reg] : smm.mapGpr(c, reg);
    }

    @Override
    public void setCallResult(int core, int status, long value) {
        X86Core c = cores[core];
        if (c.trapFromSmm || !c.inTrap) {
            c.setRegister(RegisterFile.RAX, status);
            c.setRegister(RegisterFile.RDX, value);
        } else {
            smm.setMapGpr(c, RegisterFile.RAX, status);
            smm.setMapGpr(c, RegisterFile.RDX, value);
        }
        c.callReturned(status, value);
    }

    @Override
    public void deliverInterrupt(int core, int line) {
        delivery.interrupt(cores[core], line);
    }

    @Override
    public void deliverTimer(int core) {
        delivery.timer(cores[core]);
    }

    @Override
    public void redirectFault(int core) {
        delivery.fault(cores[core]);
    }

    void reportDropped(X86Core c, int access, long address) {
        dropped++;
        monitor.dropped(c, access, address);
    }

    void reportShutdown(X86Core c, int check) {
        monitor.shutdown(c, check);
    }

    // ---- Timer: the per-core SMI timer ----

    @Override public long now(int core) { return cores[core].time; }

    @Override
    public void setDeadline(int core, long deadlineNs) {
        smiTimer.arm(core, deadlineNs);
    }

    /** @return whether core c's SMI timer is due at its current time. */
    boolean timerDue(X86Core c) { return smiTimer.due(c.id, c.time); }

    // ---- what reports and tests read ----

    public X86Core core(int i) { return cores[i]; }
    public Bus bus() { return bus; }
    public X86Platform x86Platform() { return platform; }
    public X86ProtectionUnit protectionUnit() { return pu; }
    public X86InterruptController ioApic() { return irq; }
    /** @return per core: how long the rich OS stalled in SMM per SMI (count, min, max, total). */
    public LatencyStats stalls() { return monitor.stalls(); }
    /** @return SMIs raised (each pulls every core in). */
    public long smiCount() { return monitor.smis(); }
    /** @return per core: delay from the SMI timer's deadline to the safety partition's timer handler. */
    public LatencyStats tickLatency() { return tickLatency; }
    /** @return accesses SMRR dropped (writes) or answered with the fixed value (reads, fetches). */
    public long droppedAccesses() { return dropped; }

    /**
     * The rich OS's stall per SMI on each core, and the lateness of the safety partition's SMI
     * tick behind its deadline (its jitter), in virtual time.
     *
     * [impl->dsn~x86.metrics~1]
     */
    @Override
    public java.util.List<Metric> metrics() {
        java.util.List<Metric> out = new java.util.ArrayList<>();
        LatencyStats st = stalls();
        for (int c = 0; c < st.cores(); c++) {
            out.add(new Metric("smi-stall", c, st.count(c), st.minNs(c), st.meanNs(c), st.maxNs(c),
                    "rich OS stalled while an SMI pulled this core into SMM"));
        }
        LatencyStats t = tickLatency();
        for (int c = 0; c < t.cores(); c++) {
            if (t.count(c) > 0) {
                out.add(new Metric("safety-tick-latency", c, t.count(c), t.minNs(c), t.meanNs(c), t.maxNs(c),
                        "safety partition's SMI tick after its deadline (max - min = jitter)"));
            }
        }
        return out;
    }

    /** @return the monitor's snapshot store (tests and fault injection). */
    public PortSnapshots snapshotStore() {
        return snapshots;
    }

    /** The cores as the snapshot store sees them. [impl->dsn~port.snapshot-store~1] */
    private final class SnapshotCores implements PortSnapshots.Cores {
        /** The live registers: in the save map inside an SMI from outside SMM, else the register file. */
        @Override
        public void capture(int core, long[] ctx, int offset) {
            X86Core c = cores[core];
            if (c.inTrap && !c.trapFromSmm) {
                smm.readMap(c, ctx, offset);
            } else {
                c.regs.copyTo(ctx, offset);
            }
        }

        @Override
        public void spend(int core, long ns) {
            cores[core].spend(ns);
        }

        @Override
        public long now(int core) {
            return cores[core].time;
        }
    }
}
