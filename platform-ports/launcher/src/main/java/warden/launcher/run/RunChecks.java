package warden.launcher.run;

import java.util.ArrayList;
import java.util.List;
import warden.emu.IrqStats;
import warden.emu.Stimulus;
import warden.kernel.api.Counter;
import warden.kernel.api.Criticality;
import warden.kernel.api.Monitor;
import warden.launcher.config.SystemDescription;
import warden.launcher.run.RunResult.Check;

/**
 * The checks whose failure makes {@code warden run} exit 1: critical partitions booted, no
 * critical deadline missed, every probe access matched the description, no interrupt lost.
 *
 * [impl->dsn~run.checks~1]
 */
final class RunChecks {
    private final SystemDescription d;
    private final Monitor monitor;

    RunChecks(SystemDescription d, Monitor monitor) {
        this.d = d;
        this.monitor = monitor;
    }

    List<Check> checks(List<RunResult.PartitionResult> parts, List<RunResult.LineResult> lines,
                       List<RunResult.ProbeResult> probes, IrqStats irq, Stimulus.LineInput controller) {
        List<Check> out = new ArrayList<>();
        bootAndDeadlines(parts, out);
        out.add(service(parts));
        out.add(isolation(probes));
        out.add(interrupts(lines, irq, controller));
        return out;
    }

    private void bootAndDeadlines(List<RunResult.PartitionResult> parts, List<Check> out) {
        StringBuilder notBooted = new StringBuilder();
        StringBuilder missed = new StringBuilder();
        for (int p = 0; p < parts.size(); p++) {
            RunResult.PartitionResult r = parts.get(p);
            if (!Criticality.isCritical(d.partitions().get(p).criticality())) {
                continue;
            }
            if (r.bootTimeNs() < 0) {
                notBooted.append(notBooted.length() > 0 ? ", " : "").append(r.name());
            }
            if (r.deadlineMisses() > 0) {
                missed.append(missed.length() > 0 ? ", " : "").append(r.name()).append(" (")
                        .append(r.deadlineMisses()).append(')');
            }
        }
        out.add(new Check("critical-partitions-booted", notBooted.length() == 0, notBooted.length() == 0
                ? "every critical partition sent its first heartbeat" : "not booted: " + notBooted));
        out.add(new Check("critical-deadlines-met", missed.length() == 0,
                missed.length() == 0 ? "no critical task missed a deadline" : "deadline misses: " + missed));
    }

    private Check service(List<RunResult.PartitionResult> parts) {
        StringBuilder lostService = new StringBuilder();
        for (int p = 0; p < parts.size(); p++) {
            boolean critical = Criticality.isCritical(d.partitions().get(p).criticality());
            if (critical && parts.get(p).state().equals("stopped")) {
                lostService.append(lostService.length() > 0 ? ", " : "").append(parts.get(p).name());
            }
        }
        boolean available = lostService.length() == 0 && !monitor.inSafeState();
        return new Check("critical-service-available", available, available
                ? "no critical partition was stopped and the system did not enter its safe state"
                : monitor.inSafeState() ? "the system entered its safe state" : "stopped: " + lostService);
    }

    private static Check isolation(List<RunResult.ProbeResult> probes) {
        int mismatches = 0;
        int notRun = 0;
        for (RunResult.ProbeResult pr : probes) {
            if (!pr.asExpected()) {
                mismatches++;
            }
            if (pr.outcome().equals("not-run")) {
                notRun++;
            }
        }
        String skipped = notRun == 0 ? ""
                : " (" + notRun + " not performed: the probe was stopped or ran out of time)";
        return new Check("isolation", mismatches == 0, probes.isEmpty() ? "no probe accesses in this system"
                : mismatches == 0 ? (probes.size() - notRun) + " probe accesses matched the description" + skipped
                : mismatches + " of " + probes.size() + " probe accesses did not match the description" + skipped);
    }

    private Check interrupts(List<RunResult.LineResult> lines, IrqStats irq, Stimulus.LineInput controller) {
        long dropped = monitor.counter(Counter.PENDING_OVERFLOWS);
        long raised = 0;
        long delivered = 0;
        for (RunResult.LineResult l : lines) {
            raised += l.raised();
            delivered += l.delivered();
        }
        long heldByKernel = 0;
        for (int p = 0; p < d.partitions().size(); p++) {
            for (int core : d.partitions().get(p).cores()) {
                heldByKernel += monitor.heldInterrupts(p, core);
            }
        }
        // Raised by the devices = entered by the guests + still held by the kernel for them
        // + dropped with the held events of a partition the health monitor restarted or stopped.
        // + merged by the controller into a pending request while the storm limiter had the line
        // masked.
        long discarded = monitor.counter(Counter.DISCARDED_INTERRUPTS);
        // + still waiting in the interrupt controller (pending, or counted behind a pending one).
        long merged = 0;
        long inController = 0;
        for (int l = 1; l < irq.lines(); l++) {
            merged += irq.mergedCount(l);
            inController += controller == null ? 0 : controller.heldRequests(l);
        }
        // What remains was lost: dropped by a full hold queue (counted and logged), or unaccounted.
        long lost = Math.max(dropped, raised - delivered - heldByKernel - discarded - merged - inController);
        return new Check("no-interrupt-lost", lost == 0, lost == 0
                ? "every raised interrupt was delivered, is still held for its owner, or was merged while its"
                        + " line was masked"
                : lost + " interrupts lost" + (dropped > 0 ? " (" + dropped + " dropped by a full hold queue)" : ""));
    }
}
