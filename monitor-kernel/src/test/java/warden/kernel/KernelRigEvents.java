package warden.kernel;

import static org.junit.jupiter.api.Assertions.fail;

import warden.kernel.api.Monitor;
import warden.kernel.api.EventRecords;

/** Assertions on a kernel's event log. */
final class KernelRigEvents {
    private KernelRigEvents() {
    }

    /** @return the sequence number of the newest event of {@code kind} in m's log, or -1. */
    static long last(Monitor m, int kind) {
        EventRecords log = m.eventRecords();
        for (long s = log.sequence() - 1; s >= log.oldest(); s--) {
            if (log.kind(s) == kind) {
                return s;
            }
        }
        return -1;
    }

    /** Fails unless the log holds an event of {@code kind} for partition p with fields a and b. */
    static void assertHas(Monitor m, int kind, int p, long a, long b) {
        EventRecords log = m.eventRecords();
        for (long s = log.oldest(); s < log.sequence(); s++) {
            if (log.kind(s) == kind && log.partition(s) == p && log.a(s) == a && log.b(s) == b) {
                return;
            }
        }
        fail("no event " + warden.kernel.api.EventKind.name(kind) + " for partition " + p + " with a=" + a + " b=" + b);
    }
}
