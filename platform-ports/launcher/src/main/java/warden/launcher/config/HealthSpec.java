package warden.launcher.config;

import warden.kernel.api.Criticality;
import warden.kernel.api.HealthAction;

/**
 * A partition's health policy: the boot timeout, the fault-storm limit, the interrupt-storm limit
 * (interrupts per line per window), the counting window, how
 * many restarts a window allows, the reaction to a detected failure and the escalation when the
 * restarts are used up (HealthAction ids).
 *
 * [impl->dsn~config.health~1]
 */
public record HealthSpec(long bootTimeoutNs, int faultLimit, int irqLimit, long windowNs, int restarts,
                         int onFailure, int escalate, Loc loc) {

    /** @return the policy a partition of this criticality gets without a {@code health} block. */
    public static HealthSpec defaults(int criticality, Loc loc) {
        return new HealthSpec(0, 0, 0, HealthAction.DEFAULT_WINDOW_NS, HealthAction.DEFAULT_RESTARTS,
                HealthAction.RESTART, Criticality.isCritical(criticality) ? HealthAction.SAFE_STATE : HealthAction.STOP,
                loc);
    }
}
