package warden.launcher.report;

import java.io.PrintStream;
import warden.launcher.run.RunResult;

/**
 * The human-readable summary {@code warden run} prints: boot times, deadline misses, response and
 * interrupt-latency figures, faults, probe outcomes, and the checks with their verdicts.
 *
 * [impl->dsn~cli.run.summary~1]
 */
public final class Summary {
    private Summary() {
    }

    /** Console lines shown by default. */
    public static final int CONSOLE_LINES = 20;

    public static void print(RunResult r, PrintStream out) {
        print(r, out, CONSOLE_LINES);
    }

    /** Prints the summary with at most {@code consoleLines} console lines. */
    public static void print(RunResult r, PrintStream out, int consoleLines) {
        out.printf("Warden run: %s on %s (%s), seed %d, %s of virtual time%n", r.source(), r.target(), r.board(),
                r.seed(), time(r.durationNs()));
        out.println();
        console(r, out, consoleLines);
        out.println();
        partitions(r, out);
        linux(r, out);
        lines(r, out);
        probes(r, out);
        hostile(r, out);
        channels(r, out);
        events(r, out);
        metrics(r, out);
        nics(r, out);
        cans(r, out);
        out.println();
        mediated(r, out);
        out.printf("Monitor: %d violations logged", r.violations().size());
        for (RunResult.CounterValue c : r.counters()) {
            String n = c.name();
            if (n.equals("worldSwitches") || n.equals("monitorCalls") || n.equals("interrupts")
                    || n.startsWith("eventLogDropped") && c.value() > 0) {
                out.printf(", %s %d", c.name(), c.value());
            }
        }
        out.println();
        out.println();
        out.println("Checks");
        for (RunResult.Check c : r.checks()) {
            out.printf("  %-4s %-28s %s%n", c.passed() ? "ok" : "FAIL", c.name(), c.detail());
        }
        out.println();
        out.println(r.passed() ? "RESULT: all checks held" : "RESULT: a check failed (exit 1)");
    }

    /**
     * One line of refused mediated device accesses by reason, when there were any.
     * [impl->dsn~run.mediated-report~1]
     */
    private static void mediated(RunResult r, PrintStream out) {
        java.util.Map<String, Integer> byReason = new java.util.TreeMap<>();
        for (RunResult.Violation v : r.violations()) {
            if (v.kind().equals("device-denied")) {
                byReason.merge(v.detail().substring(v.detail().lastIndexOf(": ") + 2), 1, Integer::sum);
            }
        }
        if (!byReason.isEmpty()) {
            out.printf("Mediated device accesses refused: %d %s%n", byReason.values().stream().mapToInt(i -> i).sum(),
                    byReason);
        }
    }

    private static void console(RunResult r, PrintStream out, int max) {
        out.println("Console");
        int shown = 0;
        for (RunResult.ConsoleLine c : r.console()) {
            if (shown++ < max) {
                out.printf("  %12s  %-12s %s%n", time(c.timeNs()), c.partition(), c.text());
            }
        }
        if (shown > max) {
            out.printf("  ... %d more lines (see --json or --console-lines)%n", shown - max);
        }
    }

    /**
     * One line per Linux partition: the virtual time of its first entry to user space (init) since
     * its last start, the instructions it retired to get there, and in the whole run.
     * [impl->dsn~run.linux~1]
     */
    private static void linux(RunResult r, PrintStream out) {
        for (RunResult.CounterValue c : r.counters()) {
            if (!c.name().endsWith(LINUX_USERSPACE)) {
                continue;
            }
            String p = c.name().substring(0, c.name().length() - LINUX_USERSPACE.length());
            out.printf("  Linux %s: user space (init) %s, after %d instructions; %d instructions in the run,"
                    + " %d start(s)%n", p, c.value() < 0 ? "not reached" : "at " + time(c.value()),
                    counter(r, p + ".linuxInstructionsToUserspace"), counter(r, p + ".linuxInstructions"),
                    counter(r, p + ".linuxStarts"));
        }
    }

    /** Suffix of the counter of a Linux partition's time to user space. */
    public static final String LINUX_USERSPACE = ".linuxUserspaceNs";

    private static long counter(RunResult r, String name) {
        for (RunResult.CounterValue c : r.counters()) {
            if (c.name().equals(name)) {
                return c.value();
            }
        }
        return -1;
    }

