package warden.kernel.sched;

import warden.kernel.api.Counter;
import warden.kernel.api.EventKind;
import warden.kernel.log.EventLog;
import warden.kernel.port.CpuContext;

/**
 * What waits for a vCPU that is not running: a FIFO of held interrupt lines per vCPU and a
 * pending virtual-timer mark, delivered in arrival order when the vCPU next runs. A full FIFO
 * refuses the line (a counted, logged loss). All tables are allocated at boot.
 *
 * [impl->dsn~kernel.sched.hold~1]
 */
// justification: vCPU ids are below partitions * cores (Vcpus.vcpu); FIFO positions are reduced modulo PENDING_MAX
@SuppressWarnings("index")
public final class HeldInterrupts {
    /** Held interrupts per vCPU before the FIFO overflows (a counted, logged loss). */
    public static final int PENDING_MAX = 64;

    private final Vcpus vcpus;
    private final CpuContext cpu;
    private final long[] counters;
    private final EventLog log;
    private final int[] pendLine;
    private final int[] pendHead;
    private final int[] pendCount;
    private final boolean[] timerPending;

    /** Boot-time: every FIFO empty. [impl->dsn~kernel.boot~1] */
    HeldInterrupts(Vcpus vcpus, CpuContext cpu, long[] counters, EventLog log) {
        this.vcpus = vcpus;
        this.cpu = cpu;
        this.counters = counters;
        this.log = log;
        int n = vcpus.cores() * vcpus.partitions();
        pendLine = new int[n * PENDING_MAX];
        pendHead = new int[n];
        pendCount = new int[n];
        timerPending = new boolean[n];
    }

    /** [impl->dsn~kernel.sched.hold~1] */
    public int pendingCount(int p, int c) {
        return pendCount[vcpus.vcpu(p, c)];
    }

    /**
     * Holds interrupt {@code line} for p's vCPU on core; false when the FIFO is full.
     *
     * [impl->dsn~kernel.sched.hold~1]
     */
    public boolean hold(int p, int core, int line, long now) {
        int v = vcpus.vcpu(p, core);
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

    /** vCPU v's virtual timer expired: its expiry waits for the vCPU to run. [impl->dsn~kernel.timer.multiplex~1] */
    void holdTimer(int v) {
        timerPending[v] = true;
    }

    /**
     * Delivers the held timer and interrupts of p's vCPU on core, in arrival order.
     *
     * [impl->dsn~kernel.sched.hold~1]
     */
    void drain(int p, int core) {
        int v = vcpus.vcpu(p, core);
        if (timerPending[v]) {
            timerPending[v] = false;
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

    /** vCPU v stops: what it held is dropped and counted. [impl->dsn~kernel.mcall.vcpu-power~1] */
    void discard(int v) {
        counters[Counter.DISCARDED_INTERRUPTS] += pendCount[v];
        pendCount[v] = 0;
        timerPending[v] = false;
    }

    /** vCPU v gets a fresh context: nothing is held, its FIFO starts over. [impl->dsn~health.restart~1] */
    void reset(int v) {
        counters[Counter.DISCARDED_INTERRUPTS] += pendCount[v];
        pendCount[v] = 0;
        pendHead[v] = 0;
        timerPending[v] = false;
    }
}
