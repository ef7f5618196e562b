package warden.kernel.sched;

import warden.kernel.api.SystemImage;
import warden.kernel.api.VcpuState;
import warden.kernel.log.EventLog;
import warden.kernel.port.CpuContext;
import warden.kernel.port.ProtectionUnit;
import warden.kernel.port.SnapshotStore;
import warden.kernel.port.Timer;

/**
 * Per-core scheduling of the vCPUs that share a core: the ready selection and the vCPU state
 * changes (yield, stop, start, restart).
 *
 * <p>Each core has an ordered slot list ({@link Vcpus}): the partitions that run on it, most
 * critical first. {@link #reschedule} runs the first READY slot; so a critical partition that
 * becomes ready preempts a less critical one at once, and the less critical one runs only while
 * every more critical one is WAITING. The {@link WorldSwitch} changes the running vCPU; what was
 * held for it ({@link HeldInterrupts}) is delivered, in arrival order, when it next runs;
 * {@link VirtualTimers} multiplexes the core's timer. The scheduler creates these at boot.
 *
 * [impl->dsn~kernel.sched.critical-first~1]
 */
public final class Scheduler {
    private final Vcpus vcpus;
    private final FaultReports reports;
    private final WorldSwitch world;
    private final HeldInterrupts held;
    private final VirtualTimers timers;
    /** The contexts of a restart: none (fresh ones). */
    private static final long[] NO_CONTEXTS = new long[0];

    /**
     * Boot-time: sizes and fills every table from the image, and prepares each vCPU's initial
     * context at its partition's entry point.
     *
     * [impl->dsn~kernel.boot~1]
     */
    public Scheduler(SystemImage img, CpuContext cpu, ProtectionUnit pu, Timer timer, long[] counters,
            EventLog log) {
        vcpus = new Vcpus(img);
        reports = new FaultReports(img.partitionCount());
        world = new WorldSwitch(vcpus, cpu, pu, timer, counters, log, reports);
        held = new HeldInterrupts(vcpus, cpu, counters, log);
        timers = new VirtualTimers(vcpus, held, timer, counters, log);
        for (int p = 0; p < vcpus.partitions(); p++) {
            for (int c = 0; c < vcpus.cores(); c++) {
                if ((img.coreMask(p) & (1 << c)) != 0) {
                    vcpus.set(vcpus.vcpu(p, c), VcpuState.READY);
                    world.fresh(p, c, img.entry(p));
                }
            }
        }
    }

    /** [impl->dsn~kernel.sched.critical-first~1] */
    public Vcpus vcpus() {
        return vcpus;
    }

    /** [impl->dsn~kernel.context-integrity~1] */
    public FaultReports reports() {
        return reports;
    }

    /** [impl->dsn~kernel.world-switch~1] */
    public WorldSwitch worldSwitch() {
        return world;
    }

    /** [impl->dsn~kernel.sched.hold~1] */
    public HeldInterrupts held() {
        return held;
    }

    /** [impl->dsn~kernel.timer.multiplex~1] */
    public VirtualTimers timers() {
        return timers;
    }

    /** [impl->dsn~kernel.sched.critical-first~1] */
    public int running(int core) {
        return world.running(core);
    }

    /** [impl->dsn~kernel.mcall.vcpu-power~1] */
    public int state(int p, int c) {
        return vcpus.state(p, c);
    }

    /**
     * The running partition of core c has nothing to do until its next event.
     *
     * [impl->dsn~kernel.sched.critical-first~1]
     */
    public void yield(int core) {
        int p = world.running(core);
        if (p != SystemImage.NO_PARTITION) {
            vcpus.set(vcpus.vcpu(p, core), VcpuState.WAITING);
        }
        reschedule(core);
    }

    /**
     * Runs the most critical READY vCPU of core c, switching worlds if it is not the one running,
     * then delivers what is held for it.
     *
     * [impl->dsn~kernel.sched.critical-first~1]
     */
    public void reschedule(int core) {
        int best = SystemImage.NO_PARTITION;
        int n = vcpus.slotCount(core);
        for (int i = 0; i < n && best == SystemImage.NO_PARTITION; i++) {
            int p = vcpus.slot(core, i);
            if (vcpus.stateOf(vcpus.vcpu(p, core)) != VcpuState.READY) {
                continue;
            }
            if (!world.restorable(p, core)) {
                world.quarantine(p, core);
            } else {
                best = p;
            }
        }
        int current = world.running(core);
        if (best != current) {
            world.switchTo(core, current, best);
        }
        if (best != SystemImage.NO_PARTITION && world.running(core) == best) {
            held.drain(best, core);
        }
    }

