package warden.x86;

import warden.emu.TraceRecorder;

/**
 * The x86 port's entries in the run's timeline. Every method returns at once when tracing is off,
 * before it builds a string, so the mission path allocates nothing.
 */
final class TraceOut {
    private final TraceRecorder trace;
    private final String[] names;

    TraceOut(TraceRecorder trace, String[] partitionNames) {
        this.trace = trace;
        this.names = partitionNames.clone();
    }

    void smi(X86Core c, long t0) {
        if (trace.enabled()) {
            trace.instant(c.id, "SMI", "smm", t0, "{\"stallNs\":" + (c.time - t0) + "}");
        }
    }

    void irq(X86Core c, int line) {
        if (trace.enabled()) {
            trace.instant(c.id, "irq " + line, "interrupt", c.time, null);
        }
    }

    void running(X86Core c, int partition) {
        if (trace.enabled()) {
            trace.running(c.id, partition < 0 ? null : names[partition], c.time);
            if (partition >= 0) {
                trace.instant(c.id, "world switch", "kernel", c.time, "{\"to\":\"" + names[partition] + "\"}");
            }
        }
    }

    void fault(X86Core c, String what, long address) {
        if (trace.enabled()) {
            trace.instant(c.id, what, "fault", c.time, "{\"address\":\"0x" + Long.toHexString(address) + "\"}");
        }
    }
}
