package warden.launcher.run;

import java.util.ArrayList;
import java.util.List;
import warden.emu.ConsoleLog;
import warden.emu.DeviceSpec;
import warden.emu.Executor;
import warden.emu.IrqStats;
import warden.emu.PlatformDescription;
import warden.emu.guest.ProbeGuest;
import warden.emu.guest.RichOsGuest;
import warden.emu.guest.RtosGuest;
import warden.kernel.api.Access;
import warden.kernel.api.ChannelStat;
import warden.kernel.api.Counter;
import warden.kernel.api.Criticality;
import warden.kernel.api.DeviceAcl;
import warden.kernel.api.EventKind;
import warden.kernel.api.RestorePoint;
import warden.kernel.api.Monitor;
import warden.kernel.api.PartitionState;
import warden.kernel.api.SystemImage;
import warden.kernel.api.EventRecords;
import warden.launcher.config.PartitionSpec;
import warden.launcher.config.ProbeAccess;
import warden.launcher.config.ProbeSpec;
import warden.launcher.config.SystemDescription;
import warden.launcher.run.RunResult.Check;
import warden.riscv.RtosStats;

/** Reads the kernel, the guests and the emulator after a run into a {@link RunResult}. */
final class ResultCollector {
    private final SystemDescription d;
    private final PlatformDescription platform;
    private final SystemImage image;
    private final Monitor monitor;
    private final Executor[] executors;
    private final IrqStats irq;
    private final ConsoleLog console;
    private final int cores;

    private java.util.List<warden.emu.TargetMetrics.Metric> metrics = java.util.List.of();
    private warden.emu.Stimulus.LineInput controller;
    private warden.emu.dev.nic.NicBoard nics;
    private warden.emu.dev.can.CanBoard cans;
    /** The end of the run (an RTOS binary's statistics are read as of it). */
    private long endNs;

    /** Adds the board's own figures, when it has any. */
    ResultCollector withMetrics(Object board) {
        if (board instanceof warden.emu.TargetMetrics t) {
            metrics = java.util.List.copyOf(t.metrics());
        }
        if (board instanceof warden.emu.Board b) {
            controller = b.lineInput();
            nics = b.nic();
            cans = b.can();
        }
        return this;
    }

    ResultCollector(SystemDescription d, PlatformDescription platform, SystemImage image, Monitor monitor,
                    Executor[] executors, IrqStats irq, ConsoleLog console) {
        this.d = d;
        this.platform = platform;
        this.image = image;
        this.monitor = monitor;
        this.executors = executors;
        this.irq = irq;
        this.console = console;
        this.cores = platform.cores();
    }

    RunResult collect(long durationNs, long seed, long steps) {
        endNs = durationNs;
        List<RunResult.PartitionResult> parts = partitions(durationNs);
        List<RunResult.LineResult> lines = lines();
        List<RunResult.ProbeResult> probes = probes();
        List<RunResult.Violation> violations = violations();
        List<RunResult.MonitorEvent> events = events();
        List<RunResult.ConsoleLine> out = new ArrayList<>();
        for (ConsoleLog.Line l : console.lines()) {
            out.add(new RunResult.ConsoleLine(l.timeNs(), l.partition(), l.text()));
        }
        List<RunResult.CounterValue> counters = new ArrayList<>();
        for (int i = 0; i < Counter.COUNT; i++) {
            counters.add(new RunResult.CounterValue(Counter.name(i), monitor.counter(i)));
        }
        logDrops(counters);
        linuxCounters(counters);
        List<RunResult.HostileResult> hostile = HostileResults.collect(d, executors, cores);
        List<Check> checks = checks(parts, lines, probes);
        if (!hostile.isEmpty()) {
            checks.add(HostileResults.check(hostile));
        }
        return new RunResult(d.source(), platform.target(), platform.board(), seed, durationNs, parts, lines, probes,
                violations, events, monitor.inSafeState(), metrics, out, counters, checks, steps, hostile, channels(),
                nics(), cans());
    }

