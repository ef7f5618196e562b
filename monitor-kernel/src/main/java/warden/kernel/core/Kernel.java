package warden.kernel.core;

import warden.kernel.api.Counter;
import warden.kernel.api.EventKind;
import warden.kernel.api.EventRecords;
import warden.kernel.api.HealthAction;
import warden.kernel.api.ImageCheckCode;
import warden.kernel.api.ImageCheckResult;
import warden.kernel.api.Monitor;
import warden.kernel.api.Status;
import warden.kernel.api.SystemImage;
import warden.kernel.api.rules.BootPhase;
import warden.kernel.boot.GoldenImages;
import warden.kernel.boot.ImageCheck;
import warden.kernel.boot.PlatformSetup;
import warden.kernel.calls.MonitorCalls;
import warden.kernel.health.Health;
import warden.kernel.health.PartitionTable;
import warden.kernel.health.RestorePoints;
import warden.kernel.log.EventLog;
import warden.kernel.port.Platform;
import warden.kernel.sched.Scheduler;

/**
 * The monitor kernel: boot, seal, and the mission-phase entry points that the port's first-level
 * trap handler calls. Every entry point decodes (checks, no side effects), then invokes, and
 * returns a {@link Status}; every entry ends with {@link #afterEntry}. After {@link #boot} sealed
 * the kernel nothing here allocates.
 *
 * <p>Each method carries the tag of the design item it implements.
 *
 * [impl->dsn~kernel.phases~1]
 */
public final class Kernel implements Monitor {
    private final Platform platform;
    private final ImageCheck check = new ImageCheck();
    private final EventLog log = new EventLog();
    private final long[] counters = new long[Counter.COUNT];
    private SystemImage img;
    private PartitionTable table;
    private Scheduler sched;
    private MonitorCalls calls;
    private InterruptRouting interrupts;
    private Health health;
    private RestorePoints points;
    private boolean sealed;

    /** [impl->dsn~kernel.phases~1] */
    // justification: boot() assigns img, table, sched, calls, interrupts and health before it seals
    @SuppressWarnings("initialization.fields.uninitialized")
    public Kernel(Platform platform) {
        this.platform = platform;
    }

    /**
     * Boot: validates the image again, programs the protection unit, the interrupt controller and the mediated
     * registers' presets, reloads every golden image, allocates every table, prepares each vCPU's context, and seals.
     * @return Status.OK, or Status.INVALID_PARAM with {@link #imageCheck()} saying why; BAD_STATE
     *     once sealed.
     * [impl->dsn~kernel.boot~1]
     * [impl->dsn~kernel.phases~1]
     */
    @BootPhase
    @Override
    public int boot(SystemImage image) {
        if (sealed) {
            return Status.BAD_STATE;
        }
        if (check.check(image, platform.coreCount()) != ImageCheckCode.OK) {
            return Status.INVALID_PARAM;
        }
        int st = PlatformSetup.programProtection(platform, image);
        if (st == Status.OK) {
            st = PlatformSetup.routeLines(platform, image);
        }
        st = PlatformSetup.presetRegisters(platform, image, st);
        if (st != Status.OK) {
            return st;
        }
        img = image;
        table = new PartitionTable(image);
        GoldenImages golden = new GoldenImages(image, platform.memory());
        for (int p = 0; p < image.partitionCount(); p++) {
            if (!golden.reload(p)) {
                check.digestFailed(p);
                return Status.INVALID_PARAM;
            }
        }
        sched = new Scheduler(image, platform.cpu(), platform.protection(), platform.timer(), counters, log);
        points = new RestorePoints(image, sched, platform.snapshots(), log, counters, platform.cpu().contextWords());
        if (!points.reserved()) {
            return Status.NO_SPACE;
        }
        health = new Health(image, sched, platform.interrupts(), golden, log, counters, table, points);
        calls = new MonitorCalls(image, platform, sched, health, table, log, counters, points);
        interrupts = new InterruptRouting(image, platform, sched, health, table, log, counters);
        sealed = true;
        return Status.OK;
    }

