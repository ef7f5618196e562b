package warden.riscv;

import warden.emu.Executor;
import warden.emu.GuestCpu;
import warden.emu.Restartable;
import warden.riscv.cpu.HartState;
import warden.riscv.cpu.Interpreter;

/**
 * A partition's vCPU that runs a real RISC-V binary ({@code kind: elf}): the instruction-set
 * interpreter executes it in S-mode on the core's own {@link HartState} (one hart model: the same
 * registers, trap CSRs and PMP the kernel's protection unit programs), every fetch, load and store
 * through that PMP and the board's bus. Whatever traps to M-mode (an ecall, an illegal instruction,
 * an access fault, the monitor's timer or an external interrupt) stops the interpreter and runs the
 * monitor's handler exactly as a model's trap does ({@link Hart#machineTrap}); the guest's own
 * S-level interrupts arrive through sip. The kernel loads the binary (its golden image: the ELF's
 * segments and the device tree behind them) at boot and at every restart, and starts it at the ELF
 * entry; on its first run this executor puts the device tree's address in a1 (a0 holds the hart
 * id), as SBI firmware does.
 *
 * [impl->dsn~riscv.elf.executor~1]
 */
public final class ElfGuest implements Executor, Restartable {
    private static final int GUARD = 1_000_000;
    private final String name;
    private final long fdtAddress;
    private final long statsAddress;
    private Interpreter interpreter;
    private Hart hart;
    private boolean fresh = true;
    private long instructions;
    private final long[] delivered = new long[3];
    /** A Linux kernel Image the vCPU loads at every fresh start (null for an ELF guest). */
    private byte[] payload;
    private long payloadAddress;
    /** For a Linux guest: the period of the heartbeats the port gives on its behalf (0: none). */
    private long heartbeatNs;
    private long lastBeatNs;
    private long userspaceNs = -1;
    private long userspaceInstructions = -1;
    private long starts;
    private long userReturnsAtStart;
    private long progressAtBeat = -1;
    private long instructionsAtStart;

    /**
     * @param name       the partition's name
     * @param fdtAddress where the partition's device tree blob lies in its memory
     */
    public ElfGuest(String name, long fdtAddress) {
        this(name, fdtAddress, -1);
    }

    /**
     * @param name         the partition's name
     * @param fdtAddress   where the partition's device tree blob lies in its memory
     * @param statsAddress where a Warden RTOS binary keeps its statistics block (its ELF symbol
     *                     {@code warden_rtos_stats}), or -1 when the binary has none
     */
    public ElfGuest(String name, long fdtAddress, long statsAddress) {
        this.name = name;
        this.fdtAddress = fdtAddress;
        this.statsAddress = statsAddress;
    }

    /**
     * A vCPU that boots a Linux kernel: at every fresh start (boot and restart) it copies the
     * kernel Image to {@code loadAddress} (the kernel's golden image, checked and copied by the
     * kernel, is the device tree at {@code fdtAddress}) and enters it with a0 = hart id and a1 = the
     * device tree, as the RISC-V Linux boot protocol requires. Linux knows nothing of Warden's
     * heartbeat, so the port gives one on its behalf, at most every {@code heartbeatNs}, when the
     * kernel re-arms its timer through the SBI once user space has run (its first sret to U-mode)
     * and the hart has returned to user space or waited in WFI since the last one: the partition is
     * booted when Linux has reached user space, and its watchdog expires when the kernel stops
     * ticking or ticks without ever idling or returning to user space (a panic loop, a kernel hang).
     *
     * [impl->dsn~riscv.linux.boot~1]
     */
    public static ElfGuest linux(String name, long fdtAddress, byte[] image, long loadAddress, long heartbeatNs) {
        ElfGuest g = new ElfGuest(name, fdtAddress);
        g.payload = image.clone();
        g.payloadAddress = loadAddress;
        g.heartbeatNs = heartbeatNs;
        return g;
    }

    /**
     * @return whether the port gives a heartbeat for this guest now (it re-armed its timer): only a
     *     Linux guest that has reached user space, at most every heartbeat period
     */
    boolean heartbeatDue(long nowNs) {
        if (heartbeatNs <= 0 || userspaceNs < 0 || nowNs - lastBeatNs < heartbeatNs && lastBeatNs != 0) {
            return false;
        }
        long progress = hart == null ? 0 : hart.st.userReturns + hart.st.waits;
        if (progress == progressAtBeat) {
            return false; // neither back in user space nor idle since the last beat: a panic loop, a hang
        }
        progressAtBeat = progress;
        lastBeatNs = nowNs;
        return true;
    }