    private static void partitions(RunResult r, PrintStream out) {
        out.println("Partitions");
        out.printf("  %-12s %-7s %-8s %-9s %10s %7s %12s %8s %6s%n", "name", "level", "workload", "cores",
                "boot", "misses", "max resp.", "restarts", "faults");
        for (RunResult.PartitionResult p : r.partitions()) {
            out.printf("  %-12s %-7s %-8s %-9s %10s %7d %12s %8d %6d%n", p.name(), p.criticality(), p.workload(),
                    p.cores().toString().replace(" ", ""), p.bootTimeNs() < 0 ? "never" : time(p.bootTimeNs()),
                    p.deadlineMisses(), p.tasks().isEmpty() ? "-" : time(p.maxResponseNs()), p.restarts(),
                    p.faults());
            for (RunResult.TaskResult t : p.tasks()) {
                out.printf("      task %-10s period %-8s jobs %6d  misses %3d  worst response %s%n", t.name(),
                        time(t.periodNs()), t.jobs(), t.misses(), time(t.maxResponseNs()));
            }
        }
    }

    private static void lines(RunResult r, PrintStream out) {
        if (r.lines().isEmpty()) {
            return;
        }
        out.println();
        out.println("Interrupts (latency: device raises line -> owner's handler entered, virtual time)");
        out.printf("  %-5s %-7s %-12s %-4s %7s %9s %10s %10s %10s%n", "line", "device", "owner", "core", "count",
                "delivered", "min", "mean", "max");
        for (RunResult.LineResult l : r.lines()) {
            out.printf("  %-5d %-7s %-12s %-4d %7d %9d %10s %10s %10s%s%n", l.line(), l.device(), l.partition(),
                    l.core(), l.raised(), l.delivered(), time(l.minLatencyNs()), time(l.meanLatencyNs()),
                    time(l.maxLatencyNs()), l.critical() ? "  (critical)" : "");
        }
    }

    private static void events(RunResult r, PrintStream out) {
        if (r.events().isEmpty()) {
            return;
        }
        out.println();
        out.println("Monitor events (health monitoring)" + (r.safeState() ? ": SAFE STATE" : ""));
        int shown = 0;
        for (RunResult.MonitorEvent e : r.events()) {
            if (shown++ < 30) {
                out.printf("  %12s  %-20s %-12s core %d  %s%n", time(e.timeNs()), e.kind(), e.partition(), e.core(),
                        e.detail() == null ? "" : e.detail());
            }
        }
        if (shown > 30) {
            out.printf("  ... %d more events (see --json)%n", shown - 30);
        }
    }

    private static void metrics(RunResult r, PrintStream out) {
        if (r.targetMetrics().isEmpty()) {
            return;
        }
        out.println();
        out.println("Target figures (virtual time)");
        out.printf("  %-20s %-5s %7s %10s %10s %10s%n", "figure", "core", "count", "min", "mean", "max");
        for (warden.emu.TargetMetrics.Metric m : r.targetMetrics()) {
            out.printf("  %-20s %-5d %7d %10s %10s %10s%n", m.name(), m.core(), m.count(), time(m.minNs()),
                    time(m.meanNs()), time(m.maxNs()));
        }
    }

    /** [impl->dsn~run.nic-report~1] */
    private static void nics(RunResult r, PrintStream out) {
        if (r.nics().isEmpty()) {
            return;
        }
        out.println();
        out.println("NICs (frames)");
        out.printf("  %-8s %-10s %9s %9s %9s %10s %6s %7s%n", "device", "owner", "received", "delivered", "dropped",
                "dma-denied", "sent", "driver");
        for (RunResult.NicResult n : r.nics()) {
            String owner = n.partition() == null ? "-" : n.partition();
            out.printf("  %-8s %-10s %9d %9d %9d %10d %6d %7d%n", n.device(), owner, n.received(), n.delivered(),
                    n.dropped(), n.dmaDenied(), n.sent(), n.driverFrames());
        }
    }

    /** [impl->dsn~run.can-report~1] */
    private static void cans(RunResult r, PrintStream out) {
        if (r.cans().isEmpty()) {
            return;
        }
        out.println();
        out.println("CAN controllers (frames)");
        out.printf("  %-8s %-10s %8s %7s %9s %9s %6s %6s %5s %5s %s%n", "device", "owner", "on-bus", "errors",
                "received", "filtered", "lost", "sent", "TEC", "REC", "state");
        for (RunResult.CanResult c : r.cans()) {
            String owner = c.partition() == null ? "-" : c.partition();
            String state = c.busOff() ? "bus-off" : c.tec() > 127 || c.rec() > 127 ? "error-passive" : "error-active";
            out.printf("  %-8s %-10s %8d %7d %9d %9d %6d %6d %5d %5d %s%n", c.device(), owner, c.busFrames(),
                    c.errorFrames(), c.received(), c.filteredOut(), c.lost(), c.sent(), c.tec(), c.rec(), state);
        }
    }

