package warden.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import warden.emu.GuestCpu;

/**
 * A guest's budget check on each real port: {@link GuestCpu#budget()} on core 0 of a booted board,
 * which asks the interrupt controller (RISC-V PLIC, Arm GIC, x86 I/O APIC and local APIC) whether
 * anything is pending for the core and the timer how far its deadline is.
 */
public class BudgetCheckBench extends NanoBench {
    @Param({"riscv", "arm", "x86"})
    public String port;

    private GuestCpu guest;

    @Setup(Level.Trial)
    public void setUp() {
        guest = Rigs.boot(port).board.guest(0);
    }

    /** @return the remaining budget in ns. */
    @Benchmark
    public long budget() {
        return guest.budget();
    }
}
