package warden.kernel.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import warden.kernel.api.Access;
import warden.kernel.api.Criticality;
import warden.kernel.api.HealthAction;
import warden.kernel.api.ImageCheckCode;
import warden.kernel.api.SystemImage;
import warden.kernel.api.SystemImageBuilder;

/** The boot check of the update sections, one refusal per rule. */
class UpdateCheckTest {
    private static final long MON = 0x8000_0000L;
    private static final long STORE = MON + 0x1000;
    private static final long SLOT_B = MON + 0x4000;
    private static final long LINUX_STORE = MON + 0x8000;
    private static final long RAM = 0x9000_0000L;
    private static final byte[] KEY = new byte[32];

    /**
     * rtos (0, golden image of 0x800 bytes, watchdog, boot timeout), ops (1, privileged) and linux
     * (2, a golden image of 0x100 bytes at {@code linuxStore}); rtos updatable by {@code by} with
     * slots of {@code max} bytes, slot B at {@code slotB}.
     */
    private static SystemImageBuilder image(int by, long slotB, int max, long linuxStore) {
        return partitions(false, false, 0, linuxStore).update(0, by, slotB, max, KEY, 1, 50_000_000L);
    }

    /** rtos, ops and linux as in {@link #image}, with the privileges and linux's watchdog given. */
    private static SystemImageBuilder partitions(boolean rtosPrivileged, boolean linuxPrivileged, long linuxWatchdog,
            long linuxStore) {
        SystemImageBuilder b = SystemImage.builder(1).monitor(MON, 0x10_0000L);
        b.partition("rtos", Criticality.ASIL_C, 1, RAM, 5_000_000, rtosPrivileged);
        b.region(0, RAM, 0x2000, Access.ALL);
        b.health(0, 10_000_000, 0, 1_000_000_000L, 3, HealthAction.RESTART, HealthAction.SAFE_STATE);
        b.partition("ops", Criticality.QM, 1, RAM + 0x10000, 0, true);
        b.region(1, RAM + 0x10000, 0x1000, Access.ALL);
        b.partition("linux", Criticality.QM, 1, RAM + 0x20000, linuxWatchdog, linuxPrivileged);
        b.region(2, RAM + 0x20000, 0x1000, Access.ALL);
        if (linuxWatchdog > 0) {
            b.health(2, 10_000_000, 0, 1_000_000_000L, 3, HealthAction.RESTART, HealthAction.SAFE_STATE);
        }
        return b.image(0, STORE, 0x800, RAM).image(2, linuxStore, 0x100, RAM + 0x20000);
    }

    private static SystemImageBuilder good() {
        return image(1, SLOT_B, 0x1000, LINUX_STORE);
    }

    /** @return the check's code; a BAD_UPDATE must name rtos and its updater. */
    private static int check(SystemImageBuilder b) {
        ImageCheck c = new ImageCheck();
        SystemImage img = b.build();
        int r = c.check(img, 1);
        if (r == ImageCheckCode.BAD_UPDATE) {
            assertEquals(0, c.first(), "names the partition");
            assertEquals(img.updateBy(0), c.second(), "and its updater");
        }
        return r;
    }

    // [utest->dsn~kernel.update.boot-check~1]
    @Test
    void aSoundUpdateSectionPassesAndNoSectionIsNeeded() {
        assertEquals(ImageCheckCode.OK, check(good()));
        assertEquals(ImageCheckCode.OK, check(image(SystemImage.NO_PARTITION, 0, 0, LINUX_STORE)));
        assertEquals(ImageCheckCode.OK, check(image(1, SLOT_B, 0x800, LINUX_STORE)), "slots of the image's size");
        assertEquals(ImageCheckCode.OK, check(image(1, STORE + 0x1000, 0x1000, LINUX_STORE)), "B right after A");
        assertEquals(ImageCheckCode.OK, check(image(1, MON + 0x10_0000L - 0x1000, 0x1000, LINUX_STORE)),
                "B at the monitor memory's end");
        assertEquals(ImageCheckCode.OK, check(image(1, LINUX_STORE + 0x100, 0x1000, LINUX_STORE)), "B after linux's");
        assertEquals(ImageCheckCode.OK, check(image(1, LINUX_STORE - 0x1000, 0x1000, LINUX_STORE)), "B before it");
        assertEquals(ImageCheckCode.OK, check(image(1, SLOT_B, 0x2000, MON + 0x8000)), "load range fills the region");
    }

