package warden.riscv.cpu;

/**
 * The integer arithmetic of RV64I, M and the AMO operations (unprivileged spec chapters 2, 5, 7
 * and 8): 32-bit "W" forms sign-extend their result; division by zero gives all ones (quotient)
 * or the dividend (remainder), signed overflow gives the dividend (quotient) or zero (remainder).
 *
 * [impl->dsn~riscv.hart.integer~1] [impl->dsn~riscv.hart.muldiv~1]
 */
final class Alu {
    private Alu() {
    }

    /** @return the result of a register-immediate operation (ADDI .. SRAIW). */
    static long imm(int op, long a, int imm) {
        switch (op) {
            case Op.ADDI: return a + imm;
            case Op.SLTI: return a < imm ? 1 : 0;
            case Op.SLTIU: return Long.compareUnsigned(a, imm) < 0 ? 1 : 0;
            case Op.XORI: return a ^ imm;
            case Op.ORI: return a | imm;
            case Op.ANDI: return a & imm;
            case Op.SLLI: return a << imm;
            case Op.SRLI: return a >>> imm;
            case Op.SRAI: return a >> imm;
            case Op.ADDIW: return (int) (a + imm);
            case Op.SLLIW: return (int) a << imm;
            case Op.SRLIW: return (int) ((int) a >>> imm);
            case Op.SRAIW: return (int) a >> imm;
            default: return 0; // NOP writes the sink
        }
    }

    /** @return the result of a register-register operation, LUI or AUIPC. */
    static long reg(int op, long a, long b, int imm, long pc) {
        switch (op) {
            case Op.ADD: return a + b;
            case Op.SUB: return a - b;
            case Op.SLL: return a << b;
            case Op.SLT: return a < b ? 1 : 0;
            case Op.SLTU: return Long.compareUnsigned(a, b) < 0 ? 1 : 0;
            case Op.XOR: return a ^ b;
            case Op.SRL: return a >>> b;
            case Op.SRA: return a >> b;
            case Op.OR: return a | b;
            case Op.AND: return a & b;
            case Op.ADDW: return (int) (a + b);
            case Op.SUBW: return (int) (a - b);
            case Op.SLLW: return (int) a << (b & 31);
            case Op.SRLW: return (int) ((int) a >>> (b & 31));
            case Op.SRAW: return (int) a >> (b & 31);
            case Op.LUI: return imm;
            case Op.AUIPC: return pc + imm;
            default: return 0;
        }
    }

    static long mul(int op, long a, long b) {
        switch (op) {
            case Op.MUL: return a * b;
            case Op.MULH: return Math.multiplyHigh(a, b);
            case Op.MULHSU: return Math.multiplyHigh(a, b) + (b < 0 ? a : 0);
            case Op.MULHU: return Math.multiplyHigh(a, b) + (a < 0 ? b : 0) + (b < 0 ? a : 0);
            case Op.DIV: return b == 0 ? -1 : a == Long.MIN_VALUE && b == -1 ? a : a / b;
            case Op.DIVU: return b == 0 ? -1 : Long.divideUnsigned(a, b);
            case Op.REM: return b == 0 ? a : b == -1 ? 0 : a % b;
            case Op.REMU: return b == 0 ? a : Long.remainderUnsigned(a, b);
            case Op.MULW: return (int) a * (int) b;
            case Op.DIVW: return divw((int) a, (int) b);
            case Op.DIVUW: return (int) b == 0 ? -1 : (int) Integer.divideUnsigned((int) a, (int) b);
            case Op.REMW: return (int) b == 0 ? (int) a : (int) b == -1 ? 0 : (int) a % (int) b;
            default: return (int) b == 0 ? (int) a : Integer.remainderUnsigned((int) a, (int) b);
        }
    }

    private static long divw(int a, int b) {
        if (b == 0) {
            return -1;
        }
        return a == Integer.MIN_VALUE && b == -1 ? a : a / b;
    }

    /** @return the value an AMO stores: {@code a} is the old memory value, {@code b} the register. */
    static long amo(int op, long a, long b, boolean dbl) {
        long ua = dbl ? a : a & 0xFFFF_FFFFL;
        long ub = dbl ? b : b & 0xFFFF_FFFFL;
        switch (op) {
            case Op.AMOSWAP: return b;
            case Op.AMOADD: return a + b;
            case Op.AMOXOR: return a ^ b;
            case Op.AMOAND: return a & b;
            case Op.AMOOR: return a | b;
            case Op.AMOMIN: return Math.min(a, b);
            case Op.AMOMAX: return Math.max(a, b);
            case Op.AMOMINU: return Long.compareUnsigned(ua, ub) <= 0 ? a : b;
            default: return Long.compareUnsigned(ua, ub) >= 0 ? a : b;
        }
    }
}
