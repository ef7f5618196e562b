package warden.riscv.hw;

/**
 * Register layout of the CLINT (SiFive core-local interruptor; RISC-V ACLINT MSWI + MTIMER) as
 * QEMU's {@code virt} machine maps it at 0x0200_0000. Offsets only, plus the checks that decode
 * an access into a register.
 *
 * <pre>
 *  offset           register        width  notes
 *  0x0000 + 4*h     msip[h]         32     bit 0 = MSIP of hart h, bits 31:1 read zero
 *  0x4000 + 8*h     mtimecmp[h]     64     also as two 32-bit halves (+0 low, +4 high)
 *  0xBFF8           mtime           64     also as two 32-bit halves
 *  size 0x10000; h = 0 .. 4094
 * </pre>
 *
 * <p>Guarantees: the decode methods return -1 for anything that is not exactly one register or
 * one 32-bit half of a 64-bit register; they allocate nothing.
 */
public final class ClintDescriptor {
    public static final long MSIP_BASE = 0x0;
    public static final long MSIP_STRIDE = 4;
    public static final long MTIMECMP_BASE = 0x4000;
    public static final long MTIMECMP_STRIDE = 8;
    public static final long MTIME = 0xBFF8;
    public static final long SIZE = 0x10000;
    /** mtimecmp of hart 4095 would overlap mtime. */
    public static final int HARTS_MAX = 4095;

    private ClintDescriptor() {
    }

    /** @return the hart whose msip a 4-byte access at {@code offset} hits, or -1. */
    public static int msipHart(long offset, int size, int hartCount) {
        if (size != 4 || offset < MSIP_BASE || (offset & 3) != 0) {
            return -1;
        }
        long h = (offset - MSIP_BASE) / MSIP_STRIDE;
        return h < hartCount ? (int) h : -1;
    }

    /** @return the hart whose mtimecmp an 8-byte or 4-byte access hits, or -1. */
    public static int mtimecmpHart(long offset, int size, int hartCount) {
        if (offset < MTIMECMP_BASE || !sizeFits(offset, size)) {
            return -1;
        }
        long h = (offset - MTIMECMP_BASE) / MTIMECMP_STRIDE;
        return h < hartCount ? (int) h : -1;
    }

    /** @return true when an 8-byte or 4-byte access at {@code offset} hits mtime. */
    public static boolean isMtime(long offset, int size) {
        return offset >= MTIME && offset < MTIME + 8 && sizeFits(offset, size);
    }

    /** @return the bit position (0 or 32) of a 32-bit half access, 0 for a full 64-bit one. */
    public static int shift(long offset, int size) {
        return size == 4 && (offset & 4) != 0 ? 32 : 0;
    }

    private static boolean sizeFits(long offset, int size) {
        return (size == 8 && (offset & 7) == 0) || (size == 4 && (offset & 3) == 0);
    }
}