    /**
     * Stops partition p's vCPU on one core (its own request); the core runs others or idles.
     *
     * [impl->dsn~kernel.mcall.vcpu-power~1]
     */
    public void stopVcpu(int p, int core) {
        int v = vcpus.vcpu(p, core);
        vcpus.set(v, VcpuState.STOPPED);
        held.discard(v);
        timers.cancel(v);
        if (world.running(core) == p) {
            world.detach(core);
        }
        reschedule(core);
    }

    /**
     * Starts partition p's stopped vCPU on {@code core} at {@code entry}: a fresh context, READY,
     * and the core's monitor timer set to {@code now} so that the core itself reschedules at its
     * next instant (an inter-processor kick through the timer, the way a monitor without an IPI
     * path does it).
     *
     * [impl->dsn~kernel.mcall.vcpu-power~1]
     */
    public void startVcpu(int p, int core, long entry, long now) {
        resetContext(p, core, entry);
        vcpus.set(vcpus.vcpu(p, core), VcpuState.READY);
        timers.kick(core, now);
    }

    /**
     * Takes partition p off every core it runs on, for good; its held events are dropped.
     *
     * [impl->dsn~health.policy~1]
     */
    public void stopPartition(int p) {
        for (int c = 0; c < vcpus.cores(); c++) {
            if (vcpus.state(p, c) != VcpuState.NONE) {
                stopVcpu(p, c);
            }
        }
    }

    /**
     * Restarts partition p on every core it runs on: its live state is discarded, each vCPU gets
     * a fresh context at {@code entry} (the port reloads the guest as from its golden image) and
     * becomes READY; the scheduler then decides, by criticality, when it runs.
     *
     * [impl->dsn~health.restart~1]
     */
    public void restartPartition(int p, long entry) {
        reenter(p, entry, NO_CONTEXTS);
    }

    /**
     * Takes p off every core it runs on and gives each of its vCPUs a fresh context at {@code entry}
     * ({@code src} is {@link #NO_CONTEXTS}) or the context in {@code src} (core c's at c * contextWords, a restore),
     * with nothing held and no timer; each becomes READY.
     *
     * [impl->dsn~health.restart~1]
     */
    private void reenter(int p, long entry, long[] src) {
        for (int c = 0; c < vcpus.cores(); c++) {
            int v = vcpus.vcpu(p, c);
            if (vcpus.stateOf(v) == VcpuState.NONE) {
                continue;
            }
            if (world.running(c) == p) {
                world.detach(c);
            }
            if (src == NO_CONTEXTS) {
                resetContext(p, c, entry);
            } else {
                loadContext(p, c, src);
            }
            vcpus.set(v, VcpuState.READY);
            timers.program(c);
            reschedule(c);
        }
    }

    /** Gives p's vCPU on core the context saved for that core in {@code src} (a restore), with nothing held
     * and no timer. [impl->dsn~kernel.snapshot.restore~1] */
    private void loadContext(int p, int core, long[] src) {
        int v = vcpus.vcpu(p, core);
        world.loadContext(p, core, src, core * world.contextWords());
        held.reset(v);
        timers.cancel(v);
    }

    /** Resets p's vCPU on core to a fresh context at entry, with nothing held. [impl->dsn~health.restart~1] */
    private void resetContext(int p, int core, long entry) {
        int v = vcpus.vcpu(p, core);
        world.fresh(p, core, entry);
        held.reset(v);
        timers.cancel(v);
    }

    /**
     * Copies the context of each of p's vCPUs into {@code dst} (core c's at c * contextWords).
     * @return false when a saved context fails its check (the snapshot must not keep it)
     *
     * [impl->dsn~kernel.snapshot.take~1]
     */
    public boolean copyContexts(int p, long[] dst, SnapshotStore store) {
        boolean ok = true;
        for (int c = 0; c < vcpus.cores(); c++) {
            if (vcpus.stateOf(vcpus.vcpu(p, c)) != VcpuState.NONE) {
                ok &= world.copyContext(p, c, dst, c * world.contextWords(), store);
            }
        }
        return ok;
    }

    /**
     * Restores each of p's vCPUs from {@code src} (core c's at c * contextWords), as a restart does
     * with fresh contexts: a running one is detached, nothing held for it is kept, its timer is
     * cancelled, and it becomes READY.
     *
     * [impl->dsn~kernel.snapshot.restore~1]
     */
    public void restorePartition(int p, long[] src) {
        reenter(p, 0, src);
    }
}
