package warden.kernel.core;

import warden.kernel.api.Access;
import warden.kernel.api.Counter;
import warden.kernel.api.Criticality;
import warden.kernel.api.EventKind;
import warden.kernel.api.EventRecordDescriptor;
import warden.kernel.api.MonitorCall;
import warden.kernel.api.PartitionState;
import warden.kernel.api.Status;
import warden.kernel.api.SystemImage;
import warden.kernel.api.rules.BootPhase;
import warden.kernel.port.Platform;
import warden.kernel.port.ProtectionUnit;
import warden.kernel.port.Timer;

/**
 * The monitor kernel: boot, seal, and the mission-phase entry points that the port's first-level
 * trap handler calls. Every entry point decodes (checks, no side effects), then invokes, and
 * returns a {@link Status}. After {@link #seal} nothing here allocates.
 *
 * <p>Each method carries the tag of the design item it implements.
 *
 * [impl->dsn~kernel.phases~1]
 */
public final class Kernel {
    private final Platform platform;
    private final ImageCheck check = new ImageCheck();
    private final EventLog log = new EventLog();
    private final long[] counters = new long[Counter.COUNT];
    private SystemImage img;
    private Scheduler sched;
    private MonitorCalls calls;
    private Health health;
    private int[] state;
    private long[] bootTime;
    private long[] lastHeartbeat;
    private int[] restarts;
    private boolean sealed;

    /** [impl->dsn~kernel.phases~1] */
    @SuppressWarnings("initialization.fields.uninitialized") // justification: img, sched, calls and the partition tables are assigned by boot() before it sets sealed; every mission entry returns BAD_STATE unless sealed, and the read-only views are documented as valid after boot
    public Kernel(Platform platform) {
        this.platform = platform;
    }

    /**
     * Boot: validates the image again, allocates every table, programs the protection unit and
     * the interrupt controller, prepares each vCPU's context, and seals. Nothing runs yet.
     * @return Status.OK, or Status.INVALID_PARAM with {@link #imageCheck()} saying why; BAD_STATE
     *     once sealed.
     *
     * [impl->dsn~kernel.boot~1]
     * [impl->dsn~kernel.phases~1]
     */
    @BootPhase
    @SuppressWarnings("index") // justification: n = image.partitionCount() is in 1..PARTITIONS_MAX once ImageCheck.check returned OK just above, and the loop index p < n indexes arrays allocated with length n
    public int boot(SystemImage image) {
        if (sealed) {
            return Status.BAD_STATE;
        }
        if (check.check(image, platform.coreCount()) != ImageCheck.OK) {
            return Status.INVALID_PARAM;
        }
        int st = programProtection(image);
        if (st == Status.OK) {
            st = routeLines(image);
        }
        if (st != Status.OK) {
            return st;
        }
        img = image;
        int n = image.partitionCount();
        state = new int[n];
        bootTime = new long[n];
        lastHeartbeat = new long[n];
        restarts = new int[n];
        for (int p = 0; p < n; p++) {
            bootTime[p] = -1;
            lastHeartbeat[p] = -1;
        }
        GoldenImages golden = new GoldenImages(image, platform.memory());
        for (int p = 0; p < n; p++) {
            if (!golden.reload(p)) {
                check.digestFailed(p);
                return Status.INVALID_PARAM;
            }
        }
        calls = new MonitorCalls(image);
        sched = new Scheduler(image, platform.cpu(), platform.protection(), platform.timer(), counters, log);
        health = new Health(image, sched, platform.interrupts(), golden, log, counters, state, restarts);
        sealed = true;
        return Status.OK;
    }

    /** [impl->dsn~kernel.deny-by-default~1] [impl->dsn~kernel.boot~1] */
    private int programProtection(SystemImage image) {
        ProtectionUnit pu = platform.protection();
        int st = pu.protectMonitor(image.monitorBase(), image.monitorSize());
        for (int p = 0; p < image.partitionCount() && st == Status.OK; p++) {
            st = pu.beginSlot(p);
            for (int i = 0; i < image.regionCount(p) && st == Status.OK; i++) {
                int r = image.region(p, i);
                st = pu.addRegion(p, image.regionBase(r), image.regionSize(r), image.regionPerms(r));
            }
            for (int d = 0; d < image.deviceTotal() && st == Status.OK; d++) {
                if (image.deviceOwner(d) == p) {
                    st = pu.addRegion(p, image.deviceBase(d), image.deviceSize(d), Access.READ | Access.WRITE);
                }
            }
        }
        return st;
    }

