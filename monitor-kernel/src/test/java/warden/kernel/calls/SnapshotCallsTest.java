package warden.kernel.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * SNAPSHOT (17): p0 (ASIL-C) has snapshots that p2 (privileged) may request; p1 (privileged) is not
 * its requester; p2 itself has no snapshots.
 */
class SnapshotCallsTest {
    private static final long RAM = CallGroups.SNAPSHOT_RAM;

    // [utest->dsn~kernel.snapshot.call~1]
    @Test
    void onlyThePartitionsRequesterMayAskAndOnlyForAPartitionOfTheImageThatRuns() {
        CallGroups c = CallGroups.withSnapshots(false);
        assertEquals(Status.OK, c.snapshots.decode(2, 0));
        assertEquals(Status.DENIED, c.snapshots.decode(1, 0), "p1 is privileged but not p0's requester");
        assertEquals(Status.DENIED, c.snapshots.decode(0, 0), "nor is p0 itself");
        assertEquals(Status.DENIED, c.snapshots.decode(2, 2), "p2 has no snapshots");
        assertEquals(Status.INVALID_PARAM, c.snapshots.decode(2, 3));
        assertEquals(Status.INVALID_PARAM, c.snapshots.decode(2, -1));
        assertEquals(Status.INVALID_PARAM, c.snapshots.decode(2, 1L << 32));
        c.health.failure(0, HealthAction.REASON_CRASH, 0); // p0's policy: stop
        assertEquals(Status.BAD_STATE, c.snapshots.decode(2, 0));
    }

    // [utest->dsn~kernel.snapshot.call~1]
    @Test
    void theCallTakesTheSnapshotAndAnswersThePagesCopied() {
        CallGroups c = CallGroups.withSnapshots(false);
        c.platform.writeByte(RAM + 0x1000, 7);
        c.platform.args[0] = 0;
        assertEquals(Status.OK, c.all.call(0, 2, MonitorCall.SNAPSHOT));
        assertEquals(1, c.platform.lastValue, "one page written");
        assertEquals(1, c.points.stat(0, RestorePoint.TAKEN));
        assertEquals(Status.DENIED, c.all.call(0, 1, MonitorCall.SNAPSHOT));
        assertEquals(EventKind.DENIED_CALL, c.log.kind(c.log.sequence() - 1), "a refusal is logged");
        c.platform.pageErrorAddress = RAM + 0x1000;
        c.platform.writeByte(RAM + 0x1000, 8);
        assertEquals(Status.FAILED, c.all.call(0, 2, MonitorCall.SNAPSHOT), "the port could not save a page");
        assertEquals(0, c.platform.lastValue);
    }

    // [utest->dsn~kernel.snapshot.call~1]
    @Test
    void aRequesterThatIsNotPrivilegedIsDeniedEvenWhenTheImageNamesIt() {
        SystemImageBuilder b = SystemImage.builder(1).monitor(0x7000_0000L, 0x1000);
        b.partition("p0", Criticality.ASIL_C, 1, RAM, 0, false);
        b.region(0, RAM, 0x1000, Access.READ | Access.WRITE);
        b.partition("p1", Criticality.QM, 1, RAM + 0x4000, 0, false);
        b.region(1, RAM + 0x4000, 0x1000, Access.ALL);
        b.snapshot(0, false, -1, 0, 1); // the boot check refuses this image; the call does not rely on it
        CallGroups c = new CallGroups(b.build());
        assertEquals(Status.DENIED, c.snapshots.decode(1, 0));
        c.platform.args[0] = 0;
        assertEquals(Status.DENIED, c.all.call(0, 1, MonitorCall.SNAPSHOT));
        assertEquals(0, c.points.stat(0, RestorePoint.TAKEN));
    }

    // [utest->dsn~kernel.snapshot.call~1]
    @Test
    void aSnapshotWithNothingWrittenSinceTheLastIsTakenAndAnswersZeroPages() {
        CallGroups c = CallGroups.withSnapshots(false);
        c.platform.args[0] = 0;
        c.platform.lastValue = -1;
        assertEquals(Status.OK, c.all.call(0, 2, MonitorCall.SNAPSHOT));
        assertEquals(0, c.platform.lastValue, "no page written since boot");
        assertEquals(1, c.points.stat(0, RestorePoint.TAKEN));
        assertTrue(c.points.valid(0));
    }
}
