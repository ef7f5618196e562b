package warden.riscv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import warden.emu.ConsoleLog;
import warden.emu.Executor;
import warden.emu.IrqStats;
import warden.emu.TraceRecorder;
import warden.kernel.Warden;
import warden.kernel.api.Access;
import warden.kernel.api.Criticality;
import warden.kernel.api.Monitor;
import warden.kernel.api.Status;
import warden.kernel.api.SystemImage;
import warden.kernel.api.SystemImageBuilder;
import warden.riscv.cpu.HartState;
import warden.riscv.cpu.Interpreter;

/** One hart model: the interpreter runs on the Hart's own state, its kernel-programmed PMP and the board's bus. */
class HartInterpreterTest {
    static final long RAM = 0x8040_0000L;

    // [utest->dsn~riscv.hart.one-model~1]
    // [utest->dsn~riscv.hart.pmp~1]
    @Test
    void realInstructionsMeetTheKernelsPmpAndLeaveTheirTrapInTheHartsCsrs() {
        SystemImageBuilder b = SystemImage.builder(4).monitor(0x8000_0000L, 0x20_0000L);
        int p = b.partition("p", Criticality.QM, 1, RAM, 0, false);
        b.region(p, RAM, 0x1_0000L, Access.READ | Access.WRITE | Access.EXECUTE);
        SystemImage img = b.build();
        RiscvMachine m = new RiscvMachine(RiscvPlatform.virt(), img, new Executor[4],
                new ConsoleLog(new String[] {"p"}, false), new IrqStats(128), new TraceRecorder(4, false));
        Monitor k = Warden.create(m.platform());
        assertEquals(Status.OK, k.boot(img));
        m.attach(k);
        assertEquals(Status.OK, k.start());
        Hart h = m.hart(0);
        HartState s = h.state();
        assertEquals(Csr.PRIV_S, h.privilege(), "the kernel started the partition in S-mode");
        // addi a1, a1, 3 ; lw a0, 0(a2) with a2 in the monitor's memory
        m.bus().write(RAM, 4, 0x0035_8593L, 0);
        m.bus().write(RAM + 4, 4, 0x0006_2503L, 0);
        s.pc = RAM;
        h.setRegister(11, 4);
        h.setRegister(12, 0x8000_0100L);
        Interpreter cpu = h.interpreter();
        cpu.run(2);
        assertEquals(7, h.register(11), "the first instruction ran in the partition's RX memory");
        assertEquals(Csr.EXC_LOAD_ACCESS, h.mcause(), "the kernel's PMP denied the load");
        assertEquals(0x8000_0100L, h.mtval());
        assertEquals(Csr.PRIV_M, h.privilege());
        assertEquals(RAM + 4, s.mepc);
    }
}
