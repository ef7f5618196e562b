package warden.kernel.calls;

import warden.kernel.port.CpuContext;

/**
 * The answer of a monitor call: its status and value, written to the calling core's result
 * registers by the port.
 *
 * [impl->dsn~kernel.mcall.decode-invoke~1]
 */
final class Reply {
    private final CpuContext cpu;

    Reply(CpuContext cpu) {
        this.cpu = cpu;
    }

    /** Sets the call's result on {@code core}. @return {@code status}. [impl->dsn~kernel.mcall.decode-invoke~1] */
    int to(int core, int status, long value) {
        cpu.setCallResult(core, status, value);
        return status;
    }
}
