package warden.kernel.sched;

import warden.kernel.api.Counter;
import warden.kernel.api.EventKind;
import warden.kernel.api.SystemImage;
import warden.kernel.log.EventLog;
import warden.kernel.port.Timer;

/**
 * Each core has one hardware timer; this multiplexes onto it the virtual timers of the vCPUs that
 * share the core, the monitor's own deadline (the health monitor's watchdogs and storm masks) and
 * a start kick, and supervises every core's timer from the others: a core whose timer did not
 * fire within {@link #TIMER_SLACK_NS} of its due time is found at the next entry of any core, or
 * by the next core's own comparator, which also watches the core before it.
 *
 * [impl->dsn~kernel.timer.multiplex~1]
 */
// justification: core ids below cores (entries check them), vCPU ids below partitions * cores (Vcpus.vcpu)
@SuppressWarnings("index")
public final class VirtualTimers {
    /** How late a programmed monitor deadline may be, seen from another core, before it is a timer fault. */
    public static final long TIMER_SLACK_NS = 300_000;
    private static final long UNKNOWN = Long.MIN_VALUE;

    private final int cores;
    private final Vcpus vcpus;
    private final HeldInterrupts held;
    private final Timer timer;
    private final long[] counters;
    private final EventLog log;
    private final long[] vDeadline;
    private final long[] monitorDeadline;
    private final long[] kick;
    /** Each core's own earliest deadline as last computed ({@link #UNKNOWN} after its timer fired). */
    private final long[] programmed;
    /** What the kernel last wrote into each comparator: its own deadline or a supervision deadline. */
    private final long[] written;
    /** When each core's timer should fire: its programmed deadline, or the time of the write if later. */
    private final long[] expected;
    /** When a timer fault of each core was detected, or -1. */
    private final long[] timerFaultAt;

    /** Boot-time: every deadline NEVER, nothing written yet. [impl->dsn~kernel.boot~1] */
    VirtualTimers(Vcpus vcpus, HeldInterrupts held, Timer timer, long[] counters, EventLog log) {
        this.cores = vcpus.cores();
        this.vcpus = vcpus;
        this.held = held;
        this.timer = timer;
        this.counters = counters;
        this.log = log;
        vDeadline = new long[cores * vcpus.partitions()];
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
        }
        for (int p = 0; p < vcpus.partitions(); p++) {
            for (int c = 0; c < cores; c++) {
                vDeadline[vcpus.vcpu(p, c)] = Timer.NEVER;
            }
        }
    }

    /**
     * Sets p's virtual timer deadline on core and reprograms the core's hardware timer.
     *
     * [impl->dsn~kernel.timer.multiplex~1]
     */
    public void setDeadline(int p, int core, long deadline) {
        vDeadline[vcpus.vcpu(p, core)] = deadline;
        program(core);
    }

    /** vCPU v's virtual timer is cancelled (it stops or gets a fresh context). [impl->dsn~kernel.timer.multiplex~1] */
    void cancel(int v) {
        vDeadline[v] = Timer.NEVER;
    }

    /**
     * Marks expired virtual timers of core's slots pending and wakes their vCPUs.
     *
     * [impl->dsn~kernel.timer.multiplex~1]
     */
    public void expire(int core, long now) {
        if (kick[core] <= now) {
            kick[core] = Timer.NEVER;
        }
        int n = vcpus.slotCount(core);
        for (int i = 0; i < n; i++) {
            int v = vcpus.vcpu(vcpus.slot(core, i), core);
            if (vDeadline[v] <= now) {
                vDeadline[v] = Timer.NEVER;
                held.holdTimer(v);
                counters[Counter.TIMER_EXPIRIES]++;
                vcpus.wake(vcpus.slot(core, i), core);
            }
        }
        program(core);
    }

    /**
     * Sets the monitor's own deadline on a core (the health monitor's watchdogs).
     *
     * [impl->dsn~kernel.timer.multiplex~1]
     */
    public void setMonitorDeadline(int core, long deadline) {
        monitorDeadline[core] = deadline;
        program(core);
    }

    /**
     * A started vCPU's core reschedules at {@code now}: an inter-processor kick through the timer,
     * the way a monitor without an IPI path does it.
     *
     * [impl->dsn~kernel.mcall.vcpu-power~1]
     */
    void kick(int core, long now) {
        kick[core] = now;
        program(core);
    }

    /**
     * Programs the core's hardware timer with its earliest deadline.
     *
     * [impl->dsn~kernel.timer.multiplex~1]
     */
    void program(int core) {
        long earliest = Math.min(monitorDeadline[core], kick[core]);
        int n = vcpus.slotCount(core);
        for (int i = 0; i < n; i++) {
            long d = vDeadline[vcpus.vcpu(vcpus.slot(core, i), core)];
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

    /**
     * Core c's monitor timer fired: what its comparator holds is not known any more; the next
     * programming writes it.
     *
     * [impl->dsn~kernel.timer-supervision~1]
     */
    public void fired(int core) {
        programmed[core] = UNKNOWN;
        written[core] = UNKNOWN;
    }

    /**
     * Timer supervision, at every kernel entry on any core: a core whose programmed monitor
     * deadline (or, for a deadline already past when it was written, the time of the write) lies
     * more than {@link #TIMER_SLACK_NS} in the past of {@code now} (the entering core's clock) has
     * a timer that did not fire — its comparator lost its value, or the timer
     * stopped. The kernel logs {@code timer-fault} and writes the comparator again (a deadline in
     * the past fires at once). The core's next timer entry marks the recovery ({@link #recovered}).
     *
     * [impl->dsn~kernel.timer-supervision~1]
     */
    public void supervise(long now) {
        for (int c = 0; c < cores; c++) {
            long d = programmed[c];
            if (d != UNKNOWN && now - expected[c] > TIMER_SLACK_NS && timerFaultAt[c] < 0) { // NEVER: expected too
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

    /**
     * Core c's timer fired after a detected timer fault: logs the recovery.
     *
     * [impl->dsn~kernel.timer-supervision~1]
     */
    public void recovered(int core, long now) {
        if (timerFaultAt[core] >= 0) {
            // the detection was made on another core, whose clock may run up to a quantum ahead
            long at = Math.max(now, timerFaultAt[core]);
            log.append(at, EventKind.TIMER_RECOVERED, SystemImage.NO_PARTITION, core, at - timerFaultAt[core], 0);
            timerFaultAt[core] = -1;
        }
    }
}
