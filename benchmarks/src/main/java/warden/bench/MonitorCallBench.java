package warden.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import warden.kernel.api.Monitor;
import warden.kernel.api.MonitorCall;

/**
 * Monitor-call decode on the stub port: a call the kernel decodes and answers (VERSION), an id it
 * does not know (refused before any decode) and a known call whose decode refuses its arguments
 * (VCPU_ON for a core the partition does not have).
 */
public class MonitorCallBench extends NanoBench {
    private static final int UNKNOWN_ID = 0x7F;
    private Monitor monitor;

    @Setup(Level.Trial)
    public void setUp() {
        monitor = Rigs.boot(Rigs.STUB).monitor;
        if (monitor.onMonitorCall(0, MonitorCall.VCPU_ON) == warden.kernel.api.Status.OK) {
            throw new IllegalStateException("VCPU_ON of the running vCPU was not refused");
        }
    }

    /** @return VERSION's status. */
    @Benchmark
    public int version() {
        return monitor.onMonitorCall(0, MonitorCall.VERSION);
    }

    /** @return the status of an unknown call id. */
    @Benchmark
    public int unknownId() {
        return monitor.onMonitorCall(0, UNKNOWN_ID);
    }

    /** @return the status of a call whose decode refuses its arguments. */
    @Benchmark
    public int refusedArguments() {
        return monitor.onMonitorCall(0, MonitorCall.VCPU_ON);
    }
}
