package warden.arm.hw;

import warden.emu.MmioDevice;

/**
 * The GICv3 redistributors of all PEs as one MMIO window (IHI 0069 §12.10-§12.11; layout
 * {@link GicDescriptor}): per PE an RD_base frame (GICR_CTLR, GICR_TYPER with Processor_Number
 * and Last, GICR_WAKER) and an SGI_base frame holding the banked SGI/PPI registers GICR_IGROUPR0,
 * GICR_ISENABLER0 ... GICR_ICACTIVER0, GICR_IPRIORITYR0-7 and GICR_IGRPMODR0, with the same
 * security rules as the distributor ({@link GicRegisters}). GICR_WAKER reads 0 (awake).
 * Malformed accesses read 0 and are ignored on write; nothing allocates.
 *
 * [impl->dsn~arm.gic.security~1] [impl->dsn~arm.hw.no-allocation~1]
 */
public final class GicRedistributor implements MmioDevice {
    private final GicState s;
    private final GicRegisters regs;
    private final TransactionSecurity security;

    /** Boot-time. */
    public GicRedistributor(GicState state, TransactionSecurity security) {
        this.s = state;
        this.regs = new GicRegisters(state);
        this.security = security;
    }

    /** @return the window size for all PEs. */
    public long size() {
        return GicDescriptor.GICR_STRIDE * s.pes();
    }

    @Override
    public long read(long offset, int size, long nowNs) {
        int pe = (int) (offset / GicDescriptor.GICR_STRIDE);
        long off = offset % GicDescriptor.GICR_STRIDE;
        if (pe < 0 || pe >= s.pes()) {
            return 0;
        }
        if (off == GicDescriptor.GICR_TYPER && size == 8) {
            long last = pe == s.pes() - 1 ? GicDescriptor.GICR_TYPER_LAST : 0;
            return ((long) pe << 32) | ((long) pe << 8) | last;
        }
        if (off < GicDescriptor.SGI_BASE) {
            return 0;
        }
        off -= GicDescriptor.SGI_BASE;
        boolean ns = security.nonSecure();
        int kind = GicDescriptor.bitKind(off);
        if (kind >= 0 && size == 4 && GicDescriptor.bitFirst(off) == 0) {
            return regs.readBits(pe, 0, kind, ns);
        }
        if (off >= GicDescriptor.IPRIORITYR && off < GicDescriptor.IPRIORITYR + GicState.PRIVATE && size <= 4) {
            return regs.readPriorities(pe, (int) (off - GicDescriptor.IPRIORITYR), size, ns);
        }
        return 0;
    }

    @Override
    public void write(long offset, int size, long value, long nowNs) {
        int pe = (int) (offset / GicDescriptor.GICR_STRIDE);
        long off = offset % GicDescriptor.GICR_STRIDE - GicDescriptor.SGI_BASE;
        if (pe < 0 || pe >= s.pes() || off < 0) {
            return;
        }
        boolean ns = security.nonSecure();
        int kind = GicDescriptor.bitKind(off);
        if (kind >= 0 && size == 4 && GicDescriptor.bitFirst(off) == 0) {
            regs.writeBits(pe, 0, kind, value, ns);
        } else if (off >= GicDescriptor.IPRIORITYR && off < GicDescriptor.IPRIORITYR + GicState.PRIVATE && size <= 4) {
            regs.writePriorities(pe, (int) (off - GicDescriptor.IPRIORITYR), size, value, ns);
        }
    }
}
