package warden.kernel.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import warden.kernel.api.Access;
import warden.kernel.api.Criticality;
import warden.kernel.api.SystemImage;
import warden.kernel.api.SystemImageBuilder;
import warden.kernel.api.ImageCheckCode;

/**
 * Each check of the boot-time image validation at its boundary: the last value accepted and the
 * first refused, with the result code and the offending indices it records.
 */
class ImageCheckTest {
    private static final long MON = 0x8000_0000L;
    private static final long RAM = 0x9000_0000L;

    private final ImageCheck check = new ImageCheck();

    /** One QM partition on core 0 with one 4 KiB region, on a 2-core image. */
    private static SystemImageBuilder one(int cores) {
        SystemImageBuilder b = SystemImage.builder(cores).monitor(MON, 0x1000);
        int p = b.partition("p", Criticality.QM, 1, RAM, 0, false);
        b.region(p, RAM, 0x1000, Access.READ);
        return b;
    }

    private void expect(int code, int first, int second, SystemImage img, int platformCores) {
        assertEquals(ImageCheckCode.name(code), ImageCheckCode.name(check.check(img, platformCores)));
        assertEquals(code, check.lastCode());
        assertEquals(first, check.first(), "first offending index");
        assertEquals(second, check.second(), "second offending index");
    }

    private void ok(SystemImage img, int platformCores) {
        expect(ImageCheckCode.OK, -1, -1, img, platformCores);
    }

    // [utest->dsn~kernel.boot.revalidate~1]
    @Test
    void namesCoverEveryCodeAndNothingElse() {
        assertEquals("OK", ImageCheckCode.name(ImageCheckCode.OK));
        assertEquals("CORE_OVERCOMMITTED", ImageCheckCode.name(ImageCheckCode.CORE_OVERCOMMITTED));
        assertEquals("?", ImageCheckCode.name(-1));
        assertEquals("IMAGE_DIGEST", ImageCheckCode.name(ImageCheckCode.IMAGE_DIGEST));
        assertEquals("BAD_CHANNEL", ImageCheckCode.name(ImageCheckCode.BAD_CHANNEL));
        assertEquals("BAD_ACL", ImageCheckCode.name(ImageCheckCode.BAD_ACL));
        assertEquals("BAD_SNAPSHOT", ImageCheckCode.name(ImageCheckCode.BAD_SNAPSHOT));
        assertEquals("BAD_UPDATE", ImageCheckCode.name(ImageCheckCode.BAD_UPDATE));
        assertEquals("?", ImageCheckCode.name(ImageCheckCode.BAD_UPDATE + 1));
    }

    // [utest->dsn~kernel.boot.revalidate~1]
    @Test
    void anImageOfNoCoresOrANegativeCountIsRefusedBeforeAnyTableIsSizedByIt() {
        expect(ImageCheckCode.BAD_CORES, -1, 0, one(0).build(), 2);
        expect(ImageCheckCode.BAD_CORES, -1, -1, one(-1).build(), 2);
        expect(ImageCheckCode.BAD_CORES, -1, -31, one(-31).build(), 2);
        ok(one(1).build(), 2);
        warden.kernel.api.Monitor m = warden.kernel.Warden.create(new warden.kernel.FakePlatform(2));
        assertEquals(warden.kernel.api.Status.INVALID_PARAM, m.boot(one(-1).build()), "boot refuses it, no exception");
        assertEquals(false, m.sealed());
    }

    // [utest->dsn~kernel.boot.revalidate~1]
    @Test
    void coresMayNumberUpToThePlatformsAndTheTableSize() {
        ok(one(2).build(), 2);
        expect(ImageCheckCode.TOO_MANY_CORES, 3, 2, one(3).build(), 2);
        ok(one(SystemImage.CORES_MAX).build(), SystemImage.CORES_MAX + 4);
        expect(ImageCheckCode.TOO_MANY_CORES, SystemImage.CORES_MAX + 1, SystemImage.CORES_MAX + 4,
                one(SystemImage.CORES_MAX + 1).build(), SystemImage.CORES_MAX + 4);
    }

    // [utest->dsn~kernel.boot.revalidate~1]
    @Test
    void theMonitorNeedsANonEmptyRangeThatDoesNotWrap() {
        SystemImageBuilder empty = one(1).monitor(MON, 0);
        expect(ImageCheckCode.BAD_MONITOR, -1, -1, empty.build(), 1);
        expect(ImageCheckCode.BAD_MONITOR, -1, -1, one(1).monitor(-0x1000, 0x1000).build(), 1);
        expect(ImageCheckCode.BAD_MONITOR, -1, -1, one(1).monitor(Long.MAX_VALUE - 0xff, 0x1000).build(), 1);
        ok(one(1).monitor(0, 1).build(), 1);
    }

