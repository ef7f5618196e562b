package warden.kernel.calls;

import warden.kernel.api.Access;
import warden.kernel.api.Status;
import warden.kernel.api.SystemImage;
import warden.kernel.api.VcpuState;
import warden.kernel.port.Timer;
import warden.kernel.sched.Scheduler;

/**
 * VCPU_ON and VCPU_OFF: a partition starts one of its stopped vCPUs at an entry point of its own,
 * or stops the vCPU that calls. Decode has no side effects; invoke cannot fail once decode
 * returned {@link Status#OK}.
 *
 * [impl->dsn~kernel.mcall.vcpu-power~1]
 */
public final class VcpuCalls {
    private final SystemImage img;
    private final CallerMemory owned;
    private final Reply reply;
    private final Scheduler sched;
    private final Timer timer;

    VcpuCalls(SystemImage img, CallerMemory owned, Reply reply, Scheduler sched, Timer timer) {
        this.img = img;
        this.owned = owned;
        this.reply = reply;
        this.sched = sched;
        this.timer = timer;
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
        if (stateOnCore != VcpuState.STOPPED) {
            return Status.BAD_STATE;
        }
        return owned.owns(caller, entry, 4, Access.EXECUTE) ? Status.OK : Status.INVALID_ADDRESS;
    }

    /** [impl->dsn~kernel.mcall.vcpu-power~1] */
    int vcpuOn(int core, int p, long target, long entry) {
        int state = target >= 0 && target < img.coreCount() ? sched.state(p, (int) target) : VcpuState.NONE;
        int st = decodeVcpuOn(p, target, entry, state);
        if (st != Status.OK) {
            return reply.to(core, st, 0);
        }
        reply.to(core, Status.OK, 0);
        sched.startVcpu(p, (int) target, entry, timer.now(core));
        return Status.OK;
    }

    /** VCPU_OFF: the calling vCPU stops; its core runs others or idles. [impl->dsn~kernel.mcall.decode-invoke~1] */
    void vcpuOff(int core, int p) {
        reply.to(core, Status.OK, 0);
        sched.stopVcpu(p, core);
    }
}
