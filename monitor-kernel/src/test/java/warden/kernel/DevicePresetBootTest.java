package warden.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import warden.kernel.api.Access;
import warden.kernel.api.Criticality;
import warden.kernel.api.DeviceAcl;
import warden.kernel.api.Monitor;
import warden.kernel.api.Status;
import warden.kernel.api.SystemImage;
import warden.kernel.api.SystemImageBuilder;

/**
 * The presets of mediated registers: written by the kernel at boot, as the monitor, before any
 * partition's context is loaded; a bus error at a preset ends boot with FAILED, nothing sealed.
 */
class DevicePresetBootTest {
    private static final long CAN = 0x1000_0000L;

    /** p0 (ASIL C) owns can0; p1 (QM) may write mailbox 2's id (preset 0x600) and DLC (preset 8), read TXDONE. */
    private static SystemImage image() {
        SystemImageBuilder b = SystemImage.builder(1).monitor(0x8000_0000L, 0x1000);
        for (int p = 0; p < 2; p++) {
            b.partition("p" + p, p == 0 ? Criticality.ASIL_C : Criticality.QM, 1, 0x9000_0000L + p * 0x10000L, 0,
                    false);
            b.region(p, 0x9000_0000L + p * 0x10000L, 0x1000, Access.ALL);
        }
        b.device(0, "can0", CAN, 0x100);
        b.aclPreset(b.aclEntry(1, 0, 0x70, Access.WRITE, DeviceAcl.VALUE_MAX, 0x600, 0x6FF, 0, 0), 0x600);
        b.aclEntry(1, 0, 0x24, Access.READ, DeviceAcl.VALUE_MAX, 0, DeviceAcl.VALUE_MAX, 0, 0);
        b.aclPreset(b.aclEntry(1, 0, 0x74, Access.WRITE, 0xF, 0, 8, 0, 0), 8);
        return b.build();
    }

    // [utest->dsn~kernel.device.preset~1]
    @Test
    void eachPresetIsWrittenAtBootBeforeAnyPartitionRuns() {
        FakePlatform f = new FakePlatform(1);
        Monitor m = Warden.create(f);
        assertEquals(Status.OK, m.boot(image()));
        assertEquals(0x600L, f.deviceRegs.get(CAN + 0x70));
        assertEquals(8L, f.deviceRegs.get(CAN + 0x74));
        assertEquals(2, f.deviceRegs.size(), "nothing else: TXDONE has no preset");
        int writes = f.log.indexOf("writeDevice 10000070 600");
        assertTrue(writes >= 0, f.log.toString());
        assertEquals("writeDevice 10000074 8", f.log.get(writes + 1));
        for (int i = 0; i < writes; i++) {
            assertTrue(!f.log.get(i).startsWith("restore"), "no context loaded before: " + f.log);
        }
        assertEquals(Status.OK, m.start());
    }

    // [utest->dsn~kernel.device.preset~1]
    @Test
    void aBusErrorAtAPresetEndsBootAndTheWritesAfterItAreNotMade() {
        FakePlatform f = new FakePlatform(1);
        f.busErrorAddress = CAN + 0x70;
        Monitor m = Warden.create(f);
        assertEquals(Status.FAILED, m.boot(image()));
        assertEquals(null, f.deviceRegs.get(CAN + 0x74), "the boot stopped at the first error");
        assertEquals(Status.BAD_STATE, m.start(), "nothing sealed");
    }
}