    /** Every CAN controller's counters. [impl->dsn~run.can-report~1] */
    private List<RunResult.CanResult> cans() {
        List<RunResult.CanResult> out = new ArrayList<>();
        for (int i = 0; cans != null && i < cans.count(); i++) {
            warden.emu.dev.can.CanController c = cans.controller(i);
            warden.emu.dev.can.CanBus bus = cans.bus(i);
            int owner = warden.emu.BoardDevices.ownerOf(image, platform.device(cans.name(i)));
            out.add(new RunResult.CanResult(cans.name(i), owner < 0 ? null : image.name(owner), bus.frames(),
                    bus.errorFrames(), c.receivedFrames(), c.filteredOut(), c.lostFrames(), c.sentFrames(), c.tec(),
                    c.rec(), c.busOff()));
        }
        return out;
    }

    /** Every NIC's counters and its owner's driver's. [impl->dsn~run.nic-report~1] */
    private List<RunResult.NicResult> nics() {
        List<RunResult.NicResult> out = new ArrayList<>();
        for (int m = 0; nics != null && m < nics.masters(); m++) {
            warden.emu.dev.nic.NicController c = nics.controller(m);
            int owner = nics.owner(m);
            out.add(new RunResult.NicResult(nics.name(m), owner < 0 ? null : image.name(owner), c.offered(),
                    c.stored(), c.dropped(), c.denied(), c.sent(), driverFrames(owner)));
        }
        return out;
    }

    /** @return frames the NIC drivers of {@code owner}'s rich-OS vCPUs took, 0 without one. */
    private long driverFrames(int owner) {
        long sum = 0;
        for (int c = 0; owner >= 0 && c < cores; c++) {
            if (executors[owner * cores + c] instanceof warden.emu.guest.RichOsGuest g && g.nicDriver() != null) {
                sum += g.nicDriver().frames();
            }
        }
        return sum;
    }

    /** The kernel's statistics of every channel. [impl->dsn~channel.statistics~1] */
    private List<RunResult.ChannelResult> channels() {
        List<RunResult.ChannelResult> out = new ArrayList<>();
        for (int c = 0; c < image.channelTotal(); c++) {
            out.add(new RunResult.ChannelResult(c, image.channelName(c), image.name(image.channelSender(c)),
                    image.name(image.channelReceiver(c)), image.channelCrc(c),
                    monitor.channelStat(c, ChannelStat.SENDS),
                    monitor.channelStat(c, ChannelStat.RECEIVES), monitor.channelStat(c, ChannelStat.DOORBELLS),
                    monitor.channelStat(c, ChannelStat.DENIED), monitor.channelStat(c, ChannelStat.RESETS),
                    monitor.channelStat(c, ChannelStat.FAILURES), monitor.channelStat(c, ChannelStat.PUBLISHED),
                    monitor.channelStat(c, ChannelStat.CONSUMED),
                    e2e(c, image.channelSender(c), image.channelReceiver(c))));
        }
        return out;
    }

    /**
     * Adds what the kernel's event log lost: counter {@value #LOG_DROPPED} (all records overwritten
     * or refused), then {@value #LOG_DROPPED}{@code .KIND} for every event kind.
     *
     * [impl->dsn~run.log-drops~1]
     */
    private void logDrops(List<RunResult.CounterValue> counters) {
        EventRecords log = monitor.eventRecords();
        counters.add(new RunResult.CounterValue(LOG_DROPPED, log.dropped()));
        for (int k = 1; k < 64 && !EventKind.name(k).equals("?"); k++) {
            counters.add(new RunResult.CounterValue(LOG_DROPPED + "." + EventKind.name(k), log.droppedOf(k)));
        }
    }

