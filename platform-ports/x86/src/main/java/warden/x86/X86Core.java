package warden.x86;

import warden.emu.Bus;
import warden.emu.Engine;
import warden.emu.Executor;
import warden.emu.GuestCpu;
import warden.emu.port.GuestBinding;
import warden.kernel.api.Access;
import warden.kernel.api.Status;
import warden.x86.hw.LocalApic;
import warden.x86.hw.SaveStateDescriptor;
import warden.x86.hw.Smrr;

/**
 * One x86 core: its registers, SMM state (SMBASE, in-SMM flag, latched SMI and NMI), its SMRR
 * MSRs and local APIC, and the executor of the vCPU attached. The critical partition runs in SMM
 * at CPL 3 under the monitor's page tables; the rich OS runs outside SMM, where only SMRR applies.
 *
 * <p>Accesses: in SMM a page the partition's tables do not map raises #PF (vector 14) to the
 * monitor, which the kernel sees as an access fault. Outside SMM an access to the SMRR range is
 * not an exception (Intel SDM Vol. 3A §11.11.2.4): a write is dropped and a read returns all ones;
 * the port still tells the kernel (see {@link X86Machine#reportDropped}) so that the violation is
 * logged, and the access returns OK. Outside any RAM or device a read returns all ones and a write
 * is dropped (a master abort), as on a PC.
 *
 * [impl->dsn~x86.core~1]
 */
public final class X86Core implements GuestCpu, Engine.Core {
    private static final int LOOP_GUARD = 1_000_000;

    final int id;
    final X86Machine machine;
    final RegisterFile regs = new RegisterFile();
    final Smrr smrr = new Smrr();
    final LocalApic apic = new LocalApic();
    long smbase = SaveStateDescriptor.DEFAULT_SMBASE;
    long dr7;
    boolean smm;
    boolean shutdown;
    boolean nmiLatched;
    long nmisTaken;
    /** The SMI latched from elsewhere (a broadcast or an IPI). */
    final SmiLatch smi = new SmiLatch();
    /** The monitor runs on this core; trapFromSmm: it was entered from the critical partition, not by an SMI. */
    boolean inTrap;
    boolean trapFromSmm;
    /** The APM_CNT (port B2h) value written by the last OUT that raised an SMI, -1 when none. */
    int apmCommand = -1;
    long time;
    private final GuestBinding guests;
    private Executor running;
    private long stepEnd;
    long lastValue;
    int lastCallStatus;
    int lastFaultCause;
    long lastFaultAddress;

    X86Core(int id, X86Machine machine, GuestBinding guests) {
        this.id = id;
        this.machine = machine;
        this.guests = guests;
    }

    /** @return the executor of the vCPU attached to this core, or null. */
    Executor bound() { return guests.executor(id); }

    /** @return whether the partition attached to this core is the critical one (it runs in SMM). */
    boolean boundCritical() { return guests.critical(guests.partition(id)); }

