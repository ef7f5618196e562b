package warden.riscv;

/**
 * Machine-level trap CSR encodings the port uses (RISC-V privileged spec, "Machine-Level CSRs":
 * mstatus, mcause, mip/mie). Causes with the interrupt bit (XLEN-1) set are interrupts.
 */
public final class Csr {
    public static final int PRIV_U = 0;
    public static final int PRIV_S = 1;
    public static final int PRIV_M = 3;

    public static final long INTERRUPT = 1L << 63;
    public static final int IRQ_S_SOFT = 1;
    public static final int IRQ_M_SOFT = 3;
    public static final int IRQ_S_TIMER = 5;
    public static final int IRQ_M_TIMER = 7;
    public static final int IRQ_S_EXT = 9;
    public static final int IRQ_M_EXT = 11;

    public static final int EXC_FETCH_ACCESS = 1;
    public static final int EXC_ILLEGAL = 2;
    public static final int EXC_LOAD_ACCESS = 5;
    public static final int EXC_STORE_ACCESS = 7;
    public static final int EXC_ECALL_U = 8;
    public static final int EXC_ECALL_S = 9;
    public static final int EXC_ECALL_M = 11;

    /** mstatus.MPP, bits 12:11. */
    public static final int MSTATUS_MPP_SHIFT = 11;
    public static final long MSTATUS_MPP = 3L << MSTATUS_MPP_SHIFT;
    /** mstatus.MIE bit 3, MPIE bit 7. */
    public static final long MSTATUS_MIE = 1L << 3;
    public static final long MSTATUS_MPIE = 1L << 7;

    private Csr() {
    }

    /** @return the spec's name of an exception (synchronous) cause code. */
    public static String exceptionName(int code) {
        switch (code) {
            case 0: return "instruction address misaligned";
            case EXC_FETCH_ACCESS: return "instruction access fault";
            case EXC_ILLEGAL: return "illegal instruction";
            case 3: return "breakpoint";
            case 4: return "load address misaligned";
            case EXC_LOAD_ACCESS: return "load access fault";
            case 6: return "store/AMO address misaligned";
            case EXC_STORE_ACCESS: return "store/AMO access fault";
            case EXC_ECALL_U: return "environment call from U-mode";
            case EXC_ECALL_S: return "environment call from S-mode";
            case EXC_ECALL_M: return "environment call from M-mode";
            default: return "cause " + code;
        }
    }
}
