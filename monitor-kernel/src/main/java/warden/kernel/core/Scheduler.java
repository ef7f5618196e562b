package warden.kernel.core;

import warden.kernel.api.Counter;
import warden.kernel.api.EventKind;
import warden.kernel.api.SystemImage;
import warden.kernel.port.CpuContext;
import warden.kernel.port.ProtectionUnit;
import warden.kernel.port.Timer;

/**
 * Per-core scheduling of the vCPUs that share a core, and the world switch between them.
 *
 * <p>Each core has an ordered slot list: the partitions that run on it, most critical first
 * (ties: lower partition index first). {@link #reschedule} runs the first READY slot; so a critical
 * partition that becomes ready preempts a less critical one at once, and the less critical one runs
 * only while every more critical one is WAITING. Interrupts and timer expiries for a vCPU that is
 * not running are held in its FIFO and delivered, in arrival order, when it next runs.
 *
 * <p>vCPU id = partition * cores + core. All tables are allocated in the constructor (boot).
 *
 * <p>Saved contexts carry a check value, computed when a context is saved or freshly made and
 * verified before it is restored; a context that fails the check is not restored: its vCPU is
 * taken out of scheduling and reported to the health monitor ({@link #takeCorrupt}).
 *
 * <p>Each method carries the tag of the design item it implements.
 *
 * [impl->dsn~kernel.sched.critical-first~1]
 */
@SuppressWarnings("index") // justification: vCPU ids are p * cores + c with 0 <= p < partitions and 0 <= c < cores, so below partitions * cores, the length of every per-vCPU table; core ids come from kernel entries that checked 0 <= core < img.coreCount() == cores; partition ids come from the slot table, filled at boot with ids < partitions; slot positions stay below slotCount[core] <= PARTITIONS_PER_CORE_MAX; FIFO positions are reduced modulo PENDING_MAX
public final class Scheduler {
    public static final int NONE = 0;
    public static final int READY = 1;
    public static final int WAITING = 2;
    public static final int STOPPED = 3;
    /** Held interrupts per vCPU before the FIFO overflows (a counted, logged loss). */
    public static final int PENDING_MAX = 64;

    private final int cores;
    private final int partitions;
    private final CpuContext cpu;
    private final ProtectionUnit pu;
    private final Timer timer;
    private final long[] counters;
    private final EventLog log;
    private final int ctxWords;
    private final long[] context;
    private final long[] ctxCheck;
    private final boolean[] corrupt;
    private int corruptCount;
    /** The partition whose slot a core's protection unit refused at a world switch, or NO_PARTITION. */
    private int protectionFault = SystemImage.NO_PARTITION;
    private final int[] vState;
    private final long[] vDeadline;
    private final boolean[] vTimerPending;
    private final int[] pendLine;
    private final int[] pendHead;
    private final int[] pendCount;
    private final int[] slots;
    private final int[] slotCount;
    private final int[] running;
    private final long[] monitorDeadline;
    private final long[] kick;
    /** Each core's own earliest deadline as last computed ({@link #UNKNOWN} after its timer fired). */
    private final long[] programmed;
    /** What the kernel last wrote into each core's comparator: its own deadline or a supervision deadline. */
    private final long[] written;
    /** When each core's timer should fire: its programmed deadline, or the time of the write if that was later. */
    private final long[] expected;
    /** When a timer fault of each core was detected, or -1. */
    private final long[] timerFaultAt;
    /** How late a programmed monitor deadline may be, seen from another core, before it is a timer fault. */
    public static final long TIMER_SLACK_NS = 300_000;
    private static final long UNKNOWN = Long.MIN_VALUE;

