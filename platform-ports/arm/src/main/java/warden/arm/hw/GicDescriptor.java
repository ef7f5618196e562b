package warden.arm.hw;

/**
 * Register offsets of the GICv3 distributor (GICD_*, 64 KiB frame) and redistributors (GICR_*,
 * two 64 KiB frames per PE: RD_base then SGI_base), IHI 0069 §12.8 and §12.10, Tables 12-25 and
 * 12-27. Only offsets, widths and decoders; no state.
 *
 * <pre>
 *  GICD  0x0000 CTLR | 0x0004 TYPER | 0x0008 IIDR
 *        0x0080 IGROUPR[n]   0x0100 ISENABLER[n] 0x0180 ICENABLER[n] 0x0200 ISPENDR[n]
 *        0x0280 ICPENDR[n]   0x0300 ISACTIVER[n] 0x0380 ICACTIVER[n] (32 INTIDs per word)
 *        0x0400 IPRIORITYR (one byte per INTID)  0x0D00 IGRPMODR[n]
 *        0x6000 IROUTER[n] (64 bits per INTID, SPIs only)
 *  GICR  PE p at p * 0x20000:  +0x00000 RD_base:  0x0000 CTLR, 0x0008 TYPER (64 bits), 0x0014 WAKER
 *                              +0x10000 SGI_base: 0x0080 IGROUPR0, 0x0100 ISENABLER0 ... 0x0380
 *                                                 ICACTIVER0, 0x0400 IPRIORITYR0-7, 0x0D00 IGRPMODR0
 * </pre>
 */
public final class GicDescriptor {
    public static final long GICD_SIZE = 0x1_0000L;
    public static final long GICR_STRIDE = 0x2_0000L;
    public static final long SGI_BASE = 0x1_0000L;

    public static final long CTLR = 0x0000;
    public static final long TYPER = 0x0004;
    public static final long IIDR = 0x0008;
    public static final long BITS_FIRST = 0x0080;
    public static final long BITS_END = 0x0400;
    public static final long IPRIORITYR = 0x0400;
    public static final long IPRIORITYR_END = 0x0800;
    public static final long IGRPMODR = 0x0D00;
    public static final long IGRPMODR_END = 0x0D80;
    public static final long IROUTER = 0x6000;
    public static final long IROUTER_END = 0x8000;
    public static final long GICR_TYPER = 0x0008;
    public static final long GICR_WAKER = 0x0014;
    /** GICR_TYPER.Last, bit 4: the last redistributor of the frame series. */
    public static final long GICR_TYPER_LAST = 1L << 4;

    private GicDescriptor() {
    }

    /** @return the GicRegisters kind of a bit-register offset, or -1 when it is not one. */
    public static int bitKind(long offset) {
        if (offset >= BITS_FIRST && offset < BITS_END) {
            return (int) (offset >>> 7) - 1;
        }
        if (offset >= IGRPMODR && offset < IGRPMODR_END) {
            return GicRegisters.IGRPMODR;
        }
        return -1;
    }

    /** @return the first INTID a 32-bit bit register at {@code offset} covers. */
    public static int bitFirst(long offset) {
        return (int) ((offset & 0x7F) >>> 2) * 32;
    }

    /** @return GICD_TYPER for {@code intids} INTIDs: ITLinesNumber = intids/32 - 1, SecurityExtn. */
    public static long typer(int intids, int pes) {
        return (intids / 32 - 1) | ((long) (pes - 1) << 5) | (1L << 10) | (9L << 19);
    }
}
