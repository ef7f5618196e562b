package warden.arm.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Secure-only GIC registers cannot be changed from the Non-secure state, nor read (IHI 0069 §4.7, §4.8.6). */
class GicSecurityTest {
    private final TransactionSecurity sec = new TransactionSecurity();
    private GicState s;
    private GicDistributor gicd;
    private GicRedistributor gicr;

    @BeforeEach
    void setUp() {
        s = new GicState(128, 2);
        gicd = new GicDistributor(s, sec);
        gicr = new GicRedistributor(s, sec);
        // Secure firmware: INTID 33 Group 0, 34 Group 1 Non-secure, 35 Group 1 Secure
        gicd.write(0x84, 4, 1L << 2, 0);           // GICD_IGROUPR1: bit 2 = INTID 34
        gicd.write(0xD04, 4, 1L << 3, 0);          // GICD_IGRPMODR1: bit 3 = INTID 35
        gicd.write(0x400 + 33, 1, 0x10, 0);
        gicd.write(0x400 + 34, 1, 0xA0, 0);
        gicd.write(0x104, 4, 0b1110, 0);           // enable 33..35
    }

    private void ns() {
        sec.set(true);
    }

    // [utest->dsn~arm.gic.security~1]
    @Test
    void aNonSecureWriteToTheGroupRegistersIsIgnoredAndReadsZero() {
        ns();
        assertEquals(0, gicd.read(0x84, 4, 0));
        assertEquals(0, gicd.read(0xD04, 4, 0));
        gicd.write(0x84, 4, 0xFFFF_FFFFL, 0);
        gicd.write(0xD04, 4, 0, 0);
        assertEquals(GicGroups.GROUP0, s.groupOf(0, 33));
        assertEquals(GicGroups.GROUP1_SECURE, s.groupOf(0, 35));
        sec.set(false);
        assertEquals(1L << 2, gicd.read(0x84, 4, 0));
        assertEquals(1L << 3, gicd.read(0xD04, 4, 0));
    }

    // [utest->dsn~arm.gic.security~1]
    @Test
    void theRedistributorGroupRegistersAreSecureToo() {
        long igroupr0 = 0x1_0080;
        ns();
        gicr.write(igroupr0, 4, 0xFFFF_FFFFL, 0);
        assertEquals(0, gicr.read(igroupr0, 4, 0));
        assertEquals(GicGroups.GROUP0, s.groupOf(0, 29));
        sec.set(false);
        gicr.write(igroupr0, 4, 1L << 27, 0);
        assertEquals(1L << 27, gicr.read(igroupr0, 4, 0));
        assertEquals(0, gicr.read(0x2_0000 + igroupr0, 4, 0), "banked per PE");
    }

    // [utest->dsn~arm.gic.security~1]
    @Test
    void nonSecureSoftwareSeesAndChangesOnlyItsOwnInterruptsEnablesAndPending() {
        ns();
        assertEquals(1L << 2, gicd.read(0x104, 4, 0), "only INTID 34's enable is visible");
        gicd.write(0x184, 4, 0xFFFF_FFFFL, 0);     // GICD_ICENABLER1: try to disable all
        gicd.write(0x204, 4, 0xFFFF_FFFFL, 0);     // GICD_ISPENDR1: try to pend all
        sec.set(false);
        assertEquals(0b1010, gicd.read(0x104, 4, 0), "33 and 35 still enabled, 34 disabled");
        assertEquals(1L << 2, gicd.read(0x204, 4, 0), "only 34 pended");
    }

    // [utest->dsn~arm.gic.security~1]
    @Test
    void theNonSecureViewOfPrioritiesStaysInTheNonSecureHalf() {
        ns();
        assertEquals(0, gicd.read(0x400 + 33, 1, 0), "secure interrupt: RAZ");
        gicd.write(0x400 + 33, 1, 0x00, 0);
        assertEquals(0x10, s.priority(0, 33), "secure interrupt: WI");
        assertEquals(0x40, gicd.read(0x400 + 34, 1, 0), "(0xA0 << 1) & 0xFF");
        gicd.write(0x400 + 34, 1, 0x00, 0);
        assertEquals(0x80, s.priority(0, 34), "highest a Non-secure write can reach");
    }

    // [utest->dsn~arm.gic.security~1]
    @Test
    void nonSecureControlAndRoutingAccessesTouchOnlyNonSecureState() {
        gicd.write(0, 4, GicState.CTLR_ENABLE_GRP0 | GicState.CTLR_ENABLE_GRP1S | GicState.CTLR_ENABLE_GRP1NS, 0);
        ns();
        gicd.write(0, 4, 0, 0);
        sec.set(false);
        assertEquals(GicState.CTLR_ENABLE_GRP0 | GicState.CTLR_ENABLE_GRP1S,
                gicd.read(0, 4, 0) & 7, "only EnableGrp1NS cleared");
        ns();
        gicd.write(0x6000 + 8 * 33, 8, 1, 0);
        gicd.write(0x6000 + 8 * 34, 8, 1, 0);
        assertEquals(0, s.target(0, 33), "a secure SPI's route is WI");
        assertEquals(1, s.target(0, 34));
    }
}
