package warden.kernel.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import warden.kernel.log.EventLog;
import warden.kernel.boot.ImageCheck;
import warden.kernel.api.ImageCheckCode;

/** The image builder at the edges of its tables, its defaults, and the names of frozen ids. */
class SystemImageBuilderTest {

    // [utest->dsn~kernel.image~1]
    @Test
    void everyTableTakesExactlyItsMaximum() {
        SystemImageBuilder b = SystemImage.builder(1);
        int p = b.partition("p", Criticality.QM, 1, 0, 0, false);
        for (int r = 0; r < SystemImage.REGIONS_PER_PARTITION_MAX; r++) {
            assertSame(b, b.region(p, r * 0x1000L, 0x1000, Access.READ));
        }
        assertThrows(IllegalArgumentException.class, () -> b.region(p, 0x10_0000L, 0x1000, Access.READ));
        for (int q = 1; q < SystemImage.REGIONS_MAX / SystemImage.REGIONS_PER_PARTITION_MAX; q++) {
            int n = b.partition("q" + q, Criticality.QM, 1, 0, 0, false);
            for (int r = 0; r < SystemImage.REGIONS_PER_PARTITION_MAX; r++) {
                b.region(n, 0x100_0000L * q + r * 0x1000L, 0x1000, Access.READ);
            }
        }
        int extra = b.partition("x", Criticality.QM, 1, 0, 0, false);
        assertThrows(IllegalArgumentException.class, () -> b.region(extra, 0x7000_0000L, 0x1000, Access.READ),
                "no region left in the image");
        for (int d = 0; d < SystemImage.DEVICES_MAX; d++) {
            assertEquals(d, b.device(p, "d" + d, 0x1000_0000L + d * 0x100L, 0x100));
        }
        assertThrows(IllegalArgumentException.class, () -> b.device(p, "one too many", 0x2000_0000L, 0x100));
        assertSame(b, b.line(p, SystemImage.LINES_MAX - 1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> b.line(p, SystemImage.LINES_MAX, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> b.line(p, 0, 0, 1));
        SystemImage img = b.build();
        assertEquals(SystemImage.REGIONS_MAX, img.regionTotal());
        assertEquals(SystemImage.DEVICES_MAX, img.deviceTotal());
        assertEquals("d63", img.deviceName(SystemImage.DEVICES_MAX - 1));
        assertEquals(0, img.duplicateLine());
    }

    // [utest->dsn~kernel.image~1]
    @Test
    void aPartitionGetsTheDefaultPolicyOfItsCriticalityUntilHealthSetsOne() {
        SystemImageBuilder b = SystemImage.builder(2);
        int c = b.partition("c", Criticality.ASIL_A, 1, 0x100, 0, true);
        int q = b.partition("q", Criticality.QM, 2, 0x200, 5, false);
        byte[] digest = new byte[SystemImage.DIGEST_BYTES];
        for (int i = 0; i < digest.length; i++) {
            digest[i] = (byte) (0xC0 + i);
        }
        assertSame(b, b.digest(q, digest));
        assertThrows(IllegalArgumentException.class, () -> b.digest(q, new byte[SystemImage.DIGEST_BYTES + 1]));
        SystemImage img = b.build();
        assertEquals(HealthAction.SAFE_STATE, img.escalation(c));
        assertEquals(HealthAction.STOP, img.escalation(q));
        assertEquals(HealthAction.RESTART, img.onFailure(q));
        assertEquals(HealthAction.DEFAULT_RESTARTS, img.maxRestarts(q));
        assertEquals(HealthAction.DEFAULT_WINDOW_NS, img.healthWindowNs(q));
        assertEquals(0, img.digestByte(c, 0));
        assertEquals(0xC0, img.digestByte(q, 0));
        assertEquals(0xC0 + SystemImage.DIGEST_BYTES - 1, img.digestByte(q, SystemImage.DIGEST_BYTES - 1));
        assertSame(b, b.health(q, 7, 8, 9, 10, HealthAction.STOP, HealthAction.SAFE_STATE));
        SystemImage set = b.build();
        assertEquals(HealthAction.STOP, set.onFailure(q));
        assertEquals(HealthAction.SAFE_STATE, set.escalation(q));
        assertEquals(7, set.bootTimeoutNs(q));
        assertEquals(8, set.faultLimit(q));
        assertEquals(9, set.healthWindowNs(q));
        assertEquals(10, set.maxRestarts(q));
        assertEquals(0x200, set.entry(q));
        assertEquals(5, set.watchdogNs(q));
    }

    // [utest->dsn~kernel.image~1]
    @Test
    void theImageHoldsExactlyWhatTheBuilderWasGivenForEachPartitionRegionDeviceAndLine() {
        SystemImageBuilder b = SystemImage.builder(3);
        assertSame(b, b.monitor(0x8000_0000L, 0x20_0000L));
        int a = b.partition("a", Criticality.ASIL_B, 0b001, 0x9000_0000L, 0, true);
        assertSame(b, b.region(a, 0x9000_0000L, 0x4000, Access.READ | Access.EXECUTE));
        int q = b.partition("q", Criticality.QM, 0b110, 0x9100_0000L, 0, false);
        b.region(q, 0x9100_0000L, 0x1000, Access.READ);
        b.region(q, 0x9200_0000L, 0x3000, Access.READ | Access.WRITE);
        assertSame(b, b.image(q, 0x8000_1000L, 300, 0x9200_0100L));
        assertSame(b, b.irqLimit(q, 12));
        assertEquals(0, b.device(a, "can", 0x1001_0000L, 0x1000));
        assertEquals(1, b.device(q, "nic", 0x1002_0000L, 0x2000));
        assertSame(b, b.line(a, 7, 0, 6));
        b.line(q, 9, 2, 3);
        SystemImage img = b.build();

        assertEquals(3, img.coreCount());
        assertEquals(0x8000_0000L, img.monitorBase());
        assertEquals(0x20_0000L, img.monitorSize());
        assertEquals(Criticality.ASIL_B, img.criticality(a));
        assertEquals(Criticality.QM, img.criticality(q));
        assertEquals(true, img.privileged(a));
        assertEquals(false, img.privileged(q));
        assertEquals(0, img.imageSize(a), "a partition without an image");
        assertEquals(0x8000_1000L, img.imageStore(q));
        assertEquals(300, img.imageSize(q));
        assertEquals(0x9200_0100L, img.imageLoad(q));
        assertEquals(0, img.irqLimit(a));
        assertEquals(12, img.irqLimit(q));

        assertEquals(1, img.regionCount(a));
        assertEquals(2, img.regionCount(q));
        assertEquals(0, img.region(a, 0));
        assertEquals(2, img.region(q, 1), "q's second region follows a's and q's first");
        assertEquals(0x9200_0000L, img.regionBase(img.region(q, 1)));
        assertEquals(0x3000, img.regionSize(img.region(q, 1)));
        assertEquals(Access.READ | Access.WRITE, img.regionPerms(img.region(q, 1)));
        assertEquals(Access.READ | Access.EXECUTE, img.regionPerms(img.region(a, 0)));

        assertEquals(0x1002_0000L, img.deviceBase(1));
        assertEquals(0x2000, img.deviceSize(1));
        assertEquals(q, img.deviceOwner(1));
        assertEquals(a, img.deviceOwner(0));

        assertEquals(a, img.lineOwner(7));
        assertEquals(0, img.lineCore(7));
        assertEquals(6, img.linePriority(7));
        assertEquals(q, img.lineOwner(9));
        assertEquals(2, img.lineCore(9));
        assertEquals(3, img.linePriority(9));
        assertEquals(0, img.duplicateLine(), "no line was routed twice");
    }

    // [utest->dsn~kernel.image~1]
    @Test
    void theImageNamesTheFirstLineTheBuilderWasAskedToRouteTwice() {
        SystemImageBuilder b = SystemImage.builder(1);
        int p = b.partition("p", Criticality.QM, 1, 0, 0, false);
        b.line(p, 3, 0, 1);
        b.line(p, 4, 0, 1);
        assertEquals(0, b.build().duplicateLine(), "two different lines");
        b.line(p, 4, 0, 2);
        assertEquals(4, b.build().duplicateLine());
        b.line(p, 3, 0, 2);
        SystemImage img = b.build();
        assertEquals(4, img.duplicateLine(), "the first duplicate stays named");
        assertEquals(2, img.linePriority(3), "the last route of a line is the one kept");
    }

    // [utest->dsn~kernel.boot.revalidate~1]
    @Test
    void bootRefusesAnImageClaimingMorePartitionsThanItsTables() {
        SystemImageBuilder b = SystemImage.builder(1).monitor(0x8000_0000L, 0x1000);
        b.partitionCount = SystemImage.PARTITIONS_MAX + 1;
        ImageCheck check = new ImageCheck();
        assertEquals(ImageCheckCode.NO_PARTITIONS, check.check(b.build(), 1));
    }

    // [utest->dsn~kernel.status-codes~1]
    @Test
    void statusNamesCoverEveryCodeAndNothingElse() {
        assertEquals("OK", Status.name(Status.OK));
        assertEquals("NO_SPACE", Status.name(Status.NO_SPACE));
        assertEquals("INVALID_ADDRESS", Status.name(Status.INVALID_ADDRESS));
        assertEquals("RATE_LIMITED", Status.name(Status.RATE_LIMITED));
        assertEquals("SEQUENCE", Status.name(Status.SEQUENCE));
        assertEquals("VERIFY_FAILED", Status.name(Status.VERIFY_FAILED));
        assertEquals("STALE_VERSION", Status.name(Status.STALE_VERSION));
        assertEquals("?", Status.name(Status.STALE_VERSION - 1));
        assertEquals("?", Status.name(1));
    }

    // [utest->dsn~kernel.image.criticality~1]
    @Test
    void criticalityNamesAndParsingAtTheEdges() {
        assertEquals("QM", Criticality.name(Criticality.QM));
        assertEquals("ASIL-D", Criticality.name(Criticality.MAX));
        assertEquals("?", Criticality.name(-1));
        assertEquals("?", Criticality.name(Criticality.MAX + 1));
        assertEquals(true, Criticality.isCritical(Criticality.MAX));
    }

    // [utest->dsn~kernel.event-log~2]
    @Test
    void aFullRingDropsNothingUntilItsNextRecord() {
        EventLog log = new EventLog();
        for (int i = 0; i < EventLog.CAPACITY; i++) {
            log.append(i, EventKind.ACCESS_VIOLATION, 0, 0, i, 0);
        }
        assertEquals(0, log.dropped());
        assertEquals(0, log.oldest());
        log.append(EventLog.CAPACITY, EventKind.SAFE_STATE, 1, 1, 0, 0);
        assertEquals(1, log.dropped());
        assertEquals(1, log.oldest());
        assertEquals(EventKind.SAFE_STATE, log.kind(EventLog.CAPACITY));
        assertEquals(1, log.core(EventLog.CAPACITY));
        assertEquals("safe-state", EventKind.name(EventKind.SAFE_STATE));
        assertEquals("timer-recovered", EventKind.name(EventKind.TIMER_RECOVERED));
        assertEquals("channel-failure", EventKind.name(EventKind.CHANNEL_FAILURE));
        assertEquals("device-denied", EventKind.name(EventKind.DEVICE_DENIED));
        assertEquals("snapshot-corrupt", EventKind.name(EventKind.SNAPSHOT_CORRUPT));
        assertEquals("update-refused", EventKind.name(EventKind.UPDATE_REFUSED));
        assertEquals("update-aborted", EventKind.name(EventKind.UPDATE_ABORTED));
        assertEquals("?", EventKind.name(EventKind.UPDATE_ABORTED + 1));
        assertEquals("?", EventKind.name(0));
    }
}