    /** Mission starts: each core runs its most critical partition. [impl->dsn~kernel.phases~1] */
    @Override
    public int start() {
        if (!sealed) {
            return Status.BAD_STATE;
        }
        for (int p = 0; p < img.partitionCount(); p++) {
            health.started(p, now(Integer.numberOfTrailingZeros(img.coreMask(p))));
        }
        for (int c = 0; c < img.coreCount(); c++) {
            sched.reschedule(c);
        }
        health.protectionFaults(now(0));
        return Status.OK;
    }

    /**
     * A monitor call from the guest running on {@code core}; arguments come from the port.
     * [impl->dsn~kernel.entries~1]
     */
    @Override
    public int onMonitorCall(int core, int callId) {
        int status = doMonitorCall(core, callId);
        afterEntry(core);
        return status;
    }

    /** The body of {@link #onMonitorCall}. [impl->dsn~kernel.mcall.unknown~1] */
    private int doMonitorCall(int core, int callId) {
        int p = enter(core);
        if (p < 0) {
            return Status.BAD_STATE;
        }
        return calls.call(core, p, callId);
    }

    /**
     * The protection unit denied an access of the guest on {@code core}: log it and hand the fault
     * to the guest's own handler with its architectural cause.
     * [impl->dsn~kernel.entries~1]
     */
    @Override
    public int onAccessFault(int core, int access, long address) {
        int status = doAccessFault(core, access, address);
        afterEntry(core);
        return status;
    }

    /** The body of {@link #onAccessFault}. [impl->dsn~kernel.fault.access~1] */
    private int doAccessFault(int core, int access, long address) {
        int p = enter(core);
        if (p < 0) {
            return Status.BAD_STATE;
        }
        counters[Counter.ACCESS_FAULTS]++;
        log.append(now(core), EventKind.ACCESS_VIOLATION, p, core, address, access);
        platform.cpu().redirectFault(core);
        health.accessFault(p, now(core));
        return Status.OK;
    }

    /** An illegal instruction in the guest on {@code core}: log it and redirect it. [impl->dsn~kernel.entries~1] */
    @Override
    public int onIllegalInstruction(int core, long pc) {
        int status = doIllegalInstruction(core, pc);
        afterEntry(core);
        return status;
    }

    /** The body of {@link #onIllegalInstruction}. [impl->dsn~kernel.fault.access~1] */
    private int doIllegalInstruction(int core, long pc) {
        int p = enter(core);
        if (p < 0) {
            return Status.BAD_STATE;
        }
        counters[Counter.ILLEGAL_INSTRUCTIONS]++;
        log.append(now(core), EventKind.ILLEGAL_INSTRUCTION, p, core, pc, 0);
        platform.cpu().redirectFault(core);
        health.failure(p, HealthAction.REASON_CRASH, now(core));
        return Status.OK;
    }

    /**
     * An external interrupt on {@code core}: claim every pending line, deliver each to its owner
     * now if it runs here, else hold it and let the scheduler preempt for a more critical owner.
     * [impl->dsn~kernel.entries~1]
     */
    @Override
    public int onExternalInterrupt(int core) {
        int status = doExternalInterrupt(core);
        afterEntry(core);
        return status;
    }

    /** The body of {@link #onExternalInterrupt}. [impl->dsn~kernel.irq.route~1] */
    private int doExternalInterrupt(int core) {
        if (!sealed || core < 0 || core >= img.coreCount()) {
            return Status.BAD_STATE;
        }
        counters[Counter.KERNEL_ENTRIES]++;
        interrupts.claimAll(core);
        return Status.OK;
    }

    /** The monitor timer of {@code core} expired. [impl->dsn~kernel.entries~1] */
    @Override
    public int onTimer(int core) {
        int status = doTimer(core);
        afterEntry(core);
        return status;
    }

