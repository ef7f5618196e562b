package warden.kernel.calls;

import warden.kernel.api.ChannelLayout;
import warden.kernel.api.ChannelStat;
import warden.kernel.api.EventKind;
import warden.kernel.api.MonitorCall;
import warden.kernel.api.Status;
import warden.kernel.api.SystemImage;
import warden.kernel.health.ChannelCounts;
import warden.kernel.log.EventLog;
import warden.kernel.port.CpuContext;
import warden.kernel.port.Timer;
import warden.kernel.sched.Scheduler;

/**
 * The channel calls: CHANNEL_SEND (the sender publishes its count; the receiver's doorbell rings
 * when it grew), CHANNEL_RECEIVE (the receiver records its consumed count) and CHANNEL_INFO (a
 * channel's properties, for its two endpoints only). The kernel moves no payload: it checks that
 * the caller owns the channel end and that the counts stay consistent, records them and counts.
 * Decode has no side effects; invoke cannot fail once decode returned {@link Status#OK}.
 *
 * [impl->dsn~channel.send~1]
 */
// justification: channel ids are below channelTotal once decode returned OK
@SuppressWarnings("index")
public final class ChannelCalls {
    private final SystemImage img;
    private final Reply reply;
    private final ChannelCounts counts;
    private final Scheduler sched;
    private final CpuContext cpu;
    private final Timer timer;
    private final EventLog log;

    ChannelCalls(SystemImage img, Reply reply, ChannelCounts counts, Scheduler sched, CpuContext cpu, Timer timer,
            EventLog log) {
        this.img = img;
        this.reply = reply;
        this.counts = counts;
        this.sched = sched;
        this.cpu = cpu;
        this.timer = timer;
        this.log = log;
    }

    /**
     * The channel calls' share of the dispatch, for the known ids MonitorCalls leaves to it:
     * CHANNEL_SEND, CHANNEL_RECEIVE, and CHANNEL_INFO for the last one.
     *
     * [impl->dsn~kernel.mcall.decode-invoke~1]
     */
    int call(int core, int p, int callId, long a0, long a1) {
        if (callId == MonitorCall.CHANNEL_SEND) {
            return send(core, p, a0, a1);
        }
        return callId == MonitorCall.CHANNEL_RECEIVE ? receive(core, p, a0, a1) : info(core, p, a0, a1);
    }

    /**
     * An existing channel (else INVALID_PARAM) whose sender is the caller (else DENIED), and a
     * count that is at least the last published one and at most one ring ahead of it (else INVALID_PARAM).
     *
     * [impl->dsn~channel.send~1]
     */
    public int decodeSend(int caller, long channel, long count) {
        int st = endpoint(caller, channel, ChannelLayout.ROLE_SENDER);
        if (st != Status.OK) {
            return st;
        }
        int c = (int) channel;
        long last = counts.published(c);
        if (count < last || count - last > img.channelSlots(c)) {
            return Status.INVALID_PARAM;
        }
        return Status.OK;
    }

    /** [impl->dsn~channel.send~1] [impl->dsn~channel.doorbell~1] */
    int send(int core, int p, long channel, long count) {
        int st = decodeSend(p, channel, count);
        if (st != Status.OK) {
            return refuse(core, channel, st);
        }
        int c = (int) channel;
        boolean grew = count > counts.published(c);
        counts.publish(c, count);
        counts.count(c, ChannelStat.SENDS);
        reply.to(core, Status.OK, counts.consumed(c));
        if (grew && img.channelDoorbell(c) != ChannelLayout.NO_DOORBELL) {
            ring(core, c);
        }
        return Status.OK;
    }

    /**
     * Rings channel c's doorbell on the receiver's vCPU on the caller's core when it has one there,
     * else on its first core: delivered at once when the receiver runs there, else held for it and
     * the vCPU woken (the path of a device interrupt). A full hold FIFO is a counted, logged loss
     * (HeldInterrupts.hold); the vCPU is woken all the same, though it already is: a full FIFO
     * means earlier held lines woke it. The caller's core is then rescheduled: when the woken vCPU
     * is there, the more critical of it and the caller runs; when it is on another core, the
     * caller's core already ran its most critical READY vCPU and keeps it.
     *
     * [impl->dsn~channel.doorbell~1]
     */
    private void ring(int core, int c) {
        int r = img.channelReceiver(c);
        int mask = img.coreMask(r);
        int target = (mask & (1 << core)) != 0 ? core : Integer.numberOfTrailingZeros(mask);
        int line = img.channelDoorbell(c);
        counts.count(c, ChannelStat.DOORBELLS);
        if (sched.running(target) == r) {
            cpu.deliverInterrupt(target, line);
            return;
        }
        sched.held().hold(r, target, line, timer.now(core));
        sched.vcpus().wake(r, target);
        sched.reschedule(core);
    }

    /**
     * An existing channel (else INVALID_PARAM) whose receiver is the caller (else DENIED), and a
     * count between the last consumed one and the published one (else INVALID_PARAM).
     *
     * [impl->dsn~channel.receive~1]
     */
    public int decodeReceive(int caller, long channel, long count) {
        int st = endpoint(caller, channel, ChannelLayout.ROLE_RECEIVER);
        if (st != Status.OK) {
            return st;
        }
        int c = (int) channel;
        if (count < counts.consumed(c) || count > counts.published(c)) {
            return Status.INVALID_PARAM;
        }
        return Status.OK;
    }

