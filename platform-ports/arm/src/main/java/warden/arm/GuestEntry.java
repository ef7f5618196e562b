package warden.arm;

/**
 * Entry into a guest's own EL1 exception vector (Arm ARM, "Exception entry" and "Vector
 * tables"), as the monitor performs it when it injects a virtual interrupt or redirects a fault:
 * ELR_EL1 and SPSR_EL1 take the guest's resume address and PSTATE, and the guest resumes at
 * VBAR_EL1 + the vector offset for its EL (current EL with SP_ELx when it ran at EL1, lower EL
 * AArch64 when at EL0), at EL1h with all exceptions masked. Inside a trap the change goes into
 * ELR_EL3/SPSR_EL3, so the ERET lands on the vector. Nothing happens when no guest runs.
 */
final class GuestEntry {
    private GuestEntry() {
    }

    static void vector(Pe p, long sameElOffset, long lowerElOffset) {
        long resume = p.inTrap ? p.elr : p.pc;
        long ps = p.inTrap ? p.spsr : p.pstate;
        int el = ContextLayout.el(ps);
        if (el >= 2) {
            return;
        }
        p.setEl1(ContextLayout.ELR_EL1, resume);
        p.setEl1(ContextLayout.SPSR_EL1, ps);
        long target = p.el1(ContextLayout.VBAR_EL1) + (el == 1 ? sameElOffset : lowerElOffset);
        p.resumeAt(target, ContextLayout.SPSR_EL1H_MASKED);
    }
}
