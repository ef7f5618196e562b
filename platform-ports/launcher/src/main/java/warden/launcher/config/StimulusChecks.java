package warden.launcher.config;

import java.util.List;

/**
 * Feasibility of the environment's interrupts: every stimulus raises its device's line at most
 * once per {@value #MIN_INTERVAL_NS} ns (a period, or a mean interval, of at least 1 µs; at most
 * 1,000,000 interrupts per second per device). Below that a run is not a model of any real device
 * and would only spend host time: an interrupt every nanosecond makes a 100 ms run take hours.
 *
 * [impl->dsn~config.check.stimulus-rate~1]
 */
final class StimulusChecks {
    /** The shortest period or mean interval a stimulus may have. */
    static final long MIN_INTERVAL_NS = 1_000;

    private StimulusChecks() {
    }

    static void check(SystemDescription d, List<Problem> out) {
        for (StimulusSpec s : d.stimuli()) { // at most one per device
            boolean periodic = s.periodNs() > 0;
            long interval = periodic ? s.periodNs() : s.meanIntervalNs();
            if (interval < MIN_INTERVAL_NS) {
                out.add(s.loc().field(periodic ? "period" : "meanInterval").problem("device '" + s.device()
                        + "' would raise an interrupt every " + Fmt.ns(interval) + "; the shortest "
                        + (periodic ? "period" : "mean interval") + " a stimulus may have is "
                        + Fmt.ns(MIN_INTERVAL_NS) + " (at most 1,000,000 interrupts per second per device)"));
            }
        }
    }
}
