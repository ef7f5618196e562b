package warden.kernel.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import warden.kernel.api.Access;
import warden.kernel.api.Criticality;
import warden.kernel.api.DeviceAcl;
import warden.kernel.api.ImageCheckCode;
import warden.kernel.api.SystemImage;
import warden.kernel.api.SystemImageBuilder;

/** The boot check of the mediated devices' access-control list, one refusal per rule. */
class DeviceAclCheckTest {
    private static final long ALL = DeviceAcl.VALUE_MAX;

    /** An RTOS owning one device of {@code size} bytes, and a rich OS. */
    private static SystemImageBuilder owned(long size) {
        SystemImageBuilder b = SystemImage.builder(1).monitor(0x8000_0000L, 0x1000);
        b.partition("rtos", Criticality.ASIL_C, 1, 0x9000_0000L, 0, false);
        b.region(0, 0x9000_0000L, 0x1000, Access.ALL);
        b.partition("linux", Criticality.QM, 1, 0x9001_0000L, 0, false);
        b.region(1, 0x9001_0000L, 0x1000, Access.ALL);
        b.device(0, "can0", 0x1000_0000L, size);
        return b;
    }

    /** Two QM partitions and an ASIL-C one that owns can0 and can1. */
    private static SystemImageBuilder threeOnTwoDevices() {
        SystemImageBuilder b = SystemImage.builder(1).monitor(0x8000_0000L, 0x1000);
        for (int p = 0; p < 3; p++) {
            b.partition("p" + p, p == 2 ? Criticality.ASIL_C : Criticality.QM, 1, 0x9000_0000L + p * 0x10000L, 0,
                    false);
            b.region(p, 0x9000_0000L + p * 0x10000L, 0x1000, Access.ALL);
        }
        b.device(2, "can0", 0x1000_0000L, 0x100);
        b.device(2, "can1", 0x1000_1000L, 0x100);
        return b;
    }

    private static SystemImageBuilder base() {
        SystemImageBuilder b = owned(0x100);
        b.aclEntry(1, 0, 0x70, Access.WRITE, ALL, 0x600, 0x6FF, 0, 0);
        return b;
    }

    private static int check(SystemImageBuilder b) {
        ImageCheck c = new ImageCheck();
        int r = c.check(b.build(), 1);
        if (r == ImageCheckCode.BAD_ACL) {
            assertEquals(1, c.first(), "the second entry is named");
        }
        return r;
    }

    private static int one(int p, int d, int off, int acc, long mask, long min, long max, int rate, long win) {
        SystemImageBuilder b = base();
        b.aclEntry(p, d, off, acc, mask, min, max, rate, win);
        return check(b);
    }

