package warden.arm.hw;

import warden.emu.MmioDevice;

/**
 * The GICv3 distributor's programming interface (IHI 0069 §12.9; layout {@link GicDescriptor}):
 * GICD_CTLR, GICD_TYPER, the SPI bit registers, GICD_IPRIORITYR and GICD_IROUTER, with the
 * security of each access taken from {@link TransactionSecurity}. Bits of SGIs and PPIs (INTIDs
 * 0-31) are RAZ/WI here with affinity routing enabled (they live in the redistributors).
 *
 * <p>Guarantees: a Non-secure access follows {@link GicRegisters}' rules; a Non-secure GICD_CTLR
 * access sees and changes only EnableGrp1NS (as bit 1, "EnableGrp1A") and ARE_NS (bit 4); a
 * Non-secure GICD_IROUTER access to a secure SPI is RAZ/WI. Malformed accesses read 0 and are
 * ignored on write. Nothing allocates.
 *
 * [impl->dsn~arm.gic.security~1] [impl->dsn~arm.hw.no-allocation~1]
 */
public final class GicDistributor implements MmioDevice {
    private final GicState s;
    private final GicRegisters regs;
    private final TransactionSecurity security;

    /** Boot-time. */
    public GicDistributor(GicState state, TransactionSecurity security) {
        this.s = state;
        this.regs = new GicRegisters(state);
        this.security = security;
    }

    @Override
    public long read(long offset, int size, long nowNs) {
        boolean ns = security.nonSecure();
        if (offset == GicDescriptor.CTLR && size == 4) {
            return ns ? ((s.ctlr & GicState.CTLR_ENABLE_GRP1NS) | ((s.ctlr & GicState.CTLR_ARE_NS) >>> 1)) : s.ctlr;
        }
        if (offset == GicDescriptor.TYPER && size == 4) {
            return GicDescriptor.typer(s.intids(), s.pes());
        }
        int kind = GicDescriptor.bitKind(offset);
        if (kind >= 0 && size == 4) {
            int first = GicDescriptor.bitFirst(offset);
            return first < GicState.PRIVATE ? 0 : regs.readBits(0, first, kind, ns);
        }
        if (offset >= GicDescriptor.IPRIORITYR && offset < GicDescriptor.IPRIORITYR_END && size <= 4) {
            int first = (int) (offset - GicDescriptor.IPRIORITYR);
            return first < GicState.PRIVATE ? 0 : regs.readPriorities(0, first, size, ns);
        }
        if (offset >= GicDescriptor.IROUTER && offset < GicDescriptor.IROUTER_END && size == 8) {
            int intid = (int) ((offset - GicDescriptor.IROUTER) >>> 3);
            int slot = s.slot(0, intid);
            boolean hidden = slot < 0 || intid < GicState.PRIVATE || (ns && GicGroups.secure(s.group(slot)));
            return hidden ? 0 : s.route[slot];
        }
        return 0;
    }

    @Override
    public void write(long offset, int size, long value, long nowNs) {
        boolean ns = security.nonSecure();
        if (offset == GicDescriptor.CTLR && size == 4) {
            writeCtlr(value, ns);
            return;
        }
        int kind = GicDescriptor.bitKind(offset);
        if (kind >= 0 && size == 4) {
            int first = GicDescriptor.bitFirst(offset);
            if (first >= GicState.PRIVATE) {
                regs.writeBits(0, first, kind, value, ns);
            }
            return;
        }
        if (offset >= GicDescriptor.IPRIORITYR && offset < GicDescriptor.IPRIORITYR_END && size <= 4) {
            int first = (int) (offset - GicDescriptor.IPRIORITYR);
            if (first >= GicState.PRIVATE) {
                regs.writePriorities(0, first, size, value, ns);
            }
            return;
        }
        if (offset >= GicDescriptor.IROUTER && offset < GicDescriptor.IROUTER_END && size == 8) {
            writeRouter((int) ((offset - GicDescriptor.IROUTER) >>> 3), value, ns);
        }
    }

    private void writeCtlr(long value, boolean ns) {
        if (ns) {
            int keep = s.ctlr & ~(GicState.CTLR_ENABLE_GRP1NS);
            s.setCtlr(keep | ((int) value & GicState.CTLR_ENABLE_GRP1NS));
            return;
        }
        int enables = GicState.CTLR_ENABLE_GRP0 | GicState.CTLR_ENABLE_GRP1NS | GicState.CTLR_ENABLE_GRP1S;
        s.setCtlr((s.ctlr & ~enables) | ((int) value & enables)); // ARE fixed to 1, DS fixed to 0
    }

    /** GICD_IROUTER: Aff0 (bits 7:0) names the target PE; IRM (bit 31) = 1 is not modeled (ignored). */
    private void writeRouter(int intid, long value, boolean ns) {
        int slot = s.slot(0, intid);
        if (slot < 0 || intid < GicState.PRIVATE || (ns && GicGroups.secure(s.group(slot)))) {
            return;
        }
        int pe = (int) (value & 0xFF);
        if (pe < s.pes()) {
            s.setRoute(slot, pe);
        }
    }

    /** @return the shared register banks (for the monitor's own programming at boot). */
    public GicRegisters registers() {
        return regs;
    }
}
