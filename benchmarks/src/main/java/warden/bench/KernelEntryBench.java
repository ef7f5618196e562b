package warden.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import warden.kernel.api.Counter;
import warden.kernel.api.MonitorCall;

/**
 * Kernel entry, trap to decision, on the stub port and each real port ({@link Rigs}).
 * {@code worldSwitch}: one kernel entry per operation, each a world switch on core 0, alternately
 * the rtos's YIELD (its context saved with its check value, linux's verified and restored) and the
 * rtos's device interrupt (the rtos wakes and preempts linux); on a real port the save, restore,
 * protection slot, interrupt controller and the call's trap path are the port's.
 * {@code getTimeNoSwitch}: a GET_TIME call, decoded and answered without a switch. After every
 * iteration the kernel's switch counter must have grown by the operations run, or the benchmark fails.
 */
public class KernelEntryBench extends NanoBench {
    @Param({"stub", "riscv", "arm", "x86"})
    public String port;

    private Rigs.Rig rig;
    private boolean rtosRuns;
    private long switchOps;
    private long switchesBefore;

    @Setup(Level.Trial)
    public void setUp() {
        rig = Rigs.boot(port);
        rtosRuns = true;
    }

    @Setup(Level.Iteration)
    public void countFrom() {
        switchOps = 0;
        switchesBefore = rig.monitor.counter(Counter.WORLD_SWITCHES);
    }

    @TearDown(Level.Iteration)
    public void everyOperationSwitched() {
        long switches = rig.monitor.counter(Counter.WORLD_SWITCHES) - switchesBefore;
        if (switches != switchOps) {
            throw new IllegalStateException(port + ": " + switchOps + " operations but " + switches
                    + " world switches");
        }
    }

    /** @return the entry's status. */
    @Benchmark
    public int worldSwitch() {
        switchOps++;
        rtosRuns = !rtosRuns;
        return rtosRuns ? rig.interrupt() : rig.call(MonitorCall.YIELD);
    }

    /** @return the call's status. */
    @Benchmark
    public int getTimeNoSwitch() {
        return rig.call(MonitorCall.GET_TIME);
    }
}
