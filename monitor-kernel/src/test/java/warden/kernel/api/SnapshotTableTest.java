package warden.kernel.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The snapshot settings an image carries, and the names of the fallback reasons. */
class SnapshotTableTest {

    // [utest->dsn~kernel.snapshot.take~1]
    @Test
    void aPartitionWithoutASnapshotBlockHasNoSnapshotsNoTimeNoPeriodAndNoRequester() {
        SystemImageBuilder b = SystemImage.builder(1).monitor(0x7000_0000L, 0x1000);
        b.partition("p0", Criticality.ASIL_C, 1, 0x8000_0000L, 0, false);
        b.region(0, 0x8000_0000L, 0x1000, Access.ALL);
        b.partition("p1", Criticality.QM, 1, 0x8001_0000L, 0, true);
        b.region(1, 0x8001_0000L, 0x1000, Access.ALL);
        SystemImage img = b.snapshot(0, true, 50, 100, 1).build();
        assertTrue(img.snapshot(0));
        assertTrue(img.snapshotAtBoot(0));
        assertEquals(50, img.snapshotAtNs(0));
        assertEquals(100, img.snapshotPeriodNs(0));
        assertEquals(1, img.snapshotBy(0));
        for (int p = 1; p < SystemImage.PARTITIONS_MAX; p++) {
            assertFalse(img.snapshot(p));
            assertFalse(img.snapshotAtBoot(p));
            assertEquals(-1, img.snapshotAtNs(p), "partition " + p);
            assertEquals(0, img.snapshotPeriodNs(p));
            assertEquals(SystemImage.NO_PARTITION, img.snapshotBy(p), "partition " + p);
        }
    }

    // [utest->dsn~run.snapshot-report~1]
    @Test
    void everyReasonCodeHasTheNameTheReportShows() {
        assertEquals("none", RestorePoint.reason(0));
        assertEquals("no-snapshot", RestorePoint.reason(RestorePoint.NO_SNAPSHOT));
        assertEquals("state-lost", RestorePoint.reason(RestorePoint.STATE_LOST));
        assertEquals("?", RestorePoint.reason(RestorePoint.STATE_LOST + 1));
        assertEquals("?", RestorePoint.reason(-1));
    }
}
