package warden.arm.hw;

import warden.kernel.api.Status;
import warden.kernel.port.InterruptController;

/**
 * The kernel's {@link InterruptController} on a GICv3, programmed as EL3 firmware programs it
 * (Secure accesses to the distributor; ICC_* system registers at EL3): lines are GIC INTIDs, and
 * device lines are SPIs (INTID 32 and up).
 *
 * <p>Guarantees:
 * <ul>
 *   <li>{@link #route}: a critical line becomes Group 0 (signalled as FIQ in every PE state, so
 *       with SCR_EL3.FIQ = 1 it preempts either world at once and is taken to EL3) with a
 *       priority in the secure half, {@link #priority}: 0x10 (kernel priority 7) .. 0x70 (1); a
 *       QM line becomes Group 1 Non-secure with a priority in the Non-secure half, 0x90 .. 0xF0.
 *       Every critical line outranks every QM line. GICD_IROUTER targets the core; the line is
 *       enabled; the priority is read back;</li>
 *   <li>{@link #claim} reads ICC_IAR0_EL1 at EL3 and, on the special INTIDs 1020/1021, the Secure
 *       or Non-secure copy of ICC_IAR1_EL1, as EL3 firmware does; it never acknowledges an SGI or
 *       PPI (the Secure physical timer's PPI is the monitor's own, see the first-level handler);
 *       it returns 0 when nothing is pending;</li>
 *   <li>{@link #complete} writes the EOI register of the line's group (EOImode 0);</li>
 *   <li>claim and complete allocate nothing.</li>
 * </ul>
 *
 * [impl->dsn~arm.gic.route~1] [impl->dsn~arm.hw.no-allocation~1]
 */
public final class ArmInterruptController implements InterruptController {
    public static final int PRIORITY_MAX = 7;
    private final GicState state;
    private final GicDistributor distributor;
    private final GicCpuInterface[] cpus;
    private final TransactionSecurity security;

    /** Boot-time. */
    public ArmInterruptController(GicState state, GicDistributor distributor, GicCpuInterface[] cpus,
                                  TransactionSecurity security) {
        this.state = state;
        this.distributor = distributor;
        this.cpus = cpus.clone();
        this.security = security;
    }

    /** @return the GIC priority byte for a kernel priority (1 lowest .. 7) and criticality. */
    public static int priority(int kernelPriority, boolean critical) {
        return (critical ? 0x80 : 0x100) - kernelPriority * 0x10;
    }

    @Override
    public int lineCount() {
        return state.intids();
    }

    @Override
    public int route(int line, int core, int priority, boolean critical) {
        if (line < GicState.PRIVATE || line >= state.intids() || core < 0 || core >= cpus.length
                || priority < 1 || priority > PRIORITY_MAX) {
            return Status.INVALID_PARAM;
        }
        boolean saved = security.nonSecure();
        security.set(false);
        long word = (line / 32) * 4L;
        long bit = 1L << (line % 32);
        int group = critical ? GicGroups.GROUP0 : GicGroups.GROUP1_NONSECURE;
        setBit(GicDescriptor.BITS_FIRST + word, bit, GicGroups.groupBit(group));
        setBit(GicDescriptor.IGRPMODR + word, bit, GicGroups.modBit(group));
        distributor.write(GicDescriptor.IPRIORITYR + line, 1, priority(priority, critical), 0);
        distributor.write(GicDescriptor.IROUTER + 8L * line, 8, core, 0);
        distributor.write(GicDescriptor.BITS_FIRST + 0x80 + word, 4, bit, 0); // GICD_ISENABLER
        long back = distributor.read(GicDescriptor.IPRIORITYR + (line & ~3), 4, 0) >>> (8 * (line & 3));
        security.set(saved);
        return (back & 0xFF) == priority(priority, critical) ? Status.OK : Status.INVALID_PARAM;
    }

    private void setBit(long offset, long bit, boolean one) {
        long v = distributor.read(offset, 4, 0);
        distributor.write(offset, 4, one ? v | bit : v & ~bit, 0);
    }

    @Override
    public int claim(int core) {
        if (core < 0 || core >= cpus.length) {
            return 0;
        }
        GicCpuInterface cpu = cpus[core];
        int hp = cpu.highestPending();
        if (hp < GicState.PRIVATE || hp == GicState.SPURIOUS) {
            return 0;
        }
        int id = cpu.acknowledge0(3);
        if (id == GicCpuInterface.SPECIAL_G1S) {
            id = cpu.acknowledge1(false);
        } else if (id == GicCpuInterface.SPECIAL_G1NS) {
            id = cpu.acknowledge1(true);
        }
        return id >= GicCpuInterface.SPECIAL_G1S ? 0 : id;
    }

    /**
     * Masks or unmasks an SPI through GICD_ICENABLER / GICD_ISENABLER (IHI 0069 §12.9.6, §12.9.15),
     * written as a Secure access so that Group 0 lines can be masked too.
     *
     * [impl->dsn~arm.gic.mask~1]
     */
    @Override
    public int setEnabled(int line, boolean enabled) {
        if (line < GicState.PRIVATE || line >= state.intids()) {
            return Status.INVALID_PARAM;
        }
        boolean saved = security.nonSecure();
        security.set(false);
        long word = (line / 32) * 4L;
        long bit = 1L << (line % 32);
        distributor.write(GicDescriptor.BITS_FIRST + (enabled ? 0x80 : 0x100) + word, 4, bit, 0);
        security.set(saved);
        return Status.OK;
    }

    @Override
    public void complete(int core, int line) {
        if (core < 0 || core >= cpus.length || line < GicState.PRIVATE || line >= state.intids()) {
            return;
        }
        int g = state.groupOf(core, line);
        if (g == GicGroups.GROUP0) {
            cpus[core].endOfInterrupt0(line);
        } else {
            cpus[core].endOfInterrupt1(g == GicGroups.GROUP1_NONSECURE, line);
        }
    }
}