    // [utest->dsn~kernel.device.boot-check~1]
    @Test
    void aGoodTableBootsAndEveryBadEntryIsRefusedNamingIt() {
        assertEquals(ImageCheckCode.OK, one(1, 0, 0x1C, Access.WRITE, 4, 0, 4, 100, 1_000_000_000L));
        assertEquals(ImageCheckCode.OK, one(1, 0, 0x70, Access.READ, ALL, 0, ALL, 0, 0), "the other direction");
        assertEquals(ImageCheckCode.OK, one(1, 0, 0xFC, Access.READ | Access.WRITE, 0, 0, 0, 0, 0), "last word");
        assertEquals(ImageCheckCode.BAD_ACL, one(2, 0, 0x1C, Access.WRITE, ALL, 0, ALL, 0, 0), "no partition 2");
        assertEquals(ImageCheckCode.BAD_ACL, one(-1, 0, 0x1C, Access.WRITE, ALL, 0, ALL, 0, 0));
        assertEquals(ImageCheckCode.BAD_ACL, one(1, 1, 0x1C, Access.WRITE, ALL, 0, ALL, 0, 0), "no device 1");
        assertEquals(ImageCheckCode.BAD_ACL, one(1, -1, 0x1C, Access.WRITE, ALL, 0, ALL, 0, 0));
        assertEquals(ImageCheckCode.BAD_ACL, one(0, 0, 0x1C, Access.WRITE, ALL, 0, ALL, 0, 0), "the owner");
        assertEquals(ImageCheckCode.BAD_ACL, one(1, 0, 0x1E, Access.WRITE, ALL, 0, ALL, 0, 0), "unaligned");
        assertEquals(ImageCheckCode.BAD_ACL, one(1, 0, 0x100, Access.WRITE, ALL, 0, ALL, 0, 0), "outside");
        assertEquals(ImageCheckCode.BAD_ACL, one(1, 0, -4, Access.WRITE, ALL, 0, ALL, 0, 0));
        assertEquals(ImageCheckCode.BAD_ACL, one(1, 0, 0x1C, 0, ALL, 0, ALL, 0, 0), "no direction");
        assertEquals(ImageCheckCode.BAD_ACL, one(1, 0, 0x1C, Access.EXECUTE, ALL, 0, ALL, 0, 0));
        assertEquals(ImageCheckCode.BAD_ACL, one(1, 0, 0x1C, Access.WRITE | 8, ALL, 0, ALL, 0, 0));
        assertEquals(ImageCheckCode.BAD_ACL, one(1, 0, 0x1C, Access.WRITE, ALL + 1, 0, ALL, 0, 0), "mask > 32 bits");
        assertEquals(ImageCheckCode.BAD_ACL, one(1, 0, 0x1C, Access.WRITE, -1, 0, ALL, 0, 0));
        assertEquals(ImageCheckCode.BAD_ACL, one(1, 0, 0x1C, Access.WRITE, ALL, -1, ALL, 0, 0), "min < 0");
        assertEquals(ImageCheckCode.BAD_ACL, one(1, 0, 0x1C, Access.WRITE, ALL, 5, 4, 0, 0), "min > max");
        assertEquals(ImageCheckCode.OK, one(1, 0, 0x1C, Access.WRITE, ALL, 4, 4, 0, 0), "min = max");
        assertEquals(ImageCheckCode.BAD_ACL, one(1, 0, 0x1C, Access.WRITE, ALL, 0, ALL + 1, 0, 0), "max > 32 bits");
        assertEquals(ImageCheckCode.BAD_ACL, one(1, 0, 0x1C, Access.WRITE, ALL, 0, ALL, -1, 1), "rate < 0");
        assertEquals(ImageCheckCode.OK, one(1, 0, 0, Access.READ, ALL, 0, ALL, 0, 0), "offset 0");
        assertEquals(ImageCheckCode.BAD_ACL, one(1, 0, 0x1C, Access.WRITE, ALL, 0, ALL, 1, 0), "rate, no window");
        assertEquals(ImageCheckCode.OK, one(1, 0, 0x1C, Access.WRITE, ALL, 0, ALL, 1, 1), "1 ns window");
        assertEquals(ImageCheckCode.BAD_ACL, one(1, 0, 0x70, Access.WRITE, ALL, 0, ALL, 0, 0), "same register twice");
        assertEquals(ImageCheckCode.BAD_ACL, one(1, 0, 0x70, Access.READ | Access.WRITE, ALL, 0, ALL, 0, 0));
        assertEquals("BAD_ACL", ImageCheckCode.name(ImageCheckCode.BAD_ACL));
    }

    // [utest->dsn~kernel.device.boot-check~1] [utest->dsn~kernel.device.acl~1]
    @Test
    void theSameRegisterMayBeGivenToTwoPartitionsAndTwoDevicesMayShareAnOffset() {
        SystemImageBuilder b = threeOnTwoDevices();
        assertEquals(0, b.aclEntry(0, 0, 0x1C, Access.WRITE, ALL, 0, ALL, 0, 0), "each entry's index is returned");
        assertEquals(1, b.aclEntry(1, 0, 0x1C, Access.WRITE, ALL, 0, ALL, 0, 0));
        assertEquals(2, b.aclEntry(0, 1, 0x1C, Access.WRITE, ALL, 0, ALL, 0, 0));
        assertEquals(ImageCheckCode.OK, new ImageCheck().check(b.build(), 1), "partition 0 is no owner here");
    }

