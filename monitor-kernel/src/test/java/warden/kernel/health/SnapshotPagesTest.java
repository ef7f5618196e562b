package warden.kernel.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import warden.kernel.api.Access;
import warden.kernel.api.Criticality;
import warden.kernel.api.RestorePoint;
import warden.kernel.api.SystemImage;
import warden.kernel.api.SystemImageBuilder;

/** The pages of a snapshot: every page of the writable regions, numbered in region order. */
class SnapshotPagesTest {
    private static final long PAGE = RestorePoint.PAGE_BYTES;
    private static final long A = 0x8000_0000L;
    private static final long B = 0x8010_0000L;
    private static final long CODE = 0x8020_0000L;

    // [utest->dsn~kernel.snapshot.take~1]
    @Test
    void pagesAreNumberedAcrossTheWritableRegionsInRegionOrderSkippingTheOthers() {
        SystemImageBuilder b = SystemImage.builder(1).monitor(0x7000_0000L, 0x1000);
        b.partition("p0", Criticality.ASIL_C, 1, CODE, 0, false);
        b.region(0, CODE, 3 * PAGE, Access.READ | Access.EXECUTE);
        b.region(0, A, 2 * PAGE, Access.READ | Access.WRITE);
        b.region(0, CODE + 4 * PAGE, PAGE, Access.READ);
        b.region(0, B, 3 * PAGE, Access.ALL);
        b.partition("p1", Criticality.QM, 1, 0x8030_0000L, 0, false);
        b.region(1, 0x8030_0000L, PAGE, Access.ALL); // right after p0's regions in the image's table
        SystemImage img = b.snapshot(0, true, -1, 0, SystemImage.NO_PARTITION).build();
        assertEquals(5, SnapshotPages.count(img, 0), "2 + 3 writable pages; the code and read-only pages are not");
        long[] expected = {A, A + PAGE, B, B + PAGE, B + 2 * PAGE};
        for (int k = 0; k < expected.length; k++) {
            assertEquals(expected[k], SnapshotPages.address(img, 0, k), "page " + k);
        }
        assertEquals(-1, SnapshotPages.address(img, 0, 5), "past the last page: not p1's page");
        assertEquals(-1, SnapshotPages.address(img, 0, 1000));
    }
}