    /**
     * Per Linux partition: its time to user space, the instructions to get there and in the run,
     * and its starts (boot and restarts). [impl->dsn~run.linux~1]
     */
    private void linuxCounters(List<RunResult.CounterValue> counters) {
        for (int p = 0; p < d.partitions().size(); p++) {
            PartitionSpec spec = d.partitions().get(p);
            if (spec.workload() instanceof warden.launcher.config.LinuxSpec
                    && e0(p, spec) instanceof warden.riscv.ElfGuest g) {
                String n = spec.name();
                counters.add(new RunResult.CounterValue(n + ".linuxUserspaceNs", g.userspaceNs()));
                counters.add(new RunResult.CounterValue(n + ".linuxInstructionsToUserspace",
                        g.userspaceInstructions()));
                counters.add(new RunResult.CounterValue(n + ".linuxInstructions", g.instructions()));
                counters.add(new RunResult.CounterValue(n + ".linuxStarts", g.starts()));
            }
        }
    }

    /** Name of the counter of event-log records lost. */
    static final String LOG_DROPPED = "eventLogDropped";

    private List<RunResult.PartitionResult> partitions(long durationNs) {
        List<RunResult.PartitionResult> out = new ArrayList<>();
        for (int p = 0; p < image.partitionCount(); p++) {
            PartitionSpec spec = d.partitions().get(p);
            long[] figures = new long[3]; // misses, worst response, faults
            List<RunResult.TaskResult> tasks = new ArrayList<>();
            for (int core : spec.cores()) {
                add(executors[p * cores + core], spec, durationNs, figures, tasks);
            }
            out.add(new RunResult.PartitionResult(spec.name(), Criticality.name(spec.criticality()),
                    e0(p, spec).kind(), spec.cores(), monitor.bootTimeNs(p), figures[0], figures[1],
                    monitor.restarts(p), PartitionState.name(monitor.partitionState(p)), figures[2], tasks,
                    snapshot(p)));
        }
        return out;
    }

    /** Adds one vCPU's misses, worst response and faults to {@code figures}, its tasks to {@code tasks}. */
    private static void add(Executor e, PartitionSpec spec, long durationNs, long[] figures,
                            List<RunResult.TaskResult> tasks) {
        if (e instanceof RtosGuest r) {
            r.finish(durationNs);
            figures[0] += r.totalMisses();
            figures[1] = Math.max(figures[1], r.worstResponseNs());
            figures[2] += r.faults();
            for (int t = 0; t < r.taskCount(); t++) {
                var ts = ((warden.launcher.config.RtosSpec) spec.workload()).tasks().get(t);
                tasks.add(new RunResult.TaskResult(r.taskName(t), ts.periodNs(), ts.deadlineNs(), r.jobs(t),
                        r.misses(t), r.maxResponseNs(t)));
            }
        } else if (e instanceof warden.riscv.ElfGuest g) {
            RtosStats s = g.rtosStats(durationNs); // [impl->dsn~run.rtos-stats~1]
            if (s != null) {
                figures[0] += s.totalMisses();
                figures[1] = Math.max(figures[1], s.worstResponseNs());
                for (RtosStats.Task t : s.tasks()) {
                    tasks.add(new RunResult.TaskResult(t.name(), t.periodNs(), t.deadlineNs(), t.jobs(), t.misses(),
                            t.worstResponseNs()));
                }
            }
        } else if (e instanceof RichOsGuest r) {
            figures[2] += r.faults();
        } else if (e instanceof ProbeGuest r) {
            figures[2] += r.faults();
        } else if (e instanceof warden.emu.guest.HostileGuest r) {
            figures[2] += r.counts().handlerEntries();
        }
    }

