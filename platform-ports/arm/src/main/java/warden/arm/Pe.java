package warden.arm;

import warden.arm.hw.GicCpuInterface;
import warden.arm.hw.GicGroups;
import warden.arm.hw.GenericTimer;
import warden.arm.hw.Tzc400;
import warden.emu.Bus;
import warden.emu.Engine;
import warden.emu.Executor;
import warden.emu.GuestCpu;
import warden.emu.port.GuestBinding;
import warden.kernel.api.Access;
import warden.kernel.api.Status;

/**
 * One Armv8-A processing element with EL3, EL1 and EL0 in two security states (Arm ARM, DDI
 * 0487, "Exception levels", "Security state", "Exception entry", "Exception return"): the general
 * registers, PSTATE, the EL3 registers the monitor uses (SCR_EL3, ELR_EL3, SPSR_EL3, ESR_EL3,
 * FAR_EL3), the EL1 system registers a guest owns ({@link ContextLayout}), its GIC CPU interface,
 * and the executor of the vCPU attached.
 *
 * <p>Every guest access goes through the PE's TZC-400 filter with the security state of the
 * current world, then the bus. A denied access with the filter's error response is a synchronous
 * external abort: with SCR_EL3.EA = 1 it is taken to EL3 with ESR_EL3.EC 0x24 (data abort from a
 * lower EL, WnR for writes, DFSC 0x10) or 0x20 (instruction abort, IFSC 0x10; 0x0F when only the
 * execute permission is missing) and FAR_EL3 = the address; a denied read returns zero. An SMC
 * from EL1 traps to EL3 with EC 0x17 and ISS = imm16, ELR_EL3 = the next instruction. An
 * interrupt is signalled as IRQ or FIQ by the GIC table ({@link GicGroups#signal}) and taken to
 * EL3 when SCR_EL3 routes it there. The first-level handler ({@link MonitorVector}) runs at EL3;
 * ERET returns to the EL in SPSR_EL3, never to EL3 for a guest.
 *
 * [impl->dsn~arm.pe.exceptions~1]
 */
public final class Pe implements GuestCpu, Engine.Core {
    private static final int LOOP_GUARD = 1_000_000;
    static final int KIND_SYNC = 0;
    static final int KIND_INTERRUPT = 1;

    final int id;
    final ArmMachine machine;
    final GicCpuInterface gic;
    final Tzc400 tzc;
    final long[] x = new long[31];
    final long[] el1 = new long[ContextLayout.EL1_COUNT];
    long spEl0;
    long pc;
    long pstate = ContextLayout.SPSR_EL3H_MASKED;
    long scr = Scr.forWorld(false);
    long elr;
    long spsr;
    long esr;
    long far;
    long time;
    boolean inTrap;
    private final GuestBinding guests;
    private Executor running;
    private long stepEnd;
    long lastValue;
    int lastCallStatus;
    int lastFaultCause;
    int lastFid;

    Pe(int id, ArmMachine machine, GicCpuInterface gic, Tzc400 tzc, GuestBinding guests) {
        this.id = id;
        this.machine = machine;
        this.gic = gic;
        this.tzc = tzc;
        this.guests = guests;
    }

    int el() { return ContextLayout.el(pstate); }
    boolean nonSecure() { return el() < 3 && (scr & Scr.NS) != 0; }
    int peState() { return GicGroups.peState(el(), (scr & Scr.NS) != 0); }

