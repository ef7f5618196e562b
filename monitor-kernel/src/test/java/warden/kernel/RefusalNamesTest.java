package warden.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import warden.kernel.port.Refusal;

/** The refusal codes of the protection-unit port are frozen and named. */
class RefusalNamesTest {
    // [utest->dsn~kernel.protection-refusal~1]
    @Test
    void everyCodeHasItsNameAndOthersHaveNone() {
        int[] codes = {Refusal.NONE, Refusal.MISALIGNED, Refusal.OVERLAPS_MONITOR, Refusal.OVERLAPS_REGION,
            Refusal.NO_ENTRIES, Refusal.UNSUPPORTED_ACCESS, Refusal.OUT_OF_RANGE, Refusal.STRADDLES_BOUNDARY,
            Refusal.MIXED_WORLDS, Refusal.MONITOR_PLACEMENT, Refusal.BAD_SLOT, Refusal.BAD_STATE};
        String[] names = {"NONE", "MISALIGNED", "OVERLAPS_MONITOR", "OVERLAPS_REGION", "NO_ENTRIES",
            "UNSUPPORTED_ACCESS", "OUT_OF_RANGE", "STRADDLES_BOUNDARY", "MIXED_WORLDS", "MONITOR_PLACEMENT",
            "BAD_SLOT", "BAD_STATE"};
        for (int i = 0; i < codes.length; i++) {
            assertEquals(i, codes[i], names[i]);
            assertEquals(names[i], Refusal.name(codes[i]));
        }
        assertEquals("?", Refusal.name(-1));
        assertEquals("?", Refusal.name(codes.length));
    }
}
