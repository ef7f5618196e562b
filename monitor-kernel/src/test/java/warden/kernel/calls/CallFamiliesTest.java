package warden.kernel.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import warden.kernel.api.Access;
import warden.kernel.api.Criticality;
import warden.kernel.api.EventKind;
import warden.kernel.api.HealthAction;
import warden.kernel.api.MonitorCall;
import warden.kernel.api.RestorePoint;
import warden.kernel.api.Status;
import warden.kernel.api.SystemImage;
import warden.kernel.api.SystemImageBuilder;

/**
 * The later call families reach their own handlers through the kernel's dispatch: p0 (ASIL-C)
 * snapshots at its first heartbeat and when p1 (privileged, its requester) asks; nobody may update it.
 */
class CallFamiliesTest {
    private static final long RAM = 0x8000_0000L;

    private static CallGroups calls() {
        SystemImageBuilder b = SystemImage.builder(1).monitor(0x7000_0000L, 0x1000);
        b.partition("p0", Criticality.ASIL_C, 1, RAM, 0, false);
        b.region(0, RAM, 0x2000, Access.READ | Access.WRITE);
        b.partition("p1", Criticality.QM, 1, RAM + 0x4000, 0, true);
        b.region(1, RAM + 0x4000, 0x1000, Access.ALL);
        b.snapshot(0, true, -1, 0, 1);
        b.health(0, 0, 0, 1_000_000L, 0, HealthAction.STOP, HealthAction.STOP);
        return new CallGroups(b.build());
    }

    // [utest->dsn~kernel.mcall.decode-invoke~1]
    @Test
    void snapshotAndUpdateCallsReachTheirHandlersWithTheirAnswers() {
        CallGroups c = calls();
        c.platform.args[0] = 0;
        assertEquals(Status.OK, c.all.call(0, 1, MonitorCall.SNAPSHOT));
        assertEquals(1, c.points.stat(0, RestorePoint.TAKEN));
        assertEquals(Status.DENIED, c.all.call(0, 0, MonitorCall.SNAPSHOT), "p0 is not its own requester");
        assertEquals(1, c.points.stat(0, RestorePoint.TAKEN));
        assertEquals(Status.DENIED, c.all.call(0, 1, MonitorCall.UPDATE_STATUS), "p0 has no update section");
        assertEquals(EventKind.UPDATE_REFUSED, c.log.kind(c.log.sequence() - 1), "refused by the update handler");
    }

    // [utest->dsn~kernel.mcall.heartbeat~1]
    // [utest->dsn~kernel.snapshot.take~1]
    @Test
    void theFirstHeartbeatCallIsWhereTheBootSnapshotIsTaken() {
        CallGroups c = calls();
        c.platform.writeByte(RAM + 0x1000, 5);
        assertEquals(Status.OK, c.all.call(0, 0, MonitorCall.HEARTBEAT));
        assertEquals(1, c.points.stat(0, RestorePoint.TAKEN), "the boot snapshot, at the first heartbeat");
        assertEquals(1, c.points.stat(0, RestorePoint.LAST_PAGES), "with the page written before it");
        assertEquals(Status.OK, c.all.call(0, 0, MonitorCall.HEARTBEAT));
        assertEquals(1, c.points.stat(0, RestorePoint.TAKEN), "only at the first");
    }
}
