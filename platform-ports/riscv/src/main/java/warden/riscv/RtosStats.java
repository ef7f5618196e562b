package warden.riscv;

import java.util.ArrayList;
import java.util.List;
import warden.emu.Bus;

/**
 * The statistics block a Warden RTOS binary keeps at its ELF symbol {@code warden_rtos_stats}
 * (layout in {@code platform-ports/guests/riscv/src/rtos.h}: little-endian words, times in ticks of
 * its timebase), read from guest memory at the end of a run, as HTIF's {@code tohost} is read. The
 * figures are the binary's own; the end of the run is applied as the rtos model applies it
 * ({@code RtosGuest.finish}): releases due before the end that the RTOS did not take are jobs (all
 * but the last of them misses), and a job still active past its deadline at the end is a miss.
 *
 * @param timebaseHz       the timebase the block's times count
 * @param boots            boots completed (restarts that booted again included)
 * @param bootDoneNs       when the last boot sent its first heartbeat
 * @param ticks            timer ticks handled
 * @param canIrqs          CAN receive interrupts served
 * @param canFrames        frames popped from the CAN receive FIFO
 * @param selftests        self-tests of its constant data run
 * @param selftestFailures of which failed
 * @param tasks            per task, in the binary's table order
 *
 * [impl->dsn~guest.rtos.stats~1]
 */
public record RtosStats(long timebaseHz, long boots, long bootDoneNs, long ticks, long canIrqs, long canFrames,
                        long selftests, long selftestFailures, List<Task> tasks) {
    /** "RTSTATS1" read as a little-endian word. */
    public static final long MAGIC = 0x3153_5441_5453_5452L;
    public static final int VERSION = 1;
    public static final int TASKS_MAX = 8;
    static final int HEADER = 128;
    static final int TASK_BYTES = 96;
    static final int NAME_BYTES = 16;
    /** Bytes of the whole block. */
    public static final int BYTES = HEADER + TASKS_MAX * TASK_BYTES;

    public RtosStats {
        tasks = List.copyOf(tasks);
    }

    /**
     * One task's figures.
     *
     * @param name            its name in the binary's table
     * @param periodNs        its period
     * @param deadlineNs      its relative deadline
     * @param wcetNs          its execution time per job
     * @param jobs            releases (every release is a job)
     * @param misses          deadline misses
     * @param worstResponseNs the longest response (release to completion)
     */
    public record Task(String name, long periodNs, long deadlineNs, long wcetNs, long jobs, long misses,
                       long worstResponseNs) {
    }

    /**
     * @return the block at {@code address} with the end of a run at {@code endNs} applied, or null
     *     when no valid block lies there (wrong magic or version, no timebase, too many tasks, or
     *     the address is not readable memory)
     */
    public static RtosStats read(Bus bus, long address, long endNs) {
        Reader r = new Reader(bus, address);
        long magic = r.word(0);
        long versionAndTasks = r.word(8);
        long hz = r.word(16);
        int n = (int) (versionAndTasks >>> 32);
        if (!r.ok || magic != MAGIC || (int) versionAndTasks != VERSION || n < 0 || n > TASKS_MAX || hz <= 0) {
            return null;
        }
        boolean scheduled = r.word(40) != 0;
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int at = HEADER + i * TASK_BYTES;
            long period = ns(r.word(at + 16), hz);
            long deadline = ns(r.word(at + 24), hz);
            long jobs = r.word(at + 40);
            long misses = r.word(at + 48);
            long nextRelease = ns(r.word(at + 64), hz);
            long release = ns(r.word(at + 72), hz);
            boolean active = r.word(at + 80) != 0;
            long last = endNs - 1;
            if (scheduled && endNs > 0 && period > 0 && nextRelease <= last) {
                long due = (last - nextRelease) / period + 1;
                misses += (active ? 1 : 0) + due - 1;
                jobs += due;
                active = true;
                release = nextRelease + (due - 1) * period;
            }
            if (active && endNs - release > deadline) {
                misses++;
            }
            tasks.add(new Task(r.name(at), period, deadline, ns(r.word(at + 32), hz), jobs, misses,
                    ns(r.word(at + 56), hz)));
        }
        if (!r.ok) {
            return null;
        }
        return new RtosStats(hz, r.word(24), ns(r.word(32), hz), r.word(48), r.word(56), r.word(64), r.word(72),
                r.word(80), tasks);
    }

    /** @return {@code ticks} of a {@code hz} timebase in ns, without overflow for any run length. */
    static long ns(long ticks, long hz) {
        return ticks / hz * 1_000_000_000L + ticks % hz * 1_000_000_000L / hz;
    }

    /** @return deadline misses of all tasks. */
    public long totalMisses() {
        long m = 0;
        for (Task t : tasks) {
            m += t.misses();
        }
        return m;
    }

    /** @return the longest response of any task. */
    public long worstResponseNs() {
        long m = 0;
        for (Task t : tasks) {
            m = Math.max(m, t.worstResponseNs());
        }
        return m;
    }

    /** Reads little-endian words of the block through the bus; {@code ok} falls at the first failed read. */
    private static final class Reader {
        private final Bus bus;
        private final long base;
        boolean ok = true;

        Reader(Bus bus, long base) {
            this.bus = bus;
            this.base = base;
        }

        long word(int offset) {
            if (bus.read(base + offset, 8, 0) != Bus.OK) {
                ok = false;
                return 0;
            }
            return bus.lastValue();
        }

        String name(int at) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < NAME_BYTES; i += 8) {
                long w = word(at + i);
                for (int b = 0; b < 8; b++) {
                    char c = (char) (w >>> (8 * b) & 0xFF);
                    if (c == 0) {
                        return sb.toString();
                    }
                    sb.append(c >= 0x20 && c < 0x7F ? c : '?');
                }
            }
            return sb.toString();
        }
    }
}
