package warden.emu.guest;

import warden.emu.GuestCpu;
import warden.emu.dev.can.CanController;
import warden.kernel.api.MonitorCall;
import warden.kernel.api.Status;

/**
 * A guest's CAN transmitter on a controller it does not own, through the monitor's mediated device
 * calls: a frame is DEVICE_WRITEs of one transmit mailbox's ID (a standard identifier, bits 10..0),
 * DLC = 8, DATA0 and DATA1 (a counter), then the mailbox's TXREQ bit. A driver that checks its
 * status: the first refused call ends the frame (counted by reason), so a refused identifier is
 * never followed by a transmit request. Frames are due every {@code periodNs} from the first
 * {@link #start}.
 *
 * [impl->dsn~emu.guest.can-mediated~1]
 */
public final class MediatedCan {
    private final int device;
    private final int mailbox;
    private final int id;
    private final long periodNs;
    private long due = Long.MAX_VALUE;
    private long sent;
    private long denied;
    private long rateLimited;
    private long calls;

    /** @param device the controller's index in the system image; @param mailbox its transmit mailbox 0..2 */
    public MediatedCan(int device, int mailbox, int id, long periodNs) {
        this.device = device;
        this.mailbox = mailbox;
        this.id = id;
        this.periodNs = periodNs;
    }

    /** The first frame is due at {@code nowNs} (boot, or a restart's boot). */
    public void start(long nowNs) {
        due = nowNs;
    }

    /** No frame is due until the next {@link #start} (a restart). */
    public void stop() {
        due = Long.MAX_VALUE;
    }

    /** @return when the next frame is due (Long.MAX_VALUE before start). */
    public long due() {
        return due;
    }

    /** Sends one frame now and sets the next due time. @return the status of the call that ended the frame */
    public int send(GuestCpu cpu) {
        while (due <= cpu.now()) {
            due += periodNs;
        }
        int mb = CanController.MAILBOX + mailbox * CanController.MAILBOX_STRIDE;
        int st = write(cpu, mb, id);
        st = st == Status.OK ? write(cpu, mb + 4, 8) : st;
        st = st == Status.OK ? write(cpu, mb + 8, (int) sent) : st;
        st = st == Status.OK ? write(cpu, mb + 12, (int) (sent >>> 32)) : st;
        st = st == Status.OK ? write(cpu, CanController.TXREQ, 1 << mailbox) : st;
        if (st == Status.OK) {
            sent++;
        } else if (st == Status.RATE_LIMITED) {
            rateLimited++;
        } else {
            denied++;
        }
        return st;
    }

    private int write(GuestCpu cpu, int offset, int value) {
        calls++;
        return cpu.call(MonitorCall.DEVICE_WRITE, MonitorCall.deviceTarget(device, offset), value & 0xFFFF_FFFFL);
    }

    /** @return frames whose every call the monitor allowed (requested for transmission). */
    public long sent() { return sent; }
    /** @return frames ended by a DENIED (or other non-rate) refusal. */
    public long denied() { return denied; }
    /** @return frames ended by RATE_LIMITED. */
    public long rateLimited() { return rateLimited; }
    /** @return DEVICE_WRITE calls made. */
    public long calls() { return calls; }
    /** @return the identifier it sends. */
    public int id() { return id; }
}
