package warden.x86;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import warden.emu.GuestCpu;
import warden.kernel.api.Access;
import warden.x86.hw.LocalApic;
import warden.x86.hw.SaveStateDescriptor;
import warden.x86.hw.Smrr;

/** SMI entry, the save map in SMRAM, RSM and its checks, blocking of NMI and SMI in SMM. */
class SmmTest {
    // [utest->dsn~x86.smm-entry~1] [utest->dsn~x86.platform~1]
    @Test
    void everyCoreRelocatedItsSmbaseAndBootsInSmm() {
        Rig r = new Rig();
        for (int c = 0; c < 4; c++) {
            assertEquals(r.platform.smbase(c), r.m.core(c).smbase());
            assertTrue(r.m.core(c).inSmm());
        }
    }

    // [utest->dsn~x86.smm-entry~1] [utest->dsn~x86.save-state~1] [utest->dsn~x86.rsm~1]
    @Test
    void anSmiWritesTheStateToSmramAndRsmBringsItBack() {
        Rig r = new Rig();
        r.enter(1, 1);
        X86Core c = r.m.core(1);
        c.setRegister(RegisterFile.RBX, 0x1234_5678_9ABCL);
        long sb = c.smbase();
        r.m.smm.enter(c);
        assertTrue(c.inSmm());
        assertEquals(SaveStateDescriptor.HANDLER, c.register(RegisterFile.RIP));
        assertEquals(0,
                c.register(RegisterFile.RFLAGS) & (SaveStateDescriptor.RFLAGS_IF | SaveStateDescriptor.RFLAGS_TF));
        assertEquals(Rig.RICH, r.m.bus().read(sb + SaveStateDescriptor.RIP, 8, 0) == 0 ? r.m.bus().lastValue() : -1);
        r.m.bus().read(sb + SaveStateDescriptor.gpr(RegisterFile.RBX), 8, 0);
        assertEquals(0x1234_5678_9ABCL, r.m.bus().lastValue());
        c.setRegister(RegisterFile.RBX, 0);
        assertEquals(Smm.OK, c.rsm());
        assertFalse(c.inSmm());
        assertEquals(0x1234_5678_9ABCL, c.register(RegisterFile.RBX));
        assertEquals(Rig.RICH, c.register(RegisterFile.RIP));
        assertTrue((c.register(RegisterFile.RFLAGS) & SaveStateDescriptor.RFLAGS_IF) != 0);
    }

    // [utest->dsn~x86.rsm~1]
    @Test
    void rsmOfAnInvalidStateShutsTheCoreDownAndTheKernelSeesAFault() {
        Rig r = new Rig();
        r.enter(1, 2);
        X86Core c = r.m.core(2);
        r.m.smm.enter(c);
        r.m.bus().write(c.smbase() + SaveStateDescriptor.CR4, 8, SaveStateDescriptor.CR4_PAE | (1L << 13), 0);
        assertEquals(SaveStateDescriptor.RSM_CR4_RESERVED, c.rsm());
        assertTrue(c.isShutdown());
        assertTrue(r.entries.contains("illegal 2"), r.entries.toString());
        c.runUntil(50_000);
        assertEquals(50_000, c.time(), "a core in shutdown runs nothing, its time still moves");
    }

    @Test
    void rsmRefusesCr0PagingWithoutProtectionAndNwWithoutCd() {
        assertEquals(SaveStateDescriptor.RSM_CR0_PG_WITHOUT_PE,
                SaveStateDescriptor.checkRsm(SaveStateDescriptor.CR0_PG, 0, 0));
        assertEquals(SaveStateDescriptor.RSM_CR0_NW_WITHOUT_CD,
                SaveStateDescriptor.checkRsm(SaveStateDescriptor.CR0_NW, 0, 0));
        assertEquals(SaveStateDescriptor.RSM_OK, SaveStateDescriptor.checkRsm(RegisterFile.CR0_RESET, 0, 0));
    }

    // [utest->dsn~x86.rsm~1]
    @Test
    void rsmOutsideSmmRaisesInvalidOpcode() {
        Rig r = new Rig();
        r.enter(1, 1);
        assertEquals(Smm.UD, r.m.core(1).rsm());
        assertEquals("[fault " + Vectors.UD + "]", r.guests[5].events.toString());
        assertFalse(r.m.core(1).isShutdown());
    }

