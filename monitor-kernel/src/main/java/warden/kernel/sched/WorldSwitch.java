package warden.kernel.sched;

import warden.kernel.api.Counter;
import warden.kernel.api.EventKind;
import warden.kernel.api.Status;
import warden.kernel.api.SystemImage;
import warden.kernel.api.VcpuState;
import warden.kernel.log.EventLog;
import warden.kernel.port.CpuContext;
import warden.kernel.port.ProtectionUnit;
import warden.kernel.port.SnapshotStore;
import warden.kernel.port.Timer;

/**
 * The world switch: which partition each core runs, the saved contexts of the vCPUs that do not
 * run, and the check value of each saved context. A context's check value is computed when it is
 * saved or freshly made and verified before it is restored; a context that fails the check is not
 * restored: its vCPU is stopped and the fault posted to {@link FaultReports}. A switch activates
 * the partition's protection slot first; a refused slot leaves the core detached (no guest) and is
 * posted too. All tables are allocated at boot.
 *
 * [impl->dsn~kernel.world-switch~1]
 */
// justification: vCPU ids below partitions * cores, core ids below cores (entries check them)
@SuppressWarnings("index")
public final class WorldSwitch {
    private final Vcpus vcpus;
    private final CpuContext cpu;
    private final ProtectionUnit pu;
    private final Timer timer;
    private final long[] counters;
    private final EventLog log;
    private final FaultReports reports;
    private final int ctxWords;
    private final long[] context;
    private final long[] ctxCheck;
    private final ContextCheck checker;
    private final int[] running;

    /**
     * Boot-time: no core runs a guest yet; the scheduler gives each vCPU its initial context.
     *
     * [impl->dsn~kernel.boot~1]
     */
    WorldSwitch(Vcpus vcpus, CpuContext cpu, ProtectionUnit pu, Timer timer, long[] counters,
            EventLog log, FaultReports reports) {
        this.vcpus = vcpus;
        this.cpu = cpu;
        this.pu = pu;
        this.timer = timer;
        this.counters = counters;
        this.log = log;
        this.reports = reports;
        int cores = vcpus.cores();
        ctxWords = cpu.contextWords();
        context = new long[cores * vcpus.partitions() * ctxWords];
        ctxCheck = new long[cores * vcpus.partitions()];
        checker = new ContextCheck(ctxWords);
        running = new int[cores];
        for (int c = 0; c < cores; c++) {
            running[c] = SystemImage.NO_PARTITION;
        }
    }

    /** [impl->dsn~kernel.sched.critical-first~1] */
    public int running(int core) {
        return running[core];
    }

    /**
     * @return whether vCPU v's saved context may be restored: it runs now (nothing saved), or its
     *     context still has the check value it was saved with
     *
     * [impl->dsn~kernel.context-integrity~1]
     */
    boolean restorable(int p, int core) {
        int v = vcpus.vcpu(p, core);
        return p == running[core] || check(v) == ctxCheck[v];
    }

    /**
     * @return the check value of vCPU v's saved context ({@link ContextCheck}: a change confined to
     *     one word always changes it)
     *
     * [impl->dsn~kernel.context-integrity~1]
     */
    private long check(int v) {
        return checker.of(context, v * ctxWords);
    }

    /**
     * vCPU (p, core)'s saved context failed its check: it is not restored, and the health monitor
     * is told.
     *
     * [impl->dsn~kernel.context-integrity~1]
     */
    void quarantine(int p, int core) {
        vcpus.set(vcpus.vcpu(p, core), VcpuState.STOPPED);
        reports.contextCorrupt(p);
        counters[Counter.CONTEXT_FAULTS]++;
        log.append(timer.now(core), EventKind.CONTEXT_CORRUPT, p, core, ctxWords, 0);
    }

    /**
     * Fault injection (campaigns and tests only; no guest can reach it): flips bit {@code bit} of
     * word {@code word} of the saved context of partition p's vCPU on {@code core}, as an upset in
     * the monitor's memory would.
     *
     * @return Status.OK; Status.BAD_STATE when that vCPU does not exist or runs now (its context
     *     is live in the core, not saved); Status.INVALID_PARAM for a word or bit out of range
     *
     * [impl->dsn~kernel.context-integrity~1]
     */
    public int upsetContext(int p, int core, int word, int bit) {
        if (p < 0 || p >= vcpus.partitions() || core < 0 || core >= vcpus.cores() || word < 0 || word >= ctxWords
                || bit < 0 || bit > 63) {
            return Status.INVALID_PARAM;
        }
        int v = vcpus.vcpu(p, core);
        if (vcpus.stateOf(v) == VcpuState.NONE || running[core] == p) {
            return Status.BAD_STATE;
        }
        context[v * ctxWords + word] ^= 1L << bit;
        return Status.OK;
    }

    /** [impl->dsn~kernel.world-switch~1] */
    void switchTo(int core, int from, int to) {
        if (from != SystemImage.NO_PARTITION) {
            cpu.save(core, context, vcpus.vcpu(from, core) * ctxWords);
            ctxCheck[vcpus.vcpu(from, core)] = check(vcpus.vcpu(from, core));
        }
        if (to == SystemImage.NO_PARTITION) {
            detach(core);
            return;
        }
        if (pu.activate(core, to) != Status.OK) {
            refused(core, to);
            return;
        }
        running[core] = to;
        cpu.restore(core, to, context, vcpus.vcpu(to, core) * ctxWords);
        counters[Counter.WORLD_SWITCHES]++;
    }

    /**
     * The protection unit did not take p's slot on core: p does not run, the core idles with no
     * slot, and the fault is posted for the health monitor.
     *
     * [impl->dsn~kernel.protection-check~1]
     */
    private void refused(int core, int p) {
        detach(core);
        reports.protectionRefused(p);
    }

    /** Leaves core c with no guest, discarding the running guest's live state. [impl->dsn~kernel.world-switch~1] */
    void detach(int c) {
        running[c] = SystemImage.NO_PARTITION;
        pu.activate(c, ProtectionUnit.NO_SLOT);
        cpu.idle(c);
    }

    /** Gives p's vCPU on core a fresh context at entry, with its check value. [impl->dsn~health.restart~1] */
    void fresh(int p, int core, long entry) {
        int v = vcpus.vcpu(p, core);
        cpu.initContext(context, v * ctxWords, p, core, entry);
        ctxCheck[v] = check(v);
    }

    /**
     * Copies the context of p's vCPU on core into {@code dst[offset..]}: the live registers when it
     * runs now, else its saved context. @return false when the saved context fails its check
     *
     * [impl->dsn~kernel.snapshot.take~1]
     */
    boolean copyContext(int p, int core, long[] dst, int offset, SnapshotStore store) {
        if (running[core] == p) {
            store.capture(core, dst, offset);
            return true;
        }
        int v = vcpus.vcpu(p, core);
        System.arraycopy(context, v * ctxWords, dst, offset, ctxWords);
        return check(v) == ctxCheck[v];
    }

    /** Gives p's vCPU on core the context {@code src[offset..]}. [impl->dsn~kernel.snapshot.restore~1] */
    void loadContext(int p, int core, long[] src, int offset) {
        int v = vcpus.vcpu(p, core);
        System.arraycopy(src, offset, context, v * ctxWords, ctxWords);
        ctxCheck[v] = check(v);
    }

    /** @return the words of one saved context. [impl->dsn~kernel.snapshot.take~1] */
    public int contextWords() {
        return ctxWords;
    }
}
