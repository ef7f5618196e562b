package warden.riscv.cpu;

/**
 * Operation numbers of pre-decoded instructions. Grouped by 32 so that the interpreter's
 * dispatch is a two-level table switch: group = op / 32.
 */
final class Op {
    // group 0: integer register-immediate and register-register
    static final int NOP = 0, ADDI = 1, SLTI = 2, SLTIU = 3, XORI = 4, ORI = 5, ANDI = 6, SLLI = 7, SRLI = 8,
            SRAI = 9, ADDIW = 10, SLLIW = 11, SRLIW = 12, SRAIW = 13, ADD = 14, SUB = 15, SLL = 16, SLT = 17,
            SLTU = 18, XOR = 19, SRL = 20, SRA = 21, OR = 22, AND = 23, ADDW = 24, SUBW = 25, SLLW = 26,
            SRLW = 27, SRAW = 28, LUI = 29, AUIPC = 30, MV = 31;
    // group 1: M extension
    static final int MUL = 32, MULH = 33, MULHSU = 34, MULHU = 35, DIV = 36, DIVU = 37, REM = 38, REMU = 39,
            MULW = 40, DIVW = 41, DIVUW = 42, REMW = 43, REMUW = 44;
    // group 2: loads and stores
    static final int LB = 64, LH = 65, LW = 66, LD = 67, LBU = 68, LHU = 69, LWU = 70, SB = 71, SH = 72, SW = 73,
            SD = 74;
    // group 3: control transfer
    static final int JAL = 96, JALR = 97, BEQ = 98, BNE = 99, BLT = 100, BGE = 101, BLTU = 102, BGEU = 103;
    // group 4: system
    static final int ILLEGAL = 128, FENCE = 129, FENCE_I = 130, ECALL = 131, EBREAK = 132, MRET = 133,
            SRET = 134, WFI = 135, SFENCE_VMA = 136, CSRRW = 137, CSRRS = 138, CSRRC = 139, CSRRWI = 140,
            CSRRSI = 141, CSRRCI = 142;
    // group 5: A extension (word forms, then doubleword forms at +16)
    static final int LR = 160, SC = 161, AMOSWAP = 162, AMOADD = 163, AMOXOR = 164, AMOAND = 165, AMOOR = 166,
            AMOMIN = 167, AMOMAX = 168, AMOMINU = 169, AMOMAXU = 170;
    static final int DOUBLE = 16;
    // group 6: F and D extensions (register fields name f registers where the instruction says so)
    static final int FLW = 192, FLD = 193, FSW = 194, FSD = 195, FMADD = 196, FMSUB = 197, FNMSUB = 198,
            FNMADD = 199, FOP = 200;
    static final int GROUPS = 7;

    /** Bit positions of the packed decoded word: op | rd | rs1 | rs2 | compressed. */
    static final int RD = 8, RS1 = 14, RS2 = 20, COMPRESSED = 1 << 26, DECODED = 1 << 27;
    /** Register index writes to x0 are redirected to (a sink nobody reads). */
    static final int SINK = 32;

    private Op() {
    }

    /** @return the packed decoded word of a floating-point operation: rd is kept as it is (f0 is a register). */
    static int packFloat(int op, int rd, int rs1, int rs2) {
        return op | rd << RD | rs1 << RS1 | rs2 << RS2 | DECODED;
    }

    /** @return the packed decoded word. */
    static int pack(int op, int rd, int rs1, int rs2) {
        return op | (rd == 0 ? SINK : rd) << RD | rs1 << RS1 | rs2 << RS2 | DECODED;
    }
}
