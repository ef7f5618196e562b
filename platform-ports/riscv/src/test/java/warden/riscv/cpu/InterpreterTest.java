package warden.riscv.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The interpreter on instruction words assembled here: traps, CSR rules, the decode cache. */
class InterpreterTest {
    final Rig rig = new Rig();
    final HartState s = rig.s;

    // [utest->dsn~riscv.hart.traps~1]
    @Test
    void illegalInstructionTrapsWithTheInstructionBitsInMtval() {
        rig.s.mtvec = 0x8000_1000L;
        long at = rig.put(Rig.addi(5, 0, 7), 0xFFFF_FFFF);
        rig.cpu.run(2);
        assertEquals(7, s.x[5]);
        assertEquals(2, s.mcause);
        assertEquals(0xFFFF_FFFFL, s.mtval);
        assertEquals(at + 4, s.mepc);
        assertEquals(0x8000_1000L, s.pc);
        assertEquals(1, s.instret, "the trapping instruction does not retire");
    }

    // [utest->dsn~riscv.hart.traps~1]
    @Test
    void ecallCauseFollowsThePrivilegeAndDelegationGoesToStvec() {
        s.mtvec = 0x8000_2000L;
        s.stvec = 0x8000_3001L; // vectored: exceptions still go to BASE
        s.medeleg = 1L << 8;
        s.priv = HartState.PRIV_U;
        long at = rig.put(Rig.ECALL);
        rig.cpu.run(1);
        assertEquals(HartState.PRIV_S, s.priv);
        assertEquals(8, s.scause);
        assertEquals(at, s.sepc);
        assertEquals(0x8000_3000L, s.pc);
        assertEquals(0, s.mstatus & HartState.MSTATUS_SPP, "SPP = U");
        s.pc = at;
        rig.cpu.run(1);
        assertEquals(9, s.mcause, "ecall from S is not delegated");
        assertEquals(HartState.PRIV_M, s.priv);
        assertEquals(1L << HartState.MSTATUS_MPP_SHIFT, s.mstatus & HartState.MSTATUS_MPP);
    }

    // [utest->dsn~riscv.hart.misaligned~1]
    @Test
    void misalignedLoadsArePerformedAcrossPagesAndMisalignedLrReportsTheAddress() {
        s.mtvec = 0x8000_2000L;
        rig.ram.write(Rig.BASE + 0x8FFE, 8, 0x1122_3344_5566_7788L);
        s.x[6] = Rig.BASE + 0x8FFF;
        rig.put(Rig.lw(5, 6, 0), Rig.ld(7, 6, -1), Rig.sw(6, 7, 2), 0x1003_22AF); // ..., lr.w x5, (x6)
        rig.cpu.run(3);
        assertEquals(0x4455_6677L, s.x[5], "lw across the page boundary");
        assertEquals(0x1122_3344_5566_7788L, s.x[7]);
        assertEquals(0x5566_7788L, rig.ram.read(Rig.BASE + 0x9001, 4), "sw at an odd address");
        assertEquals(0x66_7788L, rig.ram.read(Rig.BASE + 0x8FFE, 3), "the bytes below the store stay");
        assertEquals(0, s.mcause, "no trap");
        rig.cpu.run(1);
        assertEquals(4, s.mcause, "LR: load-address-misaligned");
        assertEquals(Rig.BASE + 0x8FFF, s.mtval);
    }

    /** A misaligned access to a device is an access fault reporting the address. */
    // [utest->dsn~riscv.hart.misaligned~1]
    @Test
    void misalignedDeviceAccessIsAnAccessFault() {
        s.mtvec = 0x8000_2000L;
        s.x[6] = 0x0200_0001L; // the CLINT
        rig.put(Rig.lw(5, 6, 0));
        rig.cpu.run(1);
        assertEquals(5, s.mcause);
        assertEquals(0x0200_0001L, s.mtval);
    }

    // [utest->dsn~riscv.hart.csr~1]
    @Test
    void csrRulesReadOnlyPrivilegeAndUnknownNumbers() {
        s.mtvec = 0x8000_2000L;
        int write = Rig.csrrw(0, 0xF11, 5); // mvendorid is read-only
        rig.put(write);
        rig.cpu.run(1);
        assertEquals(2, s.mcause);
        assertEquals(write & 0xFFFF_FFFFL, s.mtval);
        s.pc = rig.put(Rig.csrrs(5, 0xF11, 0)); // reading it is fine
        s.x[5] = 99;
        rig.cpu.run(1);
        assertEquals(0, s.x[5]);
        s.priv = HartState.PRIV_S;
        s.pc = rig.put(Rig.csrrs(5, 0x300, 0)); // mstatus from S
        rig.cpu.run(1);
        assertEquals(2, s.mcause);
        s.pc = rig.put(Rig.csrrs(5, 0x7C0, 0)); // no such CSR
        rig.cpu.run(1);
        assertEquals(2, s.mcause);
        s.pc = rig.put(Rig.csrrs(5, 0x301, 0)); // misa
        rig.cpu.run(1);
        assertEquals(HartState.MISA, s.x[5]);
        assertEquals(2L << 62, s.x[5] & (3L << 62), "RV64");
    }

