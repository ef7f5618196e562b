package warden.kernel.sched;

import warden.kernel.api.SystemImage;

/**
 * Faults the world switch finds, addressed to the health monitor: the partitions whose saved
 * context failed its check, and the first partition whose slot a protection unit refused. The
 * world switch posts them while it schedules; the health monitor takes them at the end of the
 * same kernel entry, so that the failing partition's policy runs once the entry's scheduling is
 * done. Allocated at boot.
 *
 * [impl->dsn~kernel.context-integrity~1]
 */
// justification: partition ids come from the slot table, filled at boot with ids < partitions
@SuppressWarnings("index")
public final class FaultReports {
    private final boolean[] corrupt;
    private int corruptCount;
    /** The partition whose slot a core's protection unit refused at a world switch, or NO_PARTITION. */
    private int protectionFault = SystemImage.NO_PARTITION;

    /** Boot-time: nothing reported. [impl->dsn~kernel.boot~1] */
    FaultReports(int partitions) {
        corrupt = new boolean[partitions];
    }

    /** Partition p had a saved context fail its check. [impl->dsn~kernel.context-integrity~1] */
    void contextCorrupt(int p) {
        if (!corrupt[p]) {
            corrupt[p] = true;
            corruptCount++;
        }
    }

    /**
     * @return whether some partition has a vCPU whose context failed its check and is not yet
     *     reported.
     *
     * [impl->dsn~kernel.context-integrity~1]
     */
    public boolean corruptPending() {
        return corruptCount > 0;
    }

    /**
     * @return whether partition p had a context fail its check since the last call; clears the mark.
     *
     * [impl->dsn~kernel.context-integrity~1]
     */
    public boolean takeCorrupt(int p) {
        if (!corrupt[p]) {
            return false;
        }
        corrupt[p] = false;
        corruptCount--;
        return true;
    }

    /** A protection unit refused p's slot: the first such partition is kept. [impl->dsn~kernel.protection-check~1] */
    void protectionRefused(int p) {
        if (protectionFault == SystemImage.NO_PARTITION) {
            protectionFault = p;
        }
    }

    /**
     * @return the partition whose slot a protection unit refused since the last call (clears it),
     *     or NO_PARTITION.
     *
     * [impl->dsn~kernel.protection-check~1]
     */
    public int takeProtectionFault() {
        int p = protectionFault;
        protectionFault = SystemImage.NO_PARTITION;
        return p;
    }
}
