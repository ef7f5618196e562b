package warden.arm.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Acknowledge, end of interrupt, priority mask and running priority (IHI 0069 §4.1, §4.8, §2.2.1). */
class GicCpuInterfaceTest {
    private GicState s;
    private GicCpuInterface cpu;
    private ArmInterruptController ic;

    @BeforeEach
    void setUp() {
        GicRig rig = new GicRig();
        s = rig.state;
        cpu = rig.cpus[0];
        ic = rig.ic;
        assertEquals(0, ic.route(40, 0, 7, true));   // Group 0, 0x10
        assertEquals(0, ic.route(50, 0, 1, false));  // Group 1 NS, 0xF0
        assertEquals(0, ic.route(51, 0, 7, false));  // Group 1 NS, 0x90
    }

    // [utest->dsn~arm.gic.route~1]
    // [utest->dsn~arm.gic.state~1]
    @Test
    void criticalLinesAreGroup0InTheSecureHalfAndQmLinesGroup1NonSecure() {
        assertEquals(GicGroups.GROUP0, s.groupOf(0, 40));
        assertEquals(GicGroups.GROUP1_NONSECURE, s.groupOf(0, 50));
        assertEquals(0x10, s.priority(0, 40));
        assertEquals(0xF0, s.priority(0, 50));
        for (int p = 1; p <= 7; p++) {
            assertTrue(ArmInterruptController.priority(p, true) < 0x80);
            assertTrue(ArmInterruptController.priority(1, true) < ArmInterruptController.priority(7, false));
        }
        assertEquals(-2, ic.route(20, 0, 7, true), "a PPI is not a device line");
        assertEquals(-2, ic.route(40, 0, 8, true), "priority out of range");
    }

    // [utest->dsn~arm.gic.ack~1]
    @Test
    void iar0AtEl3GivesGroup0AndTheSpecialIdsForGroup1() {
        s.raise(0, 50);
        assertEquals(GicCpuInterface.SPECIAL_G1NS, cpu.acknowledge0(3));
        assertEquals(GicState.SPURIOUS, cpu.acknowledge0(1), "below EL3: spurious");
        assertEquals(GicState.SPURIOUS, cpu.acknowledge1(false), "not a Group 1 Secure interrupt");
        assertEquals(50, cpu.acknowledge1(true));
        assertTrue(s.active(0, 50));
        s.raise(0, 40);
        assertEquals(40, cpu.acknowledge0(3), "Group 0 preempts the active Group 1 interrupt");
        assertEquals(0x10, cpu.runningPriority());
        cpu.endOfInterrupt0(40);
        assertEquals(0xF0, cpu.runningPriority());
        cpu.endOfInterrupt1(true, 50);
        assertEquals(0xFF, cpu.runningPriority());
        assertFalse(s.active(0, 50));
    }

    // [utest->dsn~arm.gic.ack~1]
    @Test
    void theRunningPriorityBlocksEqualAndLowerPriorities() {
        s.raise(0, 51);
        assertEquals(51, ic.claim(0));
        s.raise(0, 50);
        assertEquals(-1, cpu.signal(GicGroups.PE_NONSECURE), "0xF0 does not preempt running 0x90");
        assertEquals(0, ic.claim(0));
        ic.complete(0, 51);
        assertEquals(GicGroups.IRQ, cpu.signal(GicGroups.PE_NONSECURE));
        assertEquals(GicGroups.FIQ, cpu.signal(GicGroups.PE_SECURE_EL1));
        assertEquals(50, ic.claim(0));
    }

    // [utest->dsn~arm.gic.ack~1]
    @Test
    void thePriorityMaskHidesLowerPrioritiesAndItsNonSecureViewCannotMaskSecureOnes() {
        cpu.writePmr(0x00, false);
        s.raise(0, 40);
        assertEquals(-1, cpu.signal(GicGroups.PE_SECURE_EL1), "masked by PMR 0");
        cpu.writePmr(0x10, false);
        assertEquals(-1, cpu.signal(GicGroups.PE_SECURE_EL1), "priority must be below the mask");
        cpu.writePmr(0xF8, false);
        assertEquals(0xF0, cpu.readPmr(true), "Non-secure view: (0xF8 << 1) & 0xFF");
        cpu.writePmr(0x00, true);
        assertEquals(0x80, cpu.readPmr(false), "a Non-secure write lands at 0x80 at most");
        assertEquals(GicGroups.FIQ, cpu.signal(GicGroups.PE_NONSECURE), "Group 0 still signalled");
        cpu.writePmr(0x40, false);
        cpu.writePmr(0xF8, true);
        assertEquals(0x40, cpu.readPmr(false), "ignored while the mask is in the secure half");
        assertEquals(0, cpu.readPmr(true));
    }

    // [utest->dsn~arm.gic.route~1]
    // [utest->dsn~arm.gic.state~1]
    @Test
    void aLineIsClaimedOnlyOnItsTargetPeAndNoEventIsLost() {
        s.raise(0, 40);
        s.raise(0, 40);
        assertEquals(0, ic.claim(1));
        assertEquals(40, ic.claim(0));
        assertEquals(0, ic.claim(0), "claimed once");
        assertEquals(1, s.heldEvents(0, 40));
        ic.complete(0, 40);
        assertEquals(40, ic.claim(0), "the held event is pending again after deactivation");
        ic.complete(0, 40);
        assertEquals(0, ic.claim(0));
    }

    // [utest->dsn~arm.gic.route~1]
    // [utest->dsn~arm.gic.state~1]
    @Test
    void theTimerPpiFollowsItsLevelAndIsNeverClaimedAsADeviceLine() {
        GicRegisters regs = new GicRegisters(s);
        regs.writePriority(0, GenericTimer.PPI_SECURE_PHYS, 0, false);
        regs.writeBits(0, 0, GicRegisters.ISENABLER, 1L << 29, false);
        s.level(0, 29, true);
        assertEquals(29, cpu.highestPending());
        assertEquals(0, ic.claim(0));
        s.level(0, 29, false);
        assertEquals(GicState.SPURIOUS, cpu.highestPending());
    }
}