    // [utest->dsn~kernel.boot.revalidate~1]
    @Test
    void eachPartitionNeedsCoresOfTheImageAKnownLevelAndARegion() {
        SystemImageBuilder b = one(2);
        int q = b.partition("q", Criticality.QM, 0, RAM + 0x1000, 0, false);
        b.region(q, RAM + 0x1000, 0x1000, Access.READ);
        expect(ImageCheckCode.BAD_CORES, 1, -1, b.build(), 2);

        b = one(2);
        q = b.partition("q", Criticality.QM, 0b110, RAM + 0x1000, 0, false);
        b.region(q, RAM + 0x1000, 0x1000, Access.READ);
        expect(ImageCheckCode.BAD_CORES, 1, -1, b.build(), 2);

        for (int level : new int[] {Criticality.QM - 1, Criticality.MAX + 1}) {
            b = one(2);
            q = b.partition("q", level, 0b10, RAM + 0x1000, 0, false);
            b.region(q, RAM + 0x1000, 0x1000, Access.READ);
            expect(ImageCheckCode.BAD_CRITICALITY, 1, -1, b.build(), 2);
        }
        b = one(2);
        q = b.partition("q", Criticality.MAX, 0b10, RAM + 0x1000, 0, false);
        b.region(q, RAM + 0x1000, 0x1000, Access.READ);
        ok(b.build(), 2);

        b = one(2);
        b.partition("q", Criticality.QM, 0b10, RAM + 0x1000, 0, false);
        expect(ImageCheckCode.NO_REGIONS, 1, -1, b.build(), 2);
    }

    private static SystemImage region(long base, long size, int perms) {
        SystemImageBuilder b = one(1);
        int q = b.partition("q", Criticality.QM, 1, base, 0, false);
        b.region(q, base, size, perms);
        return b.build();
    }

    // [utest->dsn~kernel.boot.revalidate~1]
    @Test
    void aRegionNeedsASizeThatFitsAndKnownPermissions() {
        expect(ImageCheckCode.BAD_REGION, 1, -1, region(RAM + 0x1000, 0, Access.READ), 1);
        expect(ImageCheckCode.BAD_REGION, 1, -1, region(RAM + 0x1000, -0x1000, Access.READ), 1);
        expect(ImageCheckCode.BAD_REGION, 1, -1, region(-0x2000, 0x1000, Access.READ), 1);
        expect(ImageCheckCode.BAD_REGION, 1, -1, region(Long.MAX_VALUE - 0xff, 0x1000, Access.READ), 1);
        expect(ImageCheckCode.BAD_REGION, 1, -1, region(RAM + 0x1000, 0x1000, 0), 1);
        expect(ImageCheckCode.BAD_REGION, 1, -1, region(RAM + 0x1000, 0x1000, Access.ALL + 1), 1);
        ok(region(RAM + 0x1000, 1, Access.ALL), 1);
    }

    // [utest->dsn~kernel.boot.revalidate~1]
    @Test
    void regionsMayTouchButNotOverlapEachOtherOrTheMonitor() {
        ok(region(RAM + 0x1000, 0x1000, Access.READ), 1);
        ok(region(MON + 0x1000, 0x1000, Access.READ), 1);
        ok(region(MON - 0x1000, 0x1000, Access.READ), 1);
        expect(ImageCheckCode.MONITOR_OVERLAP, 1, -1, region(MON + 0xfff, 0x1000, Access.READ), 1);
        expect(ImageCheckCode.MONITOR_OVERLAP, 1, -1, region(MON - 0xfff, 0x1000, Access.READ), 1);
        expect(ImageCheckCode.REGION_OVERLAP, 0, 1, region(RAM + 0xfff, 0x1000, Access.READ), 1);
        expect(ImageCheckCode.REGION_OVERLAP, 0, 1, region(RAM - 0xfff, 0x1000, Access.READ), 1);
    }

    private static SystemImage device(int owner, long base, long size) {
        SystemImageBuilder b = one(1);
        b.device(owner, "d", base, size);
        return b.build();
    }

    // [utest->dsn~kernel.boot.revalidate~1]
    @Test
    void aDeviceNeedsASizeThatFitsAndAnExistingOwner() {
        ok(device(0, 0x1000_0000L, 1), 1);
        expect(ImageCheckCode.BAD_DEVICE, 0, -1, device(0, 0x1000_0000L, 0), 1);
        expect(ImageCheckCode.BAD_DEVICE, 0, -1, device(0, 0x1000_0000L, -1), 1);
        expect(ImageCheckCode.BAD_DEVICE, 0, -1, device(0, -0x1000, 0x100), 1);
        expect(ImageCheckCode.BAD_DEVICE, 0, -1, device(0, Long.MAX_VALUE - 0xff, 0x1000), 1);
        expect(ImageCheckCode.BAD_DEVICE, 0, -1, device(-1, 0x1000_0000L, 0x100), 1);
        expect(ImageCheckCode.BAD_DEVICE, 0, -1, device(1, 0x1000_0000L, 0x100), 1);
    }

