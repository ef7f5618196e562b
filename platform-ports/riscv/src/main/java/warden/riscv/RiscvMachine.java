package warden.riscv;

import warden.emu.Board;
import warden.emu.BoardDevices;
import warden.emu.Bus;
import warden.emu.ConsoleLog;
import warden.emu.DeviceSpec;
import warden.emu.Engine;
import warden.emu.Executor;
import warden.emu.GuestCpu;
import warden.emu.IrqStats;
import warden.emu.MmioDevice;
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
import warden.riscv.hw.Clint;
import warden.riscv.hw.Iopmp;
import warden.riscv.hw.IopmpSetup;
import warden.riscv.hw.Plic;
import warden.riscv.hw.Pmp;
import warden.riscv.hw.RiscvInterruptController;
import warden.riscv.hw.RiscvProtectionUnit;

/**
 * The emulated RISC-V board and the port's adaptor: harts, bus, RAM, CLINT, PLIC, UARTs, and the
 * kernel's CPU context and timer on them; the rest of the port SPI is the shared
 * {@link PortAssembly}, guest binding and delivery the shared {@link GuestBinding} and
 * {@link GuestEvents}. The kernel programs PMP entries, PLIC enables and CLINT mtimecmp through
 * this class as M-mode firmware would.
 *
 * [impl->dsn~riscv.port~1]
 */
public final class RiscvMachine implements Board, CpuContext, Timer, Stimulus.LineInput {
    private static final int ARGS = 6;
    /** Modeled monitor cost of copying a 4 KiB page: 512 cycles (8 bytes a cycle) at 1 GHz. */
    static final long PAGE_COPY_NS = 512;
    /** Modeled monitor cost of SHA-256 per byte: 4 cycles (scalar crypto, Zknh) at 1 GHz, in ps. */
    static final long HASH_PS_PER_BYTE = 4_000;
    final CostModel costs;
    final Bus bus = new Bus();
    final Clint clint;
    final Plic plic;
    final TrapHandler trapHandler = new TrapHandler(this);
    final PortAssembly port;
    private final CanBoard can;
    private final NicBoard nic;
    private final Iopmp iopmp = new Iopmp();
    private final ConsoleLog console;
    private final RiscvPlatform platform;
    private final Hart[] harts;
    private final RiscvProtectionUnit pu;
    private final GuestBinding guests;
    private final GuestEvents events;
    /** Per hart, the kernel call arguments of its last ecall (SBI registers mapped). */
    private final long[] mappedArgs;
    /** The error and value of a function the port answers itself. */
    private final long[] portAnswer = new long[2];
    private final PortSnapshots snapshots;

    /**
     * @param executors one per vCPU, index partition * cores + core (null where none runs)
     */
    public RiscvMachine(RiscvPlatform platform, SystemImage image, Executor[] executors, ConsoleLog console,
                        IrqStats irqStats, TraceRecorder trace) {
        this.platform = platform;
        this.console = console;
        this.costs = platform.costs();
        int n = platform.description().cores();
        this.clint = new Clint(n, platform.description().timebaseHz());
        this.plic = new Plic(platform.description().lines(), n);
        this.guests = new GuestBinding(image, n, executors);
        this.events = new GuestEvents(guests, irqStats, trace);
        this.harts = new Hart[n];
        Pmp[] pmps = new Pmp[n];
        for (int h = 0; h < n; h++) {
            pmps[h] = new Pmp(platform.pmpEntries(), platform.pmpG());
            harts[h] = new Hart(h, this, pmps[h], guests);
        }
        this.pu = new RiscvProtectionUnit(pmps, platform.pmpEntries(), platform.pmpG());
        this.mappedArgs = new long[n * ARGS];
        this.snapshots = new PortSnapshots(bus, guests, image, new SnapshotCores(), PAGE_COPY_NS, HASH_PS_PER_BYTE);
        this.port = new PortAssembly("riscv", n, this, pu, new RiscvInterruptController(plic), this, bus, console,
                snapshots);
        this.can = new CanBoard(this, irqStats);
        this.nic = new NicBoard(this, irqStats, iopmp);
        BoardDevices.addRam(bus, platform.description());
        for (DeviceSpec d : platform.description().devices()) {
            MmioDevice dev = d.kind().equals("clint") ? clint
                    : d.kind().equals("plic") ? plic
                    : d.kind().equals(VirtualPlic.KIND) ? new VirtualPlic(this, platform.description().lines())
                    : BoardDevices.common(d, image, console, can, nic);
            if (dev instanceof warden.emu.Uart u) {
                u.connect(this, d.line(), irqStats); // INTR to its PLIC source [impl->dsn~riscv.uart-line~2]
            }
            bus.addDevice(d.base(), d.size(), dev);
        }
        nic.connect(bus);
        IopmpSetup.program(iopmp, image, nic); // the NICs' DMA: their owners' memory only
    }