    /**
     * Boot-time: sizes and fills every table from the image, and prepares each vCPU's initial
     * context at its partition's entry point.
     *
     * [impl->dsn~kernel.boot~1]
     */
    Scheduler(SystemImage img, CpuContext cpu, ProtectionUnit pu, Timer timer, long[] counters, EventLog log) {
        this.cores = img.coreCount();
        this.partitions = img.partitionCount();
        this.cpu = cpu;
        this.pu = pu;
        this.timer = timer;
        this.counters = counters;
        this.log = log;
        int vcpus = cores * partitions;
        ctxWords = cpu.contextWords();
        context = new long[vcpus * ctxWords];
        ctxCheck = new long[vcpus];
        corrupt = new boolean[partitions];
        vState = new int[vcpus];
        vDeadline = new long[vcpus];
        vTimerPending = new boolean[vcpus];
        pendLine = new int[vcpus * PENDING_MAX];
        pendHead = new int[vcpus];
        pendCount = new int[vcpus];
        slots = new int[cores * ImageCheck.PARTITIONS_PER_CORE_MAX];
        slotCount = new int[cores];
        running = new int[cores];
        monitorDeadline = new long[cores];
        kick = new long[cores];
        programmed = new long[cores];
        written = new long[cores];
        expected = new long[cores];
        timerFaultAt = new long[cores];
        for (int c = 0; c < cores; c++) {
            monitorDeadline[c] = Timer.NEVER;
            kick[c] = Timer.NEVER;
            programmed[c] = UNKNOWN;
            written[c] = UNKNOWN;
            timerFaultAt[c] = -1;
            running[c] = SystemImage.NO_PARTITION;
            fillSlots(img, c);
        }
        for (int p = 0; p < partitions; p++) {
            for (int c = 0; c < cores; c++) {
                int v = p * cores + c;
                vDeadline[v] = Timer.NEVER;
                if ((img.coreMask(p) & (1 << c)) != 0) {
                    vState[v] = READY;
                    cpu.initContext(context, v * ctxWords, p, c, img.entry(p));
                    ctxCheck[v] = check(v);
                }
            }
        }
    }

    /** Orders the partitions of core c by criticality, highest first (insertion sort, bounded). [impl->dsn~kernel.sched.critical-first~1] */
    private void fillSlots(SystemImage img, int c) {
        int base = c * ImageCheck.PARTITIONS_PER_CORE_MAX;
        for (int level = warden.kernel.api.Criticality.MAX; level >= 0; level--) {
            for (int p = 0; p < img.partitionCount(); p++) {
                if ((img.coreMask(p) & (1 << c)) != 0 && img.criticality(p) == level
                        && slotCount[c] < ImageCheck.PARTITIONS_PER_CORE_MAX) {
                    slots[base + slotCount[c]] = p;
                    slotCount[c]++;
                }
            }
        }
    }

    /** [impl->dsn~kernel.sched.critical-first~1] */
    public int vcpu(int p, int c) {
        return p * cores + c;
    }

    /** [impl->dsn~kernel.sched.critical-first~1] */
    public int running(int core) {
        return running[core];
    }

    /** [impl->dsn~kernel.mcall.vcpu-power~1] */
    public int state(int p, int c) {
        return vState[vcpu(p, c)];
    }

    /** [impl->dsn~kernel.sched.critical-first~1] */
    public int slotCount(int core) {
        return slotCount[core];
    }

    /** [impl->dsn~kernel.sched.critical-first~1] */
    public int slot(int core, int i) {
        return slots[core * ImageCheck.PARTITIONS_PER_CORE_MAX + i];
    }

    /** [impl->dsn~kernel.sched.hold~1] */
    public int pendingCount(int p, int c) {
        return pendCount[vcpu(p, c)];
    }

    /** The running partition of core c has nothing to do until its next event. [impl->dsn~kernel.sched.critical-first~1] */
    void yield(int core) {
        int p = running[core];
        if (p != SystemImage.NO_PARTITION) {
            vState[vcpu(p, core)] = WAITING;
        }
        reschedule(core);
    }

    /** Makes a WAITING vCPU READY again (an event arrived for it). [impl->dsn~kernel.sched.critical-first~1] */
    void wake(int p, int core) {
        int v = vcpu(p, core);
        if (vState[v] == WAITING) {
            vState[v] = READY;
        }
    }

    /** Holds interrupt {@code line} for p's vCPU on core; false when the FIFO is full. [impl->dsn~kernel.sched.hold~1] */
    boolean hold(int p, int core, int line, long now) {
        int v = vcpu(p, core);
        if (pendCount[v] >= PENDING_MAX) {
            counters[Counter.PENDING_OVERFLOWS]++;
            log.append(now, EventKind.PENDING_OVERFLOW, p, core, line, 0);
            return false;
        }
        pendLine[v * PENDING_MAX + (pendHead[v] + pendCount[v]) % PENDING_MAX] = line;
        pendCount[v]++;
        counters[Counter.HELD_INTERRUPTS]++;
        return true;
    }

