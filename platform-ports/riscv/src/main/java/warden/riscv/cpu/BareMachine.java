package warden.riscv.cpu;

import warden.emu.Bus;
import warden.emu.PhysicalMemory;
import warden.riscv.hw.Clint;
import warden.riscv.hw.Pmp;

/**
 * The board {@code warden exec} runs an ELF on, like Spike and QEMU's {@code spike} machine: RAM
 * at 0x8000_0000, a CLINT at 0x0200_0000 (10 MHz timebase), one hart with 16 PMP entries (G = 0)
 * that starts at the ELF entry in M-mode from reset, and HTIF through the {@code tohost} and
 * {@code fromhost} symbols: device 0 command 0 with payload bit 0 set ends the run with exit code
 * payload >> 1; device 1 command 1 writes the low byte to the console and the host answers in
 * {@code fromhost} and clears {@code tohost}.
 *
 * [impl->dsn~riscv.exec.board~1] [impl->dsn~riscv.exec.htif~1]
 */
public final class BareMachine {
    public static final long RAM_BASE = 0x8000_0000L;
    public static final long RAM_SIZE = 2L << 30;
    public static final long CLINT_BASE = 0x0200_0000L;
    public static final long CLINT_SIZE = 0x1_0000L;
    public static final int PMP_ENTRIES = 16;
    private static final long MIP_MSIP = 1L << 3;
    private static final long MIP_MTIP = 1L << 7;

    /** How a run ended. */
    public enum End { PASSED, FAILED, BUDGET }

    private final Bus bus = new Bus();
    private final PhysicalMemory ram = new PhysicalMemory(RAM_BASE, RAM_SIZE);
    private final Clint clint = new Clint(1, 10_000_000L);
    private final HartState hart = new HartState(0, new Pmp(PMP_ENTRIES, 0));
    private final Interpreter cpu;
    private final StringBuilder console = new StringBuilder();
    private final ElfImage elf;
    private long exitCode;
    private End end = End.BUDGET;

    /** Loads {@code elf}; its segments must lie inside RAM. */
    public BareMachine(ElfImage elf) throws ElfImage.BadElf {
        this.elf = elf;
        bus.addRam(ram);
        bus.addDevice(CLINT_BASE, CLINT_SIZE, clint);
        for (int i = 0; i < elf.segments(); i++) {
            long a = elf.segmentAddress(i);
            long n = elf.segmentMemorySize(i);
            if (n > 0 && !ram.contains(a, 1) || n > 0 && (n > RAM_SIZE || !ram.contains(a + n - 1, 1))) {
                throw new ElfImage.BadElf(String.format("segment %d: 0x%x..0x%x lies outside RAM 0x%x..0x%x", i, a,
                        a + n, RAM_BASE, RAM_BASE + RAM_SIZE));
            }
            for (long j = 0; j < elf.segmentFileSize(i); j++) {
                ram.writeByte(a + j, elf.segmentByte(i, j));
            }
        }
        hart.pc = elf.entry();
        cpu = new Interpreter(hart, bus, ram, new Lines() {
            @Override
            public long pending(long nowNs) {
                return (clint.timerPending(0, nowNs) ? MIP_MTIP : 0) | (clint.softwarePending(0) ? MIP_MSIP : 0);
            }

            @Override
            public long nextEventNs() {
                return clint.nextTimerNs(0);
            }
        });
        if (elf.tohost() >= 0) {
            cpu.watch(elf.tohost());
        }
    }

    /**
     * Runs until the program ends through HTIF or {@code budget} instructions have retired.
     *
     * @return how it ended
     */
    public End run(long budget) {
        long left = budget;
        while (left > 0 && end == End.BUDGET) {
            left -= cpu.run(left);
            if (cpu.watchHit()) {
                htif();
            }
        }
        return end;
    }

    private void htif() {
        long v = ram.read(elf.tohost(), 8);
        if (v == 0) {
            return;
        }
        int device = (int) (v >>> 56);
        int command = (int) (v >>> 48 & 0xFF);
        if (device == 0 && command == 0 && (v & 1) != 0) {
            exitCode = (v & 0xFFFF_FFFF_FFFFL) >>> 1;
            end = exitCode == 0 ? End.PASSED : End.FAILED;
        } else if (device == 1 && command == 1) {
            console.append((char) (v & 0xFF));
            ram.write(elf.tohost(), 8, 0);
            if (elf.fromhost() >= 0) {
                ram.write(elf.fromhost(), 8, 1L << 56 | 1L << 48);
            }
        }
    }

    /**
     * @return the signature region as riscv-arch-test and Spike's {@code +signature} write it: one
     *     32-bit little-endian word per line, 8 lowercase hex digits, from begin_signature up to
     *     end_signature; null when the ELF lacks either symbol or they are out of order or outside RAM.
     *     [impl->dsn~riscv.exec.signature~1]
     */
    public String signature() {
        long begin = elf.beginSignature();
        long end = elf.endSignature();
        if (begin < 0 || end < begin || !ram.contains(begin, 1) || end > begin && !ram.contains(end - 1, 1)) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        for (long a = begin; a + 4 <= end; a += 4) {
            b.append(String.format("%08x", ram.read(a, 4) & 0xFFFF_FFFFL)).append('\n');
        }
        return b.toString();
    }

    /** @return the failing test number (tohost >> 1) of a failed run. */
    public long exitCode() { return exitCode; }
    public long instructions() { return hart.instret; }
    public String console() { return console.toString(); }
    public HartState hart() { return hart; }
    public Bus bus() { return bus; }
}
