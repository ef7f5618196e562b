package warden.riscv;

import warden.emu.Engine;
import warden.emu.Executor;
import warden.emu.GuestCpu;
import warden.emu.port.GuestBinding;
import warden.kernel.api.Access;
import warden.kernel.api.MonitorCall;
import warden.kernel.api.Status;
import warden.riscv.cpu.HartState;
import warden.riscv.cpu.Interpreter;
import warden.riscv.cpu.Lines;
import warden.riscv.hw.Pmp;

/**
 * One RISC-V hart with M/S/U privilege: the integer registers, the machine trap CSRs the monitor
 * uses (mstatus, mcause, mepc, mtval, mtvec, mie, mip) and the supervisor CSRs a guest owns, its
 * PMP, and the executor of the vCPU currently attached. Guest accesses are checked by the PMP at
 * the hart's current privilege and by the bus; a denied access traps to M-mode with mcause 1, 5
 * or 7 and mtval = the address, and the monitor's first-level handler ({@link TrapHandler}) runs.
 * The registers, CSRs and PMP are a {@link HartState}, the state the instruction-set interpreter
 * ({@code warden.riscv.cpu.Interpreter}) executes real code on: one hart model, not two.
 *
 * [impl->dsn~riscv.hart.trap~1] [impl->dsn~riscv.hart.one-model~1]
 */
public final class Hart implements GuestCpu, Engine.Core {
    /**
     * Words of one saved guest context: x1..x31, pc, 8 S-mode CSRs, privilege (0..40), then what a
     * guest running real code also owns: its pending S-level interrupt bits of mip (SSIP, STIP,
     * SEIP), scounteren, senvcfg and two words of virtual interrupt lines not yet claimed (41..45),
     * then its floating-point registers f0..f31 and fcsr (46..78), so two guests that use the F and D
     * extensions on one hart keep their own.
     */
    public static final int CONTEXT_WORDS = 79;
    /** Where f0 lies in a saved context; fcsr follows f31. */
    static final int CONTEXT_F = 46;
    /** The S-level interrupts firmware delegates to S-mode (mideleg: SSI, STI, SEI). */
    static final long DELEGATED_INTERRUPTS = 1L << Csr.IRQ_S_SOFT | 1L << Csr.IRQ_S_TIMER | 1L << Csr.IRQ_S_EXT;
    /**
     * The exceptions firmware delegates to S-mode (medeleg): misaligned fetch, load and store,
     * breakpoint, ecall from U-mode and the three page faults. Illegal instructions and access faults
     * stay with the monitor, which logs them and hands them on ({@code redirectFault}).
     */
    static final long DELEGATED_EXCEPTIONS = 1L << 0 | 1L << 3 | 1L << 4 | 1L << 6 | 1L << Csr.EXC_ECALL_U
            | 1L << 12 | 1L << 13 | 1L << 15;
    private static final long STIP = 1L << Csr.IRQ_S_TIMER;
    private static final long SEIP = 1L << Csr.IRQ_S_EXT;
    private static final int LOOP_GUARD = 1_000_000;

    final int id;
    final RiscvMachine machine;
    final Pmp pmp;
    /** The architectural state, shared with the instruction-set interpreter: one hart model. */
    final HartState st;
    final long[] x;
    /**
     * The saved-context words of sstatus and sie, kept verbatim: a context the monitor restores
     * is saved back unchanged (the port contract), while the interpreter's sstatus and sie are
     * views of mstatus and mie in {@link #st}.
     */
    long sstatus;
    long sie;
    long time;
    private final GuestBinding guests;
    private Executor running;
    long stepEnd;
    /** Virtual interrupt lines delivered to a guest that runs real code and not yet claimed (bit = line). */
    final long[] vlines = new long[2];
    /** True while the monitor's trap handler runs on this hart. */
    boolean inTrap;
    long lastValue;
    int lastCallStatus;
    int lastFaultCause;

    Hart(int id, RiscvMachine machine, Pmp pmp, GuestBinding guests) {
        this.id = id;
        this.machine = machine;
        this.pmp = pmp;
        this.guests = guests;
        this.st = new HartState(id, pmp);
        this.x = st.x;
        st.mie = (1L << Csr.IRQ_M_EXT) | (1L << Csr.IRQ_M_TIMER) | (1L << Csr.IRQ_M_SOFT);
        // What M-mode firmware sets before it enters S-mode (as OpenSBI does): delegation and counters.
        st.mideleg = DELEGATED_INTERRUPTS;
        st.medeleg = DELEGATED_EXCEPTIONS;
        st.mcounteren = 7;
    }

