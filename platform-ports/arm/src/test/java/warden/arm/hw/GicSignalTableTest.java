package warden.arm.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The signal a PE sees, checked cell by cell against the table of IHI 0069 §4.6.2. */
class GicSignalTableTest {
    private static final int F = GicGroups.FIQ;
    private static final int I = GicGroups.IRQ;
    /** Rows: Secure EL0/EL1, Non-secure EL0-EL2, EL3. Columns: Group 0, Group 1 Secure, Group 1 Non-secure. */
    private static final int[][] TABLE = {
        {F, I, F},
        {F, F, I},
        {F, F, F},
    };

    // [utest->dsn~arm.gic.groups~1]
    // [utest->dsn~arm.gic.signal~1]
    @Test
    void everyCellOfTheTableHolds() {
        int[] states = {GicGroups.PE_SECURE_EL1, GicGroups.PE_NONSECURE, GicGroups.PE_EL3};
        int[] groups = {GicGroups.GROUP0, GicGroups.GROUP1_SECURE, GicGroups.GROUP1_NONSECURE};
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                assertEquals(TABLE[r][c], GicGroups.signal(groups[c], states[r]),
                        "PE state " + r + ", " + GicGroups.name(groups[c]));
            }
        }
    }

    // [utest->dsn~arm.gic.signal~1]
    @Test
    void peStatesFollowTheExceptionLevelAndSecurityState() {
        assertEquals(GicGroups.PE_SECURE_EL1, GicGroups.peState(0, false));
        assertEquals(GicGroups.PE_SECURE_EL1, GicGroups.peState(1, false));
        assertEquals(GicGroups.PE_NONSECURE, GicGroups.peState(0, true));
        assertEquals(GicGroups.PE_NONSECURE, GicGroups.peState(1, true));
        assertEquals(GicGroups.PE_EL3, GicGroups.peState(3, true));
        assertEquals(GicGroups.PE_EL3, GicGroups.peState(3, false));
    }

    // [utest->dsn~arm.gic.groups~1]
    @Test
    void groupAndModifierBitsEncodeTheThreeGroups() {
        assertEquals(GicGroups.GROUP0, GicGroups.group(false, false));
        assertEquals(GicGroups.GROUP1_NONSECURE, GicGroups.group(true, false));
        assertEquals(GicGroups.GROUP1_SECURE, GicGroups.group(false, true));
        assertEquals(GicGroups.GROUP1_NONSECURE, GicGroups.group(true, true), "reserved: Non-secure");
        for (int g = 0; g < 3; g++) {
            assertEquals(g, GicGroups.group(GicGroups.groupBit(g), GicGroups.modBit(g)));
        }
    }
}
