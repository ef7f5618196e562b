package warden.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import warden.emu.GuestCpu;
import warden.kernel.api.Access;
import warden.kernel.api.MonitorCall;
import warden.kernel.api.Status;

/** Exceptions a PE takes to EL3 and their syndromes: SMC, data and instruction aborts, interrupts. */
class PeExceptionTest {
    private TestBoard b;
    private Pe pe;

    @BeforeEach
    void setUp() {
        b = new TestBoard();
        b.enter(1);
        pe = b.m.pe(0);
    }

    // [utest->dsn~arm.esr.encoding~1]
    // [utest->dsn~arm.pe.exceptions~1]
    // [utest->dsn~arm.port~1]
    // [utest->dsn~arm.trap.decode~1]
    @Test
    void anSmcTrapsWithEc0x17AndTheImmediateAndResumesAfterIt() {
        long pc = pe.pc();
        b.kernel.value = 42;
        assertEquals(Status.OK, pe.call(MonitorCall.GET_TIME, 5, 6));
        assertEquals(Esr.EC_SMC64, Esr.ec(pe.esrEl3()));
        assertEquals(0, Esr.iss(pe.esrEl3()));
        assertEquals(pc + 4, pe.pc(), "ELR_EL3 points past the SMC");
        assertEquals(1, pe.exceptionLevel(), "back at EL1 after ERET");
        assertEquals(42, pe.register(1));
        assertEquals(5, b.kernel.args[0]);
        pe.setRegister(0, Smccc.wardenFid(1));
        pe.smc(0x1234);
        assertEquals(0x1234, Esr.iss(pe.esrEl3()));
        assertEquals("call " + MonitorCall.UNKNOWN, b.kernel.entries.get(1));
    }

    // [utest->dsn~arm.esr.encoding~1]
    // [utest->dsn~arm.pe.exceptions~1]
    // [utest->dsn~arm.port~1]
    // [utest->dsn~arm.tzc.denied~1]
    @Test
    void aDeniedReadReturnsZeroAndRaisesADataAbortFromALowerEl() {
        b.m.bus().write(TestBoard.SAFE_RAM, 8, 0x5EC2E7L, 0);
        assertEquals(GuestCpu.FAULT, pe.load(TestBoard.SAFE_RAM, 8));
        assertEquals(0, pe.lastValue(), "a denied read returns zero");
        assertEquals(Esr.EC_DABT_LOWER, pe.lastFaultCause());
        assertEquals(Esr.EC_DABT_LOWER, Esr.ec(pe.esrEl3()));
        assertEquals(Esr.FSC_EXTERNAL, Esr.iss(pe.esrEl3()) & 0x3F);
        assertEquals(0, Esr.iss(pe.esrEl3()) & Esr.WNR);
        assertEquals(TestBoard.SAFE_RAM, pe.farEl3());
        assertEquals("fault " + Access.READ + " 0x80400000", b.kernel.entries.get(0));
        assertEquals("data abort from a lower EL (EC 0x24)", pe.causeName(pe.lastFaultCause()));
        assertEquals("[fault 36]", b.rich.events.toString(), "redirected with the EC as cause");
    }

    // [utest->dsn~arm.pe.exceptions~1]
    // [utest->dsn~arm.port~1]
    @Test
    void theRedirectedFaultReachesTheGuestsEl1WithTheSameElClass() {
        pe.setEl1(ContextLayout.VBAR_EL1, 0x8100_8000L);
        long pc = pe.pc();
        assertEquals(GuestCpu.FAULT, pe.store(0x8000_0000L, 4, 1));
        assertEquals(Esr.EC_DABT_SAME, Esr.ec(pe.el1(ContextLayout.ESR_EL1)), "the guest ran at EL1");
        assertEquals(Esr.WNR, Esr.iss(pe.el1(ContextLayout.ESR_EL1)) & Esr.WNR);
        assertEquals(0x8000_0000L, pe.el1(ContextLayout.FAR_EL1));
        assertEquals(pc, pe.el1(ContextLayout.ELR_EL1));
        assertEquals(0x8100_8000L + ContextLayout.VECTOR_SYNC_CURRENT, pe.pc(), "resumes at its vector");
        assertEquals(1, pe.exceptionLevel());
    }

