package warden.launcher.run;

import warden.kernel.api.EventKind;
import warden.kernel.api.HealthAction;
import warden.kernel.api.UpdateReason;

/**
 * The run report's words for the monitor's over-the-air update records, with the figures the kernel
 * measured in virtual time: the time from the switch to the detection of a failed trial, and the
 * time on trial of a committed update. (The time to roll back is the partition-recovered event that
 * follows a rollback.)
 *
 * [impl->dsn~run.update-events~1]
 */
final class UpdateEvents {
    private UpdateEvents() {
    }

    /** @return the detail of an update record, or null for another kind. */
    static String detail(int kind, long a, long b) {
        switch (kind) {
            case EventKind.UPDATE_REFUSED:
                return "refused: " + UpdateReason.name((int) (a >>> 8)) + " (value " + b + ")";
            case EventKind.UPDATE_VERIFIED:
                return "version " + a + " verified (" + b + " bytes): switches at the next restart";
            case EventKind.UPDATE_SWITCHED:
                return "runs slot " + (a == 0 ? "A" : "B") + ", version " + b + ", on trial";
            case EventKind.UPDATE_COMMITTED:
                return "version " + a + " committed after " + b + " ns on trial";
            case EventKind.UPDATE_ROLLED_BACK:
                return "rolled back: " + HealthAction.reason((int) a) + " detected " + b + " ns after the switch";
            case EventKind.UPDATE_ABORTED:
                return "transfer abandoned at a restart after " + a + " of " + b + " bytes: the old image runs";
            default:
                return null;
        }
    }
}
