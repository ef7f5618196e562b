package warden.riscv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
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
import warden.riscv.cpu.ElfImage;
import warden.riscv.cpu.HartState;

/**
 * A real S-mode binary under the monitor: platform-ports/guests/riscv/bin/sbi-selftest.elf runs on
 * hart 0 through {@link ElfGuest} and leaves what it saw of the SBI in its saved registers.
 */
class ElfGuestTest {
    static final Path GUESTS = Path.of("../guests/riscv");
    static final long RAM = 0x8040_0000L;

    private RiscvMachine m;
    private ElfPartition part;
    private Monitor k;
    private ElfGuest guest;

    @BeforeEach
    void boot() throws Exception {
        ElfImage elf = ElfImage.parse(Files.readAllBytes(GUESTS.resolve("bin/sbi-selftest.elf")));
        part = ElfPartition.build(elf, new ElfPartition.Owned("p", List.of(0), 10_000_000L,
                List.of(new long[] {RAM, 0x10_0000L}), List.of()));
        SystemImageBuilder b = SystemImage.builder(4).monitor(0x8000_0000L, 0x20_0000L);
        int p = b.partition("p", Criticality.QM, 1, part.entry(), 0, false);
        b.region(p, RAM, 0x10_0000L, Access.READ | Access.WRITE | Access.EXECUTE);
        SystemImage img = b.build();
        Executor[] ex = new Executor[4];
        guest = new ElfGuest("p", part.fdtAddress());
        ex[0] = guest;
        m = new RiscvMachine(RiscvPlatform.virt(), img, ex, new ConsoleLog(new String[] {"p"}, false),
                new IrqStats(128), new TraceRecorder(4, false));
        k = Warden.create(m.platform());
        assertEquals(Status.OK, k.boot(img));
        byte[] bytes = part.image();
        for (int i = 0; i < bytes.length; i++) {
            m.bus().write(part.load() + i, 1, bytes[i] & 0xff, 0);
        }
        m.attach(k);
        assertEquals(Status.OK, k.start());
        m.hart(0).runUntil(1_000_000);
    }

    // [utest->dsn~riscv.elf.executor~1]
    @Test
    void theBinaryStartsInSupervisorModeWithTheHartIdAndTheDeviceTree() {
        Hart h = m.hart(0);
        assertEquals(0, h.register(27), "a0 = hart id");
        assertEquals(part.fdtAddress(), h.register(26), "a1 = the device tree blob");
        assertEquals(Csr.PRIV_S, h.privilege());
        assertEquals(warden.emu.Bus.OK, m.bus().read(part.fdtAddress(), 4, 0));
        assertEquals(0xd00dfeedL, Integer.reverseBytes((int) m.bus().lastValue()) & 0xffff_ffffL,
                "the blob's magic is where a1 points");
    }

    // [utest->dsn~riscv.sbi.base~1]
    @Test
    void theBaseExtensionIsAnsweredAndUnofferedExtensionsAreRefused() {
        Hart h = m.hart(0);
        assertEquals(Sbi.SBI_SUCCESS, h.register(18));
        assertEquals(2L << 24, h.register(19), "SBI 2.0");
        assertEquals(0, h.register(20), "probe_extension(IPI) = 0: the kernel offers no IPI");
        assertEquals(Sbi.SBI_ERR_NOT_SUPPORTED, h.register(21), "an IPI call is not supported");
    }

    // [utest->dsn~riscv.sbi.redirect~1]
    @Test
    void aDeniedLoadTrapsToTheMonitorAndIsRedirectedIntoTheGuestsOwnHandler() {
        Hart h = m.hart(0);
        assertEquals(Csr.EXC_LOAD_ACCESS, h.register(22), "scause the guest's handler read");
        assertEquals(0x8000_0100L, h.register(23), "stval = the denied address");
        long sepc = h.register(24);
        assertTrue(sepc >= RAM && sepc < RAM + 0x200, "sepc in the guest's code: " + Long.toHexString(sepc));
        assertEquals(warden.emu.Bus.OK, m.bus().read(sepc, 4, 0));
        assertEquals(0x03, m.bus().lastValue() & 0x7f, "sepc is the load's own address");
        assertEquals(1, k.counter(warden.kernel.api.Counter.ACCESS_FAULTS), "the monitor saw the fault first");
    }

    // [utest->dsn~riscv.sbi.sip~1]
    @Test
    void anSbiTimerReachesTheGuestAsSupervisorTimerInterruptThroughSip() {
        Hart h = m.hart(0);
        assertEquals(1, h.register(25), "one STI taken, then the timer was cancelled");
        assertEquals(Csr.INTERRUPT | Csr.IRQ_S_TIMER, h.scause());
        assertEquals(0, h.state().mipSoftware & (1L << Csr.IRQ_S_TIMER), "set_timer cleared STIP");
        assertEquals(java.util.List.of(0L, 1L, 1L), java.util.Arrays.stream(guest.delivered()).boxed().toList(),
                "no interrupt, one timer, one redirected fault delivered");
        assertTrue(guest.instructions() > 20, "instructions retired: " + guest.instructions());
    }

    // [utest->dsn~riscv.elf.context~1]
    @Test
    void theWorldSwitchSavesAndRestoresTheGuestsSupervisorState() {
        HartState st = m.hart(0).state();
        long[] ctx = new long[Hart.CONTEXT_WORDS];
        m.save(0, ctx, 0);
        assertEquals(0x1234, ctx[37], "sscratch");
        assertEquals(5, ctx[42], "scounteren");
        assertEquals(1L << 5, ctx[39] & (1L << 5), "sie.STIE");
        assertEquals(HartState.MSTATUS_SIE, ctx[32] & HartState.MSTATUS_SIE, "sstatus.SIE");
        long[] other = new long[Hart.CONTEXT_WORDS];
        other[40] = Csr.PRIV_S;
        other[41] = 1L << Csr.IRQ_S_TIMER;
        m.restore(0, 0, other, 0);
        assertEquals(0, st.sscratch);
        assertEquals(0, st.scounteren);
        assertEquals(0, st.sie());
        assertEquals(1L << Csr.IRQ_S_TIMER, st.mipSoftware, "the other context's pending STIP");
        m.save(0, other, 0);
        m.restore(0, 0, ctx, 0);
        assertEquals(0x1234, st.sscratch);
        assertEquals(5, st.scounteren);
        assertEquals(1L << 5, st.sie() & (1L << 5));
        assertEquals(0, st.mipSoftware, "nothing of the other context's pending bits");
        long[] again = new long[Hart.CONTEXT_WORDS];
        m.save(0, again, 0);
        assertEquals(java.util.Arrays.toString(ctx), java.util.Arrays.toString(again));
    }
}