    /** Sets p's virtual timer deadline on core and reprograms the core's hardware timer. [impl->dsn~kernel.timer.multiplex~1] */
    void setDeadline(int p, int core, long deadline) {
        vDeadline[vcpu(p, core)] = deadline;
        programTimer(core);
    }

    /** Marks expired virtual timers of core's slots pending and wakes their vCPUs. [impl->dsn~kernel.timer.multiplex~1] */
    void expireTimers(int core, long now) {
        if (kick[core] <= now) {
            kick[core] = Timer.NEVER;
        }
        int n = slotCount[core];
        for (int i = 0; i < n; i++) {
            int v = vcpu(slot(core, i), core);
            if (vDeadline[v] <= now) {
                vDeadline[v] = Timer.NEVER;
                vTimerPending[v] = true;
                counters[Counter.TIMER_EXPIRIES]++;
                wake(slot(core, i), core);
            }
        }
        programTimer(core);
    }

    /** Sets the monitor's own deadline on a core (the health monitor's watchdogs). [impl->dsn~kernel.timer.multiplex~1] */
    void setMonitorDeadline(int core, long deadline) {
        monitorDeadline[core] = deadline;
        programTimer(core);
    }

    /** Programs the core's hardware timer with its earliest deadline. [impl->dsn~kernel.timer.multiplex~1] */
    private void programTimer(int core) {
        long earliest = Math.min(monitorDeadline[core], kick[core]);
        int n = slotCount[core];
        for (int i = 0; i < n; i++) {
            long d = vDeadline[vcpu(slot(core, i), core)];
            if (d < earliest) {
                earliest = d;
            }
        }
        if (earliest != programmed[core]) {
            programmed[core] = earliest;
            expected[core] = Math.max(earliest, timer.now(core)); // a deadline already past fires at once
        }
        write(core);
        if (cores > 1) {
            write((core + 1) % cores); // the next core supervises this one: its watch follows
        }
    }

    /**
     * Writes core's comparator when what it must hold changed: the core's own earliest deadline, or,
     * earlier, the moment the core before it (which it supervises) would be late — so a stopped
     * timer is found one slack after its due time even when no other entry happens.
     *
     * [impl->dsn~kernel.timer-supervision~1]
     */
    private void write(int core) {
        long due = programmed[core] == UNKNOWN ? Timer.NEVER : programmed[core];
        int watched = (core + cores - 1) % cores;
        long w = programmed[watched];
        if (watched != core && w != UNKNOWN && timerFaultAt[watched] < 0) { // w == NEVER: e is NEVER too
            long e = expected[watched]; // a watch within the slack of NEVER would wrap: it is never due
            due = Math.min(due, e < Timer.NEVER - TIMER_SLACK_NS ? e + TIMER_SLACK_NS + 1 : Timer.NEVER);
        }
        if (due != written[core]) {
            written[core] = due;
            timer.setDeadline(core, due);
        }
    }

    /** Core c's monitor timer fired: what its comparator holds is not known any more; the next programming writes it. [impl->dsn~kernel.timer-supervision~1] */
    void timerFired(int core) {
        programmed[core] = UNKNOWN;
        written[core] = UNKNOWN;
    }

    /**
     * Timer supervision, at every kernel entry on any core: a core whose programmed monitor
     * deadline (or, for a deadline already past when it was written, the time of the write) lies
     * more than {@link #TIMER_SLACK_NS} in the past of {@code now} (the entering core's clock) has
     * a timer that did not fire — its comparator lost its value, or the timer
     * stopped. The kernel logs {@code timer-fault} and writes the comparator again (a deadline in
     * the past fires at once). The core's next timer entry marks the recovery ({@link #timerRecovered}).
     *
     * [impl->dsn~kernel.timer-supervision~1]
     */
    void superviseTimers(long now) {
        for (int c = 0; c < cores; c++) {
            long d = programmed[c];
            if (d != UNKNOWN && now - expected[c] > TIMER_SLACK_NS && timerFaultAt[c] < 0) { // d == NEVER: expected is NEVER
                timerFaultAt[c] = now;
                counters[Counter.TIMER_FAULTS]++;
                log.append(now, EventKind.TIMER_FAULT, SystemImage.NO_PARTITION, c, now - expected[c], d);
                written[c] = d;
                timer.setDeadline(c, d);
                if (cores > 1) {
                    write((c + 1) % cores); // its supervisor stops watching until it fires again
                }
            }
        }
    }