    // [utest->dsn~kernel.boot.revalidate~1]
    @Test
    void devicesMayTouchButNotOverlapEachOtherRegionsOrTheMonitor() {
        expect(ImageCheckCode.MONITOR_OVERLAP, 0, -1, device(0, MON + 0xff0, 0x100), 1);
        ok(device(0, MON + 0x1000, 0x100), 1);
        ok(device(0, RAM + 0x1000, 0x100), 1);
        expect(ImageCheckCode.DEVICE_OVERLAP, 0, 0, device(0, RAM + 0xff0, 0x100), 1);

        SystemImageBuilder b = one(1);
        b.device(0, "a", 0x1000_0000L, 0x100);
        b.device(0, "b", 0x1000_0100L, 0x100);
        ok(b.build(), 1);
        b.device(0, "c", 0x1000_01ffL, 0x100);
        expect(ImageCheckCode.DEVICE_OVERLAP, 1, 2, b.build(), 1);
    }

    private static SystemImage line(int owner, int core, int priority) {
        SystemImageBuilder b = SystemImage.builder(2).monitor(MON, 0x1000);
        int p = b.partition("p", Criticality.QM, 0b10, RAM, 0, false);
        b.region(p, RAM, 0x1000, Access.READ);
        b.line(owner, 9, core, priority);
        return b.build();
    }

    // [utest->dsn~kernel.boot.revalidate~1]
    @Test
    void aLineNeedsAnOwnerACoreOfItsOwnerAndAPriorityFrom1To7() {
        ok(line(0, 1, 1), 2);
        ok(line(0, 1, 7), 2);
        expect(ImageCheckCode.BAD_LINE, 9, 0, line(0, 1, 0), 2);
        expect(ImageCheckCode.BAD_LINE, 9, 0, line(0, 1, 8), 2);
        expect(ImageCheckCode.BAD_LINE, 9, 0, line(0, 0, 1), 2);
        expect(ImageCheckCode.BAD_LINE, 9, 0, line(0, 2, 1), 2);
        expect(ImageCheckCode.BAD_LINE, 9, 0, line(0, -1, 1), 2);
        expect(ImageCheckCode.BAD_LINE, 9, -1, line(1, 1, 1), 2);
        expect(ImageCheckCode.BAD_LINE, 9, -1, line(-2, 1, 1), 2);
        SystemImageBuilder b = SystemImage.builder(1).monitor(MON, 0x1000);
        int p = b.partition("p", Criticality.QM, 1, RAM, 0, false);
        b.region(p, RAM, 0x1000, Access.READ);
        b.line(p, 3, 0, 1);
        b.line(p, 4, 0, 1);
        b.line(p, 4, 0, 1);
        b.line(p, 3, 0, 1);
        expect(ImageCheckCode.DUPLICATE_LINE, 4, -1, b.build(), 1);
    }

    private static SystemImage sharing(int partitions, int criticalOn) {
        SystemImageBuilder b = SystemImage.builder(2).monitor(MON, 0x1000);
        for (int i = 0; i < partitions; i++) {
            int level = i == criticalOn ? Criticality.ASIL_B : Criticality.QM;
            int p = b.partition("p" + i, level, 0b10, RAM + i * 0x1000L, 0, false);
            b.region(p, RAM + i * 0x1000L, 0x1000, Access.READ);
        }
        return b.build();
    }

    // [utest->dsn~kernel.boot.revalidate~1]
    @Test
    void aLineCoreOutsideTheImageIsRefusedEvenWhereTheShiftWouldWrapOntoACoreOfTheOwner() {
        // a Java int shift uses the low five bits of its distance: 1 << -31 and 1 << 33 are both 1 << 1
        expect(ImageCheckCode.BAD_LINE, 9, 0, line(0, -31, 1), 2);
        expect(ImageCheckCode.BAD_LINE, 9, 0, line(0, 33, 1), 2);
        ok(line(0, 1, 1), 2);
    }

    /** p (region at RAM) and q (region at RAM + 4 KiB) on core 0 of a one-core image; no golden images yet. */
    private static SystemImageBuilder two() {
        SystemImageBuilder b = one(1);
        int q = b.partition("q", Criticality.QM, 1, RAM + 0x1000, 0, false);
        b.region(q, RAM + 0x1000, 0x1000, Access.READ);
        return b;
    }

