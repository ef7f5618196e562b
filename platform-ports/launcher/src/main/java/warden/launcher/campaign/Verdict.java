package warden.launcher.campaign;

import warden.emu.FaultModel;
import warden.launcher.config.PartitionSpec;
import warden.launcher.config.SystemDescription;
import warden.launcher.run.RunResult;

/**
 * Reads one run's result after a fault: detected (the health monitor reported a failure of the
 * faulted partition after the injection; for an isolation violation, the protection unit denied it
 * and the kernel logged it; for an interrupt storm, the limiter masked the line; for a timer stop,
 * the timer supervision found the partition's home core's timer late), by which mechanism, and
 * whether and when it recovered.
 *
 * [impl->dsn~campaign.verdict~1]
 */
final class Verdict {
    private Verdict() {
    }

    static RunOutcome of(int k, long seed, int model, PartitionSpec ps, int p, long inject, boolean applied,
                         RunResult r, SystemDescription d) {
        // a timer stop is the home core's, found by the timer supervision; a storm is found by the
        // limiter; every other model by a failure the health monitor reports for the partition
        boolean byCore = model == FaultModel.TIMER_STOP;
        String kind = byCore ? "timer-fault" : model == FaultModel.INTERRUPT_STORM ? "interrupt-storm"
                : "failure-detected";
        RunResult.MonitorEvent hit = first(r, kind, ps, byCore, inject);
        long detectedAt = hit == null ? -1 : hit.timeNs();
        String mechanism = hit == null ? null : byCore ? "timer-supervision"
                : model == FaultModel.INTERRUPT_STORM ? "interrupt-storm" : reason(hit.detail());
        if (detectedAt < 0 && model == FaultModel.ISOLATION_VIOLATION) {
            for (RunResult.Violation v : r.violations()) {
                if (v.kind().equals("access-violation") && ps.name().equals(v.partition()) && v.timeNs() >= inject) {
                    detectedAt = v.timeNs();
                    mechanism = "isolation";
                    break;
                }
            }
        }
        boolean detected = detectedAt >= 0;
        long recoveredAt = -1;
        if (detected && "isolation".equals(mechanism)) {
            recoveredAt = detectedAt;
        } else if (detected) {
            String recovery = "interrupt-storm".equals(mechanism) ? "line-restored"
                    : byCore ? "timer-recovered" : "partition-recovered";
            RunResult.MonitorEvent back = first(r, recovery, ps, byCore, detectedAt);
            recoveredAt = back == null ? -1 : back.timeNs();
        }
        long misses = 0;
        for (int o = 0; o < d.partitions().size(); o++) {
            if (o != p && Campaign.critical(d.partitions().get(o))) {
                misses += r.partitions().get(o).deadlineMisses();
            }
        }
        return new RunOutcome(k, seed, FaultModel.name(model), ps.name(), Campaign.critical(ps), inject, applied,
                detected, mechanism, detected ? detectedAt - inject : -1, recoveredAt >= 0,
                recoveredAt >= 0 ? recoveredAt - detectedAt : -1, misses);
    }

    /**
     * @return the first monitor event of {@code kind} at or after {@code from} that concerns the
     *     faulted partition, or its home core when {@code byCore}; null when there is none
     */
    private static RunResult.MonitorEvent first(RunResult r, String kind, PartitionSpec ps, boolean byCore, long from) {
        for (RunResult.MonitorEvent e : r.events()) {
            boolean mine = byCore ? e.core() == ps.cores().get(0) : ps.name().equals(e.partition());
            if (e.kind().equals(kind) && mine && e.timeNs() >= from) {
                return e;
            }
        }
        return null;
    }

    /** @return the reason of a failure-detected event's detail ("reason -> action"). */
    private static String reason(String detail) {
        String d = detail == null ? "" : detail;
        return d.contains(" -> ") ? d.substring(0, d.indexOf(" -> ")) : d;
    }
}
