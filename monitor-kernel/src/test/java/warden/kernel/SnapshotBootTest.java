package warden.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import warden.kernel.api.EventKind;
import warden.kernel.api.Monitor;
import warden.kernel.api.MonitorCall;
import warden.kernel.api.RestorePoint;
import warden.kernel.api.Status;
import warden.kernel.api.SystemImage;
import warden.kernel.api.SystemImageBuilder;

/** Snapshots through the kernel: the stores reserved at boot, and the boot snapshot at the first heartbeat. */
class SnapshotBootTest {
    /** The rtos's 4 MiB of RAM: 1024 pages. */
    private static final long RTOS_BYTES = 0x40_0000L;

    private static SystemImageBuilder image() {
        return Images.shared().snapshot(0, true, -1, 0, SystemImage.NO_PARTITION);
    }

    // [utest->dsn~kernel.snapshot.boot-check~1]
    // [utest->dsn~kernel.snapshot.take~1]
    @Test
    void aBootWhoseSnapshotStoreThePortCannotHoldIsRefusedWithNoSpace() {
        FakePlatform small = new FakePlatform(2);
        small.storeCapacity = RTOS_BYTES - 1;
        Monitor m = Warden.create(small);
        assertEquals(Status.NO_SPACE, m.boot(image().build()));
        assertFalse(m.sealed());
        FakePlatform f = new FakePlatform(2);
        f.storeCapacity = RTOS_BYTES;
        Monitor ok = Warden.create(f);
        assertEquals(Status.OK, ok.boot(image().build()), "exactly the rtos's pages; linux has no snapshots");
        assertTrue(ok.sealed());
        assertEquals(RTOS_BYTES, f.store.length);
        assertEquals(RTOS_BYTES / RestorePoint.PAGE_BYTES, ok.snapshotStat(0, RestorePoint.PAGES));
        assertEquals(0, ok.snapshotStat(1, RestorePoint.PAGES));
    }

    // [utest->dsn~kernel.snapshot.take~1]
    @Test
    void theFirstHeartbeatLogsTheBootAndTakesTheBootSnapshotOnlyOnce() {
        KernelRig r = new KernelRig(image());
        r.at(1_000);
        assertEquals(Status.OK, r.m.onMonitorCall(0, MonitorCall.HEARTBEAT));
        assertEquals(1, r.count(EventKind.PARTITION_BOOTED));
        assertEquals(1, r.m.snapshotStat(0, RestorePoint.TAKEN));
        long s = r.last(EventKind.SNAPSHOT_TAKEN);
        assertEquals(0, r.m.eventRecords().partition(s));
        assertEquals(1_000, r.m.eventRecords().time(s));
        r.at(2_000);
        assertEquals(Status.OK, r.m.onMonitorCall(0, MonitorCall.HEARTBEAT));
        assertEquals(1, r.count(EventKind.PARTITION_BOOTED), "only the first heartbeat is the boot");
        assertEquals(1, r.m.snapshotStat(0, RestorePoint.TAKEN), "and only it takes the boot snapshot");
        assertEquals(1, r.count(EventKind.SNAPSHOT_TAKEN));
    }
}