    // [utest->dsn~riscv.hart.decode-cache~1]
    @Test
    void aStoreIntoDecodedCodeIsSeenByTheNextFetch() {
        // x6 = address of the slot after the store; the store overwrites "addi x5, x0, 1" with "addi x5, x0, 2"
        long loop = rig.put(Rig.sw(6, 7, 0), Rig.addi(5, 0, 1), Rig.ECALL);
        s.x[6] = loop + 4;
        s.x[7] = Rig.addi(5, 0, 2);
        s.mtvec = 0x8000_2000L;
        s.pc = loop + 4;
        rig.cpu.run(1); // decode and cache the old instruction
        assertEquals(1, s.x[5]);
        s.pc = loop;
        rig.cpu.run(2);
        assertEquals(2, s.x[5], "the cached decoding was invalidated by the store");
    }

    // [utest->dsn~riscv.hart.interrupts~1]
    @Test
    void interruptsTakenInPriorityOrderWhenEnabled() {
        rig.put(Rig.addi(0, 0, 0), Rig.addi(0, 0, 0), Rig.addi(0, 0, 0));
        s.mtvec = Rig.BASE + 8; // a nop as the handler
        rig.clint.write(0, 4, 1, 0); // MSIP
        rig.clint.setMtimecmp(0, 0); // MTIP
        s.mie = 1L << 3 | 1L << 7;
        rig.cpu.run(1);
        assertEquals(0, s.mcause, "MIE = 0 in M-mode: nothing taken");
        s.mstatus |= HartState.MSTATUS_MIE;
        rig.cpu.run(1);
        assertEquals(Interpreter.INTERRUPT | 3, s.mcause, "MSI before MTI");
        assertEquals(0, s.mstatus & HartState.MSTATUS_MIE);
        assertTrue((s.mstatus & HartState.MSTATUS_MPIE) != 0);
    }

    // [utest->dsn~riscv.hart.atomics~1]
    @Test
    void scFailsWithoutAReservationAndATrapClearsIt() {
        long data = Rig.BASE + 0x800;
        s.x[6] = data;
        s.x[7] = 42;
        s.mtvec = 0x8000_2000L;
        int lr = Rig.r(0x2F, 3, 2 << 2, 5, 6, 0);
        int sc = Rig.r(0x2F, 3, 3 << 2, 8, 6, 7);
        long at = rig.put(lr, Rig.ECALL, sc);
        rig.cpu.run(2); // lr, then the ecall traps
        s.pc = at + 8;
        rig.cpu.run(1);
        assertEquals(1, s.x[8], "the trap dropped the reservation");
        assertEquals(0, rig.ram.read(data, 8));
        s.pc = at;
        rig.cpu.run(1);
        s.pc = at + 8;
        rig.cpu.run(1);
        assertEquals(0, s.x[8]);
        assertEquals(42, rig.ram.read(data, 8));
    }

    // [utest->dsn~riscv.hart.state~1]
    @Test
    void supervisorViewsShowOnlyTheirBits() {
        s.mstatus = CsrFile.legalStatus(-1L);
        assertEquals(s.mstatus & HartState.SSTATUS_MASK, s.sstatus());
        assertEquals(0, s.sstatus() & HartState.MSTATUS_MPP, "MPP is not in sstatus");
        s.writeSstatus(0);
        assertEquals(HartState.MSTATUS_MPP, s.mstatus & HartState.MSTATUS_MPP, "writing sstatus keeps MPP");
        assertEquals(0, s.mstatus & HartState.MSTATUS_SIE);
        s.mideleg = 1L << 5;
        s.mie = 1L << 7;
        s.writeSie(-1L);
        assertEquals(1L << 7 | 1L << 5, s.mie, "only delegated enables change through sie");
        assertEquals(1L << 5, s.sie());
        rig.put(Rig.addi(0, 0, 5));
        rig.cpu.run(1);
        assertEquals(0, s.x[0], "x0 stays zero");
    }
}
