package warden.emu.guest;

import warden.emu.Executor;
import warden.emu.GuestCpu;
import warden.kernel.api.MonitorCall;

/**
 * A safety RTOS model: boots, then runs periodic tasks under fixed-priority rate-monotonic
 * scheduling (shorter period first), released on its timer tick; feeds its watchdog with a
 * heartbeat each tick; handles one device interrupt with a short handler; records each task's
 * response times and deadline misses. It yields the core whenever it has nothing to run.
 * Its release times are fixed from its first boot on: every release that falls due is a job,
 * also while the RTOS is hung, crashed or restarting (a job it never ran is a miss).
 * Given channels ({@link #setChannels}), it publishes a sensor frame on each channel where it is the
 * sender whenever a job of its control task (the shortest period) completes, and consumes the
 * frames of each channel where it is the receiver at every tick and on the channel's doorbell.
 * Given a CAN controller ({@link #setCanDriver}), its interrupt handler is that controller's driver:
 * programmed at every boot, the received frames popped at every interrupt ({@link CanDriver}).
 *
 * [impl->dsn~emu.guest.rtos~2]
 * [impl->dsn~emu.guest.channels~2]
 */
public final class RtosGuest implements Executor, warden.emu.Restartable, warden.emu.Faultable,
        warden.emu.ChannelFaultable, warden.emu.Snapshottable {
    /** Failure code the RTOS reports to the monitor when one of its tasks overran its deadline. */
    public static final long FAILURE_DEADLINE_OVERRUN = 1;
    /** Failure code the RTOS reports when the self-test of its checked data block fails. */
    public static final long FAILURE_DATA_CORRUPTION = 2;
    /** Words of the checked data block below the console buffer, verified every tick. */
    private static final int CHECKED_WORDS = 8;

    private final String name;
    private final long bootNs;
    private final long tickNs;
    private final long[] period;
    private final long[] wcet;
    private final long[] deadline;
    private final String[] taskName;
    private final int isrLine;
    private final long isrWorkNs;
    private final long buffer;
    private final long[] nextRelease;
    private final long[] release;
    private final long[] remaining;
    private final boolean[] active;
    private final long[] maxResponse;
    private final long[] jobs;
    private final long[] misses;
    private long bootLeft;
    private boolean booted;
    private boolean tickDue;
    private long nextTick;
    private int isrQueued;
    private long isrLeft;
    private long isrHandled;
    private long faults;
    /** A deadline overrun waits to be reported to the monitor's health monitoring. */
    private boolean overrun;
    private final FaultState faults0 = new FaultState();
    private long tagAddress = -1;
    private long tagWild;
    private boolean inflateNext;
    /** Whether the release times are fixed (from the first tick after the first boot). */
    private boolean scheduled;
    private GuestChannels channels = new GuestChannels(new int[0]);
    private final int controlTask;
    private boolean rxPending;
    private long samples;
    private CanDriver can;
    /** The kept copy for a restore point: booted, boot time left; whether one is kept. */
    private boolean keptBooted;
    private long keptBootLeft;
    private boolean kept;
    /** Restored as booted: re-arm the tick at the next run. */
    private boolean resumed;

    public RtosGuest(String name, long bootNs, long tickNs, String[] taskName, long[] period, long[] wcet,
                     long[] deadline, int isrLine, long isrWorkNs, long buffer) {
        this.name = name;
        this.bootNs = bootNs;
        this.tickNs = tickNs;
        this.taskName = taskName.clone();
        this.period = period.clone();
        this.wcet = wcet.clone();
        this.deadline = deadline.clone();
        this.isrLine = isrLine;
        this.isrWorkNs = isrWorkNs;
        this.buffer = buffer;
        int n = period.length;
        nextRelease = new long[n];
        release = new long[n];
        remaining = new long[n];
        active = new boolean[n];
        maxResponse = new long[n];
        jobs = new long[n];
        misses = new long[n];
        bootLeft = bootNs;
        int c = 0;
        for (int i = 1; i < n; i++) {
            c = period[i] < period[c] ? i : c;
        }
        controlTask = c;
    }

    /** The driver of the CAN controller its interrupt handler serves; none by default. Call before it runs. */
    public void setCanDriver(CanDriver driver) {
        can = driver;
    }

    /** @return the CAN driver given, or null. */
    public CanDriver canDriver() {
        return can;
    }

    /**
     * Reads an {@link ImageTag} at {@code imageAddress} (its loaded image) at every boot, and makes a
     * tagged image's wild jump to {@code wildAddress}; no tag is read by default.
     * [impl->dsn~emu.guest.image-tag~1]
     */
    public void setImageTag(long imageAddress, long wildAddress) {
        tagAddress = imageAddress;
        tagWild = wildAddress;
    }

    /** The channels this RTOS uses (ids the kernel knows); none by default. Call before it runs. */
    public void setChannels(int[] ids) {
        channels = new GuestChannels(ids);
    }

    @Override
    public String kind() {
        return "rtos";
    }

    @Override
    public int run(GuestCpu cpu) {
        for (long budget = cpu.budget(); budget > 0; budget = cpu.budget()) {
            if (faults0.step(cpu, budget)) {
                continue;
            }
            if (resumed) {
                resumed = false;
                rearm(cpu);
            } else if (isrLeft > 0 || isrQueued > 0) {
                runIsr(cpu, budget);
            } else if (!booted) {
                runBoot(cpu, budget);
            } else if (overrun) {
                overrun = false;
                cpu.call(MonitorCall.REPORT_FAILURE, FAILURE_DEADLINE_OVERRUN, 0);
            } else if (rxPending) {
                rxPending = false;
                channels.consume(cpu);
            } else if (tickDue) {
                tick(cpu);
            } else {
                int t = highestReady();
                if (t < 0) {
                    cpu.call(MonitorCall.YIELD, 0, 0);
                } else {
                    runTask(cpu, t, budget);
                }
            }
        }
        return cpu.attached() ? EXIT_BUDGET : EXIT_DETACHED;
    }

    private void runIsr(GuestCpu cpu, long budget) {
        if (isrLeft == 0) {
            isrQueued--;
            if (can != null) {
                can.service(cpu);
            }
            isrLeft = isrWorkNs;
        }
        long step = Math.min(isrLeft, budget);
        cpu.advance(step);
        isrLeft -= step;
        if (isrLeft == 0) {
            isrHandled++;
        }
    }

    private void runBoot(GuestCpu cpu, long budget) {
        if (bootLeft == bootNs && tagAddress >= 0 && tagged(cpu, true)) {
            return;
        }
        long step = Math.min(bootLeft, budget);
        cpu.advance(step);
        bootLeft -= step;
        if (bootLeft > 0) {
            return;
        }
        booted = true;
        writeCheckedData(cpu);
        GuestIo.print(cpu, buffer, name + ": booted, " + period.length + " tasks");
        channels.open(cpu);
        if (can != null) {
            can.init(cpu); // its devices are set up before it says it has booted (a boot snapshot keeps them)
        }
        cpu.call(MonitorCall.HEARTBEAT, 0, 0);
        if (tagAddress >= 0 && tagged(cpu, false)) {
            return;
        }
        long now = cpu.now();
        nextTick = ((now / tickNs) + 1) * tickNs;
        if (!scheduled) {
            scheduled = true;
            for (int i = 0; i < period.length; i++) {
                nextRelease[i] = nextTick;
            }
        } else {
            releaseDue(now); // the releases that fell due while it was down and rebooting
        }
        cpu.call(MonitorCall.SET_TIMER, nextTick, 0);
    }

    /** @return whether the loaded image's tag made this boot misbehave. [impl->dsn~emu.guest.image-tag~1] */
    private boolean tagged(GuestCpu cpu, boolean beforeBoot) {
        int model = ImageTag.read(cpu, tagAddress, beforeBoot);
        return model != ImageTag.NONE && faults0.inject(model, tagWild);
    }

    /** Timer tick: release due jobs, feed the watchdog, re-arm the timer. */
    private void tick(GuestCpu cpu) {
        tickDue = false;
        long now = cpu.now();
        releaseDue(now);
        if (!checkedDataIntact(cpu)) {
            cpu.call(MonitorCall.REPORT_FAILURE, FAILURE_DATA_CORRUPTION, 0);
            return;
        }
        cpu.call(MonitorCall.HEARTBEAT, 0, 0);
        channels.consume(cpu);
        while (nextTick <= now) {
            nextTick += tickNs;
        }
        cpu.call(MonitorCall.SET_TIMER, nextTick, 0);
    }

    /**
     * Releases every job of every task due at or before {@code now}. A job still active at its
     * task's next release is a miss (it is abandoned); of several releases due at once (the RTOS
     * was down, or its tick late) all but the last are superseded before they could run: each is a
     * job and a miss. The last one becomes the task's active job.
     */
    private void releaseDue(long now) {
        for (int i = 0; i < period.length; i++) {
            if (nextRelease[i] > now) {
                continue;
            }
            long due = (now - nextRelease[i]) / period[i] + 1;
            if (active[i]) {
                misses[i]++; // the previous job is still running at its next release
                overrun = true;
            }
            jobs[i] += due;
            misses[i] += due - 1;
            active[i] = true;
            release[i] = nextRelease[i] + (due - 1) * period[i];
            remaining[i] = wcet[i];
            if (inflateNext && i == longestTask()) {
                inflateNext = false;
                remaining[i] = period[i] + wcet[i]; // overruns past its next release
            }
            nextRelease[i] = release[i] + period[i];
        }
    }

    private int highestReady() {
        int best = -1;
        for (int i = 0; i < period.length; i++) {
            if (active[i] && (best < 0 || period[i] < period[best])) {
                best = i;
            }
        }
        return best;
    }

    private void runTask(GuestCpu cpu, int t, long budget) {
        long step = Math.min(remaining[t], budget);
        cpu.advance(step);
        remaining[t] -= step;
        if (remaining[t] == 0) {
            active[t] = false;
            long response = cpu.now() - release[t];
            maxResponse[t] = Math.max(maxResponse[t], response);
            if (response > deadline[t]) {
                misses[t]++;
                overrun = true;
            }
            if (t == controlTask) {
                channels.publish(cpu, samples++, release[t]);
            }
        }
    }

    @Override
    public void onInterrupt(int line, long nowNs) {
        if (line == isrLine) {
            isrQueued++;
        }
        if (booted && channels.doorbell(line)) {
            rxPending = true;
        }
    }

    private int longestTask() {
        int best = 0;
        for (int i = 1; i < wcet.length; i++) {
            if (wcet[i] > wcet[best]) {
                best = i;
            }
        }
        return best;
    }

    private long checkedBase() {
        return buffer - 8L * CHECKED_WORDS;
    }

    /** The RTOS's own software safety mechanism: a data block with a known pattern. */
    private void writeCheckedData(GuestCpu cpu) {
        for (int i = 0; i < CHECKED_WORDS; i++) {
            cpu.store(checkedBase() + 8L * i, 8, pattern(i));
        }
    }

    private static long pattern(int i) {
        return 0x5A5A_0000_0000_0000L | (i * 0x0101_0101L);
    }

    private boolean checkedDataIntact(GuestCpu cpu) {
        for (int i = 0; i < CHECKED_WORDS; i++) {
            if (cpu.load(checkedBase() + 8L * i, 8) != GuestCpu.OK || cpu.lastValue() != pattern(i)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean inject(int model, long address, long nowNs) {
        if (model == warden.emu.FaultModel.DEADLINE_OVERRUN) {
            inflateNext = true;
            return true;
        }
        if (model == warden.emu.FaultModel.MEMORY_CORRUPTION) {
            faults0.corrupt(address);
            return true;
        }
        return faults0.inject(model, address);
    }

    /**
     * Starts again from boot; jobs in flight are abandoned: each is a miss (it never completes).
     * The release times stay those of the first boot.
     */
    @Override
    public void restart(long nowNs) {
        abandonJobs();
        bootLeft = bootNs;
        booted = false;
        resumed = false;
        tickDue = false;
        isrQueued = 0;
        isrLeft = 0;
        overrun = false;
        rxPending = false;
        faults0.reset();
        inflateNext = false;
    }

    /** Jobs in flight are abandoned: each is a miss (it never completes). */
    private void abandonJobs() {
        for (int i = 0; i < period.length; i++) {
            if (active[i]) {
                misses[i]++;
            }
            active[i] = false;
            remaining[i] = 0;
        }
    }

    /** Keeps whether it has booted and the boot time left. [impl->dsn~emu.kept-state~1] */
    @Override
    public long keep() {
        keptBooted = booted;
        keptBootLeft = bootLeft;
        kept = true;
        return keptCheck();
    }

    /** [impl->dsn~emu.kept-state~1] */
    @Override
    public long keptCheck() {
        return kept ? (keptBootLeft * 0x9E37_79B9_7F4A_7C15L) ^ (keptBooted ? 1 : 2) : -1;
    }

    /**
     * Resumes from the kept copy: jobs in flight are abandoned (misses), pending work and faults are
     * forgotten, and a booted RTOS re-arms its tick at its next run (the monitor restores no timer).
     * The release times stay those of the first boot. [impl->dsn~emu.kept-state~1]
     */
    @Override
    public boolean reinstate(long nowNs) {
        if (!kept) {
            return false;
        }
        restart(nowNs);
        booted = keptBooted;
        bootLeft = keptBootLeft;
        resumed = booted;
        return true;
    }

    /** The tick after a restore: release what fell due, set the timer. */
    private void rearm(GuestCpu cpu) {
        long now = cpu.now();
        nextTick = ((now / tickNs) + 1) * tickNs;
        releaseDue(now);
        cpu.call(MonitorCall.SET_TIMER, nextTick, 0);
    }

    @Override
    public void onTimer(long nowNs) {
        if (booted) {
            tickDue = true;
        }
    }

    @Override
    public void onFault(int cause, long address, long nowNs) {
        faults++;
    }

    public int taskCount() { return period.length; }
    public String taskName(int i) { return taskName[i]; }
    public long maxResponseNs(int i) { return maxResponse[i]; }
    public long jobs(int i) { return jobs[i]; }
    public long misses(int i) { return misses[i]; }
    public long isrHandled() { return isrHandled; }
    public long faults() { return faults; }
    public boolean booted() { return booted; }
    /** @return how many channels it was given. */
    public int channelCount() { return channels.count(); }
    /** @return the counts of the i-th channel given, null until it is open (or if the kernel refused it). */
    public warden.emu.channel.ChannelStats channelStats(int i) { return channels.stats(i); }

    @Override
    public boolean injectChannel(int model, int channel, long nowNs) {
        return channels.inject(model, channel, nowNs);
    }

    @Override
    public warden.emu.channel.ChannelStats channelEndStats(int channel) {
        warden.emu.channel.ChannelEnd e = channels.end(channel);
        return e == null ? null : e.stats();
    }

    @Override
    public void bypassChecks() {
        channels.bypassChecks();
    }

    /**
     * Ends the run at {@code endNs}: every release due before it that the RTOS did not take (it
     * was down, or its tick had not come yet) is a job; jobs still unfinished whose deadline has
     * passed are misses.
     */
    public void finish(long endNs) {
        if (scheduled && endNs > 0) {
            releaseDue(endNs - 1);
        }
        for (int i = 0; i < period.length; i++) {
            if (active[i] && endNs - release[i] > deadline[i]) {
                misses[i]++;
                active[i] = false;
            }
        }
    }

    public long totalMisses() {
        long m = 0;
        for (long x : misses) {
            m += x;
        }
        return m;
    }

    public long worstResponseNs() {
        long m = 0;
        for (long x : maxResponse) {
            m = Math.max(m, x);
        }
        return m;
    }
}
