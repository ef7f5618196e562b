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
 * @param channels         per channel end it opened
 *
 * [impl->dsn~guest.rtos.stats~1]
 */
public record RtosStats(long timebaseHz, long boots, long bootDoneNs, long ticks, long canIrqs, long canFrames,
                        long selftests, long selftestFailures, List<Task> tasks, List<Channel> channels) {
    /** "RTSTATS1" read as a little-endian word. */
    public static final long MAGIC = 0x3153_5441_5453_5452L;
    public static final int VERSION = 1;
    public static final int TASKS_MAX = 8;
    public static final int CHANNELS_MAX = 4;
    /** Verdicts counted per receiving end (warden.emu.channel.Verdict.COUNT). */
    public static final int VERDICTS = 9;
    static final int HEADER = 128;
    static final int TASK_BYTES = 96;
    static final int CHANNEL_BYTES = 320;
    static final int CHANNELS_AT = HEADER + TASKS_MAX * TASK_BYTES;
    static final int NAME_BYTES = 16;
    /** Bytes of the whole block. */
    public static final int BYTES = CHANNELS_AT + CHANNELS_MAX * CHANNEL_BYTES;

    public RtosStats {
        tasks = List.copyOf(tasks);
        channels = List.copyOf(channels);
    }

    /**
     * One channel end's counts, as warden.emu.channel.ChannelStats keeps a model's.
     *
     * @param id             the channel
     * @param sender         whether this end sends
     * @param sent           frames protected and handed to the ring
     * @param received       frames read from the ring
     * @param drops          frames dropped (full ring, drop policy)
     * @param overwrites     frames written over the oldest (overwrite policy)
     * @param highWater      the most frames the ring held, as this end saw it
     * @param failures       entries of the receiver's state machine into INVALID
     * @param worstLatencyNs the oldest accepted frame's age
     * @param verdicts       receptions per verdict (Verdict order)
     */
    public record Channel(int id, boolean sender, long sent, long received, long drops, long overwrites,
                          long highWater, long failures, long worstLatencyNs, List<Long> verdicts) {
        public Channel {
            verdicts = List.copyOf(verdicts);
        }
    }

    /** @return this RTOS's end of {@code channel}, or null when it has none. */
    public Channel channel(int channel) {
        for (Channel c : channels) {
            if (c.id() == channel) {
                return c;
            }
        }
        return null;
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
        long ends = r.word(88);
        if (!r.ok || magic != MAGIC || (int) versionAndTasks != VERSION || n < 0 || n > TASKS_MAX || hz <= 0
                || ends < 0 || ends > CHANNELS_MAX) {
            return null;
        }
        boolean scheduled = r.word(40) != 0;
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            tasks.add(task(r, HEADER + i * TASK_BYTES, hz, scheduled, endNs));
        }
        List<Channel> channels = new ArrayList<>();
        for (int i = 0; i < ends; i++) {
            channels.add(channel(r, CHANNELS_AT + i * CHANNEL_BYTES));
        }
        if (!r.ok) {
            return null;
        }
        return new RtosStats(hz, r.word(24), ns(r.word(32), hz), r.word(48), r.word(56), r.word(64), r.word(72),
                r.word(80), tasks, channels);
    }

    /** @return the task at {@code at} with the end of the run at {@code endNs} applied (the model's finish). */
    private static Task task(Reader r, int at, long hz, boolean scheduled, long endNs) {
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
        return new Task(r.name(at), period, deadline, ns(r.word(at + 32), hz), jobs, misses, ns(r.word(at + 56), hz));
    }

    /** @return the channel end at {@code at} (the words of rtos.h's struct rtos_channel). */
    private static Channel channel(Reader r, int at) {
        List<Long> verdicts = new ArrayList<>();
        for (int v = 0; v < VERDICTS; v++) {
            verdicts.add(r.word(at + 8 * (30 + v)));
        }
        return new Channel((int) r.word(at), r.word(at + 8) == 1, r.word(at + 8 * 21), r.word(at + 8 * 22),
                r.word(at + 8 * 23), r.word(at + 8 * 24), r.word(at + 8 * 25), r.word(at + 8 * 27),
                r.word(at + 8 * 29), verdicts);
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