    // [utest->dsn~kernel.update.boot-check~1]
    @Test
    void anUpdaterThatIsMissingTheTargetItselfOrNotPrivilegedIsRefused() {
        assertEquals(ImageCheckCode.BAD_UPDATE, check(image(3, SLOT_B, 0x1000, LINUX_STORE)));
        assertEquals(ImageCheckCode.BAD_UPDATE, check(image(SystemImage.PARTITIONS_MAX, SLOT_B, 0x1000, LINUX_STORE)));
        assertEquals(ImageCheckCode.BAD_UPDATE, check(image(-2, SLOT_B, 0x1000, LINUX_STORE)));
        assertEquals(ImageCheckCode.BAD_UPDATE, check(image(0, SLOT_B, 0x1000, LINUX_STORE)));
        assertEquals(ImageCheckCode.BAD_UPDATE, check(image(2, SLOT_B, 0x1000, LINUX_STORE)));
    }

    // [utest->dsn~kernel.update.boot-check~1]
    @Test
    void slotsSmallerThanTheImageOrTooLargeOrWithoutAnImageAreRefused() {
        assertEquals(ImageCheckCode.BAD_UPDATE, check(image(1, SLOT_B, 0x7FF, LINUX_STORE)));
        assertEquals(ImageCheckCode.BAD_UPDATE, check(image(1, SLOT_B, SystemImage.IMAGE_BYTES_MAX + 1,
                LINUX_STORE)));
        assertEquals(ImageCheckCode.BAD_UPDATE, check(good().image(0, STORE, 0, RAM)));
        assertEquals(ImageCheckCode.BAD_UPDATE, check(image(1, SLOT_B, 0x2001, LINUX_STORE)), "load range");
        assertEquals(ImageCheckCode.BAD_UPDATE, check(good().image(0, STORE, 0x800, RAM + 0x1800)), "load range");
    }

    // [utest->dsn~kernel.update.boot-check~1]
    @Test
    void aTrialWithoutWindowWatchdogOrBootTimeoutOrANegativeVersionIsRefused() {
        assertEquals(ImageCheckCode.BAD_UPDATE, check(good().update(0, 1, SLOT_B, 0x1000, KEY, 1, 0)));
        assertEquals(ImageCheckCode.BAD_UPDATE, check(good().update(0, 1, SLOT_B, 0x1000, KEY, -1, 1)));
        assertEquals(ImageCheckCode.OK, check(good().update(0, 1, SLOT_B, 0x1000, KEY, 0, 1)));
        assertEquals(ImageCheckCode.BAD_UPDATE, check(good().health(0, 0, 0, 1_000_000_000L, 3,
                HealthAction.RESTART, HealthAction.SAFE_STATE)));
        SystemImageBuilder b = SystemImage.builder(1).monitor(MON, 0x10_0000L);
        b.partition("rtos", Criticality.ASIL_C, 1, RAM, 0, false);
        b.region(0, RAM, 0x2000, Access.ALL);
        b.health(0, 10_000_000, 0, 1_000_000_000L, 3, HealthAction.RESTART, HealthAction.SAFE_STATE);
        b.partition("ops", Criticality.QM, 1, RAM + 0x10000, 0, true);
        b.region(1, RAM + 0x10000, 0x1000, Access.ALL);
        b.image(0, STORE, 0x800, RAM).update(0, 1, SLOT_B, 0x1000, KEY, 1, 1);
        assertEquals(ImageCheckCode.BAD_UPDATE, check(b), "no watchdog");
    }

    // [utest->dsn~kernel.update.boot-check~1]
    @Test
    void slotsOutsideTheMonitorMemoryOrOverlappingAreRefused() {
        assertEquals(ImageCheckCode.BAD_UPDATE, check(image(1, MON + 0x10_0000L - 0xFFF, 0x1000, LINUX_STORE)));
        assertEquals(ImageCheckCode.BAD_UPDATE, check(image(1, MON - 0x10, 0x1000, LINUX_STORE)));
        assertEquals(ImageCheckCode.BAD_UPDATE, check(image(1, RAM, 0x1000, LINUX_STORE)), "B in a partition");
        assertEquals(ImageCheckCode.BAD_UPDATE, check(image(1, -1, 0x1000, LINUX_STORE)));
        assertEquals(ImageCheckCode.BAD_UPDATE, check(image(1, STORE + 0xFFF, 0x1000, LINUX_STORE)), "B over A");
        assertEquals(ImageCheckCode.BAD_UPDATE, check(image(1, STORE - 0xFFF, 0x1000, LINUX_STORE)), "B under A");
        assertEquals(ImageCheckCode.BAD_UPDATE, check(image(1, LINUX_STORE - 0xFFF, 0x1000, LINUX_STORE)));
        assertEquals(ImageCheckCode.BAD_UPDATE, check(image(1, LINUX_STORE + 0xFF, 0x1000, LINUX_STORE)));
        assertEquals(ImageCheckCode.BAD_UPDATE, check(image(1, SLOT_B, 0x1000, STORE + 0xC00)),
                "A, grown to the slot size, over linux's image");
        assertEquals(ImageCheckCode.OK, check(image(1, SLOT_B, 0x1000, STORE - 0x100)), "linux's image right before A");
    }

