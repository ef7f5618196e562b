package warden.kernel.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import warden.kernel.api.EventKind;
import warden.kernel.api.MonitorCall;
import warden.kernel.api.RestorePoint;
import warden.kernel.api.Status;

/**
 * The later call families reach their own handlers through the kernel's dispatch: p0 (ASIL-C)
 * snapshots at its first heartbeat and when p2 (its requester) asks; nobody may update it.
 */
class CallFamiliesTest {
    // [utest->dsn~kernel.mcall.decode-invoke~1]
    @Test
    void snapshotAndUpdateCallsReachTheirHandlersWithTheirAnswers() {
        CallGroups c = CallGroups.withSnapshots(true);
        c.platform.args[0] = 0;
        assertEquals(Status.OK, c.all.call(0, 2, MonitorCall.SNAPSHOT));
        assertEquals(1, c.points.stat(0, RestorePoint.TAKEN));
        assertEquals(Status.DENIED, c.all.call(0, 0, MonitorCall.SNAPSHOT), "p0 is not its own requester");
        assertEquals(1, c.points.stat(0, RestorePoint.TAKEN));
        assertEquals(Status.DENIED, c.all.call(0, 2, MonitorCall.UPDATE_STATUS), "p0 has no update section");
        assertEquals(EventKind.UPDATE_REFUSED, c.log.kind(c.log.sequence() - 1), "refused by the update handler");
    }

    // [utest->dsn~kernel.mcall.heartbeat~1]
    // [utest->dsn~kernel.snapshot.take~1]
    @Test
    void theFirstHeartbeatCallIsWhereTheBootSnapshotIsTaken() {
        CallGroups c = CallGroups.withSnapshots(true);
        c.platform.writeByte(CallGroups.SNAPSHOT_RAM + 0x1000, 5);
        assertEquals(Status.OK, c.all.call(0, 0, MonitorCall.HEARTBEAT));
        assertEquals(1, c.points.stat(0, RestorePoint.TAKEN), "the boot snapshot, at the first heartbeat");
        assertEquals(1, c.points.stat(0, RestorePoint.LAST_PAGES), "with the page written before it");
        assertEquals(Status.OK, c.all.call(0, 0, MonitorCall.HEARTBEAT));
        assertEquals(1, c.points.stat(0, RestorePoint.TAKEN), "only at the first");
    }
}
