package warden.riscv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import warden.emu.ConsoleLog;
import warden.emu.Executor;
import warden.emu.GuestCpu;
import warden.emu.IrqStats;
import warden.emu.TraceRecorder;
import warden.kernel.Warden;
import warden.kernel.api.Access;
import warden.kernel.api.Criticality;
import warden.kernel.api.MonitorCall;
import warden.kernel.api.Monitor;
import warden.kernel.api.Status;
import warden.kernel.api.SystemImage;
import warden.kernel.api.SystemImageBuilder;

/** The RISC-V trap path end to end with the real kernel: causes, mtval, SBI registers. */
class HartTrapTest {
    static final long RAM = 0x8040_0000L;
    RiscvMachine m;
    Monitor k;
    final List<String> seen = new ArrayList<>();

    @BeforeEach
    void boot() {
        SystemImageBuilder b = SystemImage.builder(4).monitor(0x8000_0000L, 0x20_0000L);
        int p = b.partition("p", Criticality.QM, 1, RAM, 0, false);
        b.region(p, RAM, 0x1_0000L, Access.READ | Access.WRITE);
        SystemImage img = b.build();
        Executor e = new Executor() {
            @Override public int run(GuestCpu cpu) { return EXIT_BUDGET; }
            @Override public void onInterrupt(int line, long now) { seen.add("irq " + line); }
            @Override public void onTimer(long now) { seen.add("timer"); }
            @Override public void onFault(int cause, long address, long now) {
                seen.add("fault " + cause + " " + Long.toHexString(address));
            }
            @Override public String kind() { return "test"; }
        };
        Executor[] ex = new Executor[4];
        ex[0] = e;
        m = new RiscvMachine(RiscvPlatform.virt(), img, ex, new ConsoleLog(new String[] {"p"}, false),
                new IrqStats(128), new TraceRecorder(4, false));
        k = Warden.create(m.platform());
        assertEquals(Status.OK, k.boot(img));
        m.attach(k);
        assertEquals(Status.OK, k.start());
    }

    // [utest->dsn~riscv.hart.access-fault~1]
    // [utest->dsn~riscv.trap.decode~1]
    // [utest->dsn~riscv.hart.trap~1]
    @Test
    void deniedAccessesTrapWithTheirCauseAndAddressAndReachTheGuest() {
        Hart h = m.hart(0);
        assertEquals(Csr.PRIV_S, h.privilege(), "the guest runs in S-mode from its first instruction");
        assertEquals(GuestCpu.FAULT, h.load(0x8000_0000L, 4));
        assertEquals(Csr.EXC_LOAD_ACCESS, h.mcause());
        assertEquals(0x8000_0000L, h.mtval());
        assertEquals(GuestCpu.FAULT, h.store(0x0200_0000L, 4, 1));
        assertEquals(Csr.EXC_STORE_ACCESS, h.mcause());
        assertEquals(GuestCpu.FAULT, h.fetch(RAM));
        assertEquals(Csr.EXC_FETCH_ACCESS, h.mcause());
        assertEquals(GuestCpu.FAULT, h.load(0x4000_0000L, 4), "unmapped: a bus error is an access fault too");
        assertEquals(List.of("fault 5 80000000", "fault 7 2000000", "fault 1 80400000", "fault 5 40000000"), seen);
        assertEquals(h.scause(), Csr.EXC_LOAD_ACCESS, "redirected through scause");
        assertEquals(Csr.PRIV_S, h.privilege(), "back in S-mode after each trap");
        assertEquals(4, k.counter(warden.kernel.api.Counter.ACCESS_FAULTS));
    }

    /**
     * DBCN console_write on RV64: base_addr_lo holds the whole address; a non-zero base_addr_hi
     * names an address beyond 64 bits, which is nobody's (before: the low 32 bits of a1 and a2
     * made an aliased address inside the partition's RAM).
     */
    // [utest->dsn~riscv.sbi.mapping~1]
    // [utest->dsn~emu.guest.hostile-raw~1]
    @Test
    void dbcnTakesTheWholeAddressFromBaseLoAndRefusesAnyHighHalf() {
        Hart h = m.hart(0);
        assertEquals(Sbi.SBI_ERR_INVALID_ADDRESS, h.rawCall(Sbi.DBCN_EID, 0, new long[] {4, RAM + (1L << 32), 0}));
        assertEquals(Sbi.SBI_ERR_INVALID_ADDRESS, h.rawCall(Sbi.DBCN_EID, 0, new long[] {4, RAM, 1}));
        assertEquals(Sbi.SBI_SUCCESS, h.rawCall(Sbi.DBCN_EID, 0, new long[] {4, RAM, 0}));
        assertEquals(4, h.register(11), "a1: the bytes written");
    }