    // [utest->dsn~kernel.update.boot-check~1]
    @Test
    void twoUpdatablePartitionsMayNotShareSlotSpace() {
        assertEquals(ImageCheckCode.BAD_UPDATE, check(good().update(2, 1, SLOT_B + 0xFFF, 0x100, KEY, 1, 1)),
                "linux's slot B over rtos's slot B");
        assertEquals(ImageCheckCode.BAD_UPDATE, check(good().update(2, 1, STORE + 0x900, 0x100, KEY, 1, 1)),
                "linux's slot B over rtos's slot A");
    }

    /**
     * rtos (0) updatable by ops as in {@link #good()}, ops (1, privileged) and linux (2) with a
     * watchdog and a boot timeout, so that linux may be updatable too; rtos or linux privileged as asked.
     */
    private static SystemImageBuilder three(boolean rtosPrivileged, boolean linuxPrivileged) {
        return partitions(rtosPrivileged, linuxPrivileged, 5_000_000, LINUX_STORE)
                .update(0, 1, SLOT_B, 0x1000, KEY, 1, 50_000_000L);
    }

    // [utest->dsn~kernel.update.boot-check~1]
    @Test
    void twoUpdatablePartitionsWithSlotsApartPassAndAnyPartitionMayBeTheUpdater() {
        assertEquals(ImageCheckCode.OK, check(three(false, false).update(2, 1, MON + 0x6000, 0x100, KEY, 1, 1)));
        assertEquals(ImageCheckCode.OK, check(three(true, false).update(2, 0, MON + 0x6000, 0x100, KEY, 1, 1)),
                "rtos, partition 0, updates linux");
        assertEquals(ImageCheckCode.BAD_UPDATE, check(three(false, false).update(0, 1, LINUX_STORE + 0x800, 0x1000,
                KEY, 1, 1).update(2, 1, MON + 0x6000, 0x1000, KEY, 1, 1)), "rtos's B over linux's A grown to its slot");
    }

    // [utest->dsn~kernel.update.boot-check~1]
    @Test
    void theFirstBadSectionIsNamedAndAPrivilegedPartitionMayNotUpdateItself() {
        ImageCheck c = new ImageCheck();
        assertEquals(ImageCheckCode.BAD_UPDATE, c.check(three(false, true).update(2, 2, MON + 0x6000, 0x100, KEY, 1, 1)
                .build(), 1));
        assertEquals(2, c.first(), "linux, whose updater is itself");
        assertEquals(2, c.second());
    }

    // [utest->dsn~kernel.update.boot-check~1]
    @Test
    void onlyTheImagesPartitionsAndSectionsWithAnUpdaterCount() {
        assertEquals(ImageCheckCode.OK, check(three(false, false).update(2, SystemImage.NO_PARTITION, SLOT_B + 0x100,
                0x100, KEY, 1, 1)), "a slot without an updater is no slot");
        assertEquals(ImageCheckCode.OK, check(good().image(1, STORE + 0x100, 0, RAM + 0x10000)), "no image at all");
        assertEquals(ImageCheckCode.OK, check(good().update(3, 1, SLOT_B, 0x1000, KEY, 1, 0)), "a row past the end");
        assertEquals(ImageCheckCode.OK, check(good().image(3, SLOT_B, 0x100, RAM)), "an image row past the end");
    }

    // [utest->dsn~kernel.update.boot-check~1]
    @Test
    void slotAMustLieInTheMonitorMemoryAndSlotBMayStartIt() {
        assertEquals(ImageCheckCode.BAD_UPDATE, check(good().image(0, MON + 0x10_0000L - 0x800, 0x800, RAM)),
                "the image fits, slot A of the slot size does not");
        assertEquals(ImageCheckCode.OK, check(image(1, MON, 0x1000, LINUX_STORE)), "B at the monitor memory's start");
    }

