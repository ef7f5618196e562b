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
                hart = h;
            }
            if (fresh) {
                fresh = false;
                st.x[11] = fdtAddress;
            }
            long budget = h.budget();
            if (budget <= 0) {
                return h.attached() ? EXIT_BUDGET : EXIT_DETACHED;
            }
            st.idleNs = h.time - st.instret; // the interpreter's clock is the hart's
            long before = st.instret;
            interpreter.run(budget);
            instructions += st.instret - before;
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
        return "elf";
    }
}
