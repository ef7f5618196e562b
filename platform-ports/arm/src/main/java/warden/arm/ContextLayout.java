package warden.arm;

/**
 * Layout of one saved vCPU context on Arm, in 64-bit words: what a world switch saves and
 * restores. The EL1 system registers are the set TF-A's context management library saves for a
 * world switch (el1_sysregs: lib/el3_runtime context.h, with the EL1 timer registers it switches
 * under NS_TIMER_SWITCH); the GIC CPU-interface words are the world's banked Group 1 state and the
 * shared priority mask.
 *
 * <pre>
 *  word  0..30  x0 .. x30
 *       31      SP_EL0
 *       32      PC          resume address (ELR_EL3 at a trap)
 *       33      PSTATE      in SPSR format (SPSR_EL3 at a trap): M[3:0] = EL1h 0b0101, DAIF
 *       34      SCR_EL3     the world: NS bit 0 (see Scr.forWorld)
 *       35..61  EL1         SPSR_EL1 ELR_EL1 SCTLR_EL1 TCR_EL1 CPACR_EL1 CSSELR_EL1 SP_EL1
 *                           ESR_EL1 TTBR0_EL1 TTBR1_EL1 MAIR_EL1 AMAIR_EL1 ACTLR_EL1 TPIDR_EL1
 *                           TPIDR_EL0 TPIDRRO_EL0 PAR_EL1 FAR_EL1 AFSR0_EL1 AFSR1_EL1
 *                           CONTEXTIDR_EL1 VBAR_EL1 CNTKCTL_EL1 CNTP_CTL_EL0 CNTP_CVAL_EL0
 *                           CNTV_CTL_EL0 CNTV_CVAL_EL0
 *       62..64  GIC         ICC_PMR_EL1 ICC_BPR1_EL1 ICC_IGRPEN1_EL1 (the world's copy)
 * </pre>
 */
public final class ContextLayout {
    public static final int GPRS = 31;
    public static final int SP_EL0 = 31;
    public static final int PC = 32;
    public static final int PSTATE = 33;
    public static final int SCR = 34;
    public static final int EL1 = 35;
    public static final int EL1_COUNT = 27;
    public static final int GIC = EL1 + EL1_COUNT;
    public static final int GIC_PMR = GIC;
    public static final int GIC_BPR1 = GIC + 1;
    public static final int GIC_IGRPEN1 = GIC + 2;
    public static final int WORDS = GIC + 3;

    /** Indices into the EL1 block, in TF-A's order. */
    public static final int SPSR_EL1 = 0;
    public static final int ELR_EL1 = 1;
    public static final int SCTLR_EL1 = 2;
    public static final int TCR_EL1 = 3;
    public static final int SP_EL1 = 6;
    public static final int ESR_EL1 = 7;
    public static final int TTBR0_EL1 = 8;
    public static final int TTBR1_EL1 = 9;
    public static final int MAIR_EL1 = 10;
    public static final int TPIDR_EL1 = 13;
    public static final int TPIDR_EL0 = 14;
    public static final int FAR_EL1 = 17;
    public static final int VBAR_EL1 = 21;
    public static final int CNTKCTL_EL1 = 22;

    /**
     * PSTATE for entry to EL1h with D, A, I, F masked (TF-A: SPSR_64(MODE_EL1, MODE_SP_ELX,
     * DISABLE_ALL_EXCEPTIONS)).
     */
    public static final long SPSR_EL1H_MASKED = 0x3C5L;
    /** PSTATE of the monitor at EL3h, all masked. */
    public static final long SPSR_EL3H_MASKED = 0x3CDL;
    /** SCTLR_EL1 reset value: the RES1 bits, MMU and caches off (TF-A SCTLR_EL1_RES1). */
    public static final long SCTLR_EL1_RESET = 0x30D0_0800L;
    /** ICC_PMR_EL1 that unmasks every implemented priority (5 bits: 0xF8). */
    public static final long PMR_OPEN = 0xF8L;
    /** ICC_BPR1_EL1 reset for the Non-secure copy (minimum 3 with 5 priority bits). */
    public static final long BPR1_RESET = 3L;

    /** VBAR_EL1 vector offsets (Arm ARM "Vector tables"). */
    public static final long VECTOR_SYNC_CURRENT = 0x200;
    public static final long VECTOR_IRQ_CURRENT = 0x280;
    public static final long VECTOR_SYNC_LOWER = 0x400;
    public static final long VECTOR_IRQ_LOWER = 0x480;

    private ContextLayout() {
    }

    /** @return the exception level encoded in a PSTATE / SPSR value (M[3:2]). */
    public static int el(long pstate) {
        return (int) ((pstate >>> 2) & 3);
    }
}
