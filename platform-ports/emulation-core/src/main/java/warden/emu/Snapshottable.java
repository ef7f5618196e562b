package warden.emu;

/**
 * Guest-model or device state that a port keeps for the kernel's restore points: the state the
 * kernel cannot read as memory. {@link #keep} replaces the kept copy; {@link #reinstate} loads it
 * back (the partition resumes from it). Measurements (jobs, misses, response times) are not state:
 * they stay as they are across a restore, as across a restart. Nothing here allocates after
 * construction.
 *
 * [impl->dsn~emu.kept-state~1]
 */
public interface Snapshottable {
    /** Keeps a copy of the state. @return the copy's check value */
    long keep();

    /** @return the check value of the kept copy as it is now, or -1 when none is kept. */
    long keptCheck();

    /** Loads the kept copy back at {@code nowNs}. @return false when none is kept */
    boolean reinstate(long nowNs);
}
