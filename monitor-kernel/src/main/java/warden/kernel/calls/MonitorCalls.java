package warden.kernel.calls;

import warden.kernel.api.Counter;
import warden.kernel.api.EventKind;
import warden.kernel.api.MonitorCall;
import warden.kernel.api.Status;
import warden.kernel.api.SystemImage;
import warden.kernel.health.Health;
import warden.kernel.health.PartitionTable;
import warden.kernel.health.RestorePoints;
import warden.kernel.log.EventLog;
import warden.kernel.port.Platform;
import warden.kernel.sched.Scheduler;

/**
 * The monitor calls: each call id goes to the group that holds both its decode (every check it
 * needs, no side effects, a {@link Status}) and its invoke (runs only after decode returned
 * {@link Status#OK}, so it cannot fail), seL4's decode/invoke split. Unknown ids and denied calls
 * are counted and logged here. The groups are created at boot.
 *
 * [impl->dsn~kernel.mcall.decode-invoke~1]
 */
// justification: counters is the kernel's table of length Counter.COUNT; every Counter id is below it
@SuppressWarnings("index")
public final class MonitorCalls {
    private final Platform platform;
    private final Scheduler sched;
    private final EventLog log;
    private final long[] counters;
    private final Reply reply;
    private final TimeCalls time;
    private final ConsoleCalls console;
    private final VcpuCalls vcpus;
    private final EventCalls events;
    private final PartitionCalls partitions;
    private final ChannelCalls channels;
    private final DeviceCalls devices;
    private final UpdateCalls updates;
    private final SnapshotCalls snapshots;

    /** Boot-time: every call group. [impl->dsn~kernel.boot~1] */
    public MonitorCalls(SystemImage img, Platform platform, Scheduler sched, Health health, PartitionTable table,
            EventLog log, long[] counters, RestorePoints points) {
        this.platform = platform;
        this.sched = sched;
        this.log = log;
        this.counters = counters;
        CallerMemory owned = new CallerMemory(img);
        reply = new Reply(platform.cpu());
        time = new TimeCalls(reply, platform.timer(), sched.timers());
        console = new ConsoleCalls(owned, reply, platform.memory(), platform.console());
        vcpus = new VcpuCalls(img, owned, reply, sched, platform.timer());
        events = new EventCalls(img, owned, reply, log, platform.memory());
        partitions = new PartitionCalls(img, reply, table, health, log, platform.timer(), points);
        channels = new ChannelCalls(img, reply, table.channels(), sched, platform.cpu(), platform.timer(), log);
        devices = new DeviceCalls(img, reply, platform.memory(), platform.timer(), log);
        updates = new UpdateCalls(img, reply, owned, platform.memory(), platform.signatures(), platform.timer(), log,
                health);
        snapshots = new SnapshotCalls(img, reply, table, points);
    }

    /** @return true for call ids the kernel implements. [impl->dsn~kernel.mcall.decode-invoke~1] */
    public static boolean known(int callId) {
        return callId >= 0 && callId < MonitorCall.COUNT;
    }

    /**
     * A monitor call of partition p, running on {@code core}: an unknown id is refused with
     * NOT_SUPPORTED, a known one is decoded and invoked; a refused call is counted and logged.
     *
     * [impl->dsn~kernel.mcall.unknown~1]
     */
    public int call(int core, int p, int callId) {
        counters[Counter.MONITOR_CALLS]++;
        if (!known(callId)) {
            counters[Counter.UNKNOWN_CALLS]++;
            log.append(now(core), EventKind.UNKNOWN_CALL, p, core, callId, 0);
            platform.cpu().setCallResult(core, Status.NOT_SUPPORTED, 0);
            return Status.NOT_SUPPORTED;
        }
        int st = dispatch(core, p, callId);
        if (st != Status.OK) {
            refused(core, p, callId, st);
        }
        return st;
    }