    /** @return whether the vCPU attached here runs real instructions on this hart's state. */
    boolean runsCode() {
        return guests.executor(id) instanceof ElfGuest;
    }

    /**
     * The interpreter entered M-mode for a trap of the guest's (mcause, mepc, mtval and MPP as the
     * spec sets them): the monitor's handler runs and returns with mret, as for the models' traps.
     */
    void machineTrap() {
        inTrap = true;
        time += machine.costs.trapEntryNs();
        machine.trapHandler.handle(this);
        mret();
        inTrap = false;
    }

    @Override
    public void runUntil(long untilNs) {
        for (int guard = 0; guard < LOOP_GUARD && time < untilNs; guard++) {
            if (takeInterrupt()) {
                continue;
            }
            long stop = Math.min(untilNs, machine.clint.nextTimerNs(id));
            if (stop <= time) {
                stop = untilNs; // timer due but masked: run to the step end
            }
            Executor bound = guests.executor(id);
            if (bound == null) {
                time = stop;
                continue;
            }
            stepEnd = untilNs;
            running = bound;
            running.run(this);
            running = null;
        }
    }

    /**
     * Takes the highest-priority pending M-level interrupt (MEI > MSI > MTI): M-level interrupts
     * are always enabled below M-mode, and wake an idle hart in WFI.
     */
    private boolean takeInterrupt() {
        long pending = 0;
        if (machine.plic.externalPending(id)) {
            pending |= 1L << Csr.IRQ_M_EXT;
        }
        if (machine.clint.softwarePending(id)) {
            pending |= 1L << Csr.IRQ_M_SOFT;
        }
        if (machine.clint.timerPending(id, time)) {
            pending |= 1L << Csr.IRQ_M_TIMER;
        }
        pending &= st.mie;
        if (pending == 0) {
            return false;
        }
        int code = (pending & (1L << Csr.IRQ_M_EXT)) != 0 ? Csr.IRQ_M_EXT
                : (pending & (1L << Csr.IRQ_M_SOFT)) != 0 ? Csr.IRQ_M_SOFT : Csr.IRQ_M_TIMER;
        trap(Csr.INTERRUPT | code, 0);
        return true;
    }

    /** Enters M-mode for a trap, runs the monitor's handler, and returns with mret. */
    void trap(long cause, long tval) {
        inTrap = true;
        st.mcause = cause;
        st.mtval = tval;
        st.mepc = st.pc;
        st.mstatus = (st.mstatus & ~Csr.MSTATUS_MPP) | ((long) st.priv << Csr.MSTATUS_MPP_SHIFT);
        st.priv = Csr.PRIV_M;
        st.pc = st.mtvec;
        time += machine.costs.trapEntryNs();
        machine.trapHandler.handle(this);
        mret();
        inTrap = false;
    }

    private void mret() {
        st.priv = (int) ((st.mstatus & Csr.MSTATUS_MPP) >>> Csr.MSTATUS_MPP_SHIFT);
        st.mstatus &= ~Csr.MSTATUS_MPP;
        st.pc = st.mepc;
        time += machine.costs.trapReturnNs();
    }

    /** [impl->dsn~riscv.hart.access-fault~1] */
    private int access(long address, int size, int access, int cause) {
        time += machine.costs.accessNs();
        boolean ok = pmp.allows(address, size, access, st.priv);
        if (ok) {
            if (access == Access.EXECUTE) {
                ok = machine.bus.executable(address, 4);
            } else if (access == Access.WRITE) {
                ok = machine.bus.write(address, size, lastValue, time) == warden.emu.Bus.OK;
            } else {
                ok = machine.bus.read(address, size, time) == warden.emu.Bus.OK;
                if (ok) {
                    lastValue = machine.bus.lastValue();
                }
            }
        }
        if (ok) {
            return OK;
        }
        lastFaultCause = cause;
        trap(cause, address);
        return FAULT;
    }

    @Override public int core() { return id; }
    @Override public long now() { return time; }
    @Override public void advance(long ns) { time += ns; st.pc += 4; }
    @Override public long lastValue() { return lastValue; }
    @Override public int lastFaultCause() { return lastFaultCause; }
    @Override public String causeName(int cause) { return Csr.exceptionName(cause); }
    @Override public boolean attached() { return running != null && running == guests.executor(id); }