    private static void probes(RunResult r, PrintStream out) {
        if (r.probes().isEmpty()) {
            return;
        }
        out.println();
        out.println("Probe accesses");
        for (RunResult.ProbeResult p : r.probes()) {
            out.printf("  %-4s %-10s %-7s %d bytes at 0x%-10x %-8s %-30s expected %s%n",
                    p.asExpected() ? "ok" : "FAIL", p.partition(), p.access(), p.size(), p.address(), p.outcome(),
                    p.causeName() == null ? "" : "(cause " + p.cause() + ": " + p.causeName() + ")", p.expected());
        }
    }

    /** One line per channel: the kernel's statistics. [impl->dsn~channel.statistics~1] */
    private static void channels(RunResult r, PrintStream out) {
        for (RunResult.ChannelResult c : r.channels()) {
            out.printf("Channel %s (%s -> %s): %d sends, %d receives, %d doorbells, %d denied, %d resets,"
                    + " %d failures; published %d, consumed %d%n", c.name(), c.from(), c.to(), c.sends(),
                    c.receives(), c.doorbells(), c.denied(), c.resets(), c.failures(), c.published(), c.consumed());
            RunResult.E2eResult e = c.e2e();
            if (e != null) {
                StringBuilder v = new StringBuilder();
                for (int i = 0; i < e.verdicts().size(); i++) {
                    if (e.verdicts().get(i) != 0) {
                        v.append(v.length() == 0 ? "" : ", ").append(warden.emu.channel.Verdict.name(i)).append(' ')
                                .append(e.verdicts().get(i));
                    }
                }
                out.printf("  end to end (CRC-%d): %d frames sent (%d dropped, %d overwritten, ring high water %d), %d"
                        + " received (%s), worst latency %s, %d failures reported%n", c.crcBits(), e.framesSent(),
                        e.drops(), e.overwrites(),
                        e.senderHighWater(), e.framesReceived(), v.length() == 0 ? "none" : v,
                        time(e.worstLatencyNs()), e.failures());
            }
        }
    }

    private static void hostile(RunResult r, PrintStream out) {
        for (RunResult.HostileResult h : r.hostile()) {
            out.println();
            out.printf("Hostile partition %s: %d operations (%d calls, %d refused, %d unknown, %d of them not answered"
                    + " not-supported; %d loads, %d stores, %d fetches)%n", h.partition(), h.operations(), h.calls(),
                    h.callsRefused(), h.callsUnknown(), h.callsMisanswered(), h.loads(), h.stores(), h.fetches());
            out.printf("  accesses: %d allowed, %d denied (%d dropped without a fault); %d restarts%n",
                    h.allowed(), h.denied(), h.dropped(), h.restarts());
            for (RunResult.CauseCount c : h.causes()) {
                out.printf("  %10d denied: %s%s%n", c.count(), c.cause() == null ? "" : "cause " + c.cause() + ": ",
                        c.name());
            }
            out.printf("  %s outside the grant succeeded: %d (%d reached another partition or the monitor);"
                    + " granted but denied: %d; denials not logged: %d%n",
                    h.violations() + h.spuriousDenials() + h.unloggedDenials() + h.callsMisanswered() == 0 ? "ok  "
                            : "FAIL",
                    h.violations(), h.foreignViolations(), h.spuriousDenials(), h.unloggedDenials());
            for (RunResult.HostileAccess a : h.samples()) {
                out.printf("  %-16s %-7s %d bytes at 0x%x at %s %s%n", a.what(), a.access(), a.size(), a.address(),
                        time(a.timeNs()), a.cause() == null ? "" : "(" + a.cause() + ")");
            }
        }
    }

    /** @return a duration in the most readable unit: "980 ns", "12.345 us", "3.000 ms", "1.5 s". */
    public static String time(long ns) {
        if (ns < 1_000) {
            return ns + " ns";
        }
        if (ns < 1_000_000) {
            return String.format("%.3f us", ns / 1e3);
        }
        if (ns < 1_000_000_000) {
            return String.format("%.3f ms", ns / 1e6);
        }
        return String.format("%.3f s", ns / 1e9);
    }
}
