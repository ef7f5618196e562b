package warden.kernel.port;

/**
 * The memory protection unit (RISC-V PMP, Arm TZASC, x86 SMRR): which physical addresses the
 * guest running on a core may read, write or execute. The kernel describes one configuration per
 * slot (one slot per partition) at boot, then activates a slot on a core at each world switch.
 * A unit says why it refused a call ({@link #refusal()}).
 *
 * [impl->dsn~kernel.protection-refusal~1]
 */
public interface ProtectionUnit {
    /** Slot used when no partition runs on a core: no guest access at all. */
    int NO_SLOT = -1;

    /**
     * Reserves the monitor's own memory so that no guest configuration can reach it, whatever
     * regions are added later. Boot-time. @return Status.OK, or an error if it cannot be expressed.
     */
    int protectMonitor(long base, long size);

    /** Starts slot {@code slot}'s configuration, discarding any previous one. Boot-time. */
    int beginSlot(int slot);

    /**
     * Adds a region with access flags {@code perms} (Access bits) to slot {@code slot}. Boot-time.
     * @return Status.OK; Status.NO_SPACE when the unit has no entries left for it;
     *         Status.INVALID_PARAM when it cannot express the base or size (alignment, granularity).
     */
    int addRegion(int slot, long base, long size, int perms);

    /**
     * @return why the last {@link #protectMonitor} or {@link #addRegion} call was refused: a
     *         {@link Refusal} code, {@link Refusal#NONE} after one that succeeded. Boot- and
     *         validation-time; allocates nothing.
     */
    int refusal();

    /** Programs core {@code core}'s hardware with slot {@code slot} (or NO_SLOT). Mission-time. */
    int activate(int core, int slot);
}