    /** The body of {@link #onTimer}. [impl->dsn~kernel.timer.multiplex~1] */
    private int doTimer(int core) {
        if (!sealed || core < 0 || core >= img.coreCount()) {
            return Status.BAD_STATE;
        }
        counters[Counter.KERNEL_ENTRIES]++;
        sched.timers().fired(core);
        sched.timers().recovered(core, now(core));
        health.expire(core, now(core));
        sched.timers().expire(core, now(core));
        sched.reschedule(core);
        return Status.OK;
    }

    /**
     * Every entry ends here: the health monitor handles the faults the world switch posted during
     * this entry's scheduling, so the failing partition's policy runs at once; and every core's
     * monitor timer is supervised against this core's clock.
     * [impl->dsn~kernel.context-integrity~1]
     * [impl->dsn~kernel.timer-supervision~1]
     */
    private void afterEntry(int core) {
        if (!sealed || core < 0 || core >= img.coreCount()) {
            return;
        }
        health.endOfEntry(now(core));
        sched.timers().supervise(now(core));
    }

    /**
     * Common entry for traps: @return the running partition, or -1 when there is none.
     * [impl->dsn~kernel.entries~1]
     * [impl->dsn~kernel.phases~1]
     */
    private int enter(int core) {
        if (!sealed || core < 0 || core >= img.coreCount()) {
            return -1;
        }
        counters[Counter.KERNEL_ENTRIES]++;
        return sched.running(core);
    }

    /** Virtual time of {@code core}, the time stamp of every record. [impl->dsn~kernel.event-log~2] */
    private long now(int core) {
        return platform.timer().now(core);
    }
    // ---- fault injection and read-only views for reports (mission-safe, no allocation) ----

    /** [impl->dsn~kernel.context-integrity~1] */
    @Override
    public int upsetSavedContext(int p, int core, int word, int bit) {
        return sealed ? sched.worldSwitch().upsetContext(p, core, word, bit) : Status.BAD_STATE;
    }

    /** [impl->dsn~kernel.boot.revalidate~1] */
    public ImageCheckResult imageCheck() { return check; }
    /** [impl->dsn~kernel.boot.revalidate~1] */
    public int imageCheckCode() { return check.lastCode(); }
    /** [impl->dsn~kernel.phases~1] */
    public boolean sealed() { return sealed; }
    /** [impl->dsn~kernel.event-log~2] */
    // justification: a read-only view, never called by the kernel; Java's own bounds check reports a bad id
    @SuppressWarnings("index")
    public long counter(int id) { return counters[id]; }
    /** [impl->dsn~kernel.event-log~2] */
    public EventRecords eventRecords() { return log; }
    /** [impl->dsn~kernel.sched.critical-first~1] */
    public int running(int core) { return sched.running(core); }
    /** [impl->dsn~kernel.mcall.vcpu-power~1] */
    public int vcpuState(int p, int core) { return sched.state(p, core); }
    /** [impl->dsn~kernel.sched.hold~1] */
    public int heldInterrupts(int p, int core) { return sched.held().pendingCount(p, core); }
    /** [impl->dsn~kernel.mcall.heartbeat~1] */
    public int partitionState(int p) { return table.state(p); }
    /** [impl->dsn~kernel.mcall.heartbeat~1] */
    public long bootTimeNs(int p) { return table.bootTimeNs(p); }
    /** [impl->dsn~kernel.mcall.heartbeat~1] */
    public long lastHeartbeatNs(int p) { return table.lastHeartbeatNs(p); }
    /** [impl->dsn~health.restart~1] */
    public int restarts(int p) { return table.restarts(p); }
    /** [impl->dsn~health.safe-state~1] */
    public boolean inSafeState() { return health != null && health.inSafeState(); }
    /** [impl->dsn~kernel.snapshot.take~1] */
    public long snapshotStat(int p, int stat) { return points.stat(p, stat); }
    /** [impl->dsn~channel.statistics~1] */
    @Override
    public long channelStat(int c, int stat) { return table.channels().stat(c, stat); }
}