    // [utest->dsn~kernel.boot.revalidate~1]
    @Test
    void aGoldenImageLoadsIntoARegionOfItsOwnPartitionNotIntoTheNextPartitionsFirstRegion() {
        SystemImageBuilder b = two();
        b.image(0, MON, 0x100, RAM + 0x1000);
        expect(ImageCheckCode.BAD_IMAGE, 0, -1, b.build(), 1);
        b.image(0, MON, 0x100, RAM + 0xf00);
        ok(b.build(), 1);
    }

    // [utest->dsn~kernel.boot.revalidate~1]
    @Test
    void aPartitionWithoutAGoldenImageTakesNoMonitorMemoryWhateverStoreItNames() {
        SystemImageBuilder b = two();
        b.image(0, MON + 0x10, 0, RAM);
        b.image(1, MON, 0x100, RAM + 0x1000);
        ok(b.build(), 1);
        b.image(0, MON + 0x10, 1, RAM);
        expect(ImageCheckCode.BAD_IMAGE, 1, 0, b.build(), 1);
    }

    // [utest->dsn~kernel.boot.revalidate~1]
    @Test
    void aCoreHoldsAtMostFourPartitionsAndOneCriticalOne() {
        ok(sharing(ImageCheck.PARTITIONS_PER_CORE_MAX, 2), 2);
        expect(ImageCheckCode.CORE_OVERCOMMITTED, 1, 5, sharing(5, -1), 2);
        SystemImageBuilder b = SystemImage.builder(2).monitor(MON, 0x1000);
        int a = b.partition("a", Criticality.ASIL_A, 0b01, RAM, 0, false);
        b.region(a, RAM, 0x1000, Access.READ);
        int c = b.partition("c", Criticality.ASIL_D, 0b10, RAM + 0x1000, 0, false);
        b.region(c, RAM + 0x1000, 0x1000, Access.READ);
        ok(b.build(), 2);
        int d = b.partition("d", Criticality.ASIL_C, 0b10, RAM + 0x2000, 0, false);
        b.region(d, RAM + 0x2000, 0x1000, Access.READ);
        expect(ImageCheckCode.TWO_CRITICAL_ON_CORE, 1, 2, b.build(), 2);
    }

    // [utest->dsn~kernel.boot.revalidate~1]
    @Test
    void anImageWithEveryTableFullPasses() {
        int cores = SystemImage.PARTITIONS_MAX / ImageCheck.PARTITIONS_PER_CORE_MAX;
        SystemImageBuilder b = SystemImage.builder(cores).monitor(MON, 0x1000);
        int perPartition = SystemImage.REGIONS_MAX / SystemImage.PARTITIONS_MAX;
        int devicesPer = SystemImage.DEVICES_MAX / SystemImage.PARTITIONS_MAX;
        for (int i = 0; i < SystemImage.PARTITIONS_MAX; i++) {
            int p = b.partition("p" + i, Criticality.QM, 1 << (i % cores), RAM, 0, false);
            for (int r = 0; r < perPartition; r++) {
                b.region(p, RAM + (i * perPartition + r) * 0x1000L, 0x1000, Access.READ);
            }
            for (int d = 0; d < devicesPer; d++) {
                b.device(p, "d", 0x1000_0000L + (i * devicesPer + d) * 0x100L, 0x100);
            }
            b.line(p, 1 + i, i % cores, 1 + i % 7);
        }
        SystemImage img = b.build();
        assertEquals(SystemImage.REGIONS_MAX, img.regionTotal());
        assertEquals(SystemImage.DEVICES_MAX, img.deviceTotal());
        ok(img, cores);
    }

    // [utest->dsn~kernel.boot.revalidate~1]
    @Test
    void rangesFitWhenNonEmptyNonNegativeAndNotWrapping() {
        assertTrue(ImageCheck.fits(0, 1));
        assertTrue(ImageCheck.fits(Long.MAX_VALUE - 1, 1));
        assertFalse(ImageCheck.fits(Long.MAX_VALUE, 1));
        assertFalse(ImageCheck.fits(-1, 1));
        assertFalse(ImageCheck.fits(0, 0));
        assertFalse(ImageCheck.fits(0, -1));
    }

    // [utest->dsn~kernel.boot.revalidate~1]
    @Test
    void rangesThatOnlyTouchDoNotOverlap() {
        assertFalse(ImageCheck.overlaps(0, 0x10, 0x10, 0x10));
        assertFalse(ImageCheck.overlaps(0x10, 0x10, 0, 0x10));
        assertTrue(ImageCheck.overlaps(0, 0x11, 0x10, 0x10));
        assertTrue(ImageCheck.overlaps(0x10, 0x10, 0, 0x11));
        assertTrue(ImageCheck.overlaps(0x10, 0x10, 0x10, 0x10));
    }
}