    /** @return virtual ns of the first trap from user space since the last start, or -1. */
    public long userspaceNs() {
        return userspaceNs;
    }

    /** @return instructions retired from the last start until user space was first seen, or -1. */
    public long userspaceInstructions() {
        return userspaceInstructions;
    }

    /** @return whether this vCPU boots a Linux kernel ({@link #linux}). */
    public boolean isLinux() {
        return payload != null;
    }

    /** @return how many times the vCPU was (re)started from its image. */
    public long starts() {
        return starts;
    }

    /**
     * @return the RTOS statistics the binary kept, read from memory with the end of the run at
     *     {@code endNs} applied; null when it has no block, never ran, or the block is not valid
     *     [impl->dsn~guest.rtos.stats~1]
     */
    public RtosStats rtosStats(long endNs) {
        return statsAddress < 0 || hart == null ? null : RtosStats.read(hart.machine.bus, statsAddress, endNs);
    }

    @Override
    public int run(GuestCpu cpu) {
        Hart h = (Hart) cpu;
        HartState st = h.st;
        for (int i = 0; i < GUARD; i++) {
            if (interpreter == null || hart != h) {
                interpreter = h.interpreter(true);
                interpreter.returnOnMachineTrap(true);
                interpreter.timeBounded(true);
                hart = h;
            }
            if (fresh) {
                fresh = false;
                st.x[11] = fdtAddress;
                loadPayload(h);
            }
            long budget = h.budget();
            if (budget <= 0) {
                return h.attached() ? EXIT_BUDGET : EXIT_DETACHED;
            }
            st.idleNs = h.time - st.instret; // the interpreter's clock is the hart's
            long before = st.instret;
            interpreter.run(budget);
            instructions += st.instret - before;
            if (payload != null && userspaceNs < 0 && st.userReturns != userReturnsAtStart) {
                userspaceNs = st.lastUserReturnNs; // the first sret to U-mode: init runs
                userspaceInstructions = instructions - (st.instret - st.lastUserReturnInstret) - instructionsAtStart;
            }
            h.time = st.now();
            if (st.priv == HartState.PRIV_M) {
                h.machineTrap();
            }
            if (!h.attached()) {
                return EXIT_DETACHED;
            }
        }
        return EXIT_BUDGET;
    }

    private void loadPayload(Hart h) {
        starts++;
        if (payload == null) {
            return;
        }
        for (int i = 0; i < payload.length; i++) {
            h.machine.bus.writeRamByte(payloadAddress + i, payload[i]);
        }
        st(h).pc = payloadAddress;
        // OpenSBI's mstatus_init sets scounteren = 7 before it enters S-mode; Linux 6.1 never writes it,
        // and its vDSO reads time in U-mode (clock_gettime)
        st(h).scounteren = 7;
        userspaceNs = -1;
        userspaceInstructions = -1;
        userReturnsAtStart = st(h).userReturns;
        lastBeatNs = 0;
        progressAtBeat = -1;
        instructionsAtStart = instructions;
    }

    private static HartState st(Hart h) {
        return h.st;
    }

    /**
     * The kernel gave the vCPU a fresh context (boot or restart) after reloading the golden image:
     * decoded instructions of the old image are dropped, and the next run passes the device tree again.
     */
    @Override
    public void restart(long nowNs) {
        fresh = true;
        interpreter = null;
    }

    /**
     * Interrupts, timers and redirected faults reach the guest through its CSRs (sip, scause,
     * stvec), set by the port before it calls these; here they are only counted.
     */
    @Override
    public void onInterrupt(int line, long nowNs) {
        delivered[0]++;
    }

    @Override
    public void onTimer(long nowNs) {
        delivered[1]++;
    }

    @Override
    public void onFault(int cause, long address, long nowNs) {
        delivered[2]++;
    }

    /** @return interrupts, timer expiries and redirected faults the port delivered to this vCPU. */
    public long[] delivered() {
        return delivered.clone();
    }

    /** @return instructions this vCPU has retired. */
    public long instructions() {
        return instructions;
    }

    /** @return the partition's name. */
    public String name() {
        return name;
    }

    /** @return where the device tree blob lies. */
    public long fdtAddress() {
        return fdtAddress;
    }

    @Override
    public String kind() {
        return payload != null ? "linux" : "elf";
    }
}
