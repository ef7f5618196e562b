package warden.kernel.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
        SystemImageBuilder b = SystemImage.builder(1).monitor(MON, 0x10_0000L);
        b.partition("rtos", Criticality.ASIL_C, 1, RAM, 5_000_000, false);
        b.region(0, RAM, 0x2000, Access.ALL);
        b.health(0, 10_000_000, 0, 1_000_000_000L, 3, HealthAction.RESTART, HealthAction.SAFE_STATE);
        b.partition("ops", Criticality.QM, 1, RAM + 0x10000, 0, true);
        b.region(1, RAM + 0x10000, 0x1000, Access.ALL);
        b.partition("linux", Criticality.QM, 1, RAM + 0x20000, 0, false);
        b.region(2, RAM + 0x20000, 0x1000, Access.ALL);
        b.image(0, STORE, 0x800, RAM).image(2, linuxStore, 0x100, RAM + 0x20000);
        b.update(0, by, slotB, max, KEY, 1, 50_000_000L);
        return b;
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
}