    /** Core c's timer fired after a detected timer fault: logs the recovery. [impl->dsn~kernel.timer-supervision~1] */
    void timerRecovered(int core, long now) {
        if (timerFaultAt[core] >= 0) {
            // the detection was made on another core, whose clock may run up to a quantum ahead
            long at = Math.max(now, timerFaultAt[core]);
            log.append(at, EventKind.TIMER_RECOVERED, SystemImage.NO_PARTITION, core, at - timerFaultAt[core], 0);
            timerFaultAt[core] = -1;
        }
    }

    /**
     * Runs the most critical READY vCPU of core c, switching worlds if it is not the one running,
     * then delivers what is held for it.
     *
     * [impl->dsn~kernel.sched.critical-first~1]
     */
    void reschedule(int core) {
        int best = SystemImage.NO_PARTITION;
        int n = slotCount[core];
        for (int i = 0; i < n && best == SystemImage.NO_PARTITION; i++) {
            int p = slot(core, i);
            int v = vcpu(p, core);
            if (vState[v] != READY) {
                continue;
            }
            if (p != running[core] && check(v) != ctxCheck[v]) {
                quarantine(p, core);
            } else {
                best = p;
            }
        }
        int current = running[core];
        if (best != current) {
            switchTo(core, current, best);
        }
        if (best != SystemImage.NO_PARTITION && running[core] == best) {
            drain(best, core);
        }
    }

    /**
     * @return the check value of vCPU v's saved context: each step (xor a word, multiply by an odd
     *     constant, xor-shift) is a bijection, so a change confined to one word always changes it
     *
     * [impl->dsn~kernel.context-integrity~1]
     */
    private long check(int v) {
        long h = 0x6A09E667F3BCC908L;
        int base = v * ctxWords;
        for (int i = 0; i < ctxWords; i++) {
            h = (h ^ context[base + i]) * 0x9E3779B97F4A7C15L;
            h ^= h >>> 29;
        }
        return h;
    }

    /** vCPU (p, core)'s saved context failed its check: it is not restored, and the health monitor is told. [impl->dsn~kernel.context-integrity~1] */
    private void quarantine(int p, int core) {
        vState[vcpu(p, core)] = STOPPED;
        if (!corrupt[p]) {
            corrupt[p] = true;
            corruptCount++;
        }
        counters[Counter.CONTEXT_FAULTS]++;
        log.append(timer.now(core), EventKind.CONTEXT_CORRUPT, p, core, ctxWords, 0);
    }

    /** @return whether some partition has a vCPU whose context failed its check and is not yet reported. [impl->dsn~kernel.context-integrity~1] */
    boolean corruptPending() {
        return corruptCount > 0;
    }

