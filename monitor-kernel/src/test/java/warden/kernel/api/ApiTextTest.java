package warden.kernel.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The names the API gives reports for its codes: every code in range has its own name, every code
 * out of range (either side) is "?", and the health actions parse back from their names.
 */
class ApiTextTest {
    @Test
    void healthActionsAndReasonsHaveNamesAndParseBack() {
        String[] actions = {"restart", "stop", "safe-state", "restore"};
        for (int a = 0; a < actions.length; a++) {
            assertEquals(actions[a], HealthAction.name(a));
            assertEquals(a, HealthAction.parse(actions[a]));
        }
        assertEquals(-1, HealthAction.parse("reboot"));
        assertEquals(-1, HealthAction.parse(null));
        assertEquals("?", HealthAction.name(-1));
        assertEquals("?", HealthAction.name(actions.length));
        assertEquals("none", HealthAction.reason(0));
        assertEquals("protection", HealthAction.reason(7));
        assertEquals("?", HealthAction.reason(-1));
        assertEquals("trial", HealthAction.reason(HealthAction.REASON_TRIAL));
        assertEquals("?", HealthAction.reason(9));
    }

    @Test
    void partitionStatesAndCountersHaveNames() {
        assertEquals("booting", PartitionState.name(PartitionState.BOOTING));
        assertEquals("running", PartitionState.name(PartitionState.RUNNING));
        assertEquals("stopped", PartitionState.name(PartitionState.STOPPED));
        assertEquals("?", PartitionState.name(-1));
        assertEquals("?", PartitionState.name(3));
        assertEquals("monitorCalls", Counter.name(0));
        assertEquals("?", Counter.name(-1));
        assertEquals("?", Counter.name(Counter.COUNT));
        java.util.Set<String> names = new java.util.HashSet<>();
        for (int i = 0; i < Counter.COUNT; i++) {
            names.add(Counter.name(i));
        }
        assertEquals(Counter.COUNT, names.size(), "every counter has its own name");
        assertEquals(false, names.contains("?"));
    }

    @Test
    void restorePointReasonsHaveNames() {
        assertEquals("no-snapshot", RestorePoint.reason(RestorePoint.NO_SNAPSHOT));
        assertEquals("digest-mismatch", RestorePoint.reason(RestorePoint.DIGEST_MISMATCH));
        assertEquals("state-lost", RestorePoint.reason(RestorePoint.STATE_LOST));
        assertEquals("?", RestorePoint.reason(-1));
        assertEquals("?", RestorePoint.reason(4));
        assertEquals("snapshot-taken", EventKind.name(EventKind.SNAPSHOT_TAKEN));
        assertEquals("partition-restored", EventKind.name(EventKind.PARTITION_RESTORED));
        assertEquals("snapshot-corrupt", EventKind.name(EventKind.SNAPSHOT_CORRUPT));
        assertEquals("SNAPSHOT", MonitorCall.name(MonitorCall.SNAPSHOT));
        assertEquals("BAD_SNAPSHOT_REQUESTER", ImageCheckCode.name(ImageCheckCode.BAD_SNAPSHOT_REQUESTER));
    }

    @Test
    void accessTextShowsEachPermission() {
        assertEquals("---", Access.text(0));
        assertEquals("r--", Access.text(Access.READ));
        assertEquals("-w-", Access.text(Access.WRITE));
        assertEquals("--x", Access.text(Access.EXECUTE));
        assertEquals("rwx", Access.text(Access.ALL));
    }
}
