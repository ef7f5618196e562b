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
        long detectedAt = -1;
        String mechanism = null;
        for (RunResult.MonitorEvent e : r.events()) {
            if (e.kind().equals("failure-detected") && ps.name().equals(e.partition()) && e.timeNs() >= inject) {
                detectedAt = e.timeNs();
                String detail = e.detail() == null ? "" : e.detail();
                mechanism = detail.contains(" -> ") ? detail.substring(0, detail.indexOf(" -> ")) : detail;
                break;
            }
        }
        if (model == FaultModel.TIMER_STOP) {
            detectedAt = -1;
            mechanism = null;
            for (RunResult.MonitorEvent e : r.events()) {
                if (e.kind().equals("timer-fault") && e.core() == ps.cores().get(0) && e.timeNs() >= inject) {
                    detectedAt = e.timeNs();
                    mechanism = "timer-supervision";
                    break;
                }
            }
        }
        if (model == FaultModel.INTERRUPT_STORM) {
            detectedAt = -1;
            mechanism = null;
            for (RunResult.MonitorEvent e : r.events()) {
                if (e.kind().equals("interrupt-storm") && ps.name().equals(e.partition()) && e.timeNs() >= inject) {
                    detectedAt = e.timeNs();
                    mechanism = "interrupt-storm";
                    break;
                }
            }
        }
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
                    : "timer-supervision".equals(mechanism) ? "timer-recovered" : "partition-recovered";
            boolean byCore = "timer-supervision".equals(mechanism);
            for (RunResult.MonitorEvent e : r.events()) {
                boolean mine = byCore ? e.core() == ps.cores().get(0) : ps.name().equals(e.partition());
                if (e.kind().equals(recovery) && mine && e.timeNs() >= detectedAt) {
                    recoveredAt = e.timeNs();
                    break;
                }
            }
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
}