    /** Routes every owned line to its core, with its priority. [impl->dsn~kernel.boot~1] */
    private int routeLines(SystemImage image) {
        int st = Status.OK;
        for (int l = 1; l < SystemImage.LINES_MAX && st == Status.OK; l++) {
            int owner = image.lineOwner(l);
            if (owner != SystemImage.NO_PARTITION) {
                st = platform.interrupts().route(l, image.lineCore(l), image.linePriority(l),
                        Criticality.isCritical(image.criticality(owner)));
            }
        }
        return st;
    }

    /** Mission starts: each core runs its most critical partition. [impl->dsn~kernel.phases~1] */
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
        protectionFaults(0);
        return Status.OK;
    }

    /** A slot the protection unit refused at a world switch brings the system to its safe state. [impl->dsn~kernel.protection-check~1] */
    private void protectionFaults(int core) {
        int p = sched.takeProtectionFault();
        if (p != SystemImage.NO_PARTITION) {
            health.protectionFault(p, now(core));
        }
    }

    /** @return the result of the last boot-time image check (ImageCheck codes). [impl->dsn~kernel.boot.revalidate~1] */
    public ImageCheck imageCheck() {
        return check;
    }

    /**
     * A monitor call from the guest running on {@code core}; arguments come from the port.
     *
     * [impl->dsn~kernel.entries~1]
     */
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
        counters[Counter.MONITOR_CALLS]++;
        if (!MonitorCalls.known(callId)) {
            counters[Counter.UNKNOWN_CALLS]++;
            log.append(now(core), EventKind.UNKNOWN_CALL, p, core, callId, 0);
            platform.cpu().setCallResult(core, Status.NOT_SUPPORTED, 0);
            return Status.NOT_SUPPORTED;
        }
        int st = dispatch(core, p, callId);
        if (st != Status.OK && st != Status.NOT_SUPPORTED) {
            counters[Counter.DENIED_CALLS]++;
            log.append(now(core), EventKind.DENIED_CALL, p, core, callId, st);
        }
        return st;
    }

    /** Invokes a known call; each call's own method decodes its arguments first. [impl->dsn~kernel.mcall.decode-invoke~1] */
    private int dispatch(int core, int p, int callId) {
        long a0 = platform.cpu().callArg(core, 0);
        switch (callId) {
            case MonitorCall.VERSION:
                return result(core, Status.OK, MonitorCall.ABI_VERSION);
            case MonitorCall.YIELD:
                result(core, Status.OK, 0);
                sched.yield(core);
                return Status.OK;
            case MonitorCall.HEARTBEAT:
                return heartbeat(core, p);
            case MonitorCall.GET_TIME:
                return result(core, Status.OK, now(core));
            case MonitorCall.CONSOLE_WRITE:
                return consoleWrite(core, p, a0, platform.cpu().callArg(core, 1));
            case MonitorCall.PARTITION_INFO:
                return partitionInfo(core, p, a0);
            case MonitorCall.SET_TIMER:
                return setTimer(core, p, a0);
            case MonitorCall.VCPU_OFF:
                result(core, Status.OK, 0);
                sched.stopVcpu(p, core);
                return Status.OK;
            case MonitorCall.VCPU_ON:
                return vcpuOn(core, p, a0, platform.cpu().callArg(core, 1));
            case MonitorCall.PARTITION_RESET:
                result(core, Status.OK, 0);
                health.requestedRestart(p, now(core));
                return Status.OK;
            case MonitorCall.EVENT_READ:
                return eventRead(core, p, a0, platform.cpu().callArg(core, 1));
            case MonitorCall.REPORT_FAILURE:
                result(core, Status.OK, 0);
                health.failure(p, warden.kernel.api.HealthAction.REASON_REPORTED, now(core));
                return Status.OK;
            default:
                return result(core, Status.NOT_SUPPORTED, 0);
        }
    }

    /** [impl->dsn~kernel.mcall.decode-invoke~1] */
    private int result(int core, int status, long value) {
        platform.cpu().setCallResult(core, status, value);
        return status;
    }

    /** [impl->dsn~kernel.mcall.heartbeat~1] */
    @SuppressWarnings("index") // justification: p is the partition the scheduler runs on core (enter() returned it, >= 0); slot tables hold only ids < partitionCount, the length of bootTime, state and lastHeartbeat
    private int heartbeat(int core, int p) {
        long t = now(core);
        if (bootTime[p] < 0) {
            bootTime[p] = t;
        }
        if (state[p] == PartitionState.BOOTING) {
            state[p] = PartitionState.RUNNING;
            log.append(t, EventKind.PARTITION_BOOTED, p, core, 0, 0);
        }
        lastHeartbeat[p] = t;
        result(core, Status.OK, 0);
        health.heartbeat(p, t);
        return Status.OK;
    }

    /** [impl->dsn~kernel.mcall.console-write~1] */
    private int consoleWrite(int core, int p, long address, long length) {
        int st = calls.decodeConsoleWrite(p, address, length);
        if (st != Status.OK) {
            return result(core, st, 0);
        }
        for (int i = 0; i < (int) length && i < MonitorCalls.CONSOLE_MAX; i++) { // length <= CONSOLE_MAX: decoded above
            int b = platform.memory().readByte(address + i);
            platform.console().write(p, b < 0 ? '?' : b);
        }
        return result(core, Status.OK, length);
    }

    /** [impl->dsn~kernel.mcall.partition-info~1] */
    @SuppressWarnings("index") // justification: target is p (the running partition, < partitionCount) or index, which decodePartitionInfo checked to lie in 0..partitionCount-1; state has length partitionCount
    private int partitionInfo(int core, int p, long index) {
        int st = calls.decodePartitionInfo(p, index);
        if (st != Status.OK) {
            return result(core, st, 0);
        }
        int target = index == -1 ? p : (int) index;
        return result(core, Status.OK, calls.packInfo(target, state[target]));
    }

    /** [impl->dsn~kernel.mcall.vcpu-power~1] */
    private int vcpuOn(int core, int p, long target, long entry) {
        int state = target >= 0 && target < img.coreCount() ? sched.state(p, (int) target) : Scheduler.NONE;
        int st = calls.decodeVcpuOn(p, target, entry, state);
        if (st != Status.OK) {
            return result(core, st, 0);
        }
        result(core, Status.OK, 0);
        sched.startVcpu(p, (int) target, entry, now(core));
        return Status.OK;
    }

    /** [impl->dsn~kernel.mcall.event-read~1] */
    private int eventRead(int core, int p, long seq, long address) {
        int st = calls.decodeEventRead(p, seq, log.sequence(), address);
        if (st != Status.OK) {
            return result(core, st, 0);
        }
        long s = seq < log.oldest() ? log.oldest() : seq;
        putLong(address + EventRecordDescriptor.TIME_OFFSET, log.time(s), 8);
        putLong(address + EventRecordDescriptor.KIND_OFFSET, log.kind(s), 4);
        putLong(address + EventRecordDescriptor.PARTITION_OFFSET, log.partition(s), 4);
        putLong(address + EventRecordDescriptor.CORE_OFFSET, log.core(s), 4);
        putLong(address + EventRecordDescriptor.CORE_OFFSET + 4, 0, 4);
        putLong(address + EventRecordDescriptor.A_OFFSET, log.a(s), 8);
        putLong(address + EventRecordDescriptor.B_OFFSET, log.b(s), 8);
        return result(core, Status.OK, s);
    }

    /** Writes the low {@code bytes} bytes of {@code value} little-endian (bytes is 4 or 8). [impl->dsn~kernel.mcall.event-read~1] */
    private void putLong(long address, long value, int bytes) {
        for (int i = 0; i < bytes && i < 8; i++) {
            platform.memory().writeByte(address + i, (int) (value >>> (8 * i)) & 0xff);
        }
    }

    /** [impl->dsn~kernel.timer.multiplex~1] */
    private int setTimer(int core, int p, long deadline) {
        int st = calls.decodeSetTimer(deadline);
        if (st != Status.OK) {
            return result(core, st, 0);
        }
        result(core, Status.OK, 0);
        sched.setDeadline(p, core, deadline == -1 ? Timer.NEVER : deadline);
        return Status.OK;
    }

    /**
     * The protection unit denied an access of the guest on {@code core}: log it and hand the fault
     * to the guest's own handler with its architectural cause.
     *
     * [impl->dsn~kernel.entries~1]
     */
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
        health.failure(p, warden.kernel.api.HealthAction.REASON_CRASH, now(core));
        return Status.OK;
    }

    /**
     * An external interrupt on {@code core}: claim every pending line, deliver each to its owner
     * now if it runs here, else hold it and let the scheduler preempt for a more critical owner.
     *
     * [impl->dsn~kernel.entries~1]
     */
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
        int lines = platform.interrupts().lineCount();
        int handled = 0;
        for (int i = 0; i < lines; i++) {
            int line = platform.interrupts().claim(core);
            if (line <= 0) {
                break;
            }
            handled++;
            counters[Counter.INTERRUPTS]++;
            platform.interrupts().complete(core, line);
            routeClaimed(core, line);
        }
        if (handled == 0) {
            counters[Counter.SPURIOUS_INTERRUPTS]++;
            return Status.OK;
        }
        sched.reschedule(core);
        return Status.OK;
    }

    /** [impl->dsn~kernel.irq.route~1] */
    @SuppressWarnings("index") // justification: owner is NO_PARTITION (short-circuits before the access) or img.lineOwner(line), which ImageCheck.checkLines proved < partitionCount at boot; state has length partitionCount
    private void routeClaimed(int core, int line) {
        int owner = line < SystemImage.LINES_MAX ? img.lineOwner(line) : SystemImage.NO_PARTITION;
        if (owner == SystemImage.NO_PARTITION || img.lineCore(line) != core
                || state[owner] == PartitionState.STOPPED) {
            log.append(now(core), EventKind.UNOWNED_INTERRUPT, owner, core, line, 0);
            return;
        }
        health.interrupt(owner, line, core, now(core));
        if (sched.running(core) == owner) {
            counters[Counter.DELIVERED_INTERRUPTS]++;
            platform.cpu().deliverInterrupt(core, line);
            return;
        }
        if (sched.hold(owner, core, line, now(core))) {
            sched.wake(owner, core);
        }
    }

    /** The monitor timer of {@code core} expired. [impl->dsn~kernel.entries~1] */
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
        sched.timerFired(core);
        sched.timerRecovered(core, now(core));
        health.expire(core, now(core));
        sched.expireTimers(core, now(core));
        sched.reschedule(core);
        return Status.OK;
    }

    /**
     * Every entry ends here: saved contexts that failed their check during this entry's scheduling
     * are reported to the health monitor now, so the failing partition's policy runs at once; and
     * every core's monitor timer is supervised against this core's clock.
     *
     * [impl->dsn~kernel.context-integrity~1]
     * [impl->dsn~kernel.timer-supervision~1]
     */
    private void afterEntry(int core) {
        if (!sealed || core < 0 || core >= img.coreCount()) {
            return;
        }
        if (sched.corruptPending()) {
            health.contextFaults(now(core));
        }
        protectionFaults(core);
        sched.superviseTimers(now(core));
    }

    /**
     * Fault injection for campaigns and tests (no guest reaches it): flips one bit of the saved
     * context of partition p's vCPU on {@code core}, as an upset in the monitor's memory would.
     * @return Status.OK, BAD_STATE (not sealed, no such vCPU, or it runs now), INVALID_PARAM
     *
     * [impl->dsn~kernel.context-integrity~1]
     */
    public int upsetSavedContext(int p, int core, int word, int bit) {
        if (!sealed) {
            return Status.BAD_STATE;
        }
        return sched.upsetContext(p, core, word, bit);
    }

    /**
     * Common entry for traps: @return the running partition, or -1 when there is none.
     *
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

    /** Virtual time of {@code core}, the time stamp of every record. [impl->dsn~kernel.event-log~1] */
    private long now(int core) {
        return platform.timer().now(core);
    }

    // ---- read-only views for reports (mission-safe, no allocation) ----

    /** [impl->dsn~kernel.phases~1] */
    public boolean sealed() { return sealed; }
    /** [impl->dsn~kernel.event-log~1] */
    @SuppressWarnings("index") // justification: read-only view for reports and tests, never called by the kernel; an id outside the table is a caller defect that Java's own bounds check reports
    public long counter(int id) { return counters[id]; }
    /** [impl->dsn~kernel.event-log~1] */
    public EventLog eventLog() { return log; }
    /** [impl->dsn~kernel.sched.critical-first~1] */
    public Scheduler scheduler() { return sched; }
    /** [impl->dsn~kernel.mcall.heartbeat~1] */
    @SuppressWarnings("index") // justification: read-only view for reports and tests, never called by the kernel; an id outside the table is a caller defect that Java's own bounds check reports
    public int partitionState(int p) { return state[p]; }
    /** [impl->dsn~kernel.mcall.heartbeat~1] */
    @SuppressWarnings("index") // justification: read-only view for reports and tests, never called by the kernel; an id outside the table is a caller defect that Java's own bounds check reports
    public long bootTimeNs(int p) { return bootTime[p]; }
    /** [impl->dsn~kernel.mcall.heartbeat~1] */
    @SuppressWarnings("index") // justification: read-only view for reports and tests, never called by the kernel; an id outside the table is a caller defect that Java's own bounds check reports
    public long lastHeartbeatNs(int p) { return lastHeartbeat[p]; }
    /** [impl->dsn~health.restart~1] */
    @SuppressWarnings("index") // justification: read-only view for reports and tests, never called by the kernel; an id outside the table is a caller defect that Java's own bounds check reports
    public int restarts(int p) { return restarts[p]; }
    /** [impl->dsn~health.safe-state~1] */
    public boolean inSafeState() { return health != null && health.inSafeState(); }
}