    @Override
    public void runUntil(long untilNs) {
        for (int guard = 0; guard < LOOP_GUARD && time < untilNs; guard++) {
            if (shutdown) {
                time = untilNs;
                break;
            }
            if (machine.coreEvents.take(this)) {
                continue;
            }
            long stop = Math.min(untilNs, machine.coreEvents.nextNs(this));
            if (stop <= time) {
                stop = untilNs;
            }
            Executor bound = bound();
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

    @Override public int core() { return id; }
    @Override public long now() { return time; }
    @Override
    public void advance(long ns) {
        time += ns;
        regs.set(RegisterFile.RIP, regs.get(RegisterFile.RIP) + 4);
    }

    @Override public long lastValue() { return lastValue; }
    @Override public int lastFaultCause() { return lastFaultCause; }
    @Override public String causeName(int cause) { return Vectors.name(cause); }
    @Override public boolean attached() { return running != null && running == bound() && !shutdown; }

    /** An executor runs on this core but its vCPU was switched away (it must stop issuing instructions). */
    private boolean suspended() { return running != null && running != bound(); }

    /**
     * The executor's remaining budget: to the end of the engine step, cut at the next SMI, timer or
     * APIC event of this core, and zero when one is due or the vCPU was switched away (as
     * {@code warden.riscv.Hart.budget()}). Re-read after every access or call.
     */
    @Override
    public long budget() {
        if (!attached() || machine.coreEvents.due(this)) {
            return 0;
        }
        long stop = Math.min(stepEnd, machine.coreEvents.nextNs(this));
        return Math.max(0, stop - time);
    }

    @Override
    public int load(long address, int size) {
        return access(address, size, Access.READ);
    }

    @Override
    public int store(long address, int size, long value) {
        lastValue = value;
        return access(address, size, Access.WRITE);
    }

    @Override
    public int fetch(long address) {
        return access(address, 4, Access.EXECUTE);
    }

    /** [impl->dsn~x86.smrr~1] */
    private int access(long address, int size, int access) {
        time += machine.costs.accessNs();
        if (smm) {
            if (!machine.pu.allows(id, address, size, access)) {
                lastFaultCause = Vectors.PF;
                lastFaultAddress = address;
                machine.monitor.pageFault(this, access, address);
                return FAULT;
            }
        } else if (smrr.touches(address, size)) {
            if (access != Access.WRITE) {
                lastValue = fixedValue(address, size);
            }
            machine.reportDropped(this, access, address);
            return OK;
        }
        busAccess(address, size, access);
        return OK;
    }

    private void busAccess(long address, int size, int access) {
        Bus bus = machine.bus;
        if (access == Access.WRITE) {
            bus.write(address, size, lastValue, time);
        } else if (access == Access.READ) {
            lastValue = bus.read(address, size, time) == Bus.OK ? bus.lastValue() : allOnes(size);
        }
    }

    /** Per byte: all ones where SMRR matches (the fixed value), memory elsewhere. */
    private long fixedValue(long address, int size) {
        long v = 0;
        for (int i = size - 1; i >= 0; i--) { // bound: size <= 8
            long b = Smrr.FIXED_READ_BYTE;
            if (!smrr.matches(address + i)) {
                b = machine.bus.read(address + i, 1, time) == Bus.OK ? machine.bus.lastValue() & 0xFF : 0xFF;
            }
            v = (v << 8) | b;
        }
        return v;
    }

    private static long allOnes(int size) {
        return size >= 8 ? -1L : (1L << (8 * size)) - 1;
    }

    /**
     * A monitor call. Outside SMM (the rich OS): AL = call id, RDI/RSI = arguments, then
     * {@code OUT 0B2h, AL}: the chipset's APM control port raises an SMI and the SMI handler reads
     * the registers from the save map. In SMM (the critical partition at CPL 3): the same registers
     * and SYSCALL into the monitor. @return the kernel's status; the value is in lastValue().
     *
     * [impl->dsn~x86.apm~1]
     */
    @Override
    public int call(int callId, long arg0, long arg1) {
        if (frozen()) {
            return lastCallStatus;
        }
        regs.set(RegisterFile.RAX, callId & 0xFFL);
        regs.set(RegisterFile.RDI, arg0);
        regs.set(RegisterFile.RSI, arg1);
        return enterMonitor();
    }

    @Override
    public int call(int callId, long[] args) {
        if (frozen()) {
            return lastCallStatus;
        }
        regs.set(RegisterFile.RAX, callId & 0xFFL);
        for (int i = 0; i < 6; i++) {
            regs.set(RegisterFile.argRegister(i), i < args.length ? args[i] : 0);
        }
        return enterMonitor();
    }

    /**
     * The SMI of this vCPU's previous call also handled the SMI timer and switched the core to
     * another world (e.g. OUT 0B2h from the rich OS whose handler ran past the safety partition's
     * deadline and started it in SMM). The interrupted instruction stream is frozen until the
     * monitor resumes it: its next instruction must not reach the monitor, which would take it as a
     * call of the partition now bound (a YIELD of the RTOS). @return whether it is frozen (FAILED set)
     */
    private boolean frozen() {
        if (suspended()) {
            lastCallStatus = Status.FAILED; // [impl->dsn~emu.frozen-calls~1]
            return true;
        }
        return false;
    }

    /** The call with its registers set: SYSCALL in SMM, else OUT 0B2h. @return the kernel's status */
    private int enterMonitor() {
        lastCallStatus = Status.FAILED;
        if (smm) {
            machine.monitor.syscall(this);
        } else {
            regs.set(RegisterFile.RIP, regs.get(RegisterFile.RIP) + 2);
            outApm((int) (regs.get(RegisterFile.RAX) & 0xFF));
        }
        return lastCallStatus;
    }

    /**
     * A raw monitor call: RAX = id, RDI, RSI, RDX, R10, R8, R9 = args, then {@code OUT 0B2h, AL}
     * (SYSCALL in SMM); {@code function} is unused. @return RAX after the call.
     *
     * [impl->dsn~emu.guest.hostile-raw~1]
     */
    @Override
    public long rawCall(long id, long function, long[] args) {
        if (suspended()) {
            lastCallStatus = Status.FAILED; // frozen until resumed [impl->dsn~emu.frozen-calls~1]
            return lastCallStatus;
        }
        regs.set(RegisterFile.RAX, id);
        for (int i = 0; i < 6; i++) {
            regs.set(RegisterFile.argRegister(i), i < args.length ? args[i] : 0);
        }
        lastCallStatus = Status.FAILED;
        if (smm) {
            machine.monitor.syscall(this);
        } else {
            regs.set(RegisterFile.RIP, regs.get(RegisterFile.RIP) + 2);
            outApm((int) (id & 0xFF));
        }
        return regs.get(RegisterFile.RAX);
    }

    @Override
    public int rawCallTarget(long id, long function) {
        return ApmCalls.callId(id);
    }

    /** @return Status.NOT_SUPPORTED (-1), what RAX holds after an unknown call. */
    @Override
    public long notSupportedCode() {
        return Status.NOT_SUPPORTED;
    }

    @Override
    public long[] callIds() {
        return ApmCalls.hostileIds();
    }

    /** {@code OUT 0B2h, AL}: writes APM_CNT, which raises an SMI on this core. */
    public void outApm(int command) {
        time += machine.costs.accessNs();
        apmCommand = command & 0xFF;
        machine.monitor.smi(this, true);
    }

    /** Executes RSM (0F AA): #UD outside SMM, else resume (or shutdown on invalid state). @return Smm code. */
    public int rsm() {
        int st = machine.smm.rsm(this);
        if (st == Smm.UD) {
            raise(Vectors.UD, regs.r[RegisterFile.RIP]);
        } else if (st != Smm.OK) {
            machine.reportShutdown(this, st);
        }
        return st;
    }

    /** WRMSR: the SMRR pair (SMM only) and IA32_TSC_DEADLINE; @return OK, or FAULT after #GP. */
    public int wrmsr(int msr, long value) {
        if (msr == LocalApic.IA32_TSC_DEADLINE) {
            apic.writeTscDeadline(value);
            return OK;
        }
        if (smrr.write(msr, value, smm)) {
            return OK;
        }
        raise(Vectors.GP, 0);
        return FAULT;
    }

    /** RDMSR of the SMRR pair or IA32_TSC_DEADLINE. */
    public long rdmsr(int msr) {
        return msr == LocalApic.IA32_TSC_DEADLINE ? apic.tscDeadline() : smrr.read(msr);
    }

    /** Writes this core's ICR: delivery mode SMI sends an inter-processor SMI, Fixed a vector. */
    public void writeIcr(long icr) {
        machine.coreEvents.ipi(this, icr);
    }

    /** An NMI arrives: blocked (latched) in SMM, taken at once outside (§34.8 "NMI Handling While in SMM"). */
    public void raiseNmi() {
        if (smm) {
            nmiLatched = true;
        } else {
            nmisTaken++;
        }
    }

    /** An exception outside the monitor's view: the guest's own IDT handles it. */
    private void raise(int vector, long address) {
        lastFaultCause = vector;
        lastFaultAddress = address;
        Executor bound = bound();
        if (bound != null) {
            bound.onFault(vector, address, time);
        }
    }

    // ---- what the monitor, SMM entry/RSM and the SMI sources do to the core ----

    /** Consumes {@code ns} of monitor or SMM work on this core (no guest instruction retires). */
    void spend(long ns) { time += ns; }

    /** Held at the SMI rendezvous: the core's time moves on to at least {@code untilNs}. */
    void holdUntil(long untilNs) { time = Math.max(time, untilNs); }

    /** The boot SMI is the core's time origin. Boot-time. */
    void resetClock() { time = 0; }

    /** The kernel's status and value of the call just handled, as the guest sees them. */
    void callReturned(int status, long value) {
        lastCallStatus = status;
        lastValue = value;
    }

    /** The APM_CNT value that raised this SMI (-1 when none), consumed. */
    int takeApmCommand() {
        int command = apmCommand;
        apmCommand = -1;
        return command;
    }

    /** The monitor runs on this core; {@code fromSmm}: entered from the critical partition, not by an SMI. */
    void monitorEntered(boolean fromSmm) {
        inTrap = true;
        trapFromSmm = fromSmm;
    }

    /** The monitor is done on this core. */
    void monitorLeft() {
        inTrap = false;
        trapFromSmm = false;
    }

    /** Records the cause and address of the fault the monitor reports next. */
    void noteFault(int cause, long address) {
        lastFaultCause = cause;
        lastFaultAddress = address;
    }

    /** SMI entry loaded the SMM environment: DR7 {@code dr7Init}, in SMM. */
    void enteredSmm(long dr7Init) {
        dr7 = dr7Init;
        smm = true;
    }

    /** RSM loaded DR7 and SMBASE from the map and left SMM; a latched NMI is taken now. */
    void leftSmm(long dr7Saved, long newSmbase) {
        dr7 = dr7Saved;
        smbase = newSmbase;
        smm = false;
        if (nmiLatched) {
            nmiLatched = false;
            nmisTaken++;
        }
    }

    /** RSM found invalid state: the core stays in shutdown. */
    void enterShutdown() { shutdown = true; }

    public long time() { return time; }
    public boolean inSmm() { return smm; }
    public boolean isShutdown() { return shutdown; }
    public long smbase() { return smbase; }
    public long register(int i) { return regs.r[i]; }
    public void setRegister(int i, long v) { regs.set(i, v); }
    public Smrr smrr() { return smrr; }
    public LocalApic apic() { return apic; }
    public long nmisTaken() { return nmisTaken; }
    public boolean nmiLatched() { return nmiLatched; }
    public boolean smiLatched() { return smm && smi.at() <= time; }
    public int boundPartition() { return guests.partition(id); }
}
