package warden.launcher.campaign;

/**
 * One row of the healing-scenario campaign ({@code warden campaign --scenarios}): what was done to
 * which partition, the outcome expected and the one observed, and the figures the run measured in
 * virtual ns (-1 where the scenario has none): the time from the injection (or the switch to a new
 * image, or the delivery of a package) to the detection, from the detection to the recovery (the
 * restore, the rollback's first heartbeat of the old image, the commit), the pages written into the
 * partition's RAM through the board's bus by the scenario itself, the pages and bytes a restore
 * copied back and its virtual time, the pages and time of the incremental snapshot taken after
 * those writes, the deadline misses of the affected partition and of every other critical
 * partition (which must be 0), the failures of the affected partition the monitor detected besides
 * the one the scenario caused (its own timing hurt by a long snapshot or restore, for instance),
 * the monitor timer faults detected on any core in the run (a core's timer that fired late while
 * a long copy held the machine), and the event of the run that proves the outcome.
 *
 * [impl->dsn~campaign.scenarios~1]
 */
public record ScenarioRow(String scenario, String partition, String expected, String observed, long detectNs,
                          long recoverNs, long pagesWritten, long restorePages, long restoreBytes, long restoreNs,
                          long snapshotPages, long snapshotNs, long ownMisses, long otherCriticalMisses,
                          long furtherFailures, long timerFaults, String proof, String note) {

    /** @return whether the row has its expected outcome and no other critical partition missed a deadline. */
    public boolean passed() {
        return expected.equals(observed) && otherCriticalMisses == 0;
    }
}
