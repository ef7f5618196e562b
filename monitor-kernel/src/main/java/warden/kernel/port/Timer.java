package warden.kernel.port;

/** The per-core monitor timer (CLINT mtimecmp, Arm secure physical timer, x86 SMI timer). */
public interface Timer {
    /** Value meaning "no deadline". */
    long NEVER = Long.MAX_VALUE;

    /** @return the current virtual time in nanoseconds, as seen by {@code core}. */
    long now(int core);

    /** Arms core {@code core}'s timer to fire at {@code deadlineNs} (or disarms it with NEVER). */
    void setDeadline(int core, long deadlineNs);
}
