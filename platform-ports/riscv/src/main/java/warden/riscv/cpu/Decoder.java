package warden.riscv.cpu;

/**
 * Decodes one instruction word (32-bit, or 16-bit compressed when the low two bits are not 11)
 * into a packed operation ({@link Op#pack}) and an immediate ({@link #imm()}). Reserved and
 * unknown encodings decode to {@link Op#ILLEGAL} with the immediate holding the instruction bits
 * (the value mtval gets). Sources: The RISC-V Instruction Set Manual Volume I (unprivileged,
 * 20191213), chapters 2 (RV32I), 5 (RV64I), 7 (M), 8 (A), 16 (C, tables 16.5-16.7), 24 (opcode
 * map); Volume II (privileged 1.12) for the SYSTEM encodings.
 *
 * [impl->dsn~riscv.hart.decode~1]
 */
final class Decoder {
    private static final int[] OP_IMM = {0, 0, Op.SLTI, Op.SLTIU, Op.XORI, 0, Op.ORI, Op.ANDI};
    private static final int[] OP_REG = {Op.ADD, Op.SLL, Op.SLT, Op.SLTU, Op.XOR, Op.SRL, Op.OR, Op.AND};
    private static final int[] OP_MUL32 = {Op.MULW, -1, -1, -1, Op.DIVW, Op.DIVUW, Op.REMW, Op.REMUW};
    private static final int[] OP_REG32 = {Op.ADDW, Op.SLLW, -1, -1, -1, Op.SRLW, -1, -1};
    /** AMO funct5 (bits 31:27) to operation; -1 reserved. */
    private static final int[] AMO_BY_F5 = {Op.AMOADD, Op.AMOSWAP, Op.LR, Op.SC, Op.AMOXOR, -1, -1, -1,
        Op.AMOOR, -1, -1, -1, Op.AMOAND, -1, -1, -1, Op.AMOMIN, -1, -1, -1, Op.AMOMAX, -1, -1, -1,
        Op.AMOMINU, -1, -1, -1, Op.AMOMAXU};
    private int imm;

    /** @return the immediate of the last decode (CSR number for CSR operations). */
    int imm() {
        return imm;
    }

    /** @return the packed decoding of {@code insn} (low 16 bits only when compressed). */
    int decode(int insn) {
        if ((insn & 3) != 3) {
            return Op.COMPRESSED | Compressed.decode(insn & 0xFFFF, this);
        }
        switch (insn & 0x7F) {
            case 0x37: return upper(Op.LUI, insn);
            case 0x17: return upper(Op.AUIPC, insn);
            case 0x6F: return jal(insn);
            case 0x67: return (insn >>> 12 & 7) == 0 ? iType(Op.JALR, insn) : illegal(insn);
            case 0x63: return branch(insn);
            case 0x03: return load(insn);
            case 0x23: return store(insn);
            case 0x13: return opImm(insn);
            case 0x1B: return opImm32(insn);
            case 0x33: return op(insn);
            case 0x3B: return op32(insn);
            case 0x0F: return miscMem(insn);
            case 0x73: return SystemOps.decode(insn, this);
            case 0x2F: return amo(insn);
            case 0x07: return floatLoad(insn);
            case 0x27: return floatStore(insn);
            case 0x43: case 0x47: case 0x4B: case 0x4F: return fused(insn);
            case 0x53: return floatOp(insn);
            default: return illegal(insn);
        }
    }

    int illegal(int insn) {
        imm = insn;
        return Op.pack(Op.ILLEGAL, 0, 0, 0);
    }

    int withFloat(int op, int rd, int rs1, int rs2, int immediate) {
        imm = immediate;
        return Op.packFloat(op, rd, rs1, rs2);
    }

    int with(int op, int rd, int rs1, int rs2, int immediate) {
        imm = immediate;
        return Op.pack(op, rd, rs1, rs2);
    }

    private static int rd(int i) { return i >>> 7 & 31; }
    private static int rs1(int i) { return i >>> 15 & 31; }
    private static int rs2(int i) { return i >>> 20 & 31; }
    private static int f3(int i) { return i >>> 12 & 7; }

    private int upper(int op, int insn) {
        return with(op, rd(insn), 0, 0, insn & 0xFFFFF000);
    }

    private int iType(int op, int insn) {
        return with(op, rd(insn), rs1(insn), 0, insn >> 20);
    }

    private int jal(int insn) {
        int off = (insn >> 31) << 20 | (insn >>> 21 & 0x3FF) << 1 | (insn >>> 20 & 1) << 11
                | (insn >>> 12 & 0xFF) << 12;
        return with(Op.JAL, rd(insn), 0, 0, off);
    }

    private int branch(int insn) {
        int f3 = f3(insn);
        if (f3 == 2 || f3 == 3) {
            return illegal(insn);
        }
        int off = (insn >> 31) << 12 | (insn >>> 25 & 0x3F) << 5 | (insn >>> 8 & 0xF) << 1 | (insn >>> 7 & 1) << 11;
        int op = f3 < 2 ? Op.BEQ + f3 : Op.BLT + f3 - 4;
        return with(op, 0, rs1(insn), rs2(insn), off);
    }

    private int load(int insn) {
        int f3 = f3(insn);
        if (f3 == 7) {
            return illegal(insn);
        }
        return iType(Op.LB + f3, insn);
    }

    private int store(int insn) {
        int f3 = f3(insn);
        if (f3 > 3) {
            return illegal(insn);
        }
        int off = (insn >> 25) << 5 | (insn >>> 7 & 31);
        return with(Op.SB + f3, 0, rs1(insn), rs2(insn), off);
    }

