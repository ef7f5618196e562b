package warden.verification.rules;

import java.lang.management.ManagementFactory;

/**
 * Bytes allocated by the current thread (HotSpot's per-thread TLAB accounting).
 *
 * [impl->dsn~rj.runtime-zero-alloc~1]
 */
final class Allocation {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private Allocation() {
    }

    static long now() {
        return THREADS.getCurrentThreadAllocatedBytes();
    }

    /** @return the bytes getCurrentThreadAllocatedBytes itself costs per call pair (calibration). */
    static long overhead() {
        long a = now();
        long b = now();
        return b - a;
    }
}
