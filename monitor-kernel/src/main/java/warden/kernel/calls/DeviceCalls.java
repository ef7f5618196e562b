package warden.kernel.calls;

import warden.kernel.api.Access;
import warden.kernel.api.DeviceAcl;
import warden.kernel.api.EventKind;
import warden.kernel.api.MonitorCall;
import warden.kernel.api.Status;
import warden.kernel.api.SystemImage;
import warden.kernel.log.EventLog;
import warden.kernel.port.GuestMemory;
import warden.kernel.port.Timer;

/**
 * The mediated device calls DEVICE_READ and DEVICE_WRITE: a partition reaches a register of a device
 * it does not own only when an entry of the image's access-control list ({@link DeviceAcl}) allows
 * it that register in that direction, the written value, and one more access in the entry's rate
 * window. Decode finds the entry and checks value and rate without side effects, in a loop bounded
 * by the table size ({@link DeviceAcl#ENTRIES_MAX}); invoke counts the access in its window and
 * performs it through the port. A refused access never reaches the device: it is answered with
 * DENIED (not listed, value out of range) or RATE_LIMITED and logged as DEVICE_DENIED with the
 * caller, device, register, value and reason. The rate counters are allocated at boot.
 *
 * [impl->dsn~kernel.device.calls~1]
 */
// justification: entries are below aclTotal, at most ENTRIES_MAX (the builder); the arrays have ENTRIES_MAX slots
@SuppressWarnings("index")
public final class DeviceCalls {
    private final SystemImage img;
    private final Reply reply;
    private final GuestMemory memory;
    private final Timer timer;
    private final EventLog log;
    private final long[] windowStart = new long[DeviceAcl.ENTRIES_MAX];
    private final int[] used = new int[DeviceAcl.ENTRIES_MAX];

    DeviceCalls(SystemImage img, Reply reply, GuestMemory memory, Timer timer, EventLog log) {
        this.img = img;
        this.reply = reply;
        this.memory = memory;
        this.timer = timer;
        this.log = log;
    }

    /**
     * The device calls' share of the dispatch: DEVICE_WRITE, and DEVICE_READ for the other id
     * MonitorCalls leaves to it ({@code a1}, the value, is ignored for a read).
     *
     * [impl->dsn~kernel.mcall.decode-invoke~1]
     */
    int call(int core, int p, int callId, long a0, long a1) {
        return access(core, p, callId == MonitorCall.DEVICE_WRITE ? Access.WRITE : Access.READ, a0, a1);
    }

    /**
     * Decode: @return the entry that allows partition {@code caller} the access ({@code direction}
     *     Access.READ or Access.WRITE of the register {@code target} names, with {@code value} for a
     *     write) at time {@code now}, or minus the refusal reason ({@link DeviceAcl#NOT_LISTED},
     *     {@link DeviceAcl#VALUE}, {@link DeviceAcl#RATE}). No side effects.
     *
     * [impl->dsn~kernel.device.calls~1]
     */
    public int decode(int caller, int direction, long target, long value, long now) {
        int e = find(caller, direction, target);
        if (e < 0) {
            return -DeviceAcl.NOT_LISTED;
        }
        if (direction == Access.WRITE
                && ((value & ~img.aclMask(e)) != 0 || value < img.aclMin(e) || value > img.aclMax(e))) {
            return -DeviceAcl.VALUE;
        }
        if (overRate(e, now)) {
            return -DeviceAcl.RATE;
        }
        return e;
    }

    /**
     * @return whether entry e has a rate and used it up in the window that holds {@code now}.
     *     [impl->dsn~kernel.device.rate~1]
     */
    private boolean overRate(int e, long now) {
        return img.aclRate(e) > 0 && usedIn(e, now) >= img.aclRate(e);
    }

    /**
     * @return the entry of caller, device, offset and direction, or -1. The first matches; the boot
     *     check refuses two entries that could both match. [impl->dsn~kernel.device.calls~1]
     */
    private int find(int caller, int direction, long target) {
        if (target < 0 || target > 0xFFFF_FFFFL) {
            return -1;
        }
        int device = (int) (target >>> 16);
        int offset = (int) (target & DeviceAcl.OFFSET_MAX);
        for (int e = 0; e < img.aclTotal(); e++) { // <= DeviceAcl.ENTRIES_MAX
            if (img.aclPartition(e) == caller && img.aclDevice(e) == device && img.aclOffset(e) == offset
                    && (img.aclAccess(e) & direction) != 0) {
                return e;
            }
        }
        return -1;
    }

    /**
     * Counts an allowed access of entry e in its window; a new window starts at the first access
     * after the last one ended. [impl->dsn~kernel.device.rate~1]
     */
    private void count(int e, long now) {
        if (usedIn(e, now) == 0) {
            windowStart[e] = now;
            used[e] = 0;
        }
        used[e]++;
    }

    /** @return the accesses entry e allowed in the window that holds {@code now}. [impl->dsn~kernel.device.rate~1] */
    private int usedIn(int e, long now) {
        return now - windowStart[e] < img.aclWindowNs(e) ? used[e] : 0;
    }

    /**
     * DEVICE_READ (direction Access.READ) or DEVICE_WRITE (Access.WRITE) of partition p on core:
     * decode, then count the access in its entry's window (a new window starts at the first access
     * after the last one ended) and perform it through the port; the value of a read is the
     * register's. A bus error at the port answers FAILED and is logged like a refusal.
     *
     * [impl->dsn~kernel.device.calls~1]
     */
    int access(int core, int p, int direction, long target, long value) {
        long now = timer.now(core);
        int e = decode(p, direction, target, value, now);
        if (e < 0) {
            return deny(core, p, direction, target, value, -e);
        }
        count(e, now);
        long address = img.deviceBase(img.aclDevice(e)) + img.aclOffset(e);
        if (direction == Access.WRITE) {
            return memory.writeDevice(address, (int) value) == 0 ? reply.to(core, Status.OK, 0)
                    : deny(core, p, direction, target, value, DeviceAcl.BUS_ERROR);
        }
        long v = memory.readDevice(address);
        return v >= 0 ? reply.to(core, Status.OK, v) : deny(core, p, direction, target, 0, DeviceAcl.BUS_ERROR);
    }

    /**
     * A refused access: logged as DEVICE_DENIED (caller, core, reason, direction, device, register,
     * value) and answered with its status. [impl->dsn~kernel.device.denial-log~1]
     */
    private int deny(int core, int p, int direction, long target, long value, int reason) {
        log.append(timer.now(core), EventKind.DEVICE_DENIED, p, core, DeviceAcl.denial(reason, direction, target),
                direction == Access.WRITE ? value : 0);
        return reply.to(core, status(reason), 0);
    }

    /** @return the status of a refusal reason. [impl->dsn~kernel.device.denial-log~1] */
    static int status(int reason) {
        if (reason == DeviceAcl.RATE) {
            return Status.RATE_LIMITED;
        }
        return reason == DeviceAcl.BUS_ERROR ? Status.FAILED : Status.DENIED;
    }
}