    /**
     * The guest models' end-to-end figures of channel {@code c}, from the sender's and the
     * receiver's primary vCPU; null when neither model uses it. [impl->dsn~channel.statistics~1]
     */
    private RunResult.E2eResult e2e(int c, int sender, int receiver) {
        RtosStats.Channel tx = stats(c, sender);
        RtosStats.Channel rx = stats(c, receiver);
        if (tx == null && rx == null) {
            return null;
        }
        List<Long> verdicts = new ArrayList<>();
        for (int v = 0; v < warden.emu.channel.Verdict.COUNT; v++) {
            verdicts.add(rx == null ? 0 : rx.verdicts().get(v));
        }
        return new RunResult.E2eResult(tx == null ? 0 : tx.sent(), tx == null ? 0 : tx.drops(),
                tx == null ? 0 : tx.overwrites(), tx == null ? 0 : tx.highWater(), rx == null ? 0 : rx.received(),
                verdicts, rx == null ? 0 : rx.worstLatencyNs(), rx == null ? 0 : rx.highWater(),
                rx == null ? 0 : rx.failures());
    }

    /**
     * @return the counts of {@code partition}'s end of {@code channel}: a model's, or those a Warden
     *     RTOS binary kept in its statistics block [impl->dsn~run.rtos-stats~1]; null when it has none
     */
    private RtosStats.Channel stats(int channel, int partition) {
        if (partition < 0 || partition >= d.partitions().size()) {
            return null;
        }
        Executor e = e0(partition, d.partitions().get(partition)); // the models use channels on their first vCPU
        if (e instanceof warden.riscv.ElfGuest g) {
            RtosStats s = g.rtosStats(endNs);
            return s == null ? null : s.channel(channel);
        }
        warden.emu.channel.ChannelStats s = e instanceof warden.emu.ChannelFaultable g ? g.channelEndStats(channel)
                : null;
        if (s == null) {
            return null;
        }
        List<Long> verdicts = new ArrayList<>();
        for (int v = 0; v < RtosStats.VERDICTS; v++) {
            verdicts.add(s.verdict(v));
        }
        return new RtosStats.Channel(channel, s.role() == warden.emu.channel.ChannelCalls.ROLE_SENDER, s.sent(),
                s.received(), s.drops(), s.overwrites(), s.highWater(), s.failures(), s.worstLatencyNs(), verdicts);
    }

    private Executor e0(int p, PartitionSpec spec) {
        return executors[p * cores + spec.cores().get(0)];
    }

    private List<RunResult.LineResult> lines() {
        List<RunResult.LineResult> out = new ArrayList<>();
        for (int l = 1; l < SystemImage.LINES_MAX && l < irq.lines(); l++) {
            int owner = image.lineOwner(l);
            if (owner == SystemImage.NO_PARTITION && irq.raisedCount(l) == 0) {
                continue;
            }
            String device = null;
            for (DeviceSpec ds : platform.devices()) {
                if (ds.line() == l) {
                    device = ds.name();
                }
            }
            boolean critical = owner >= 0 && Criticality.isCritical(image.criticality(owner));
            out.add(new RunResult.LineResult(l, device, owner >= 0 ? image.name(owner) : null,
                    owner >= 0 ? image.lineCore(l) : -1, irq.raisedCount(l), irq.deliveredCount(l),
                    irq.outstanding(l), irq.minNs(l), irq.maxNs(l), irq.meanNs(l), critical));
        }
        return out;
    }

    private List<RunResult.ProbeResult> probes() {
        List<RunResult.ProbeResult> out = new ArrayList<>();
        for (int p = 0; p < image.partitionCount(); p++) {
            PartitionSpec spec = d.partitions().get(p);
            if (!(spec.workload() instanceof ProbeSpec ps)) {
                continue;
            }
            ProbeGuest g = (ProbeGuest) e0(p, spec);
            for (int i = 0; i < g.count(); i++) {
                ProbeAccess a = ps.accesses().get(i);
                boolean oracle = IsolationOracle.allowed(d, spec, platform, a.address(), a.size(), a.access());
                String expected = a.expect() != null ? a.expect() : (oracle ? "allowed" : "denied");
                String outcome = g.outcome(i) == ProbeGuest.ALLOWED ? "allowed"
                        : g.outcome(i) == ProbeGuest.DENIED ? "denied" : "not-run";
                boolean denied = g.outcome(i) == ProbeGuest.DENIED;
                long until = i + 1 < g.count() && g.when(i + 1) > g.when(i) ? g.when(i + 1) : g.when(i) + 10_000;
                boolean dropped = !denied && g.outcome(i) == ProbeGuest.ALLOWED
                        && droppedByProtection(p, a, g.when(i), until);
                if (dropped) {
                    outcome = "denied";
                }
                out.add(new RunResult.ProbeResult(spec.name(), a.address(), a.size(), accessName(a.access()), outcome,
                        denied ? Integer.valueOf(g.cause(i)) : null,
                        denied ? g.causeName(i) : dropped ? DROPPED : null, expected,
                        outcome.equals(expected) || outcome.equals("not-run"), g.when(i)));
            }
        }
        return out;
    }