    // [utest->dsn~kernel.update.boot-check~1]
    @Test
    void theLoadRangeMayLieInAnyOfThePartitionsRegions() {
        SystemImageBuilder b = rtosAndOps(0x10_0000L, RAM + 0x10000, RAM + 0x4000, 0x4000, RAM, 0x2000);
        b.image(0, STORE, 0x800, RAM + 0x800).update(0, 1, SLOT_B, 0x1000, KEY, 1, 1);
        assertEquals(ImageCheckCode.OK, check(b), "in the second region, below the first");
        assertEquals(ImageCheckCode.BAD_UPDATE, check(b.image(0, STORE, 0x800, RAM + 0x1800)),
                "the range leaves the second region and starts below the first");
    }

    /**
     * rtos (0, watchdog, boot timeout, the regions given as base and size pairs) and ops (1,
     * privileged, a region at {@code opsRam}) in a monitor memory of {@code monitorSize} bytes.
     */
    private static SystemImageBuilder rtosAndOps(long monitorSize, long opsRam, long... regions) {
        SystemImageBuilder b = SystemImage.builder(1).monitor(MON, monitorSize);
        b.partition("rtos", Criticality.ASIL_C, 1, RAM, 5_000_000, false);
        for (int i = 0; i < regions.length; i += 2) {
            b.region(0, regions[i], regions[i + 1], Access.ALL);
        }
        b.health(0, 10_000_000, 0, 1_000_000_000L, 3, HealthAction.RESTART, HealthAction.SAFE_STATE);
        b.partition("ops", Criticality.QM, 1, opsRam, 0, true);
        b.region(1, opsRam, 0x1000, Access.ALL);
        return b;
    }

    /** rtos with a region of 2 MiB and slots of {@code max} bytes in a monitor memory of 4 MiB. */
    private static SystemImageBuilder large(int max) {
        return rtosAndOps(0x40_0000L, RAM + 0x100_0000, RAM, 0x20_0000).image(0, STORE, 0x800, RAM)
                .update(0, 1, MON + 0x20_0000, max, KEY, 1, 1);
    }

    // [utest->dsn~kernel.update.boot-check~1]
    @Test
    void slotsOfImageBytesMaxPassAndOneByteMoreIsRefusedWhereverItWouldFit() {
        assertEquals(ImageCheckCode.OK, check(large(SystemImage.IMAGE_BYTES_MAX)));
        assertEquals(ImageCheckCode.BAD_UPDATE, check(large(SystemImage.IMAGE_BYTES_MAX + 1)));
    }

    // [utest->dsn~kernel.update.slots~1]
    @Test
    void theBuilderKeepsEachPartitionsKeyAndRefusesAKeyOfAnotherLength() {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (0xC0 + i);
        }
        SystemImage img = three(false, false).update(2, 1, MON + 0x6000, 0x100, key, 1, 1).build();
        for (int i = 0; i < key.length; i++) {
            assertEquals(key[i] & 0xff, img.updateKeyByte(2, i), "linux's key, byte " + i);
            assertEquals(0, img.updateKeyByte(0, i), "rtos's key, byte " + i);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> good().update(0, 1, SLOT_B, 0x1000, new byte[31], 1, 1));
        assertEquals("key must be 32 bytes", e.getMessage());
    }

    // [utest->dsn~kernel.update.boot-check~1]
    @Test
    void aLoadRangeThatFitsNoneOfTheLastPartitionsRegionsIsRefusedInAFullRegionTable() {
        SystemImageBuilder b = SystemImage.builder(1).monitor(MON, 0x10_0000L);
        int per = SystemImage.REGIONS_MAX / 4;
        for (int p = 0; p < 4; p++) {
            b.partition("p" + p, p == 3 ? Criticality.ASIL_C : Criticality.QM, 1, RAM + 0x10_0000L * p,
                    p == 3 ? 5_000_000 : 0, p == 0);
            for (int i = 0; i < per; i++) {
                b.region(p, RAM + 0x10_0000L * p + 0x2000L * i, 0x1000, Access.ALL);
            }
        }
        b.health(3, 10_000_000, 0, 1_000_000_000L, 3, HealthAction.RESTART, HealthAction.SAFE_STATE);
        b.image(3, STORE, 0x800, RAM + 0x30_0000L).update(3, 0, SLOT_B, 0x1800, KEY, 1, 1);
        ImageCheck c = new ImageCheck();
        assertEquals(ImageCheckCode.BAD_UPDATE, c.check(b.build(), 1), "the slot size fits no region of 0x1000");
        assertEquals(3, c.first());
        assertEquals(ImageCheckCode.OK, c.check(b.update(3, 0, SLOT_B, 0x1000, KEY, 1, 1).build(), 1));
    }
}