    /**
     * The executor's remaining budget: to the end of the engine step, cut at the hart's timer
     * deadline, and zero when an M-level interrupt is pending or the vCPU was switched away. It is
     * re-evaluated after every access or call, so a timer the guest sets (or an interrupt it
     * causes) is taken on time.
     */
    @Override
    public long budget() {
        if (!attached() || machine.plic.externalPending(id) || machine.clint.softwarePending(id)) {
            return 0;
        }
        long stop = Math.min(stepEnd, machine.clint.nextTimerNs(id));
        return Math.max(0, stop - time);
    }

    @Override
    public int load(long address, int size) {
        return access(address, size, Access.READ, Csr.EXC_LOAD_ACCESS);
    }

    @Override
    public int store(long address, int size, long value) {
        lastValue = value;
        return access(address, size, Access.WRITE, Csr.EXC_STORE_ACCESS);
    }

    @Override
    public int fetch(long address) {
        return access(address, 4, Access.EXECUTE, Csr.EXC_FETCH_ACCESS);
    }

    /** A monitor call through the SBI convention: a7 = Warden EID, a6 = call id, then ecall. */
    @Override
    public int call(int callId, long arg0, long arg1) {
        if (running != null && running != guests.executor(id)) {
            // switched off the core: frozen until resumed [impl->dsn~emu.frozen-calls~1]
            lastCallStatus = Status.FAILED;
            return lastCallStatus;
        }
        x[17] = Sbi.WARDEN_EID;
        x[16] = callId;
        x[10] = arg0;
        x[11] = arg1;
        return ecall();
    }

    @Override
    public int call(int callId, long[] args) {
        if (running != null && running != guests.executor(id)) {
            lastCallStatus = Status.FAILED; // frozen until resumed [impl->dsn~emu.frozen-calls~1]
            return lastCallStatus;
        }
        x[17] = Sbi.WARDEN_EID;
        x[16] = callId;
        for (int i = 0; i < 6; i++) {
            x[10 + i] = i < args.length ? args[i] : 0;
        }
        return ecall();
    }

    /**
     * A raw SBI call: a7 = EID, a6 = FID, a0..a5 = args, then ecall. @return a0 after the call.
     *
     * [impl->dsn~emu.guest.hostile-raw~1]
     */
    @Override
    public long rawCall(long eid, long fid, long[] args) {
        if (running != null && running != guests.executor(id)) {
            lastCallStatus = Status.FAILED; // frozen until resumed [impl->dsn~emu.frozen-calls~1]
            return lastCallStatus;
        }
        x[17] = eid;
        x[16] = fid;
        for (int i = 0; i < 6; i++) {
            x[10 + i] = i < args.length ? args[i] : 0;
        }
        ecall();
        return x[10];
    }

    @Override
    public int rawCallTarget(long eid, long fid) {
        if (Sbi.answeredByPort(eid, fid)) {
            return ANSWERED_BY_MONITOR; // Base and the claim function: the port answers
        }
        if (eid == Sbi.SRST_EID && fid == 0) {
            return MonitorCall.VCPU_OFF; // shutdown or reset, by a0: never a call a hostile guest makes
        }
        return Sbi.callId(eid, fid, 0);
    }

    /** @return SBI_ERR_NOT_SUPPORTED (-2), what a0 holds after an unknown call. */
    @Override
    public long notSupportedCode() {
        return Sbi.SBI_ERR_NOT_SUPPORTED;
    }

    @Override
    public long[] callIds() {
        return Sbi.hostileIds();
    }

    /** Executes ecall with the registers as they are; @return the kernel status of the result. */
    public int ecall() {
        lastCallStatus = Status.FAILED;
        trap(st.priv == Csr.PRIV_U ? Csr.EXC_ECALL_U : Csr.EXC_ECALL_S, 0);
        return lastCallStatus;
    }

    /** Raises an illegal-instruction exception at the current pc (for fault models). */
    public void illegalInstruction(long instruction) {
        trap(Csr.EXC_ILLEGAL, instruction);
    }

    // ---- what the monitor does to the hart (the kernel's CpuContext, through RiscvMachine) ----

    /** Consumes {@code ns} of monitor work on this hart (no guest instruction retires). */
    void spend(long ns) { time += ns; }

    /** Sets mtvec, where M-mode traps vector to. */
    void setTrapVector(long address) { st.mtvec = address; }

    /** Skips the trapped ecall: mepc to the next instruction, so a world switch resumes past it. */
    void skipEcall() { st.mepc += 4; }

