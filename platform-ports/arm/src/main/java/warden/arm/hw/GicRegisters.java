package warden.arm.hw;

/**
 * The per-INTID register banks the distributor (GICD_*) and the redistributors' SGI_base frame
 * (GICR_*0) share, with the GICv3 security rules for two security states (IHI 0069, §4.7
 * "Interrupt grouping and security", §4.8.6 "Software accesses of interrupt priority", §12.9 and
 * §12.11 register descriptions):
 * <ul>
 *   <li>GICD_IGROUPR, GICD_IGRPMODR, GICR_IGROUPR0, GICR_IGRPMODR0 are Secure: a Non-secure read
 *       returns 0 and a Non-secure write is ignored;</li>
 *   <li>in the enable, pending and active registers a Non-secure access sees and changes only the
 *       bits of Group 1 Non-secure interrupts (the others are RAZ/WI);</li>
 *   <li>a Non-secure access to the priority of a Group 1 Non-secure interrupt sees the Non-secure
 *       view (read {@code (p << 1) & 0xFF}, write stores {@code (v >> 1) | 0x80}), so Non-secure
 *       software can never give an interrupt a priority in the secure half (0x00-0x7F); the
 *       priority bytes of secure interrupts are RAZ/WI.</li>
 * </ul>
 * All methods allocate nothing and loop at most 32 times.
 *
 * [impl->dsn~arm.gic.security~1] [impl->dsn~arm.hw.no-allocation~1]
 */
public final class GicRegisters {
    public static final int IGROUPR = 0;
    public static final int ISENABLER = 1;
    public static final int ICENABLER = 2;
    public static final int ISPENDR = 3;
    public static final int ICPENDR = 4;
    public static final int ISACTIVER = 5;
    public static final int ICACTIVER = 6;
    public static final int IGRPMODR = 7;

    private final GicState s;

    /** Boot-time. */
    public GicRegisters(GicState state) {
        this.s = state;
    }

    /** @return the 32-bit bit register {@code kind} covering INTIDs first..first+31 for {@code pe}. */
    public long readBits(int pe, int first, int kind, boolean nonSecure) {
        if (nonSecure && (kind == IGROUPR || kind == IGRPMODR)) {
            return 0;
        }
        long v = 0;
        for (int i = 0; i < 32; i++) {
            int slot = s.slot(pe, first + i);
            if (slot >= 0 && visible(slot, nonSecure) && bit(slot, kind)) {
                v |= 1L << i;
            }
        }
        return v;
    }

    /** Writes the 32-bit bit register {@code kind} covering INTIDs first..first+31 for {@code pe}. */
    public void writeBits(int pe, int first, int kind, long value, boolean nonSecure) {
        if (nonSecure && (kind == IGROUPR || kind == IGRPMODR)) {
            return;
        }
        for (int i = 0; i < 32; i++) {
            int slot = s.slot(pe, first + i);
            boolean one = ((value >>> i) & 1) != 0;
            if (slot >= 0 && visible(slot, nonSecure)) {
                write(slot, kind, one);
            }
        }
    }

    private boolean visible(int slot, boolean nonSecure) {
        return !nonSecure || s.group(slot) == GicGroups.GROUP1_NONSECURE;
    }

    private boolean bit(int slot, int kind) {
        switch (kind) {
            case IGROUPR: return s.groupBit[slot];
            case IGRPMODR: return s.modBit[slot];
            case ISENABLER: case ICENABLER: return s.enabled[slot];
            case ISPENDR: case ICPENDR: return s.pending[slot];
            default: return s.active[slot];
        }
    }

    private void write(int slot, int kind, boolean one) {
        switch (kind) {
            case IGROUPR: s.setGroupBit(slot, one); break;
            case IGRPMODR: s.setModBit(slot, one); break;
            case ISENABLER: s.setEnabled(slot, s.enabled[slot] | one); break;
            case ICENABLER: s.setEnabled(slot, s.enabled[slot] & !one); break;
            case ISPENDR: s.setPending(slot, s.pending[slot] | one); break;
            case ICPENDR: s.setPending(slot, s.pending[slot] & !one); break;
            case ISACTIVER: s.setActive(slot, s.active[slot] | one); break;
            default: // ICACTIVER
                if (one && s.active[slot]) {
                    s.deactivate(slot);
                }
                break;
        }
    }

    /** @return the priority byte of {@code intid} for {@code pe}, in the view of the access. */
    public int readPriority(int pe, int intid, boolean nonSecure) {
        int slot = s.slot(pe, intid);
        if (slot < 0 || !visible(slot, nonSecure)) {
            return 0;
        }
        int p = s.priority[slot];
        return nonSecure ? (p << 1) & 0xFF : p;
    }

    /** Writes the priority byte of {@code intid} for {@code pe}, in the view of the access. */
    public void writePriority(int pe, int intid, int value, boolean nonSecure) {
        int slot = s.slot(pe, intid);
        if (slot < 0 || !visible(slot, nonSecure)) {
            return;
        }
        int v = value & 0xFF;
        s.setPriority(slot, nonSecure ? (v >>> 1) | 0x80 : v);
    }

    /** @return {@code size} bytes of GICD_IPRIORITYR / GICR_IPRIORITYR from INTID {@code first}. */
    public long readPriorities(int pe, int first, int size, boolean nonSecure) {
        long v = 0;
        for (int i = 0; i < size && i < 8; i++) {
            v |= (long) readPriority(pe, first + i, nonSecure) << (8 * i);
        }
        return v;
    }

    /** Writes {@code size} bytes of GICD_IPRIORITYR / GICR_IPRIORITYR from INTID {@code first}. */
    public void writePriorities(int pe, int first, int size, long value, boolean nonSecure) {
        for (int i = 0; i < size && i < 8; i++) {
            writePriority(pe, first + i, (int) (value >>> (8 * i)), nonSecure);
        }
    }
}