    /** @return whether partition p had a context fail its check since the last call; clears the mark. [impl->dsn~kernel.context-integrity~1] */
    boolean takeCorrupt(int p) {
        if (!corrupt[p]) {
            return false;
        }
        corrupt[p] = false;
        corruptCount--;
        return true;
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
    int upsetContext(int p, int core, int word, int bit) {
        if (p < 0 || p >= partitions || core < 0 || core >= cores || word < 0 || word >= ctxWords
                || bit < 0 || bit > 63) {
            return warden.kernel.api.Status.INVALID_PARAM;
        }
        int v = vcpu(p, core);
        if (vState[v] == NONE || running[core] == p) {
            return warden.kernel.api.Status.BAD_STATE;
        }
        context[v * ctxWords + word] ^= 1L << bit;
        return warden.kernel.api.Status.OK;
    }

    /** [impl->dsn~kernel.world-switch~1] */
    private void switchTo(int core, int from, int to) {
        if (from != SystemImage.NO_PARTITION) {
            cpu.save(core, context, vcpu(from, core) * ctxWords);
            ctxCheck[vcpu(from, core)] = check(vcpu(from, core));
        }
        if (to == SystemImage.NO_PARTITION) {
            detach(core);
            return;
        }
        if (pu.activate(core, to) != warden.kernel.api.Status.OK) {
            refused(core, to);
            return;
        }
        running[core] = to;
        cpu.restore(core, to, context, vcpu(to, core) * ctxWords);
        counters[Counter.WORLD_SWITCHES]++;
    }

    /**
     * The protection unit did not take p's slot on core: p does not run, the core idles with no
     * slot, and the first such partition is kept for {@link #takeProtectionFault}.
     *
     * [impl->dsn~kernel.protection-check~1]
     */
    private void refused(int core, int p) {
        detach(core);
        if (protectionFault == SystemImage.NO_PARTITION) {
            protectionFault = p;
        }
    }

    /** @return the partition whose slot a protection unit refused since the last call (clears it), or NO_PARTITION. [impl->dsn~kernel.protection-check~1] */
    int takeProtectionFault() {
        int p = protectionFault;
        protectionFault = SystemImage.NO_PARTITION;
        return p;
    }

    /** Delivers the held timer and interrupts of p's vCPU on core, in arrival order. [impl->dsn~kernel.sched.hold~1] */
    private void drain(int p, int core) {
        int v = vcpu(p, core);
        if (vTimerPending[v]) {
            vTimerPending[v] = false;
            cpu.deliverTimer(core);
        }
        int n = pendCount[v];
        for (int i = 0; i < n; i++) {
            int line = pendLine[v * PENDING_MAX + pendHead[v]];
            pendHead[v] = (pendHead[v] + 1) % PENDING_MAX;
            pendCount[v]--;
            counters[Counter.DELIVERED_INTERRUPTS]++;
            cpu.deliverInterrupt(core, line);
        }
    }

    /** Stops partition p's vCPU on one core (its own request); the core runs others or idles. [impl->dsn~kernel.mcall.vcpu-power~1] */
    void stopVcpu(int p, int core) {
        int v = vcpu(p, core);
        vState[v] = STOPPED;
        counters[Counter.DISCARDED_INTERRUPTS] += pendCount[v];
        pendCount[v] = 0;
        vTimerPending[v] = false;
        vDeadline[v] = Timer.NEVER;
        if (running[core] == p) {
            detach(core);
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
    void startVcpu(int p, int core, long entry, long now) {
        resetContext(p, core, entry);
        vState[vcpu(p, core)] = READY;
        kick[core] = now;
        programTimer(core);
    }

    /** Takes partition p off every core it runs on, for good; its held events are dropped. [impl->dsn~health.policy~1] */
    void stopPartition(int p) {
        for (int c = 0; c < cores; c++) {
            if (vState[vcpu(p, c)] != NONE) {
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
    void restartPartition(int p, long entry) {
        for (int c = 0; c < cores; c++) {
            int v = vcpu(p, c);
            if (vState[v] == NONE) {
                continue;
            }
            if (running[c] == p) {
                detach(c);
            }
            resetContext(p, c, entry);
            vState[v] = READY;
            programTimer(c);
            reschedule(c);
        }
    }

    /** Leaves core c with no guest, discarding the running guest's live state. [impl->dsn~kernel.world-switch~1] */
    private void detach(int c) {
        running[c] = SystemImage.NO_PARTITION;
        pu.activate(c, ProtectionUnit.NO_SLOT);
        cpu.idle(c);
    }

    /** Resets p's vCPU on core to a fresh context at entry, with nothing held. [impl->dsn~health.restart~1] */
    void resetContext(int p, int core, long entry) {
        int v = vcpu(p, core);
        cpu.initContext(context, v * ctxWords, p, core, entry);
        ctxCheck[v] = check(v);
        counters[Counter.DISCARDED_INTERRUPTS] += pendCount[v];
        pendCount[v] = 0;
        pendHead[v] = 0;
        vTimerPending[v] = false;
        vDeadline[v] = Timer.NEVER;
    }
}