    // [utest->dsn~arm.esr.encoding~1]
    // [utest->dsn~arm.pe.exceptions~1]
    // [utest->dsn~arm.port~1]
    // [utest->dsn~arm.tzc.denied~1]
    @Test
    void aFetchWithoutExecutePermissionIsAnInstructionAbort() {
        assertEquals(GuestCpu.FAULT, pe.fetch(TestBoard.RICH_RAM));
        assertEquals(Esr.EC_IABT_LOWER, pe.lastFaultCause());
        assertEquals(Esr.FSC_PERMISSION_L3, Esr.iss(pe.esrEl3()) & 0x3F);
        assertEquals(GuestCpu.FAULT, pe.fetch(TestBoard.SAFE_RAM));
        assertEquals(Esr.FSC_EXTERNAL, Esr.iss(pe.esrEl3()) & 0x3F, "the filter denied it");
        assertEquals("fault " + Access.EXECUTE + " 0x80400000", b.kernel.entries.get(1));
    }

    // [utest->dsn~arm.pe.exceptions~1]
    // [utest->dsn~arm.port~1]
    // [utest->dsn~arm.tzc.denied~1]
    @Test
    void theSecureWorldReachesItsMemoryAndDeviceAndNotTheRichOs() {
        b.enter(0);
        assertTrue(!pe.isNonSecure());
        assertEquals(GuestCpu.OK, pe.store(TestBoard.SAFE_RAM + 8, 8, 77));
        assertEquals(GuestCpu.OK, pe.load(TestBoard.SAFE_RAM + 8, 8));
        assertEquals(77, pe.lastValue());
        assertEquals(GuestCpu.OK, pe.fetch(TestBoard.SAFE_RAM));
        assertEquals(GuestCpu.OK, pe.store(b.uart1.base(), 1, 'x'));
        assertEquals(GuestCpu.FAULT, pe.load(TestBoard.RICH_RAM, 4));
        assertEquals(GuestCpu.FAULT, pe.load(b.d.device("gicd").base(), 4), "the GIC is the monitor's");
    }

    // [utest->dsn~arm.pe.exceptions~1]
    // [utest->dsn~arm.port~1]
    // [utest->dsn~arm.trap.decode~1]
    @Test
    void aCriticalInterruptPreemptsTheNonSecureWorldAsFiqToEl3() {
        b.m.platform().interrupts().route(40, 0, 7, true);
        b.m.raise(40, 0);
        assertEquals(0, pe.budget() > 0 ? 1 : 0, "no budget while an interrupt is signalled");
        pe.runUntil(1_000);
        assertEquals("irq 40", b.kernel.entries.get(0));
        b.m.platform().interrupts().route(50, 0, 1, false);
        b.enter(0);
        b.m.raise(50, pe.time());
        pe.runUntil(2_000);
        assertEquals("irq 50", b.kernel.entries.get(1), "a QM line reaches the monitor while the Secure world runs");
    }

    // [utest->dsn~arm.pe.exceptions~1]
    // [utest->dsn~arm.port~1]
    // [utest->dsn~arm.trap.decode~1]
    @Test
    void theSecureTimerEntersTheKernelAtItsDeadlineThroughPpi29() {
        b.m.setDeadline(0, 50_000);
        pe.runUntil(49_000);
        assertEquals(0, b.kernel.entries.size());
        pe.runUntil(60_000);
        String t = b.kernel.entries.get(0);
        long at = Long.parseLong(t.substring(t.indexOf('@') + 1));
        assertTrue(at >= 50_000 && at < 50_000 + 1_000, t);
        assertEquals(0, b.m.gic().heldEvents(0, 29));
        assertTrue(!b.m.gic().active(0, 29), "ended with ICC_EOIR0_EL1");
    }

    // [utest->dsn~arm.esr.encoding~1]
    // [utest->dsn~arm.pe.exceptions~1]
    // [utest->dsn~arm.port~1]
    // [utest->dsn~arm.trap.decode~1]
    @Test
    void anIllegalSystemRegisterAccessReachesTheKernel() {
        pe.illegalInstruction(0x3E_2000);
        assertEquals("illegal", b.kernel.entries.get(0));
        assertEquals(Esr.EC_SYSREG, Esr.ec(pe.esrEl3()));
    }
}
