package warden.x86.hw;

/**
 * The SMRAM state save map of an Intel 64 processor: offsets from SMBASE of the fields the
 * processor writes on SMI entry and reads on RSM (Intel SDM Vol. 3C §34.4.1 "SMRAM State Save Map",
 * Table 34-3; the SDM lists them as offsets from SMBASE + 8000h, here they are from SMBASE).
 * Only fields this model keeps are named; the rest of FE00h..FFFFh stays reserved.
 *
 * <pre>
 *  SMBASE + 10000h  +------------------------------+
 *           FFF8h   | CR0                          |
 *           FFF0h   | CR3                          |
 *           FFE8h   | RFLAGS                       |
 *           FFE0h   | IA32_EFER                    |
 *           FFD8h   | RIP                          |
 *           FFC8h   | DR7                          |
 *           FFACh   | CS selector (RPL = CPL)      |
 *           FF94h   | RDI   FF8Ch RSI   FF84h RBP  |
 *           FF7Ch   | RSP   FF74h RBX   FF6Ch RDX  |
 *           FF64h   | RCX   FF5Ch RAX              |
 *           FF54h   | R8 .. FF1Ch R15 (8 apart)    |
 *           FEFCh   | SMM revision identifier      |
 *           FEF8h   | SMBASE (relocation field)    |
 *           FE40h   | CR4                          |
 *           FE00h   +------------------------------+ start of the save map (512 bytes)
 *  SMBASE + 8000h   | SMI handler entry point      |
 *  SMBASE           +------------------------------+
 * </pre>
 *
 * <p>{@link #checkRsm} lists the saved state that RSM refuses (Vol. 2B "RSM—Resume from System
 * Management Mode": "If the processor detects invalid state information during state
 * restoration, it enters the shutdown state": any reserved bit of CR4 set; an illegal CR0
 * combination such as PG=1 with PE=0 or NW=1 with CD=0), plus the long-mode combination
 * IA32_EFER.LME=1, CR0.PG=1, CR4.PAE=0 that no x86-64 processor can hold.
 *
 * [impl->dsn~x86.save-state~1]
 */
public final class SaveStateDescriptor {
    public static final long HANDLER = 0x8000;
    public static final long MAP_START = 0xFE00;
    public static final long MAP_END = 0x1_0000;
    public static final long CR0 = 0xFFF8;
    public static final long CR3 = 0xFFF0;
    public static final long RFLAGS = 0xFFE8;
    public static final long EFER = 0xFFE0;
    public static final long RIP = 0xFFD8;
    public static final long DR7 = 0xFFC8;
    /** CS selector (4 bytes); its RPL, bits 1:0, is the CPL the core resumes at. */
    public static final long CS_SEL = 0xFFAC;
    public static final long REVISION = 0xFEFC;
    public static final long SMBASE = 0xFEF8;
    public static final long CR4 = 0xFE40;
    /** Revision identifier written on entry: bit 17 = SMBASE relocation supported, 64-bit map. */
    public static final long REVISION_ID = 0x0002_0064L;
    /** Default SMBASE after reset (§34.4 "SMRAM"). */
    public static final long DEFAULT_SMBASE = 0x3_0000L;

    public static final int RSM_OK = 0;
    public static final int RSM_CR4_RESERVED = 1;
    public static final int RSM_CR0_PG_WITHOUT_PE = 2;
    public static final int RSM_CR0_NW_WITHOUT_CD = 3;
    public static final int RSM_LONG_MODE_WITHOUT_PAE = 4;

    public static final long CR0_PE = 1L;
    public static final long CR0_ET = 1L << 4;
    public static final long CR0_NE = 1L << 5;
    public static final long CR0_NW = 1L << 29;
    public static final long CR0_CD = 1L << 30;
    public static final long CR0_PG = 1L << 31;
    public static final long CR4_PAE = 1L << 5;
    /** CR4 bits this processor implements: 0-12, 14 (SMXE), 16-18, 20-22; VMXE (13) is reserved: no VT-x. */
    public static final long CR4_DEFINED = 0x1FFFL | (1L << 14) | (7L << 16) | (7L << 20);
    public static final long EFER_LME = 1L << 8;
    public static final long EFER_LMA = 1L << 10;
    public static final long RFLAGS_FIXED = 1L << 1;
    public static final long RFLAGS_TF = 1L << 8;
    public static final long RFLAGS_IF = 1L << 9;

    /** GPR save offsets in the order RAX, RCX, RDX, RBX, RSP, RBP, RSI, RDI, R8..R15 (the encoding order). */
    private static final long[] GPR = {0xFF5C, 0xFF64, 0xFF6C, 0xFF74, 0xFF7C, 0xFF84, 0xFF8C, 0xFF94,
        0xFF54, 0xFF4C, 0xFF44, 0xFF3C, 0xFF34, 0xFF2C, 0xFF24, 0xFF1C};

    private SaveStateDescriptor() {
    }

    /** @return the save offset of general-purpose register {@code r} (0..15, x86 encoding order). */
    public static long gpr(int r) {
        return GPR[r];
    }

    /** @return RSM_OK, or the reason RSM would shut the processor down. */
    public static int checkRsm(long cr0, long cr4, long efer) {
        if ((cr4 & ~CR4_DEFINED) != 0) {
            return RSM_CR4_RESERVED;
        }
        if ((cr0 & CR0_PG) != 0 && (cr0 & CR0_PE) == 0) {
            return RSM_CR0_PG_WITHOUT_PE;
        }
        if ((cr0 & CR0_NW) != 0 && (cr0 & CR0_CD) == 0) {
            return RSM_CR0_NW_WITHOUT_CD;
        }
        if ((efer & EFER_LME) != 0 && (cr0 & CR0_PG) != 0 && (cr4 & CR4_PAE) == 0) {
            return RSM_LONG_MODE_WITHOUT_PAE;
        }
        return RSM_OK;
    }

    /** @return a short name for an RSM check result. */
    public static String checkName(int code) {
        switch (code) {
            case RSM_OK: return "ok";
            case RSM_CR4_RESERVED: return "reserved CR4 bit set";
            case RSM_CR0_PG_WITHOUT_PE: return "CR0.PG=1 with CR0.PE=0";
            case RSM_CR0_NW_WITHOUT_CD: return "CR0.NW=1 with CR0.CD=0";
            case RSM_LONG_MODE_WITHOUT_PAE: return "EFER.LME=1, CR0.PG=1 with CR4.PAE=0";
            default: return "?";
        }
    }
}
