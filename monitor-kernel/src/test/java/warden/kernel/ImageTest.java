package warden.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import warden.kernel.api.Access;
import warden.kernel.api.Criticality;
import warden.kernel.api.SystemImage;
import warden.kernel.api.SystemImageBuilder;

class ImageTest {

    // [utest->dsn~kernel.image~1]
    @Test
    void anImageIsAFrozenCopyOfWhatTheBuilderHeld() {
        SystemImageBuilder b = Images.shared();
        SystemImage img = b.build();
        int extra = b.partition("late", Criticality.QM, 0b10, 0x9000_0000L, 0, false);
        assertEquals(2, extra);
        assertEquals(2, img.partitionCount(), "building more after build() does not change the image");
        assertEquals("rtos", img.name(0));
        assertEquals(0b11, img.coreMask(1));
        assertEquals(Images.RTOS_RAM, img.regionBase(img.region(0, 0)));
        assertEquals(0, img.lineOwner(Images.CAN_LINE));
        assertEquals(SystemImage.NO_PARTITION, img.lineOwner(5));
        assertEquals(2, img.deviceTotal());
    }

    // [utest->dsn~kernel.image~1]
    @Test
    void theBuilderRefusesToOverflowItsTables() {
        SystemImageBuilder b = SystemImage.builder(1);
        for (int i = 0; i < SystemImage.PARTITIONS_MAX; i++) {
            b.partition("p" + i, Criticality.QM, 1, 0, 0, false);
        }
        assertThrows(IllegalArgumentException.class, () -> b.partition("x", Criticality.QM, 1, 0, 0, false));
        assertThrows(IllegalArgumentException.class, () -> b.region(0, 0, 1, Access.READ),
                "regions follow their partition");
        assertThrows(IllegalArgumentException.class, () -> b.line(0, 0, 0, 1), "line 0 means none");
        assertThrows(IllegalArgumentException.class, () -> b.digest(0, new byte[3]));
    }

    // [utest->dsn~kernel.image.criticality~1]
    @Test
    void criticalityLevelsParseAndNameBothWays() {
        assertEquals("ASIL-B", Criticality.name(Criticality.ASIL_B));
        assertEquals("?", Criticality.name(9));
        assertTrue(Criticality.isCritical(Criticality.ASIL_A));
        assertFalse(Criticality.isCritical(Criticality.QM));
        assertFalse(Criticality.isCritical(5));
    }
}
