package warden.riscv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import warden.emu.ConsoleLog;
import warden.emu.DeviceSpec;
import warden.emu.Executor;
import warden.emu.IrqStats;
import warden.emu.TraceRecorder;
import warden.kernel.api.SystemImage;
import warden.riscv.cpu.HartState;

/**
 * The port's parts for a Linux partition: the Image header and placement, the device tree Linux's
 * bindings need, the virtual PLIC, the SBI calls Linux 6.1 makes, the F/D registers in the world
 * switch and the UART's line at the PLIC.
 */
class LinuxPartsTest {
    static final long RAM = 0x8400_0000L;

    /** A minimal Image: the 64-byte header of Documentation/riscv/boot-image-header.rst. */
    static byte[] image(long textOffset, long imageSize, int length) {
        byte[] b = new byte[length];
        put(b, 8, textOffset, 8);
        put(b, 16, imageSize, 8);
        put(b, 32, 2, 4);
        byte[] magic = "RISCV\0\0\0RSC\u0005".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(magic, 0, b, 48, magic.length);
        return b;
    }

    private static void put(byte[] b, int off, long v, int n) {
        for (int i = 0; i < n; i++) {
            b[off + i] = (byte) (v >>> (8 * i));
        }
    }

    private static final DeviceSpec UART = new DeviceSpec("uart0", "uart", 0x1000_0000L, 0x100, 10, false);
    private static final DeviceSpec VPLIC = new DeviceSpec("vplic", VirtualPlic.KIND, 0x0800_0000L, 0x40_0000L, 0,
            false);

    private static ElfPartition.Owned owned() {
        return new ElfPartition.Owned("linux", List.of(0), 10_000_000L, List.of(new long[] {RAM, 64L << 20}),
                List.of(UART, VPLIC));
    }

    // [utest->dsn~riscv.linux.image~1]
    @Test
    void theImageHeaderIsCheckedAndTheKernelGoesToRamPlusTextOffset() throws Exception {
        LinuxImage k = LinuxImage.parse(image(0x20_0000L, 0x30_0000L, 4096));
        assertEquals(0x20_0000L, k.textOffset());
        assertEquals(RAM + 0x20_0000L, k.loadAddress(RAM));
        assertNull(k.placementProblem(RAM, 64L << 20));
        assertNotNull(k.placementProblem(RAM + 0x1000, 64L << 20), "not 2 MiB aligned");
        assertNotNull(k.placementProblem(RAM, 0x40_0000L), "too small for image_size + 2 MiB + the tree");
        assertEquals(RAM + (64L << 20) - LinuxImage.FDT_ROOM, LinuxImage.fdtAddress(RAM, 64L << 20));
        byte[] elf = image(0x20_0000L, 0x30_0000L, 4096);
        elf[56] = 0;
        assertThrows(LinuxImage.BadImage.class, () -> LinuxImage.parse(elf), "no second magic");
        assertThrows(LinuxImage.BadImage.class, () -> LinuxImage.parse(new byte[32]), "too short");
        assertThrows(LinuxImage.BadImage.class, () -> LinuxImage.parse(image(0x1000, 0x30_0000L, 4096)),
                "text_offset not 2 MiB aligned");
        assertThrows(LinuxImage.BadImage.class, () -> LinuxImage.parse(image(0x20_0000L, 100, 4096)),
                "image_size below the file's size");
    }