    /**
     * A known call answered {@code st} (not OK): counted as denied and logged as DENIED_CALL, except
     * a refused device or update call, which DeviceCalls has logged with its reason as
     * DEVICE_DENIED, UpdateCalls as UPDATE_REFUSED (a refused SNAPSHOT is a DENIED_CALL).
     *
     * [impl->dsn~kernel.mcall.unknown~1] [impl->dsn~kernel.device.denial-log~1] [impl->dsn~kernel.update.refusals~1]
     */
    private void refused(int core, int p, int callId, int st) {
        counters[Counter.DENIED_CALLS]++;
        if (loggedHere(callId)) {
            log.append(now(core), EventKind.DENIED_CALL, p, core, callId, st);
        }
    }

    /** @return false for the device and update calls, which log their own refusals with the reason.
     * [impl->dsn~kernel.device.denial-log~1] [impl->dsn~kernel.update.refusals~1] */
    private static boolean loggedHere(int callId) {
        return callId < MonitorCall.DEVICE_READ || callId == MonitorCall.SNAPSHOT;
    }

    /**
     * Invokes a known call; each call's own method decodes its arguments first.
     *
     * [impl->dsn~kernel.mcall.decode-invoke~1]
     */
    private int dispatch(int core, int p, int callId) {
        long a0 = platform.cpu().callArg(core, 0);
        switch (callId) {
            case MonitorCall.VERSION:
                return reply.to(core, Status.OK, MonitorCall.ABI_VERSION);
            case MonitorCall.YIELD:
                reply.to(core, Status.OK, 0);
                sched.yield(core);
                return Status.OK;
            case MonitorCall.HEARTBEAT:
                partitions.heartbeat(core, p);
                return Status.OK;
            case MonitorCall.GET_TIME:
                time.getTime(core);
                return Status.OK;
            case MonitorCall.CONSOLE_WRITE:
                return console.consoleWrite(core, p, a0, platform.cpu().callArg(core, 1));
            case MonitorCall.PARTITION_INFO:
                return partitions.partitionInfo(core, p, a0);
            case MonitorCall.SET_TIMER:
                return time.setTimer(core, p, a0);
            case MonitorCall.VCPU_OFF:
                vcpus.vcpuOff(core, p);
                return Status.OK;
            case MonitorCall.VCPU_ON:
                return vcpus.vcpuOn(core, p, a0, platform.cpu().callArg(core, 1));
            case MonitorCall.PARTITION_RESET:
                partitions.reset(core, p);
                return Status.OK;
            case MonitorCall.EVENT_READ:
                return events.eventRead(core, p, a0, platform.cpu().callArg(core, 1));
            case MonitorCall.REPORT_FAILURE:
                return a0 == MonitorCall.FAILURE_CHANNEL
                        ? channels.reportFailure(core, p, platform.cpu().callArg(core, 1))
                        : partitions.reportFailure(core, p);
            default: // the remaining known ids: CHANNEL_*, DEVICE_*, SNAPSHOT, UPDATE_*
                return channelOrDevice(core, p, callId, a0, platform.cpu().callArg(core, 1));
        }
    }

    /** The channel, device, snapshot and update calls. [impl->dsn~kernel.mcall.decode-invoke~1] */
    private int channelOrDevice(int core, int p, int callId, long a0, long a1) {
        if (callId == MonitorCall.SNAPSHOT) {
            return snapshots.snapshot(core, p, a0, now(core));
        }
        if (callId >= MonitorCall.UPDATE_BEGIN) {
            return updates.call(core, p, callId, a0, a1, platform.cpu().callArg(core, 2),
                    platform.cpu().callArg(core, 3));
        }
        return callId >= MonitorCall.DEVICE_READ ? devices.call(core, p, callId, a0, a1)
                : channels.call(core, p, callId, a0, a1);
    }

    /** Virtual time of {@code core}, the time stamp of every record. [impl->dsn~kernel.event-log~2] */
    private long now(int core) {
        return platform.timer().now(core);
    }
}