    @Override public Platform platform() { return port; }
    @Override public Engine.Core[] cores() { return harts.clone(); }
    @Override public Stimulus.LineInput lineInput() { return this; }
    @Override public GuestCpu guest(int core) { return harts[core]; }
    @Override public CanBoard can() { return can; }
    @Override public NicBoard nic() { return nic; }
    /** @return the IOPMP in front of the board's DMA masters. */
    public Iopmp iopmp() { return iopmp; }

    /** Connects the kernel as the handler of every M-mode trap. */
    @Override
    public void attach(TrapEntry kernel) {
        trapHandler.attach(kernel);
        for (Hart h : harts) {
            h.setTrapVector(0x8000_0000L);
        }
    }

    public Hart hart(int i) { return harts[i]; }
    public Hart[] harts() { return harts.clone(); }
    public Bus bus() { return bus; }
    public Plic plic() { return plic; }
    public Clint clint() { return clint; }
    public RiscvPlatform riscvPlatform() { return platform; }

    // ---- Stimulus.LineInput: devices raise PLIC sources ----

    @Override
    public boolean raise(int line, long nowNs) {
        boolean taken = plic.raise(line) != Plic.MERGED;
        events.lineRaised("raise line ", line, nowNs);
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
        guests.restart(partition, core, harts[core].time());
    }

    @Override
    public void save(int core, long[] ctx, int offset) {
        harts[core].save(ctx, offset);
        guests.detach(core);
    }

    /** [impl->dsn~riscv.world-switch~1] */
    @Override
    public void restore(int core, int partition, long[] ctx, int offset) {
        Hart h = harts[core];
        h.restore(ctx, offset);
        guests.attach(core, partition);
        h.spend(costs.switchNs(pu.entriesUsed(partition)));
        events.switchedIn(h);
    }

    @Override
    public void idle(int core) {
        Hart h = harts[core];
        guests.detach(core);
        h.parkInMonitor();
        events.idled(h);
    }

    /** Translates the SBI registers of hart h's ecall into kernel call arguments. */
    void mapArgs(Hart h) {
        int base = h.id * ARGS;
        for (int i = 0; i < ARGS; i++) {
            mappedArgs[base + i] = h.register(10 + i);
        }
        long eid = h.register(17);
        if (eid == Sbi.TIME_EID || eid == Sbi.WARDEN_EID && h.register(16) == warden.kernel.api.MonitorCall.SET_TIMER) {
            h.clearTimerPending();
        }
        if (eid == Sbi.TIME_EID) {
            mappedArgs[base] = h.register(10) == -1L ? -1L : clint.ticksToNs(h.register(10));
        } else if (eid == Sbi.DBCN_EID) {
            // RV64: base_addr_lo holds all 64 address bits; a non-zero base_addr_hi names an address
            // beyond them, which no partition owns [impl->dsn~riscv.sbi.mapping~1]
            mappedArgs[base] = h.register(12) == 0 ? h.register(11) : -1L;
            mappedArgs[base + 1] = h.register(10);
        }
    }

