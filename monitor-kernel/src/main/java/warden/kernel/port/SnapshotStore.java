package warden.kernel.port;

/**
 * What the kernel needs from a target to keep restore points of a partition: which 4 KiB pages of
 * RAM were written since the kernel last cleaned them, a store in memory that belongs to the monitor
 * alone (no partition and no device can reach it), page copies between RAM and that store, the live
 * registers of a running guest, and a copy of the partition's state the kernel cannot read as memory
 * (the registers and queues of the devices it owns, the port's executor state), which the port keeps
 * and checks itself. The port charges the virtual time of the work to the core the monitor runs on,
 * by its cost model.
 *
 * <p>Contract for dirty tracking: every write to a RAM page (a guest's store, the monitor's
 * {@link GuestMemory#writeByte}, a device's DMA, {@link #loadPage}) sets the page's dirty bit
 * until {@link #cleanPage}; at boot every page is clean and reads zero, or is dirty.
 *
 * [impl->dsn~port.snapshot-store~1]
 */
public interface SnapshotStore {
    /**
     * Reserves {@code bytes} (a multiple of 4 KiB) of the monitor's store, zero-filled. Boot-time.
     * @return the offset of the reserved bytes in the store, or -1 when the store cannot hold them
     */
    long reserve(long bytes);

    /** @return whether the 4 KiB page holding {@code address} was written since it was last cleaned. */
    boolean pageDirty(long address);

    /** Clears the dirty bit of the 4 KiB page holding {@code address}. Mission-time. */
    void cleanPage(long address);

    /**
     * Copies the 4 KiB RAM page at {@code address} (4 KiB-aligned) to the store at {@code offset}.
     * @return 0, or -1 when no RAM or no reserved store holds it
     */
    int savePage(long address, long offset);

    /**
     * Copies 4 KiB of the store at {@code offset} to the RAM page at {@code address}.
     * @return 0, or -1 when no RAM or no reserved store holds it
     */
    int loadPage(long offset, long address);

    /** @return the 8 bytes of the store at {@code offset}, little-endian (0 outside the store). */
    long readStore(long offset);

    /**
     * Copies the registers of the guest running on {@code core} into {@code ctx[offset..]} in the
     * layout of {@link CpuContext#save}, without detaching it. Mission-time.
     */
    void capture(int core, long[] ctx, int offset);

    /**
     * Keeps a copy of partition p's state the kernel does not hold (its devices, its executors),
     * replacing the copy kept before. Mission-time; must not allocate.
     * @return the copy's check value
     */
    long keepState(int partition);

    /** @return the check value of p's kept copy as it is now, or -1 when none is kept. */
    long keptCheck(int partition);

    /**
     * Loads p's kept copy back into its devices and executors (the partition resumes from it).
     * @return 0, or -1 when none is kept
     */
    int reinstate(int partition);

    /**
     * Charges {@code core} for copying {@code pages} pages and hashing {@code bytesHashed} bytes, by
     * the port's cost model. @return the virtual time charged in ns
     */
    long charge(int core, long pages, long bytesHashed);
}
