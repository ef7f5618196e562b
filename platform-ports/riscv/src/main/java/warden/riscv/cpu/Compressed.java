package warden.riscv.cpu;

/**
 * Expands the RV64C compressed instructions into their base operations (unprivileged spec
 * chapter 16, tables 16.5-16.7, RV64 column). Reserved encodings (all-zero, C.ADDI4SPN with a zero
 * immediate, C.LWSP/C.LDSP/C.ADDIW with rd = x0, C.JR with rs1 = x0, C.LUI/C.ADDI16SP with a zero
 * immediate, the RV32-only and RV128 slots) are illegal; C.FLD, C.FSD, C.FLDSP and C.FSDSP expand to FLD/FSD
 * (C.FLW and C.FSW are RV32-only).
 *
 * [impl->dsn~riscv.hart.compressed~1] [impl->dsn~riscv.hart.float-decode~1]
 */
final class Compressed {
    private Compressed() {
    }

    private static int bit(int i, int from, int to) {
        return (i >>> from & 1) << to;
    }

    private static int bits(int i, int hi, int lo, int to) {
        return (i >>> lo & ((1 << (hi - lo + 1)) - 1)) << to;
    }

    /** Sign-extended 6-bit immediate of bits 12 and 6:2. */
    private static int imm6(int i) {
        return ((i >>> 2 & 31) | bit(i, 12, 5)) << 26 >> 26;
    }

    private static int rdFull(int i) { return i >>> 7 & 31; }
    private static int rs2Full(int i) { return i >>> 2 & 31; }
    private static int rPrime(int i, int lo) { return 8 + (i >>> lo & 7); }

    static int decode(int i, Decoder d) {
        switch ((i & 3) << 3 | i >>> 13) {
            case 0: return addi4spn(i, d);
            case 1: return d.withFloat(Op.FLD, rPrime(i, 2), rPrime(i, 7), 0, doubleOffset(i));
            case 5: return d.withFloat(Op.FSD, 0, rPrime(i, 7), rPrime(i, 2), doubleOffset(i));
            case 2: return d.with(Op.LW, rPrime(i, 2), rPrime(i, 7), 0, wordOffset(i));
            case 3: return d.with(Op.LD, rPrime(i, 2), rPrime(i, 7), 0, doubleOffset(i));
            case 6: return d.with(Op.SW, 0, rPrime(i, 7), rPrime(i, 2), wordOffset(i));
            case 7: return d.with(Op.SD, 0, rPrime(i, 7), rPrime(i, 2), doubleOffset(i));
            case 8: return rdFull(i) == 0 ? d.with(Op.NOP, 0, 0, 0, 0)
                    : d.with(Op.ADDI, rdFull(i), rdFull(i), 0, imm6(i));
            case 9: return rdFull(i) == 0 ? d.illegal(i) : d.with(Op.ADDIW, rdFull(i), rdFull(i), 0, imm6(i));
            case 10: return d.with(Op.ADDI, rdFull(i), 0, 0, imm6(i));
            case 11: return luiOrAddi16sp(i, d);
            case 12: return arith(i, d);
            case 13: return d.with(Op.JAL, 0, 0, 0, jumpOffset(i));
            case 14: return d.with(Op.BEQ, 0, rPrime(i, 7), 0, branchOffset(i));
            case 15: return d.with(Op.BNE, 0, rPrime(i, 7), 0, branchOffset(i));
            case 16: return d.with(Op.SLLI, rdFull(i), rdFull(i), 0, bits(i, 6, 2, 0) | bit(i, 12, 5));
            case 18: return rdFull(i) == 0 ? d.illegal(i) : d.with(Op.LW, rdFull(i), 2, 0,
                    bits(i, 6, 4, 2) | bit(i, 12, 5) | bits(i, 3, 2, 6));
            case 19: return rdFull(i) == 0 ? d.illegal(i) : d.with(Op.LD, rdFull(i), 2, 0,
                    bits(i, 6, 5, 3) | bit(i, 12, 5) | bits(i, 4, 2, 6));
            case 17: return d.withFloat(Op.FLD, rdFull(i), 2, 0, bits(i, 6, 5, 3) | bit(i, 12, 5) | bits(i, 4, 2, 6));
            case 20: return jumpOrAdd(i, d);
            case 21: return d.withFloat(Op.FSD, 0, 2, rs2Full(i), bits(i, 12, 10, 3) | bits(i, 9, 7, 6));
            case 22: return d.with(Op.SW, 0, 2, rs2Full(i), bits(i, 12, 9, 2) | bits(i, 8, 7, 6));
            case 23: return d.with(Op.SD, 0, 2, rs2Full(i), bits(i, 12, 10, 3) | bits(i, 9, 7, 6));
            default: return d.illegal(i);
        }
    }