    /** [impl->dsn~channel.receive~1] */
    int receive(int core, int p, long channel, long count) {
        int st = decodeReceive(p, channel, count);
        if (st != Status.OK) {
            return refuse(core, channel, st);
        }
        int c = (int) channel;
        counts.consume(c, count);
        counts.count(c, ChannelStat.RECEIVES);
        return reply.to(core, Status.OK, counts.published(c));
    }

    /**
     * An existing channel (else INVALID_PARAM) of which the caller is an endpoint (else DENIED: a
     * third partition learns nothing, not even the field's validity), and a known field (else INVALID_PARAM).
     *
     * [impl->dsn~channel.info~2]
     */
    public int decodeInfo(int caller, long channel, long field) {
        int st = endpoint(caller, channel, ChannelLayout.ROLE_SENDER | ChannelLayout.ROLE_RECEIVER);
        if (st != Status.OK) {
            return st;
        }
        if (field < 0 || field >= ChannelLayout.INFO_FIELDS) {
            return Status.INVALID_PARAM;
        }
        return Status.OK;
    }

    /** [impl->dsn~channel.info~2] */
    int info(int core, int p, long channel, long field) {
        int st = decodeInfo(p, channel, field);
        if (st != Status.OK) {
            return refuse(core, channel, st);
        }
        return reply.to(core, Status.OK, infoValue((int) channel, p, (int) field));
    }

    /** @return field f of channel c as its endpoint p sees it (decoded). [impl->dsn~channel.info~2] */
    public long infoValue(int c, int p, int f) {
        switch (f) {
            case ChannelLayout.INFO_BASE:
                return img.channelBase(c);
            case ChannelLayout.INFO_SLOT_SIZE:
                return img.channelSlotSize(c);
            case ChannelLayout.INFO_SLOTS:
                return img.channelSlots(c);
            case ChannelLayout.INFO_ROLE:
                return img.channelSender(c) == p ? ChannelLayout.ROLE_SENDER : ChannelLayout.ROLE_RECEIVER;
            case ChannelLayout.INFO_DATA_ID:
                return img.channelDataId(c);
            case ChannelLayout.INFO_MAX_AGE:
                return img.channelMaxAgeNs(c);
            case ChannelLayout.INFO_COUNTER_WINDOW:
                return img.channelWindow(c);
            case ChannelLayout.INFO_STRIDE:
                return ChannelLayout.stride(img.channelSlotSize(c), img.channelCrc(c));
            case ChannelLayout.INFO_FULL:
                return img.channelFull(c);
            case ChannelLayout.INFO_DOORBELL:
                return img.channelDoorbell(c);
            default:
                return img.channelCrc(c);
        }
    }

    /**
     * @return INVALID_PARAM for a channel that does not exist, DENIED when the caller holds none of
     *     the {@code roles} (ROLE_SENDER, ROLE_RECEIVER bits) of it, else OK. No side effects.
     *
     * [impl->dsn~channel.send~1] [impl->dsn~channel.receive~1] [impl->dsn~channel.info~2]
     */
    private int endpoint(int caller, long channel, int roles) {
        if (channel < 0 || channel >= img.channelTotal()) {
            return Status.INVALID_PARAM;
        }
        int c = (int) channel;
        boolean sender = (roles & ChannelLayout.ROLE_SENDER) != 0 && img.channelSender(c) == caller;
        boolean receiver = (roles & ChannelLayout.ROLE_RECEIVER) != 0 && img.channelReceiver(c) == caller;
        return sender || receiver ? Status.OK : Status.DENIED;
    }

    /**
     * REPORT_FAILURE with code FAILURE_CHANNEL: the receiver of {@code channel} found its
     * end-to-end protection failed (its state machine entered INVALID). Decode: an existing channel
     * (else INVALID_PARAM) whose receiver is the caller (else DENIED), refused and counted like a
     * channel call. Invoke: the failure is the channel's, not the caller's, since restarting the
     * receiver cannot cure a silent or faulty sender: it is counted on the channel and logged
     * (CHANNEL_FAILURE), and no partition is restarted or stopped for it. A hung or crashed sender
     * is found by its own health supervision.
     *
     * [impl->dsn~channel.failure-report~1]
     */
    int reportFailure(int core, int p, long channel) {
        int st = endpoint(p, channel, ChannelLayout.ROLE_RECEIVER);
        if (st != Status.OK) {
            return refuse(core, channel, st);
        }
        int c = (int) channel;
        counts.count(c, ChannelStat.FAILURES);
        log.append(timer.now(core), EventKind.CHANNEL_FAILURE, p, core, c, counts.stat(c, ChannelStat.FAILURES));
        reply.to(core, Status.OK, 0);
        return Status.OK;
    }

    /** A refused call: counted on its channel when the id exists. [impl->dsn~channel.statistics~1] */
    private int refuse(int core, long channel, int status) {
        if (channel >= 0 && channel < img.channelTotal()) {
            counts.count((int) channel, ChannelStat.DENIED);
        }
        return reply.to(core, status, 0);
    }
}
