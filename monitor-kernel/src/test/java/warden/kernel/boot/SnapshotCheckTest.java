package warden.kernel.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import warden.kernel.api.Access;
import warden.kernel.api.Criticality;
import warden.kernel.api.ImageCheckCode;
import warden.kernel.api.RestorePoint;
import warden.kernel.api.SystemImage;
import warden.kernel.api.SystemImageBuilder;

/** The boot check of the partitions' snapshots, one refusal per rule. */
class SnapshotCheckTest {
    /** An RTOS with a writable region of {@code size} bytes at {@code base} and a read-only page; a rich OS. */
    private static SystemImageBuilder image(long base, long size, boolean privileged) {
        SystemImageBuilder b = SystemImage.builder(1).monitor(0x7000_0000L, 0x1000);
        b.partition("rtos", Criticality.ASIL_C, 1, base, 0, false);
        b.region(0, base, size, Access.READ | Access.WRITE);
        b.region(0, 0x8F00_0100L, 0x100, Access.READ | Access.EXECUTE);
        b.partition("linux", Criticality.QM, 1, 0xC000_0000L, 0, privileged);
        b.region(1, 0xC000_0000L, 0x1000, Access.ALL);
        return b;
    }

    private static int check(SystemImageBuilder b) {
        ImageCheck c = new ImageCheck();
        int r = c.check(b.build(), 1);
        assertEquals(r == ImageCheckCode.OK ? -1 : 0, c.first(), "the snapshotted partition is named, none when OK");
        return r;
    }

    // [utest->dsn~kernel.snapshot.boot-check~1]
    @Test
    void writableRegionsMustBePageAlignedAndHoldOneToPagesMaxPages() {
        assertEquals(ImageCheckCode.OK, check(image(0x9000_0000L, 0x2000, false).snapshot(0, true, -1, 0, -1)),
                "the unaligned read-only region is not part of the snapshot");
        assertEquals(ImageCheckCode.BAD_SNAPSHOT, check(image(0x9000_0800L, 0x2000, false)
                .snapshot(0, true, -1, 0, -1)));
        assertEquals(ImageCheckCode.BAD_SNAPSHOT, check(image(0x9000_0000L, 0x2800, false)
                .snapshot(0, true, -1, 0, -1)));
        long max = (long) RestorePoint.PAGES_MAX * RestorePoint.PAGE_BYTES;
        assertEquals(ImageCheckCode.OK, check(image(0x9000_0000L, max, false).snapshot(0, true, -1, 0, -1)));
        assertEquals(ImageCheckCode.BAD_SNAPSHOT, check(image(0x9000_0000L, max + 0x1000, false)
                .snapshot(0, true, -1, 0, -1)));
        assertEquals(ImageCheckCode.BAD_SNAPSHOT, check(image(0x9000_0000L, 0x2000, false)
                .snapshot(0, true, -1, -1, -1)), "a negative period");
        SystemImageBuilder readOnly = SystemImage.builder(1).monitor(0x7000_0000L, 0x1000);
        readOnly.partition("ro", Criticality.ASIL_C, 1, 0x9000_0000L, 0, false);
        readOnly.region(0, 0x9000_0000L, 0x1000, Access.READ | Access.EXECUTE);
        readOnly.snapshot(0, true, -1, 0, -1);
        assertEquals(ImageCheckCode.BAD_SNAPSHOT, check(readOnly), "no page to snapshot");
    }

    // [utest->dsn~kernel.snapshot.boot-check~1]
    @Test
    void theRequesterMustBeAPrivilegedPartitionOfTheImage() {
        assertEquals(ImageCheckCode.OK, check(image(0x9000_0000L, 0x1000, true).snapshot(0, true, -1, 0, 1)));
        assertEquals(ImageCheckCode.BAD_SNAPSHOT_REQUESTER, check(image(0x9000_0000L, 0x1000, false)
                .snapshot(0, true, -1, 0, 1)), "linux is not privileged");
        assertEquals(ImageCheckCode.BAD_SNAPSHOT_REQUESTER, check(image(0x9000_0000L, 0x1000, true)
                .snapshot(0, true, -1, 0, 2)), "no partition 2");
        assertEquals(ImageCheckCode.BAD_SNAPSHOT_REQUESTER, check(image(0x9000_0000L, 0x1000, true)
                .snapshot(0, true, -1, 0, -2)));
    }

    // [utest->dsn~kernel.snapshot.boot-check~1]
    @Test
    void aPartitionWithoutSnapshotsNeedsNoAlignedRegionAndTheFirstBadOneIsNamed() {
        assertEquals(ImageCheckCode.OK, check(image(0x9000_0800L, 0x2800, false)), "no snapshot, no rule");
        int cores = SystemImage.PARTITIONS_MAX / ImageCheck.PARTITIONS_PER_CORE_MAX;
        SystemImageBuilder b = SystemImage.builder(cores).monitor(0x7000_0000L, 0x1000);
        for (int p = 0; p < SystemImage.PARTITIONS_MAX; p++) {
            long base = 0x9000_0000L + 0x1_0000L * p;
            b.partition("p" + p, Criticality.QM, 1 << (p % cores), base, 0, p == 0);
            b.region(p, base, 0x1000, Access.READ | Access.WRITE);
        }
        b.snapshot(3, true, -1, 0, 0);
        b.snapshot(SystemImage.PARTITIONS_MAX - 1, true, -1, -1, SystemImage.NO_PARTITION);
        ImageCheck c = new ImageCheck();
        assertEquals(ImageCheckCode.BAD_SNAPSHOT, c.check(b.build(), cores), "the last partition's negative period");
        assertEquals(SystemImage.PARTITIONS_MAX - 1, c.first());
        b.snapshot(SystemImage.PARTITIONS_MAX - 1, true, -1, 0, SystemImage.NO_PARTITION);
        b.snapshot(5, true, -1, 0, 3);
        assertEquals(ImageCheckCode.BAD_SNAPSHOT_REQUESTER, c.check(b.build(), cores), "p3 is not privileged");
        assertEquals(5, c.first());
        b.snapshot(5, true, -1, 0, SystemImage.PARTITIONS_MAX);
        assertEquals(ImageCheckCode.BAD_SNAPSHOT_REQUESTER, c.check(b.build(), cores), "no partition 16");
        assertEquals(5, c.first());
        b.snapshot(5, true, -1, 0, 0);
        assertEquals(ImageCheckCode.OK, c.check(b.build(), cores), "p0, privileged, may request");
        assertEquals(-1, c.first());
    }
}
