package warden.riscv.hw;

import warden.kernel.api.Status;
import warden.kernel.port.InterruptController;

/**
 * The kernel's {@link InterruptController} on a RISC-V PLIC, driving it only through its MMIO
 * registers as M-mode code would (PLIC spec: "Interrupt Priorities", "Interrupt Enables",
 * "Priority Thresholds", "Interrupt Claim Process", "Interrupt Completion"). Core n is PLIC
 * context n.
 *
 * <p>Guarantees:
 * <ul>
 *   <li>{@link #route} enables a line on exactly one context (it clears the line's enable bit on
 *       every other context, since the PLIC multicasts to all enabled targets), sets its priority
 *       and the target's threshold to 0;</li>
 *   <li>the PLIC has no notion of secure or critical groups: {@code critical} is not encoded in
 *       hardware; the kernel expresses criticality by priority and by routing;</li>
 *   <li>{@link #claim} and {@link #complete} are one register access each, allocate nothing, and
 *       ignore out-of-range cores and lines.</li>
 * </ul>
 *
 * [impl->dsn~riscv.plic.route~1]
 */
public final class RiscvInterruptController implements InterruptController {
    private static final int WORD = PlicDescriptor.WORD;
    private final Plic plic;
    private final int[] routedCore;

    /** Boot-time: a controller driving {@code plic}. */
    public RiscvInterruptController(Plic plic) {
        this.plic = plic;
        this.routedCore = new int[plic.sourceCount()];
        java.util.Arrays.fill(routedCore, -1);
    }

    @Override
    public int lineCount() {
        return plic.sourceCount();
    }

    @Override
    public int route(int line, int core, int priority, boolean critical) {
        if (line < 1 || line >= plic.sourceCount() || core < 0 || core >= plic.contextCount()
                || priority < 1 || priority > PlicDescriptor.PRIORITY_MAX) {
            return Status.INVALID_PARAM;
        }
        plic.write(PlicDescriptor.priority(line), WORD, priority, 0);
        int bit = 1 << (line & 31);
        for (int c = 0; c < plic.contextCount(); c++) { // bound: contextCount
            long off = PlicDescriptor.enable(c, line);
            long word = plic.read(off, WORD, 0);
            plic.write(off, WORD, c == core ? word | bit : word & ~bit, 0);
        }
        plic.write(PlicDescriptor.threshold(core), WORD, 0, 0);
        if (plic.read(PlicDescriptor.priority(line), WORD, 0) != priority) {
            return Status.INVALID_PARAM;
        }
        routedCore[line] = core;
        return Status.OK;
    }

    @Override
    public int claim(int core) {
        if (core < 0 || core >= plic.contextCount()) {
            return 0;
        }
        return (int) plic.read(PlicDescriptor.claimComplete(core), WORD, 0);
    }

    /**
     * Masks or unmasks a line by its enable bit on the one context {@link #route} enabled it on
     * (the PLIC has no per-source mask; "Interrupt Enables"). A line never routed stays disabled.
     *
     * [impl->dsn~riscv.plic.mask~1]
     */
    @Override
    public int setEnabled(int line, boolean enabled) {
        if (line < 1 || line >= plic.sourceCount()) {
            return Status.INVALID_PARAM;
        }
        if (routedCore[line] < 0) {
            return Status.BAD_STATE;
        }
        long off = PlicDescriptor.enable(routedCore[line], line);
        long word = plic.read(off, WORD, 0);
        int bit = 1 << (line & 31);
        plic.write(off, WORD, enabled ? word | bit : word & ~bit, 0);
        return Status.OK;
    }

    @Override
    public void complete(int core, int line) {
        if (core < 0 || core >= plic.contextCount() || line < 1 || line >= plic.sourceCount()) {
            return;
        }
        plic.write(PlicDescriptor.claimComplete(core), WORD, line, 0);
    }
}
