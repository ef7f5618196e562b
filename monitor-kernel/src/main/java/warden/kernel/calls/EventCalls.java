package warden.kernel.calls;

import warden.kernel.api.Access;
import warden.kernel.api.EventRecordDescriptor;
import warden.kernel.api.Status;
import warden.kernel.api.SystemImage;
import warden.kernel.log.EventLog;
import warden.kernel.port.GuestMemory;

/**
 * EVENT_READ: a privileged partition copies one record of the monitor's event log into its own
 * memory ({@link EventRecordDescriptor} layout). Decode checks privilege, sequence and buffer and
 * has no side effects; invoke cannot fail once decode returned {@link Status#OK}.
 *
 * [impl->dsn~kernel.mcall.event-read~1]
 */
public final class EventCalls {
    private final SystemImage img;
    private final CallerMemory owned;
    private final Reply reply;
    private final EventLog log;
    private final GuestMemory memory;

    EventCalls(SystemImage img, CallerMemory owned, Reply reply, EventLog log, GuestMemory memory) {
        this.img = img;
        this.owned = owned;
        this.reply = reply;
        this.log = log;
        this.memory = memory;
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
        return owned.owns(caller, address, EventRecordDescriptor.LENGTH, Access.WRITE)
                ? Status.OK : Status.INVALID_ADDRESS;
    }

    /** [impl->dsn~kernel.mcall.event-read~1] */
    int eventRead(int core, int p, long seq, long address) {
        int st = decodeEventRead(p, seq, log.sequence(), address);
        if (st != Status.OK) {
            return reply.to(core, st, 0);
        }
        long s = seq < log.oldest() ? log.oldest() : seq;
        putLong(address + EventRecordDescriptor.TIME_OFFSET, log.time(s), 8);
        putLong(address + EventRecordDescriptor.KIND_OFFSET, log.kind(s), 4);
        putLong(address + EventRecordDescriptor.PARTITION_OFFSET, log.partition(s), 4);
        putLong(address + EventRecordDescriptor.CORE_OFFSET, log.core(s), 4);
        putLong(address + EventRecordDescriptor.CORE_OFFSET + 4, 0, 4);
        putLong(address + EventRecordDescriptor.A_OFFSET, log.a(s), 8);
        putLong(address + EventRecordDescriptor.B_OFFSET, log.b(s), 8);
        return reply.to(core, Status.OK, s);
    }

    /**
     * Writes the low {@code bytes} bytes of {@code value} little-endian (bytes is 4 or 8).
     *
     * [impl->dsn~kernel.mcall.event-read~1]
     */
    private void putLong(long address, long value, int bytes) {
        for (int i = 0; i < bytes && i < 8; i++) {
            memory.writeByte(address + i, (int) (value >>> (8 * i)) & 0xff);
        }
    }
}
