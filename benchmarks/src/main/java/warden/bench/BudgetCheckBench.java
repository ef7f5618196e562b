package warden.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import warden.emu.GuestCpu;

/**
 * A guest's budget check on each real port: {@link GuestCpu#budget()} on core 0 of a booted board,
 * which asks the interrupt controller (RISC-V PLIC, Arm GIC, x86 I/O APIC and local APIC) whether
 * anything is pending for the core and the timer how far its deadline is.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BudgetCheckBench {
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
