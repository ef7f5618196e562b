package warden.riscv;

import warden.emu.MmioDevice;

/**
 * The PLIC a guest that runs its own PLIC driver (Linux's {@code irq-sifive-plic}) sees: the
 * register layout of the RISC-V Platform-Level Interrupt Controller Specification 1.0.0 (chapter
 * "Memory Map": source priorities at 0x000000 + 4 * source, pending bits at 0x001000, enable bits of
 * context c at 0x002000 + 0x80 * c, and at 0x200000 + 0x1000 * c context c's priority threshold and
 * its claim/complete register at offset 4), with context c the S-mode external interrupt of hart c
 * (the device tree's {@code interrupts-extended} says so). It holds no line state of its own: the
 * monitor owns the physical PLIC, claims and completes each line there and delivers it to the
 * partition as a virtual line (SEIP); a claim here takes the lowest delivered line of the hart
 * (the same as Warden's SBI claim, {@link Hart#claimLine}), a completion is accepted and has nothing
 * left to do, and the priorities, enables and thresholds the driver writes read back (the monitor
 * delivers only the partition's own lines, so they select nothing further).
 *
 * [impl->dsn~riscv.vplic~1]
 */
final class VirtualPlic implements MmioDevice {
    /** The device kind of the board's virtual PLIC window. */
    static final String KIND = "vplic";
    static final long PENDING = 0x1000;
    static final long ENABLE = 0x2000;
    static final long ENABLE_STRIDE = 0x80;
    static final long CONTEXT = 0x20_0000;
    static final long CONTEXT_STRIDE = 0x1000;
    private final RiscvMachine machine;
    private final int sources;
    private final int[] priority;
    private final int[] enable;
    private final int[] threshold;

    VirtualPlic(RiscvMachine machine, int sources) {
        this.machine = machine;
        this.sources = sources;
        this.priority = new int[sources];
        int contexts = machine.riscvPlatform().description().cores();
        this.enable = new int[contexts * ((sources + 31) / 32)];
        this.threshold = new int[contexts];
    }

    private int words() {
        return (sources + 31) / 32;
    }

    @Override
    public long read(long offset, int size, long nowNs) {
        if (offset < PENDING) {
            int s = (int) (offset >>> 2);
            return s < sources ? priority[s] : 0;
        }
        if (offset < ENABLE) {
            return 0; // pending lines live in the monitor's PLIC
        }
        if (offset < CONTEXT) {
            int c = (int) ((offset - ENABLE) / ENABLE_STRIDE);
            int w = (int) ((offset - ENABLE) % ENABLE_STRIDE >>> 2);
            return c < threshold.length && w < words() ? enable[c * words() + w] & 0xFFFF_FFFFL : 0;
        }
        int c = (int) ((offset - CONTEXT) / CONTEXT_STRIDE);
        long reg = (offset - CONTEXT) % CONTEXT_STRIDE;
        if (c >= threshold.length) {
            return 0;
        }
        if (reg == 4) {
            return machine.hart(c).claimLine();
        }
        return reg == 0 ? threshold[c] : 0;
    }

    @Override
    public void write(long offset, int size, long value, long nowNs) {
        if (offset < PENDING) {
            int s = (int) (offset >>> 2);
            if (s > 0 && s < sources) {
                priority[s] = (int) (value & 7);
            }
            return;
        }
        if (offset >= ENABLE && offset < CONTEXT) {
            int c = (int) ((offset - ENABLE) / ENABLE_STRIDE);
            int w = (int) ((offset - ENABLE) % ENABLE_STRIDE >>> 2);
            if (c < threshold.length && w < words()) {
                enable[c * words() + w] = (int) value & (w == 0 ? ~1 : -1); // source 0 does not exist
            }
            return;
        }
        int c = (int) ((offset - CONTEXT) / CONTEXT_STRIDE);
        if (offset >= CONTEXT && c < threshold.length && (offset - CONTEXT) % CONTEXT_STRIDE == 0) {
            threshold[c] = (int) (value & 7);
        }
    }
}
