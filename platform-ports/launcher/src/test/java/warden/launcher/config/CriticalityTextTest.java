package warden.launcher.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import warden.kernel.api.Criticality;

/** Criticality names in configuration text, as the launcher reads them (moved from the kernel's tests). */
class CriticalityTextTest {
    // [utest->dsn~kernel.image.criticality~1]
    @Test
    void criticalityLevelsParseFromTheirNames() {
        assertEquals(Criticality.ASIL_C, CriticalityText.parse("ASIL-C"));
        assertEquals(Criticality.ASIL_C, CriticalityText.parse("asil_c"));
        assertEquals(Criticality.ASIL_D, CriticalityText.parse(" D "));
        assertEquals(Criticality.QM, CriticalityText.parse("qm"));
        assertEquals(-1, CriticalityText.parse("ASIL-E"));
        assertEquals(-1, CriticalityText.parse(null));
    }

    // [utest->dsn~kernel.image.criticality~1]
    @Test
    void criticalityParsingAtTheEdges() {
        assertEquals(Criticality.ASIL_A, CriticalityText.parse("A"));
        assertEquals(Criticality.ASIL_B, CriticalityText.parse("asilb"));
        assertEquals(Criticality.ASIL_D, CriticalityText.parse("ASIL-D"));
        assertEquals(-1, CriticalityText.parse("ASIL"));
    }
}