    static final String DROPPED =
            "dropped by the protection unit without a fault (writes ignored, reads give a fixed value)";

    /**
     * On targets where a denied access does not fault (x86 SMRR outside SMM), the port still
     * reports it to the kernel, which logs it: an access that "succeeded" but was logged as a
     * violation at its address, kind and time (between its start and the next access's) was in fact
     * denied.
     *
     * [impl->dsn~run.probe-dropped~1]
     */
    private boolean droppedByProtection(int p, ProbeAccess a, long from, long until) {
        EventRecords log = monitor.eventRecords();
        for (long s = log.oldest(); s < log.sequence(); s++) {
            if (log.kind(s) == EventKind.ACCESS_VIOLATION && log.partition(s) == p && log.a(s) == a.address()
                    && log.b(s) == a.access() && log.time(s) >= from && log.time(s) < until) {
                return true;
            }
        }
        return false;
    }

    static String accessName(int access) {
        return access == Access.EXECUTE ? "execute" : access == Access.WRITE ? "write" : "read";
    }

    private List<RunResult.Violation> violations() {
        List<RunResult.Violation> out = new ArrayList<>();
        EventRecords log = monitor.eventRecords();
        for (long s = log.oldest(); s < log.sequence(); s++) {
            int kind = log.kind(s);
            if (isHealthEvent(kind)) {
                continue;
            }
            int p = log.partition(s);
            if (kind == EventKind.DEVICE_DENIED) {
                out.add(deviceDenied(log, s));
                continue;
            }
            String detail = kind == EventKind.ACCESS_VIOLATION ? accessName((int) log.b(s))
                    : kind == EventKind.DENIED_CALL ? "call " + log.a(s) + " status " + log.b(s)
                    : UpdateEvents.detail(kind, log.a(s), log.b(s));
            out.add(new RunResult.Violation(log.time(s), EventKind.name(kind), p >= 0 ? image.name(p) : null,
                    log.core(s), log.a(s), detail));
        }
        return out;
    }

    /**
     * A refused mediated device access: its address is the register's (device window + offset),
     * its detail "write 0x100 to can0+0x70: value-out-of-range". [impl->dsn~run.mediated-report~1]
     */
    private RunResult.Violation deviceDenied(EventRecords log, long s) {
        long a = log.a(s);
        int d = DeviceAcl.deviceOf(a);
        boolean known = d < image.deviceTotal();
        String device = known ? image.deviceName(d) : "device " + d;
        String what = DeviceAcl.directionOf(a) == Access.WRITE ? "write 0x" + Long.toHexString(log.b(s)) + " to "
                : "read of ";
        int p = log.partition(s);
        return new RunResult.Violation(log.time(s), EventKind.name(EventKind.DEVICE_DENIED),
                p >= 0 && p < image.partitionCount() ? image.name(p) : null, log.core(s),
                (known ? image.deviceBase(d) : 0) + DeviceAcl.offsetOf(a), what + device + "+0x"
                + Integer.toHexString(DeviceAcl.offsetOf(a)) + ": " + DeviceAcl.reasonName(DeviceAcl.reasonOf(a)));
    }