    // [utest->dsn~x86.smi~1]
    @Test
    void nmiAndSmiAreLatchedInSmmAndTakenAfterRsm() {
        Rig r = new Rig();
        r.enter(0, 0);
        X86Core c0 = r.m.core(0);
        r.enter(1, 1);
        c0.raiseNmi();
        r.m.core(1).writeIcr(LocalApic.icr(0, LocalApic.ICR_SMI, 0));
        c0.runUntil(10_000);
        assertTrue(c0.inSmm());
        assertTrue(c0.nmiLatched());
        assertTrue(c0.smiLatched());
        assertEquals(0, r.m.stalls().count(0));
        long[] ctx = new long[RegisterFile.WORDS];
        r.m.save(0, ctx, 0);
        r.enter(1, 0);
        assertEquals(1, c0.nmisTaken());
        c0.runUntil(20_000);
        assertEquals(1, r.m.stalls().count(0), "the latched SMI was taken after RSM");
        assertFalse(c0.inSmm());
    }

    // [utest->dsn~x86.smrr~1]
    @Test
    void smrrMsrsAreWritableOnlyInSmm() {
        Rig r = new Rig();
        X86Core boot = r.m.core(3);
        assertEquals(GuestCpu.OK, boot.wrmsr(Smrr.IA32_SMRR_PHYSBASE, Smrr.physBaseFor(0x8000_0000L, Smrr.TYPE_WB)));
        r.enter(1, 1);
        X86Core c = r.m.core(1);
        long before = c.rdmsr(Smrr.IA32_SMRR_PHYSMASK);
        assertEquals(GuestCpu.FAULT, c.wrmsr(Smrr.IA32_SMRR_PHYSMASK, 0));
        assertEquals("[fault " + Vectors.GP + "]", r.guests[5].events.toString());
        assertEquals(before, c.rdmsr(Smrr.IA32_SMRR_PHYSMASK));
        assertTrue(c.smrr().valid());
    }

    // [utest->dsn~x86.smrr~1] [utest->dsn~x86.protection~1]
    @Test
    void outsideSmmWritesToSmramAreDroppedAndReadsReturnAllOnes() {
        Rig r = new Rig();
        r.enter(0, 0);
        GuestCpu safe = r.m.guest(0);
        assertEquals(GuestCpu.OK, safe.store(Rig.SAFE, 8, 0x55));
        r.enter(1, 1);
        GuestCpu rich = r.m.guest(1);
        assertEquals(GuestCpu.OK, rich.store(Rig.SAFE, 8, 0x66));
        assertEquals(GuestCpu.OK, rich.load(Rig.SAFE, 8));
        assertEquals(-1L, rich.lastValue());
        assertEquals(GuestCpu.OK, rich.load(0x8000_0000L, 4));
        assertEquals(0xFFFF_FFFFL, rich.lastValue());
        assertEquals(0x55, r.m.bus().read(Rig.SAFE, 8, 0) == 0 ? r.m.bus().lastValue() : -1);
        assertTrue(r.entries.contains("fault 1 " + Access.WRITE + " 0x80400000"), r.entries.toString());
        assertTrue(r.entries.contains("fault 1 " + Access.READ + " 0x80400000"), r.entries.toString());
        assertTrue(r.guests[5].events.isEmpty(), "no exception reaches the rich OS");
        assertEquals(3, r.m.droppedAccesses());
        assertEquals(GuestCpu.OK, rich.store(Rig.RICH, 8, 7));
        assertEquals(GuestCpu.OK, rich.load(Rig.RICH, 8));
        assertEquals(7, rich.lastValue());
    }

    // [utest->dsn~x86.protection~1] [utest->dsn~x86.core~1]
    @Test
    void inSmmTheCriticalPartitionReachesOnlyItsPagesElseAPageFault() {
        Rig r = new Rig();
        r.enter(0, 0);
        GuestCpu safe = r.m.guest(0);
        assertEquals(GuestCpu.OK, safe.store(Rig.SAFE + 8, 8, 9));
        assertEquals(GuestCpu.OK, safe.load(Rig.SAFE + 8, 8));
        assertEquals(9, safe.lastValue());
        assertEquals(GuestCpu.FAULT, safe.load(0x8000_0000L, 4));
        assertEquals(Vectors.PF, safe.lastFaultCause());
        assertEquals("fault 0 " + Access.READ + " 0x80000000", r.entries.get(r.entries.size() - 1));
        assertEquals("[fault " + Vectors.PF + "]", r.guests[0].events.toString());
        assertEquals(GuestCpu.FAULT, safe.load(Rig.RICH, 4), "the rich OS's memory is not mapped either");
    }
}