    /**
     * Answers the SBI functions the port implements itself (the Base extension, the Warden
     * extension's claim): a0 = error, a1 = value, no kernel entry. [impl->dsn~riscv.sbi.base~1]
     */
    void answerInPort(Hart h) {
        if (h.register(17) == Sbi.BASE_EID) {
            Sbi.base(h.register(16), h.register(10), portAnswer);
            long probed = h.register(10);
            if (h.register(16) == 3 && h.runsLinux() && (probed == Sbi.IPI_EID || probed == Sbi.RFENCE_EID)) {
                portAnswer[1] = 1; // answered within the caller's partition [impl->dsn~riscv.sbi.linux~1]
            }
        } else {
            portAnswer[0] = Sbi.SBI_SUCCESS;
            portAnswer[1] = h.claimLine();
        }
        h.returnFromCall(portAnswer[0], portAnswer[1], warden.kernel.api.Status.OK);
    }

    /**
     * The SBI calls the port answers for a Linux guest: the legacy console
     * (putchar prints to the partition's console, getchar has no input: -1), IPIs and remote fences
     * within the caller's hart (a hart mask that names the caller sets its SSIP; a fence needs
     * nothing more, the caller fenced its own hart first), legacy ones with the error in a0.
     * [impl->dsn~riscv.sbi.linux~1]
     */
    void answerForCode(Hart h) {
        long eid = h.register(17);
        long a0 = h.register(10);
        long error = Sbi.SBI_SUCCESS;
        if (eid == Sbi.LEGACY_PUTCHAR) {
            console.put(h.boundPartition(), (int) (a0 & 0xff), h.time);
        } else if (eid == Sbi.LEGACY_GETCHAR) {
            error = -1;
        } else if (eid == Sbi.LEGACY_SEND_IPI || eid == Sbi.IPI_EID) {
            long base = eid == Sbi.IPI_EID ? h.register(11) : 0;
            boolean self = eid == Sbi.LEGACY_SEND_IPI || base == -1L
                    || h.id - base >= 0 && h.id - base < 64 && (a0 >>> (h.id - base) & 1) != 0;
            if (self) {
                h.takeSupervisorInterrupt(Csr.IRQ_S_SOFT);
            }
        }
        h.returnFromCall(error, 0, warden.kernel.api.Status.OK);
    }

    @Override
    public long callArg(int core, int index) {
        return index >= 0 && index < ARGS ? mappedArgs[core * ARGS + index] : 0;
    }

    @Override
    public void setCallResult(int core, int status, long value) {
        harts[core].returnFromCall(Sbi.error(status), value, status);
    }

    @Override
    public void deliverInterrupt(int core, int line) {
        Hart h = harts[core];
        h.takeSupervisorInterrupt(Csr.IRQ_S_EXT);
        if (h.runsCode()) {
            h.lineDelivered(line);
        }
        events.interrupt(h, line);
    }

    @Override
    public void deliverTimer(int core) {
        Hart h = harts[core];
        h.takeSupervisorInterrupt(Csr.IRQ_S_TIMER);
        events.timer(h);
    }

    /** Redirects the trapped exception to the guest's S-mode handler (scause, stval, sepc). */
    @Override
    public void redirectFault(int core) {
        Hart h = harts[core];
        h.redirectToSupervisor();
        events.fault(h, (int) h.mcause(), "mtval", h.mtval());
    }

    // ---- Timer ----

    @Override
    public long now(int core) {
        return harts[core].time();
    }

    @Override
    public void setDeadline(int core, long deadlineNs) {
        clint.setMtimecmp(core, deadlineNs == NEVER ? -1L : clint.nsToTicks(deadlineNs));
    }

    /** @return the monitor's snapshot store (tests and fault injection). */
    public PortSnapshots snapshotStore() {
        return snapshots;
    }

    /** The harts as the snapshot store sees them. [impl->dsn~port.snapshot-store~1] */
    private final class SnapshotCores implements PortSnapshots.Cores {
        @Override
        public void capture(int core, long[] ctx, int offset) {
            harts[core].save(ctx, offset);
        }

        @Override
        public void spend(int core, long ns) {
            harts[core].spend(ns);
        }

        @Override
        public long now(int core) {
            return harts[core].time();
        }
    }
}
