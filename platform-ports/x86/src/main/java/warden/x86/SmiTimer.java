package warden.x86;

import warden.kernel.port.Timer;

/**
 * The per-core SMI timer the monitor uses as its timer on x86 (a chipset timer whose expiry raises
 * an SMI on its core): the armed deadline of each core, and the deadline of the tick that last
 * expired until the safety partition's handler consumes it (which measures the tick's latency).
 * Nothing here allocates after construction.
 */
final class SmiTimer {
    private final long[] deadline;
    private final long[] fired;

    SmiTimer(int cores) {
        this.deadline = new long[cores];
        this.fired = new long[cores];
        java.util.Arrays.fill(deadline, Timer.NEVER);
        java.util.Arrays.fill(fired, -1);
    }

    /** Arms core {@code core}'s timer at {@code deadlineNs} ({@link Timer#NEVER} disarms it). */
    void arm(int core, long deadlineNs) {
        deadline[core] = deadlineNs;
    }

    /** @return core {@code core}'s armed deadline. */
    long deadline(int core) {
        return deadline[core];
    }

    /** @return whether core {@code core}'s deadline has passed at {@code nowNs}. */
    boolean due(int core, long nowNs) {
        return deadline[core] <= nowNs;
    }

    /** The SMI handler takes the expiry of core {@code core}'s timer. */
    void fire(int core) {
        fired[core] = deadline[core];
    }

    /** @return the deadline of the tick that last expired on {@code core}, now consumed; -1 when none. */
    long consumeFired(int core) {
        long f = fired[core];
        fired[core] = -1;
        return f;
    }
}