    // [utest->dsn~riscv.linux.fdt~1] [utest->dsn~riscv.linux.image~1]
    @Test
    void theDeviceTreeDescribesWhatLinuxsBindingsNeed() throws Exception {
        LinuxImage k = LinuxImage.parse(image(0x20_0000L, 0x30_0000L, 4096));
        ElfPartition p = k.partition(owned(), "console=ttyS0");
        assertEquals(RAM + 0x20_0000L, p.entry());
        assertEquals(LinuxImage.fdtAddress(RAM, 64L << 20), p.fdtAddress());
        Map<String, Map<String, byte[]>> t = FdtTest.parse(p.image());
        assertEquals("console=ttyS0", str(t.get("/chosen").get("bootargs")));
        assertEquals("/soc/serial@10000000", str(t.get("/chosen").get("stdout-path")));
        Map<String, byte[]> cpu = t.get("/cpus/cpu@0");
        assertEquals("rv64imafdc_zicsr_zifencei", str(cpu.get("riscv,isa")));
        assertEquals("riscv,sv39", str(cpu.get("mmu-type")));
        assertEquals(10_000_000, Fdt.get32(t.get("/cpus").get("timebase-frequency"), 0));
        assertEquals("riscv,cpu-intc", str(t.get("/cpus/cpu@0/interrupt-controller").get("compatible")));
        Map<String, byte[]> plic = t.get("/soc/interrupt-controller@8000000");
        assertEquals("riscv,plic0", str(plic.get("compatible")));
        assertArrayEquals(new byte[] {0, 0, 0, 2, 0, 0, 0, 9}, plic.get("interrupts-extended"),
                "context 0: hart 0's intc (phandle 2), S-mode external interrupt 9");
        assertEquals(127, Fdt.get32(plic.get("riscv,ndev"), 0));
        Map<String, byte[]> uart = t.get("/soc/serial@10000000");
        assertEquals("ns16550a", str(uart.get("compatible")));
        assertEquals(10, Fdt.get32(uart.get("interrupts"), 0));
        assertEquals(1, Fdt.get32(uart.get("interrupt-parent"), 0));
        assertEquals((int) LinuxImage.UART_CLOCK_HZ, Fdt.get32(uart.get("clock-frequency"), 0));
        assertTrue(t.containsKey("/memory@84000000"));
    }

    private static String str(byte[] v) {
        return new String(v, 0, v.length - 1, StandardCharsets.US_ASCII);
    }

    private static RiscvMachine machine() {
        return machine(new IrqStats(128));
    }

    private static RiscvMachine machine(IrqStats stats) {
        SystemImage img = SystemImage.builder(4).monitor(0x8000_0000L, 0x20_0000L).build();
        return new RiscvMachine(RiscvPlatform.virt(), img, new Executor[4], new ConsoleLog(new String[] {"p"}, false),
                stats, new TraceRecorder(4, false));
    }

    // [utest->dsn~riscv.vplic~1]
    @Test
    void theVirtualPlicClaimsTheHartsDeliveredLinesAndKeepsWhatTheDriverWrites() {
        RiscvMachine m = machine();
        long base = 0x0800_0000L;
        m.bus().write(base + 4 * 10, 4, 1, 0);
        m.bus().read(base + 4 * 10, 4, 0);
        assertEquals(1, m.bus().lastValue(), "priority of source 10");
        m.bus().write(base + VirtualPlic.ENABLE + VirtualPlic.ENABLE_STRIDE, 4, 0xFFFF_FFFFL, 0);
        m.bus().read(base + VirtualPlic.ENABLE + VirtualPlic.ENABLE_STRIDE, 4, 0);
        assertEquals(0xFFFF_FFFEL, m.bus().lastValue(), "context 1's enables; source 0 does not exist");
        m.bus().write(base + VirtualPlic.CONTEXT, 4, 3, 0);
        m.bus().read(base + VirtualPlic.CONTEXT, 4, 0);
        assertEquals(3, m.bus().lastValue(), "context 0's threshold");
        Hart h = m.hart(0);
        h.lineDelivered(20);
        h.lineDelivered(10);
        h.st.mipSoftware |= 1L << Csr.IRQ_S_EXT;
        m.bus().read(base + VirtualPlic.CONTEXT + 4, 4, 0);
        assertEquals(10, m.bus().lastValue(), "the lowest delivered line");
        m.bus().read(base + VirtualPlic.CONTEXT + 4, 4, 0);
        assertEquals(20, m.bus().lastValue());
        assertEquals(0, h.st.mipSoftware & (1L << Csr.IRQ_S_EXT), "SEIP fell with none left");
        m.bus().read(base + VirtualPlic.CONTEXT + 4, 4, 0);
        assertEquals(0, m.bus().lastValue(), "nothing to claim");
        m.bus().write(base + VirtualPlic.CONTEXT + 4, 4, 10, 0); // completion: accepted
        m.bus().read(base + VirtualPlic.PENDING, 4, 0);
        assertEquals(0, m.bus().lastValue());
    }

