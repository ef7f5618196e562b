package warden.kernel.calls;

import warden.kernel.api.Status;
import warden.kernel.port.Timer;
import warden.kernel.sched.VirtualTimers;

/**
 * GET_TIME and SET_TIMER: a partition reads its core's virtual time and sets (or cancels) its
 * vCPU's virtual timer. Decode has no side effects; invoke cannot fail once decode returned
 * {@link Status#OK}.
 *
 * [impl->dsn~kernel.timer.multiplex~1]
 */
public final class TimeCalls {
    private final Reply reply;
    private final Timer timer;
    private final VirtualTimers timers;

    TimeCalls(Reply reply, Timer timer, VirtualTimers timers) {
        this.reply = reply;
        this.timer = timer;
        this.timers = timers;
    }

    /** GET_TIME: the calling core's virtual time. [impl->dsn~kernel.mcall.decode-invoke~1] */
    void getTime(int core) {
        reply.to(core, Status.OK, timer.now(core));
    }

    /** A deadline is an absolute non-negative time in ns, or -1 to cancel. [impl->dsn~kernel.mcall.decode-invoke~1] */
    public int decodeSetTimer(long deadline) {
        return deadline >= -1 ? Status.OK : Status.INVALID_PARAM;
    }

    /** [impl->dsn~kernel.timer.multiplex~1] */
    int setTimer(int core, int p, long deadline) {
        int st = decodeSetTimer(deadline);
        if (st != Status.OK) {
            return reply.to(core, st, 0);
        }
        reply.to(core, Status.OK, 0);
        timers.setDeadline(p, core, deadline == -1 ? Timer.NEVER : deadline);
        return Status.OK;
    }
}