    /** The monitor's return registers of a call: a0, a1, and the kernel status the guest sees. */
    void returnFromCall(long a0, long a1, int status) {
        x[10] = a0;
        x[11] = a1;
        lastCallStatus = status;
        lastValue = a1;
    }

    /**
     * Makes supervisor interrupt {@code code} pending for the guest: a model sees it as its cause
     * (scause); a guest running real code sees the bit in sip and takes it when its sstatus.SIE and
     * sie allow, as on hardware ([impl->dsn~riscv.sbi.sip~1]).
     */
    void takeSupervisorInterrupt(int code) {
        if (runsCode()) {
            st.mipSoftware |= 1L << code;
        } else {
            st.scause = Csr.INTERRUPT | code;
        }
    }

    /** Notes virtual interrupt {@code line} as delivered and not yet claimed by the guest. */
    void lineDelivered(int line) {
        if (line >= 0 && line < 128) {
            vlines[line >>> 6] |= 1L << (line & 63);
        }
    }

    /** Claims the lowest delivered line (0 if none); SEIP falls when none is left. */
    long claimLine() {
        long line = 0;
        if (vlines[0] != 0) {
            line = Long.numberOfTrailingZeros(vlines[0]);
            vlines[0] &= vlines[0] - 1;
        } else if (vlines[1] != 0) {
            line = 64 + Long.numberOfTrailingZeros(vlines[1]);
            vlines[1] &= vlines[1] - 1;
        }
        if ((vlines[0] | vlines[1]) == 0) {
            st.mipSoftware &= ~SEIP;
        }
        return line;
    }

    /** SBI set_timer clears a pending supervisor timer interrupt (SBI 2.0, Timer extension). */
    void clearTimerPending() {
        st.mipSoftware &= ~STIP;
    }

    /**
     * Hands the trapped exception to the guest's S-mode handler: scause, stval, sepc from M-mode.
     * For a guest that runs real code it is the trap entry OpenSBI's {@code sbi_trap_redirect}
     * performs: SPP = the trapped privilege, SPIE = SIE, SIE = 0, and the mret that ends the
     * monitor's handler goes to stvec in S-mode. [impl->dsn~riscv.sbi.redirect~1]
     */
    void redirectToSupervisor() {
        st.scause = st.mcause;
        st.stval = st.mtval;
        st.sepc = st.mepc;
        if (!runsCode()) {
            return;
        }
        long m = st.mstatus;
        m = (m & HartState.MSTATUS_SIE) != 0 ? m | HartState.MSTATUS_SPIE : m & ~HartState.MSTATUS_SPIE;
        m = st.mpp() == Csr.PRIV_S ? m | HartState.MSTATUS_SPP : m & ~HartState.MSTATUS_SPP;
        st.mstatus = m & ~HartState.MSTATUS_SIE;
        st.setMpp(Csr.PRIV_S);
        st.mepc = st.stvec & ~3L;
    }

    /** No guest runs: the hart waits in the monitor, so an mret would stay in M-mode. */
    void parkInMonitor() {
        st.mstatus = st.mstatus & ~Csr.MSTATUS_MPP | ((long) Csr.PRIV_M << Csr.MSTATUS_MPP_SHIFT);
    }


    /**
     * Saves the guest's context; a guest running real code has its sstatus and sie taken from the
     * hart's views, and its pending S-level bits, scounteren, senvcfg and unclaimed lines saved too.
     * [impl->dsn~riscv.elf.context~1]
     */
    void save(long[] ctx, int off) {
        System.arraycopy(x, 1, ctx, off, 31);
        // Inside a trap the guest's resume point and privilege are in mepc and mstatus.MPP;
        // outside one (a test or tool switching a core directly) they are the live pc and priv.
        ctx[off + 31] = inTrap ? st.mepc : st.pc;
        boolean code = runsCode();
        ctx[off + 32] = code ? st.sstatus() : sstatus;
        ctx[off + 33] = st.stvec;
        ctx[off + 34] = st.sepc;
        ctx[off + 35] = st.scause;
        ctx[off + 36] = st.stval;
        ctx[off + 37] = st.sscratch;
        ctx[off + 38] = st.satp;
        ctx[off + 39] = code ? st.sie() : sie;
        ctx[off + 40] = inTrap ? (st.mstatus & Csr.MSTATUS_MPP) >>> Csr.MSTATUS_MPP_SHIFT : st.priv;
        ctx[off + 41] = st.mipSoftware;
        ctx[off + 42] = st.scounteren;
        ctx[off + 43] = st.senvcfg;
        ctx[off + 44] = vlines[0];
        ctx[off + 45] = vlines[1];
        // [impl->dsn~riscv.elf.fp-context~1]
        System.arraycopy(st.f, 0, ctx, off + CONTEXT_F, 32);
        ctx[off + CONTEXT_F + 32] = (long) st.frm << 5 | st.fflags;
    }