    /**
     * Random EIDs (the hostile guest's table: Warden's, TIME, DBCN, base, HSM, SRST, IPI, RFENCE,
     * PMU, legacy, firmware-space edges; mutated; any 32- or 64-bit value) and FIDs with a0..a5
     * random, through the real kernel: every id the port does not decode is counted unknown by the
     * kernel and answered SBI_ERR_NOT_SUPPORTED (-2) with a1 = 0, and nothing throws.
     */
    // [utest->dsn~riscv.sbi.mapping~1]
    // [utest->dsn~emu.guest.hostile-raw~1]
    @Test
    void randomExtensionAndFunctionIdsAreAnsweredNotSupportedUnlessTheyDecode() {
        Hart h = m.hart(0);
        warden.emu.SplitMix64 random = new warden.emu.SplitMix64(17);
        long[] table = h.callIds();
        int unknown = 0;
        for (int i = 0; i < 5_000; i++) {
            long draw = random.nextLong(4);
            long eid = draw == 0 ? table[(int) random.nextLong(table.length)] : draw == 1
                    ? table[(int) random.nextLong(table.length)] ^ 1L << random.nextLong(32)
                    : draw == 2 ? (int) random.nextLong() : random.nextLong();
            long fid = random.nextLong(2) == 0 ? random.nextLong(MonitorCall.COUNT + 4) : random.nextLong();
            if (h.rawCallTarget(eid, fid) != MonitorCall.UNKNOWN) {
                continue;
            }
            long before = k.counter(warden.kernel.api.Counter.UNKNOWN_CALLS);
            long[] args = new long[6];
            for (int a = 0; a < 6; a++) {
                args[a] = random.nextLong();
            }
            assertEquals(Sbi.SBI_ERR_NOT_SUPPORTED, h.rawCall(eid, fid, args), "EID 0x" + Long.toHexString(eid));
            assertEquals(0, h.register(11));
            assertEquals(before + 1, k.counter(warden.kernel.api.Counter.UNKNOWN_CALLS));
            unknown++;
        }
        assertTrue(unknown > 3_000, "unknown " + unknown);
        for (long eid : new long[] {Sbi.IPI_EID, Sbi.RFENCE_EID, Sbi.PMU_EID, 0, 8, Sbi.WARDEN_EID | 1L << 32}) {
            assertEquals(MonitorCall.UNKNOWN, h.rawCallTarget(eid, 0), "EID 0x" + Long.toHexString(eid));
        }
        // SBI 2.0 as offered to real code: Base answered by the port, HSM and SRST mapped onto the kernel
        assertEquals(warden.emu.GuestCpu.ANSWERED_BY_MONITOR, h.rawCallTarget(Sbi.BASE_EID, 0));
        assertEquals(MonitorCall.VCPU_ON, h.rawCallTarget(Sbi.HSM_EID, 0));
        assertEquals(MonitorCall.VCPU_OFF, h.rawCallTarget(Sbi.SRST_EID, 0));
        assertEquals(MonitorCall.UNKNOWN, h.rawCallTarget(Sbi.HSM_EID, 2), "hart_get_status is not offered");
        assertEquals(MonitorCall.UNKNOWN, h.rawCallTarget(Sbi.WARDEN_EID, 1L << 32 | MonitorCall.VERSION));
        assertEquals(-2L, h.notSupportedCode());
    }

    // [utest->dsn~riscv.sbi.mapping~1]
    @Test
    void standardSbiCallsReachTheKernelThroughTheirRegisters() {
        Hart h = m.hart(0);
        h.setRegister(17, Sbi.TIME_EID);
        h.setRegister(16, 0);
        h.setRegister(10, 100);
        assertEquals(Status.OK, h.ecall(), "sbi_set_timer(100 ticks)");
        assertEquals(Sbi.SBI_SUCCESS, h.register(10));
        assertEquals(100, m.clint().mtimecmp(0), "100 ticks = 10 us at 10 MHz, programmed unchanged");
        h.setRegister(17, 0x48534DL);
        h.setRegister(16, 2);
        assertEquals(Status.NOT_SUPPORTED, h.ecall(), "HSM hart_get_status is not offered");
        assertEquals(Sbi.SBI_ERR_NOT_SUPPORTED, h.register(10));
        assertEquals(Status.OK, h.call(MonitorCall.VERSION, 0, 0));
        assertEquals(MonitorCall.ABI_VERSION, h.register(11));
    }

    @Test
    void anIllegalInstructionIsReportedAndRedirected() {
        Hart h = m.hart(0);
        h.illegalInstruction(0xFFFF_FFFFL);
        assertEquals(Csr.EXC_ILLEGAL, h.mcause());
        assertEquals(1, k.counter(warden.kernel.api.Counter.ILLEGAL_INSTRUCTIONS));
        assertTrue(seen.get(0).startsWith("fault 2"));
    }
}