    /** @return partition p's snapshot figures, or null without snapshots. [impl->dsn~run.snapshot-report~1] */
    private RunResult.SnapshotResult snapshot(int p) {
        if (!image.snapshot(p)) {
            return null;
        }
        long[] v = new long[RestorePoint.STATS];
        for (int i = 0; i < v.length; i++) {
            v[i] = monitor.snapshotStat(p, i);
        }
        return new RunResult.SnapshotResult(v[RestorePoint.PAGES], v[RestorePoint.TAKEN], v[RestorePoint.BYTES_COPIED],
                v[RestorePoint.LAST_PAGES], v[RestorePoint.LAST_NS], v[RestorePoint.MAX_NS], v[RestorePoint.RESTORES],
                v[RestorePoint.RESTORE_PAGES], v[RestorePoint.RESTORE_NS], v[RestorePoint.FALLBACKS]);
    }

    private static boolean isHealthEvent(int kind) {
        return kind == EventKind.PARTITION_BOOTED
                || kind >= EventKind.FAILURE_DETECTED && kind != EventKind.DEVICE_DENIED
                && kind != EventKind.UPDATE_REFUSED;
    }

    /** [impl->dsn~run.health-events~1] [impl->dsn~run.snapshot-report~1] */
    private List<RunResult.MonitorEvent> events() {
        List<RunResult.MonitorEvent> out = new ArrayList<>();
        EventRecords log = monitor.eventRecords();
        for (long s = log.oldest(); s < log.sequence(); s++) {
            int kind = log.kind(s);
            if (!isHealthEvent(kind)) {
                continue;
            }
            int p = log.partition(s);
            out.add(new RunResult.MonitorEvent(log.time(s), EventKind.name(kind), p >= 0 ? image.name(p) : null,
                    log.core(s), eventDetail(kind, log.a(s), log.b(s))));
        }
        return out;
    }

    private static String eventDetail(int kind, long a, long b) {
        switch (kind) {
            case EventKind.FAILURE_DETECTED:
                return warden.kernel.api.HealthAction.reason((int) a) + " -> "
                        + warden.kernel.api.HealthAction.name((int) b);
            case EventKind.PARTITION_RESTARTED:
                return "restart " + a + " (" + b + " in this window)";
            case EventKind.PARTITION_RECOVERED:
                return "recovered " + a + " ns after detection";
            case EventKind.PARTITION_STOPPED:
                return "stopped: " + warden.kernel.api.HealthAction.reason((int) a);
            case EventKind.INTERRUPT_STORM:
                return "line " + a + " masked after " + b + " interrupts in the window";
            case EventKind.TIMER_FAULT:
                return "monitor timer did not fire: " + a + " ns past its deadline at " + b + " ns; re-armed";
            case EventKind.TIMER_RECOVERED:
                return "monitor timer fired again " + a + " ns after the detection";
            case EventKind.CHANNEL_FAILURE:
                return "channel " + a + " failed end to end (" + b + " so far)";
            case EventKind.IMAGE_CORRUPT:
                return "golden image at 0x" + Long.toHexString(a) + " (" + b
                        + " bytes) fails its digest: restart refused";
            case EventKind.CONTEXT_CORRUPT:
                return "saved context failed its check (" + a + " words); not restored";
            case EventKind.LINE_RESTORED:
                return "line " + a + " unmasked after " + b + " ns";
            case EventKind.SNAPSHOT_TAKEN:
                return a + " pages copied in " + b + " ns";
            case EventKind.PARTITION_RESTORED:
                return a + " pages copied back in " + b + " ns (digest checked)";
            case EventKind.SNAPSHOT_CORRUPT:
                return "no restore: " + warden.kernel.api.RestorePoint.reason((int) a) + "; restart instead";
            default:
                return UpdateEvents.detail(kind, a, b);
        }
    }

    private List<Check> checks(List<RunResult.PartitionResult> parts, List<RunResult.LineResult> lines,
                               List<RunResult.ProbeResult> probes) {
        return new RunChecks(d, monitor).checks(parts, lines, probes, irq, controller);
    }
}