    void restore(long[] ctx, int off) {
        System.arraycopy(ctx, off, x, 1, 31);
        x[0] = 0;
        st.mepc = ctx[off + 31];
        sstatus = ctx[off + 32];
        st.stvec = ctx[off + 33];
        st.sepc = ctx[off + 34];
        st.scause = ctx[off + 35];
        st.stval = ctx[off + 36];
        st.sscratch = ctx[off + 37];
        st.satp = ctx[off + 38];
        sie = ctx[off + 39];
        st.writeSstatus(sstatus);
        st.writeSie(sie);
        st.mipSoftware = ctx[off + 41] & DELEGATED_INTERRUPTS;
        st.scounteren = ctx[off + 42];
        st.senvcfg = ctx[off + 43];
        vlines[0] = ctx[off + 44];
        vlines[1] = ctx[off + 45];
        System.arraycopy(ctx, off + CONTEXT_F, st.f, 0, 32);
        st.fflags = (int) (ctx[off + CONTEXT_F + 32] & 0x1F);
        st.frm = (int) (ctx[off + CONTEXT_F + 32] >>> 5 & 7);
        st.mstatus = (st.mstatus & ~Csr.MSTATUS_MPP) | ((ctx[off + 40] & 3) << Csr.MSTATUS_MPP_SHIFT);
        if (!inTrap) {
            // Entered from the monitor outside a trap (the first start of a core): the monitor
            // drops to the guest with mret, so the guest never runs with M-mode privilege.
            mret();
        }
    }

    static void init(long[] ctx, int off, long entry, int partition, int core) {
        for (int i = 0; i < CONTEXT_WORDS; i++) {
            ctx[off + i] = 0;
        }
        ctx[off + 9] = core;          // a0 = hart id, as SBI firmware passes it
        ctx[off + 10] = partition;    // a1 = partition index (in place of the device-tree pointer)
        ctx[off + 31] = entry;
        ctx[off + 40] = Csr.PRIV_S;
    }

    public long time() { return time; }
    public int privilege() { return st.priv; }
    public long register(int i) { return x[i]; }
    public void setRegister(int i, long v) { if (i != 0) { x[i] = v; } }
    public long mcause() { return st.mcause; }
    public long mtval() { return st.mtval; }
    public long scause() { return st.scause; }
    public long stval() { return st.stval; }
    public int boundPartition() { return guests.partition(id); }
    public Pmp pmp() { return pmp; }
    /**
     * @return an interpreter that executes real instructions on this hart's own state: its
     *         registers and CSRs, its PMP (as the kernel programs it) and the board's bus, with
     *         MEIP from the PLIC and MSIP, MTIP from the CLINT
     */
    public Interpreter interpreter() {
        return interpreter(false);
    }

    /**
     * @param stepBounded whether a WFI waits at most to the end of the engine step the hart runs
     *                    (as under the monitor, where other cores and devices move on in steps)
     */
    Interpreter interpreter(boolean stepBounded) {
        return new Interpreter(st, machine.bus, null, new Lines() {
            @Override
            public long pending(long nowNs) {
                return (machine.plic.externalPending(id) ? 1L << Csr.IRQ_M_EXT : 0)
                        | (machine.clint.softwarePending(id) ? 1L << Csr.IRQ_M_SOFT : 0)
                        | (machine.clint.timerPending(id, nowNs) ? 1L << Csr.IRQ_M_TIMER : 0);
            }

            @Override
            public long nextEventNs() {
                long timer = machine.clint.nextTimerNs(id);
                return stepBounded ? Math.min(timer, stepEnd) : timer;
            }
        });
    }

    /** @return whether the vCPU attached here boots Linux (the SBI calls of {@link Sbi#answeredForCode}). */
    boolean runsLinux() {
        ElfGuest g = codeGuest();
        return g != null && g.isLinux();
    }

    /** @return the executor attached here when it runs real code, else null. */
    ElfGuest codeGuest() {
        return guests.executor(id) instanceof ElfGuest g ? g : null;
    }

    /** @return the architectural state (registers, CSRs, PMP) this hart keeps. */
    public HartState state() { return st; }
}