    // [utest->dsn~kernel.device.boot-check~1]
    @Test
    void aRegisterWhoseFourBytesLeaveTheWindowIsRefused() {
        SystemImageBuilder b = owned(0x2_0000);
        b.aclEntry(1, 0, 0xFFFC, Access.READ, ALL, 0, ALL, 0, 0);
        assertEquals(ImageCheckCode.OK, new ImageCheck().check(b.build(), 1), "the last offset a call can name");
        b.aclEntry(1, 0, 0x1_0000, Access.READ, ALL, 0, ALL, 0, 0);
        ImageCheck c = new ImageCheck();
        assertEquals(ImageCheckCode.BAD_ACL, c.check(b.build(), 1), "beyond 16 bits of offset");
        assertEquals(1, c.first());
        assertEquals(-1, DeviceAclCheck.firstBad(base().build()));
    }

    /** @return the first bad entry of base() and one more entry; presets {@code preset} on 0, {@code more} on 1. */
    private static int presets(long preset, int acc, long mask, long min, long max, int off, long more) {
        SystemImageBuilder b = base();
        b.aclEntry(1, 0, off, acc, mask, min, max, 0, 0);
        b.aclPreset(0, preset).aclPreset(1, more);
        return DeviceAclCheck.firstBad(b.build());
    }

    // [utest->dsn~kernel.device.preset~1]
    @Test
    void aPresetIsAValueItsOwnEntryAllowsOnOneEntryOfItsRegister() {
        assertEquals(-1, presets(0x600, Access.WRITE, 4, 0, 4, 0x1C, 4), "both in range and mask");
        assertEquals(-1, presets(0x6FF, Access.WRITE, 4, 0, 4, 0x1C, -1), "the top of the range; none on 1");
        assertEquals(0, presets(0x5FF, Access.WRITE, 4, 0, 4, 0x1C, -1), "below the range");
        assertEquals(0, presets(0x700, Access.WRITE, 4, 0, 4, 0x1C, -1), "above the range");
        assertEquals(1, presets(0x600, Access.WRITE, 4, 0, 4, 0x1C, 1), "a bit outside the mask");
        assertEquals(-1, presets(0x600, Access.WRITE, 6, 2, 6, 0x1C, 2), "inside mask and range");
        assertEquals(1, presets(0x600, Access.WRITE, 6, 3, 6, 0x1C, 2), "inside the mask, below the range");
        assertEquals(1, presets(0x600, Access.READ, ALL, 0, ALL, 0x1C, 0), "an entry that cannot write");
        assertEquals(-1, presets(0x600, Access.READ | Access.WRITE, ALL, 0, ALL, 0x1C, 0), "read and write");
        assertEquals(1, presets(0x600, Access.WRITE, ALL, 0, ALL, 0x1C, -2), "a negative value other than -1 (none)");
    }

    // [utest->dsn~kernel.device.preset~1]
    @Test
    void twoPresetsOfOneRegisterAreRefusedButOfTwoRegistersOrDevicesNot() {
        SystemImageBuilder b = threeOnTwoDevices();
        b.aclPreset(b.aclEntry(0, 0, 0x70, Access.WRITE, ALL, 0, ALL, 0, 0), 0x600);
        b.aclPreset(b.aclEntry(0, 0, 0x60, Access.WRITE, ALL, 0, ALL, 0, 0), 0x600);
        b.aclPreset(b.aclEntry(0, 1, 0x70, Access.WRITE, ALL, 0, ALL, 0, 0), 0x600);
        b.aclEntry(1, 0, 0x70, Access.WRITE, ALL, 0, ALL, 0, 0);
        assertEquals(-1, DeviceAclCheck.firstBad(b.build()), "a second entry of the register without a preset");
        SystemImageBuilder after = threeOnTwoDevices();
        after.aclEntry(0, 0, 0x70, Access.WRITE, ALL, 0, ALL, 0, 0);
        after.aclPreset(after.aclEntry(1, 0, 0x70, Access.WRITE, ALL, 0, ALL, 0, 0), 0x600);
        assertEquals(-1, DeviceAclCheck.firstBad(after.build()), "a preset after an entry of the register without one");
        b.aclPreset(3, 0x601);
        ImageCheck c = new ImageCheck();
        assertEquals(ImageCheckCode.BAD_ACL, c.check(b.build(), 1), "two presets of can0's register 0x70");
        assertEquals(3, c.first());
    }
}
