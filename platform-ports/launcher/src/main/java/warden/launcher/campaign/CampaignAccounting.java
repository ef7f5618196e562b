package warden.launcher.campaign;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * The campaign checks that fault accounting cannot flatter, printed after the summary table: per
 * fault model, its detection bound, the outcomes (recovered, contained, latent, undetected) and
 * which mechanisms detected it; the critical deadline misses in their classes; and the two checks,
 * no interference miss (freedom from interference) and no critical partition missing more
 * deadlines after its own fault than its bound allows.
 *
 * [impl->dsn~campaign.accounting-checks~1]
 */
public final class CampaignAccounting {
    private CampaignAccounting() {
    }

    /**
     * Prints, when the campaign injected channel faults, each channel fault model's injected
     * (applied), detected and undetected faults and its diagnostic coverage (detected / injected).
     * [impl->dsn~campaign.channel-coverage~1]
     */
    static void channelCoverage(CampaignSummary s, PrintWriter out) {
        boolean any = false;
        for (CampaignSummary.ModelRow r : s.rows()) {
            if (!r.model().startsWith("channel-")) {
                continue;
            }
            if (!any) {
                out.printf("%nChannel fault models: injected, detected, undetected, diagnostic coverage%n");
                out.printf("  %-22s %9s %9s %10s %9s%n", "fault model", "injected", "detected", "undetected",
                        "coverage");
                any = true;
            }
            out.printf(Locale.ROOT, "  %-22s %9d %9d %10d %8.2f%%%n", r.model(), r.applied(), r.detected(),
                    r.applied() - r.detected(), 100.0 * r.coverage());
        }
    }

    /** Prints the accounting of {@code s}. @return whether both checks held. */
    public static boolean print(CampaignSummary s, PrintWriter out) {
        out.printf("%nPer fault model: detection bound, outcomes, detecting mechanisms; critical misses by class%n");
        out.printf("  %-20s %12s %9s %9s %6s %10s  %-28s %s%n", "fault model", "det. bound", "recovered", "contained",
                "latent", "undetected", "detected by", "misses: own (worst run/bound), interference, platform");
        for (CampaignSummary.ModelRow r : s.rows()) {
            out.printf(Locale.ROOT, "  %-20s %12s %9d %9d %6d %10d  %-28s %d (%d/%d), %d, %d%n", r.model(),
                    r.detectionBoundNs() < 0 ? "-" : warden.launcher.report.Summary.time(r.detectionBoundNs()),
                    r.recovered(), r.contained(), r.latent(), r.applied() - r.detected() - r.latent(),
                    r.mechanisms().isEmpty() ? "-" : r.mechanisms().toString(), r.ownMisses(), r.ownMissesWorstRun(),
                    Math.max(0, r.ownMissBound()), r.interferenceMisses(), r.platformMisses());
        }
        channelCoverage(s, out);
        long interference = s.interferenceMisses();
        out.printf("Check freedom-from-interference: %s (%d critical misses outside the faulted partition)%n",
                interference == 0 ? "ok" : "FAILED", interference);
        out.printf("Check own-fault-misses-bounded: %s (%d runs over their bound)%n",
                s.overOwnBoundCount() == 0 ? "ok" : "FAILED", s.overOwnBoundCount());
        for (RunOutcome o : s.overOwnBound()) {
            out.printf("  run %d seed %d: %s in %s: %d misses, bound %d%n", o.index(), o.seed(), o.model(),
                    o.partition(), o.ownMisses(), o.ownMissBound());
        }
        if (s.overOwnBoundCount() > CampaignSummary.KEPT) {
            out.printf("  ... %d more (see --json)%n", s.overOwnBoundCount() - CampaignSummary.KEPT);
        }
        return interference == 0 && s.overOwnBoundCount() == 0;
    }
}