    private static int wordOffset(int i) {
        return bits(i, 12, 10, 3) | bit(i, 6, 2) | bit(i, 5, 6);
    }

    private static int doubleOffset(int i) {
        return bits(i, 12, 10, 3) | bits(i, 6, 5, 6);
    }

    private static int addi4spn(int i, Decoder d) {
        int imm = bits(i, 12, 11, 4) | bits(i, 10, 7, 6) | bit(i, 6, 2) | bit(i, 5, 3);
        return imm == 0 ? d.illegal(i) : d.with(Op.ADDI, rPrime(i, 2), 2, 0, imm);
    }

    private static int luiOrAddi16sp(int i, Decoder d) {
        int rd = rdFull(i);
        if (rd == 2) {
            int imm = (bit(i, 12, 9) | bit(i, 6, 4) | bit(i, 5, 6) | bits(i, 4, 3, 7) | bit(i, 2, 5)) << 22 >> 22;
            return imm == 0 ? d.illegal(i) : d.with(Op.ADDI, 2, 2, 0, imm);
        }
        int imm = imm6(i) << 12;
        return imm == 0 ? d.illegal(i) : d.with(Op.LUI, rd, 0, 0, imm);
    }

    private static int arith(int i, Decoder d) {
        int rd = rPrime(i, 7);
        int rs2 = rPrime(i, 2);
        switch (i >>> 10 & 3) {
            case 0: return d.with(Op.SRLI, rd, rd, 0, bits(i, 6, 2, 0) | bit(i, 12, 5));
            case 1: return d.with(Op.SRAI, rd, rd, 0, bits(i, 6, 2, 0) | bit(i, 12, 5));
            case 2: return d.with(Op.ANDI, rd, rd, 0, imm6(i));
            default:
                int k = bit(i, 12, 2) | (i >>> 5 & 3);
                int[] ops = {Op.SUB, Op.XOR, Op.OR, Op.AND, Op.SUBW, Op.ADDW, -1, -1};
                return ops[k] < 0 ? d.illegal(i) : d.with(ops[k], rd, rd, rs2, 0);
        }
    }

    private static int jumpOffset(int i) {
        int off = bit(i, 12, 11) | bit(i, 11, 4) | bits(i, 10, 9, 8) | bit(i, 8, 10) | bit(i, 7, 6) | bit(i, 6, 7)
                | bits(i, 5, 3, 1) | bit(i, 2, 5);
        return off << 20 >> 20;
    }

    private static int branchOffset(int i) {
        int off = bit(i, 12, 8) | bits(i, 11, 10, 3) | bits(i, 6, 5, 6) | bits(i, 4, 3, 1) | bit(i, 2, 5);
        return off << 23 >> 23;
    }

    private static int jumpOrAdd(int i, Decoder d) {
        int rs1 = rdFull(i);
        int rs2 = rs2Full(i);
        if ((i >>> 12 & 1) == 0) {
            if (rs2 == 0) {
                return rs1 == 0 ? d.illegal(i) : d.with(Op.JALR, 0, rs1, 0, 0);
            }
            return d.with(Op.ADD, rs1, 0, rs2, 0);
        }
        if (rs2 == 0) {
            return rs1 == 0 ? d.with(Op.EBREAK, 0, 0, 0, 0) : d.with(Op.JALR, 1, rs1, 0, 0);
        }
        return d.with(Op.ADD, rs1, rs1, rs2, 0);
    }
}
