package warden.kernel.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The image's later tables: access-control entries, channel ends, update sections and snapshots. */
class ImageTablesTest {

    // [utest->dsn~kernel.image~1]
    @Test
    void theImageHoldsTheAccessListChannelUpdateAndSnapshotTablesAsTheBuilderGotThem() {
        SystemImageBuilder b = SystemImage.builder(2);
        assertEquals(0, b.build().regionTotal(), "no partition, no region");
        int p = b.partition("p", Criticality.ASIL_C, 0b01, 0x8000_0000L, 0, false);
        b.region(p, 0x8000_0000L, 0x1000, Access.ALL);
        b.region(p, 0x8000_1000L, 0x1000, Access.READ);
        int q = b.partition("q", Criticality.QM, 0b10, 0x9000_0000L, 0, true);
        b.region(q, 0x9000_0000L, 0x1000, Access.ALL);
        int d = b.device(q, "can0", 0x1000_0000L, 0x100);
        b.aclEntry(p, d, 0x10, Access.WRITE, 0xF0F, 3, 200, 7, 5_000L);
        int c = b.channel("c", q, p, 0xA000_0000L, 0x1000, 64, 4, 0, 0);
        byte[] key = new byte[UpdateReason.KEY_BYTES];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (i * 37 + 129);
        }
        b.update(p, q, 0x7001_0000L, 0x2000, key, 9, 50_000_000L);
        b.snapshot(p, true, 3_000, 1_000, q);
        SystemImage img = b.build();
        assertEquals(3, img.regionTotal(), "p's two regions and q's one");
        assertEquals(1, img.aclTotal());
        assertEquals(p, img.aclPartition(0));
        assertEquals(d, img.aclDevice(0));
        assertEquals(0x10, img.aclOffset(0));
        assertEquals(Access.WRITE, img.aclAccess(0));
        assertEquals(0xF0F, img.aclMask(0));
        assertEquals(3, img.aclMin(0));
        assertEquals(200, img.aclMax(0));
        assertEquals(7, img.aclRate(0));
        assertEquals(5_000L, img.aclWindowNs(0));
        assertEquals(q, img.channelSender(c));
        assertEquals(q, img.updateBy(p));
        assertEquals(SystemImage.NO_PARTITION, img.updateBy(q), "q has no update section");
        assertEquals(0x7001_0000L, img.slotB(p));
        assertEquals(0x2000, img.slotMax(p));
        for (int i = 0; i < key.length; i++) {
            assertEquals(key[i] & 0xff, img.updateKeyByte(p, i), "key byte " + i + ", read unsigned");
        }
        assertEquals(9, img.imageVersion(p));
        assertEquals(50_000_000L, img.trialNs(p));
        assertTrue(img.snapshot(p));
        assertFalse(img.snapshot(q));
        assertTrue(img.snapshotAtBoot(p));
        assertFalse(img.snapshotAtBoot(q));
        assertEquals(3_000, img.snapshotAtNs(p));
        assertEquals(1_000, img.snapshotPeriodNs(p));
        assertEquals(q, img.snapshotBy(p));
    }

    // [utest->dsn~kernel.image~1]
    @Test
    void anUpdateKeyOfAnyOtherLengthIsRefused() {
        SystemImageBuilder b = SystemImage.builder(1);
        int p = b.partition("p", Criticality.QM, 1, 0, 0, false);
        assertThrows(IllegalArgumentException.class,
                () -> b.update(p, p, 0x7000_0000L, 0x1000, new byte[UpdateReason.KEY_BYTES - 1], 1, 0));
        assertThrows(IllegalArgumentException.class,
                () -> b.update(p, p, 0x7000_0000L, 0x1000, new byte[UpdateReason.KEY_BYTES + 1], 1, 0));
    }
}