    @Override
    public void runUntil(long untilNs) {
        for (int guard = 0; guard < LOOP_GUARD && time < untilNs; guard++) {
            if (takeInterrupt()) {
                continue;
            }
            long stop = Math.min(untilNs, machine.timer.nextFireNs(id));
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

    /** Samples the Secure physical timer's level into its PPI, then takes a signalled interrupt to EL3. */
    private boolean takeInterrupt() {
        machine.gicState.level(id, GenericTimer.PPI_SECURE_PHYS, machine.timer.asserted(id, time));
        int signal = gic.signal(peState());
        if (signal < 0 || Scr.interruptTarget(signal, scr, el()) != 3) {
            return false;
        }
        exception(KIND_INTERRUPT, esr, far, pc);
        return true;
    }

    /** Takes an exception to EL3, runs the monitor's first-level handler, and returns with ERET. */
    void exception(int kind, long syndrome, long address, long returnAddress) {
        inTrap = true;
        esr = syndrome;
        far = address;
        elr = returnAddress;
        spsr = pstate;
        pstate = ContextLayout.SPSR_EL3H_MASKED;
        time += machine.costs.entryNs();
        machine.vector.handle(this, kind);
        eret();
        inTrap = false;
    }

    private void eret() {
        pstate = ContextLayout.el(spsr) == 3 && guests.executor(id) != null ? ContextLayout.SPSR_EL1H_MASKED : spsr;
        pc = elr;
        time += machine.costs.eretNs();
    }

    /** [impl->dsn~arm.tzc.denied~1] */
    private int access(long address, int size, int access) {
        time += machine.costs.accessNs();
        boolean write = access == Access.WRITE;
        boolean ns = nonSecure();
        int verdict = tzc.check(address, size, write, ns, machine.platform.nsaid());
        boolean xn = access == Access.EXECUTE && verdict == Tzc400.ALLOW && !machine.pu.executable(id, address, 4);
        if (verdict == Tzc400.ALLOW && !xn) {
            machine.security.set(ns);
            int r = access == Access.EXECUTE ? (machine.bus.executable(address, 4) ? Bus.OK : Bus.BUS_ERROR)
                    : write ? machine.bus.write(address, size, lastValue, time) : machine.bus.read(address, size, time);
            machine.security.set(false);
            if (r == Bus.OK) {
                lastValue = write || access == Access.EXECUTE ? lastValue : machine.bus.lastValue();
                return OK;
            }
        }
        if (!write) {
            lastValue = 0; // a denied read returns zero
        }
        if (verdict == Tzc400.DENY_SILENT) {
            return OK; // ACTION = none: the access completes with an OKAY response
        }
        abort(access, address, xn);
        return FAULT;
    }

    private void abort(int access, long address, boolean permission) {
        boolean fetch = access == Access.EXECUTE;
        int ec = fetch ? Esr.EC_IABT_LOWER : Esr.EC_DABT_LOWER;
        long iss = (permission ? Esr.FSC_PERMISSION_L3 : Esr.FSC_EXTERNAL) | (access == Access.WRITE ? Esr.WNR : 0);
        lastFaultCause = ec;
        if (Scr.externalAbortTarget(scr, el()) == 3) {
            exception(KIND_SYNC, Esr.of(ec, iss), address, pc);
        }
    }

    @Override public int core() { return id; }
    @Override public long now() { return time; }
    @Override public void advance(long ns) { time += ns; pc += 4; }
    @Override public long lastValue() { return lastValue; }
    @Override public int lastFaultCause() { return lastFaultCause; }
    @Override public String causeName(int cause) { return Esr.name(cause); }
    @Override public boolean attached() { return running != null && running == guests.executor(id); }

    /**
     * The executor's remaining budget: to the end of the engine step, cut at the PE's Secure
     * timer deadline, and zero when an interrupt is signalled to EL3 or the vCPU was switched
     * away; re-read after every access or call.
     */
    @Override
    public long budget() {
        if (!attached() || machine.timer.asserted(id, time)) {
            return 0;
        }
        int signal = gic.signal(peState());
        if (signal >= 0 && Scr.interruptTarget(signal, scr, el()) == 3) {
            return 0;
        }
        long stop = Math.min(stepEnd, machine.timer.nextFireNs(id));
        return Math.max(0, stop - time);
    }

    @Override public int load(long address, int size) { return access(address, size, Access.READ); }

    @Override
    public int store(long address, int size, long value) {
        lastValue = value;
        return access(address, size, Access.WRITE);
    }

    @Override public int fetch(long address) { return access(address, 4, Access.EXECUTE); }

    /** A monitor call: x0 = Warden's SMCCC function id, x1, x2 = arguments, then SMC #0. */
    @Override
    public int call(int callId, long arg0, long arg1) {
        if (running != null && running != guests.executor(id)) {
            // switched off the core: frozen until resumed [impl->dsn~emu.frozen-calls~1]
            lastCallStatus = Status.FAILED;
            return lastCallStatus;
        }
        x[0] = Smccc.wardenFid(callId) & 0xFFFF_FFFFL;
        x[1] = arg0;
        x[2] = arg1;
        return smc(0);
    }

    @Override
    public int call(int callId, long[] args) {
        if (running != null && running != guests.executor(id)) {
            lastCallStatus = Status.FAILED; // frozen until resumed [impl->dsn~emu.frozen-calls~1]
            return lastCallStatus;
        }
        x[0] = Smccc.wardenFid(callId) & 0xFFFF_FFFFL;
        for (int i = 0; i < 6; i++) {
            x[1 + i] = i < args.length ? args[i] : 0;
        }
        return smc(0);
    }

    /**
     * A raw SMC: x0 = function id, x1..x7 = args, SMC #imm16 (the low 16 bits of {@code imm16}).
     * @return x0 after the call. [impl->dsn~emu.guest.hostile-raw~1]
     */
    @Override
    public long rawCall(long fid, long imm16, long[] args) {
        if (running != null && running != guests.executor(id)) {
            lastCallStatus = Status.FAILED; // frozen until resumed [impl->dsn~emu.frozen-calls~1]
            return lastCallStatus;
        }
        x[0] = fid;
        for (int i = 0; i < 7; i++) {
            x[1 + i] = i < args.length ? args[i] : 0;
        }
        smc((int) (imm16 & 0xFFFF));
        return x[0];
    }

    @Override
    public int rawCallTarget(long fid, long imm16) {
        int w0 = (int) fid;
        int imm = (int) (imm16 & 0xFFFF);
        return Smccc.answeredByMonitor(w0) && imm == 0 ? ANSWERED_BY_MONITOR : Smccc.callId(w0, imm);
    }

    /** @return SMC_UNK: -1 in x0 (0xFFFFFFFF in w0). */
    @Override
    public long notSupportedCode() {
        return Smccc.SMC_UNK;
    }

    @Override
    public long[] callIds() {
        return Smccc.hostileIds();
    }

    /** Executes SMC #imm16 with the registers as they are; @return the kernel status of the result. */
    public int smc(int imm16) {
        lastCallStatus = Status.FAILED;
        if (!Scr.smcTraps(scr, el())) {
            exception(KIND_SYNC, Esr.of(Esr.EC_UNKNOWN, 0), 0, pc); // UNDEFINED at EL0 or with SMD = 1
            return lastCallStatus;
        }
        exception(KIND_SYNC, Esr.of(Esr.EC_SMC64, imm16 & 0xFFFF), 0, pc + 4);
        return lastCallStatus;
    }

    /** A guest access to a system register the monitor traps (CNTPS_* with SCR_EL3.ST = 0): EC 0x18. */
    public void illegalInstruction(long iss) {
        exception(KIND_SYNC, Esr.of(Esr.EC_SYSREG, iss), 0, pc);
    }

    // ---- what the monitor does to the PE (its handler, the world switch, guest entry) ----

    /** Consumes {@code ns} of monitor work on this PE (no guest instruction retires). */
    void spend(long ns) { time += ns; }

    /** Loads x0-x30, SP_EL0 and the EL1 system registers of a saved context ({@link ContextLayout}). */
    void loadRegisters(long[] ctx, int off) {
        System.arraycopy(ctx, off, x, 0, ContextLayout.GPRS);
        spEl0 = ctx[off + ContextLayout.SP_EL0];
        System.arraycopy(ctx, off + ContextLayout.EL1, el1, 0, ContextLayout.EL1_COUNT);
    }

    /** Sets where the monitor's ERET goes: ELR_EL3, SPSR_EL3, and SCR_EL3 for the world. */
    void setExceptionReturn(long returnAddress, long savedPstate, long scrEl3) {
        elr = returnAddress;
        spsr = savedPstate;
        scr = scrEl3;
    }

    /** ERET performed by the monitor outside a trap: the PE drops to the EL in SPSR_EL3. */
    void eretFromMonitor() {
        pstate = spsr;
        pc = elr;
        time += machine.costs.eretNs();
    }

    /** The guest resumes at {@code address} with {@code ps}: through ELR/SPSR_EL3 inside a trap, else at once. */
    void resumeAt(long address, long ps) {
        if (inTrap) {
            elr = address;
            spsr = ps;
        } else {
            pc = address;
            pstate = ps;
        }
    }

    /** No guest runs: the PE waits at EL3 in the Secure state with every exception masked. */
    void parkInMonitor() {
        spsr = ContextLayout.SPSR_EL3H_MASKED;
        scr = Scr.forWorld(false);
        if (!inTrap) {
            pstate = ContextLayout.SPSR_EL3H_MASKED;
        }
    }

    /** Notes the SMCCC function id of the SMC being handled (its calling convention for the result). */
    void noteFunctionId(int fid) { lastFid = fid; }

    /** The monitor's return registers of a call: x0, x1, and the kernel status the guest sees. */
    void returnFromCall(long x0, long x1, int status) {
        x[0] = x0;
        x[1] = x1;
        lastCallStatus = status;
        lastValue = x1;
    }

    /** A call the monitor answers itself (an SMCCC version query): x0 only, status OK. */
    void answerInMonitor(long x0) {
        x[0] = x0;
        lastCallStatus = 0;
        lastValue = x0;
    }

    public long time() { return time; }
    public int exceptionLevel() { return el(); }
    public boolean isNonSecure() { return nonSecure(); }
    public long register(int i) { return x[i]; }
    public void setRegister(int i, long v) { x[i] = v; }
    public long el1(int i) { return el1[i]; }
    public void setEl1(int i, long v) { el1[i] = v; }
    public long esrEl3() { return esr; }
    public long farEl3() { return far; }
    public long scrEl3() { return scr; }
    public long pc() { return pc; }
    public int boundPartition() { return guests.partition(id); }
    public GicCpuInterface gic() { return gic; }
}