    // [utest->dsn~riscv.elf.fp-context~1]
    @Test
    void theWorldSwitchKeepsEachGuestsFloatingPointRegistersAndFcsr() {
        RiscvMachine m = machine();
        HartState st = m.hart(0).state();
        st.f[3] = 0x4009_21FB_5444_2D18L;
        st.f[31] = -1L;
        st.fflags = 0x1F;
        st.frm = 3;
        long[] a = new long[Hart.CONTEXT_WORDS];
        m.save(0, a, 0);
        long[] b = new long[Hart.CONTEXT_WORDS];
        b[40] = Csr.PRIV_S;
        b[Hart.CONTEXT_F + 3] = 7;
        b[Hart.CONTEXT_F + 32] = 1 << 5 | 1;
        m.restore(0, 0, b, 0);
        assertEquals(7, st.f[3]);
        assertEquals(0, st.f[31]);
        assertEquals(1, st.fflags);
        assertEquals(1, st.frm);
        m.restore(0, 0, a, 0);
        assertEquals(0x4009_21FB_5444_2D18L, st.f[3]);
        assertEquals(-1L, st.f[31]);
        assertEquals(0x1F, st.fflags);
        assertEquals(3, st.frm);
    }

    // [utest->dsn~riscv.sbi.linux~1]
    @Test
    void thePortAnswersLinuxsLegacyConsoleIpiAndFencesOnlyForGuestsRunningCode() {
        assertTrue(Sbi.answeredForCode(Sbi.LEGACY_PUTCHAR, 0));
        assertTrue(Sbi.answeredForCode(Sbi.LEGACY_GETCHAR, 0));
        assertTrue(Sbi.answeredForCode(Sbi.LEGACY_SEND_IPI, 0));
        assertTrue(Sbi.answeredForCode(7, 0));
        assertTrue(Sbi.answeredForCode(Sbi.IPI_EID, 0));
        assertTrue(Sbi.answeredForCode(Sbi.RFENCE_EID, 6));
        assertEquals(false, Sbi.answeredForCode(Sbi.RFENCE_EID, 7));
        assertEquals(false, Sbi.answeredForCode(Sbi.IPI_EID, 1));
        assertEquals(false, Sbi.answeredForCode(0, 0), "legacy set_timer: Linux uses TIME");
        assertEquals(false, Sbi.answeredForCode(3, 0), "legacy clear_ipi");
        assertEquals(false, Sbi.answeredForCode(8, 0), "legacy shutdown");
        assertEquals(false, Sbi.available(Sbi.IPI_EID), "to a model IPI stays unavailable");
    }

    // [utest->dsn~riscv.uart-line~2]
    @Test
    void aUartsInterruptOutputRaisesItsPlicSourceAndIsCounted() {
        IrqStats stats = new IrqStats(128);
        RiscvMachine m = machine(stats);
        m.bus().write(0x1000_0000L + 1, 1, 0x02, 0); // IER.ETBEI with THR empty
        assertTrue(m.plic().isPending(10), "uart0's line 10 is pending at the PLIC");
        assertEquals(1, stats.raisedCount(10), "counted with the device lines");
        assertEquals(1, stats.outstanding(10), "waiting for its delivery");
    }
}