    private int opImm(int insn) {
        int f3 = f3(insn);
        int top = insn >>> 26;
        switch (f3) {
            case 0: return rd(insn) == 0 ? with(Op.NOP, 0, 0, 0, 0) : iType(Op.ADDI, insn);
            case 1: return top == 0 ? shift(Op.SLLI, insn, 63) : illegal(insn);
            case 5:
                if (top == 0 || top == 0x10) {
                    return shift(top == 0 ? Op.SRLI : Op.SRAI, insn, 63);
                }
                return illegal(insn);
            default:
                return iType(OP_IMM[f3], insn);
        }
    }

    private int shift(int op, int insn, int mask) {
        return with(op, rd(insn), rs1(insn), 0, insn >>> 20 & mask);
    }

    private int opImm32(int insn) {
        int f3 = f3(insn);
        int top = insn >>> 25;
        if (f3 == 0) {
            return iType(Op.ADDIW, insn);
        }
        if (f3 == 1 && top == 0) {
            return shift(Op.SLLIW, insn, 31);
        }
        if (f3 == 5 && (top == 0 || top == 0x20)) {
            return shift(top == 0 ? Op.SRLIW : Op.SRAIW, insn, 31);
        }
        return illegal(insn);
    }

    private int op(int insn) {
        int f3 = f3(insn);
        int f7 = insn >>> 25;
        int op;
        if (f7 == 1) {
            op = Op.MUL + f3;
        } else if (f7 == 0) {
            op = OP_REG[f3];
        } else if (f7 == 0x20 && (f3 == 0 || f3 == 5)) {
            op = f3 == 0 ? Op.SUB : Op.SRA;
        } else {
            return illegal(insn);
        }
        return with(op, rd(insn), rs1(insn), rs2(insn), 0);
    }

    private int op32(int insn) {
        int f3 = f3(insn);
        int f7 = insn >>> 25;
        int op = -1;
        if (f7 == 1) {
            op = OP_MUL32[f3];
        } else if (f7 == 0) {
            op = OP_REG32[f3];
        } else if (f7 == 0x20) {
            op = f3 == 0 ? Op.SUBW : f3 == 5 ? Op.SRAW : -1;
        }
        return op < 0 ? illegal(insn) : with(op, rd(insn), rs1(insn), rs2(insn), 0);
    }

    private int miscMem(int insn) {
        int f3 = f3(insn);
        if (f3 == 0) {
            return with(Op.FENCE, 0, 0, 0, 0);
        }
        return f3 == 1 ? with(Op.FENCE_I, 0, 0, 0, 0) : illegal(insn);
    }

    private int amo(int insn) {
        int f3 = f3(insn);
        int f5 = insn >>> 27;
        if (f3 != 2 && f3 != 3) {
            return illegal(insn);
        }
        int op = f5 < AMO_BY_F5.length ? AMO_BY_F5[f5] : -1;
        if (op < 0 || op == Op.LR && rs2(insn) != 0) {
            return illegal(insn);
        }
        return with(op + (f3 == 3 ? Op.DOUBLE : 0), rd(insn), rs1(insn), rs2(insn), 0);
    }

    /** FLW, FLD (unprivileged spec chapters 11, 12; opcode map chapter 24). [impl->dsn~riscv.hart.float-decode~1] */
    private int floatLoad(int insn) {
        int f3 = f3(insn);
        if (f3 != 2 && f3 != 3) {
            return illegal(insn);
        }
        return withFloat(f3 == 2 ? Op.FLW : Op.FLD, rd(insn), rs1(insn), 0, insn >> 20);
    }

    /** FSW, FSD. [impl->dsn~riscv.hart.float-decode~1] */
    private int floatStore(int insn) {
        int f3 = f3(insn);
        if (f3 != 2 && f3 != 3) {
            return illegal(insn);
        }
        int off = (insn >> 25) << 5 | (insn >>> 7 & 31);
        return withFloat(f3 == 2 ? Op.FSW : Op.FSD, 0, rs1(insn), rs2(insn), off);
    }

    /**
     * FMADD, FMSUB, FNMSUB, FNMADD: fmt S or D; the immediate is the instruction (rs3, rm).
     * [impl->dsn~riscv.hart.float-decode~1]
     */
    private int fused(int insn) {
        if ((insn >>> 26 & 1) != 0) {
            return illegal(insn);
        }
        return withFloat(Op.FMADD + ((insn >>> 2) & 3), rd(insn), rs1(insn), rs2(insn), insn);
    }

    /**
     * OP-FP: validated here, executed from the instruction bits (the immediate).
     * [impl->dsn~riscv.hart.float-decode~1]
     */
    private int floatOp(int insn) {
        int f7 = insn >>> 25;
        int f3 = f3(insn);
        int rs2 = rs2(insn);
        if ((f7 & 2) != 0) {
            return illegal(insn); // fmt H or Q
        }
        boolean ok;
        switch (f7 >>> 2) {
            case 0: case 1: case 2: case 3: ok = true; break;
            case 0xB: ok = rs2 == 0; break;
            case 4: ok = f3 < 3; break;
            case 5: ok = f3 < 2; break;
            case 8: ok = rs2 == (f7 & 1 ^ 1); break;
            case 0x14: ok = f3 < 3; break;
            case 0x18: case 0x1A: ok = rs2 < 4; break;
            case 0x1C: ok = rs2 == 0 && f3 < 2; break;
            case 0x1E: ok = rs2 == 0 && f3 == 0; break;
            default: ok = false; break;
        }
        return ok ? withFloat(Op.FOP, rd(insn), rs1(insn), rs2, insn) : illegal(insn);
    }
}
