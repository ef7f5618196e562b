package warden.kernel.core;

import warden.kernel.api.Access;
import warden.kernel.api.MonitorCall;
import warden.kernel.api.Status;
import warden.kernel.api.SystemImage;

/**
 * Decoding of monitor-call arguments: every check a call needs, with no side effects, returning
 * a {@link Status}. The kernel invokes a call only after its decode returned {@link Status#OK}, so
 * the invoke side cannot fail (seL4's decode/invoke split).
 *
 * [impl->dsn~kernel.mcall.decode-invoke~1]
 */
public final class MonitorCalls {
    /** Longest console write accepted in one call, in bytes. */
    public static final int CONSOLE_MAX = 256;

    private final SystemImage img;

    MonitorCalls(SystemImage img) {
        this.img = img;
    }

    /**
     * A console buffer must lie entirely inside one of the caller's own regions that it may read.
     * Deny by default: anything else, the monitor's memory included, is refused.
     *
     * [impl->dsn~kernel.mcall.console-write~1]
     */
    public int decodeConsoleWrite(int caller, long address, long length) {
        if (length < 0 || length > CONSOLE_MAX) {
            return Status.INVALID_PARAM;
        }
        if (length == 0) {
            return Status.OK;
        }
        return ownsReadable(caller, address, length) ? Status.OK : Status.INVALID_ADDRESS;
    }

    /**
     * An event read needs a privileged caller, a record that was ever logged, and a buffer in one
     * of the caller's own writable regions.
     *
     * [impl->dsn~kernel.mcall.event-read~1]
     */
    public int decodeEventRead(int caller, long seq, long sequenceNow, long address) {
        if (!img.privileged(caller)) {
            return Status.DENIED;
        }
        if (seq < 0 || seq >= sequenceNow) {
            return Status.INVALID_PARAM;
        }
        return owns(caller, address, warden.kernel.api.EventRecordDescriptor.LENGTH, Access.WRITE)
                ? Status.OK : Status.INVALID_ADDRESS;
    }

    /**
     * Starting a vCPU needs a core the caller runs on whose vCPU is stopped, and an entry point in
     * one of the caller's executable regions.
     *
     * [impl->dsn~kernel.mcall.vcpu-power~1]
     */
    public int decodeVcpuOn(int caller, long core, long entry, int stateOnCore) {
        if (core < 0 || core >= img.coreCount() || (img.coreMask(caller) & (1 << (int) core)) == 0) {
            return Status.INVALID_PARAM;
        }
        if (stateOnCore != Scheduler.STOPPED) {
            return Status.BAD_STATE;
        }
        return owns(caller, entry, 4, Access.EXECUTE) ? Status.OK : Status.INVALID_ADDRESS;
    }

    /** @return true when [address, address+length) lies in one readable region of partition p. */
    public boolean ownsReadable(int p, long address, long length) {
        return owns(p, address, length, Access.READ);
    }

    /** @return true when [address, address+length) lies in one region of p that grants {@code perm}. */
    private boolean owns(int p, long address, long length, int perm) {
        if (address < 0 || length <= 0 || address + length < address) {
            return false;
        }
        int n = img.regionCount(p);
        for (int i = 0; i < n; i++) {
            int r = img.region(p, i);
            long base = img.regionBase(r);
            long size = img.regionSize(r);
            if ((img.regionPerms(r) & perm) != 0 && address >= base
                    && address - base <= size - length && length <= size) {
                return true;
            }
        }
        return false;
    }

    /**
     * A partition may read its own information; another partition's only when it is privileged.
     *
     * [impl->dsn~kernel.mcall.partition-info~1]
     */
    public int decodePartitionInfo(int caller, long index) {
        if (index == -1) {
            return Status.OK;
        }
        if (index < 0 || index >= img.partitionCount()) {
            return Status.INVALID_PARAM;
        }
        if (index != caller && !img.privileged(caller)) {
            return Status.DENIED;
        }
        return Status.OK;
    }

    /** A deadline is an absolute non-negative time in ns, or -1 to cancel. */
    public int decodeSetTimer(long deadline) {
        return deadline >= -1 ? Status.OK : Status.INVALID_PARAM;
    }

    /** @return true for call ids the kernel implements. */
    public static boolean known(int callId) {
        return callId >= 0 && callId < MonitorCall.COUNT;
    }

    /**
     * Packs a partition's public information: criticality in bits 7..0, state in bits 15..8,
     * core mask in bits 47..16.
     */
    public long packInfo(int p, int state) {
        return (img.criticality(p) & 0xffL) | ((state & 0xffL) << 8)
                | ((img.coreMask(p) & 0xffffffffL) << 16);
    }
}
