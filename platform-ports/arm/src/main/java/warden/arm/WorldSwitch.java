package warden.arm;

/**
 * Saving and restoring a vCPU's whole context on a PE ({@link ContextLayout}): general
 * registers, SP_EL0, resume PC and PSTATE, the world (SCR_EL3.NS), the EL1 system registers and
 * the GIC CPU-interface state, as TF-A's {@code cm_el1_sysregs_context_save/restore} and
 * {@code el3_exit} do around a world switch.
 *
 * <p>Guarantees:
 * <ul>
 *   <li>restore writes every architectural register the layout names, so nothing of the
 *       previous world stays visible to the next one (the Non-secure world never sees a Secure
 *       register value);</li>
 *   <li>inside a trap the resume point is ELR_EL3/SPSR_EL3; outside one (the first start of a
 *       core, a tool switching a core directly) save takes the live PC/PSTATE, and restore
 *       performs the ERET itself, so a guest never runs at EL3;</li>
 *   <li>restore sanitises what it loads: SCR_EL3 keeps only the world's NS bit over the
 *       monitor's fixed policy ({@link Scr#forWorld}), and a PSTATE naming EL2 or EL3 becomes
 *       EL1h with all exceptions masked;</li>
 *   <li>no allocation, loops bounded by the layout.</li>
 * </ul>
 *
 * [impl->dsn~arm.world-switch~1]
 */
final class WorldSwitch {
    private WorldSwitch() {
    }

    static void init(long[] ctx, int off, long entry, int partition, int core, boolean nonSecure) {
        for (int i = 0; i < ContextLayout.WORDS; i++) {
            ctx[off + i] = 0;
        }
        ctx[off] = core;              // x0 = MPIDR Aff0 of the PE
        ctx[off + 1] = partition;     // x1 = partition index (in place of a device-tree pointer)
        ctx[off + ContextLayout.PC] = entry;
        ctx[off + ContextLayout.PSTATE] = ContextLayout.SPSR_EL1H_MASKED;
        ctx[off + ContextLayout.SCR] = Scr.forWorld(nonSecure);
        ctx[off + ContextLayout.EL1 + ContextLayout.SCTLR_EL1] = ContextLayout.SCTLR_EL1_RESET;
        ctx[off + ContextLayout.GIC_PMR] = ContextLayout.PMR_OPEN;
        ctx[off + ContextLayout.GIC_BPR1] = ContextLayout.BPR1_RESET;
        ctx[off + ContextLayout.GIC_IGRPEN1] = 1;
    }

    static void save(Pe p, long[] ctx, int off) {
        System.arraycopy(p.x, 0, ctx, off, ContextLayout.GPRS);
        ctx[off + ContextLayout.SP_EL0] = p.spEl0;
        ctx[off + ContextLayout.PC] = p.inTrap ? p.elr : p.pc;
        ctx[off + ContextLayout.PSTATE] = p.inTrap ? p.spsr : p.pstate;
        ctx[off + ContextLayout.SCR] = p.scr;
        System.arraycopy(p.el1, 0, ctx, off + ContextLayout.EL1, ContextLayout.EL1_COUNT);
        boolean ns = (p.scr & Scr.NS) != 0;
        ctx[off + ContextLayout.GIC_PMR] = p.gic.readPmr(false);
        ctx[off + ContextLayout.GIC_BPR1] = p.gic.bpr1();
        ctx[off + ContextLayout.GIC_IGRPEN1] = p.gic.igrpen1(ns) ? 1 : 0;
    }

    static void restore(Pe p, long[] ctx, int off) {
        p.loadRegisters(ctx, off);
        long pstate = ctx[off + ContextLayout.PSTATE];
        boolean ns = (ctx[off + ContextLayout.SCR] & Scr.NS) != 0;
        p.setExceptionReturn(ctx[off + ContextLayout.PC],
                ContextLayout.el(pstate) >= 2 ? ContextLayout.SPSR_EL1H_MASKED : pstate, Scr.forWorld(ns));
        p.gic.writePmr((int) ctx[off + ContextLayout.GIC_PMR], false);
        p.gic.writeBpr1((int) ctx[off + ContextLayout.GIC_BPR1]);
        p.gic.writeIgrpen1(ns, ctx[off + ContextLayout.GIC_IGRPEN1] != 0);
        if (!p.inTrap) {
            p.eretFromMonitor(); // entered from the monitor outside a trap: drop to the guest's EL
        }
    }
}
