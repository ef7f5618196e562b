package warden.riscv.cpu;

/**
 * Executes the F and D instructions on the f registers of a {@link HartState} (unprivileged spec
 * 20191213 chapters 11 and 12): single operands are read through the NaN-boxing rule (an f register
 * whose upper 32 bits are not all ones holds the canonical NaN, section 12.2) and single results
 * are boxed; FMV.X.W, FSW and FMV.W.X move the raw bits. A rounding mode of 5 or 6, or the dynamic
 * mode 7 while frm holds 5..7, makes the instruction illegal. Accrued flags are or'ed into fflags.
 * Any write of an f register or of fflags sets mstatus.FS to Dirty (and SD); the caller refuses
 * every instruction while FS is Off.
 *
 * [impl->dsn~riscv.hart.float-ops~1]
 */
final class FloatUnit {
    static final long BOX = 0xFFFF_FFFF_0000_0000L;
    /** Status of {@link #execute}: done, or the instruction is illegal. */
    static final int OK = 0, ILLEGAL = 1;

    private final HartState s;
    private final long[] x;
    private final long[] f;
    private final SoftFloat sf = new SoftFloat();

    FloatUnit(HartState s) {
        this.s = s;
        this.x = s.x;
        this.f = s.f;
    }

    /** @return the single in f register r, or the canonical NaN when it is not properly boxed. */
    static long unbox(long v) {
        return (v & BOX) == BOX ? v & 0xFFFF_FFFFL : SoftFloat.QNAN_S;
    }

    private long operand(int r, boolean d) {
        return d ? f[r] : unbox(f[r]);
    }

    private void setF(int r, long v, boolean d) {
        f[r] = d ? v : v | BOX;
        dirty();
    }

    private void setX(int rd, long v) {
        if (rd != 0) {
            x[rd] = v;
        }
    }

    void dirty() {
        s.mstatus |= HartState.MSTATUS_FS | HartState.MSTATUS_SD;
    }

    private void accrue() {
        int flags = sf.take();
        if (flags != 0) {
            s.fflags |= flags;
            dirty();
        }
    }

    /** @return the rounding mode of the instruction, or -1 when it is reserved (illegal). */
    private int roundingMode(int insn) {
        int rm = insn >>> 12 & 7;
        if (rm == 7) {
            rm = s.frm;
        }
        return rm > SoftFloat.RMM ? -1 : rm;
    }

    /** Executes FMADD .. FNMADD or an OP-FP instruction (already validated by the decoder). @return the status */
    int execute(int op, int insn) {
        int rd = insn >>> 7 & 31;
        int rs1 = insn >>> 15 & 31;
        int rs2 = insn >>> 20 & 31;
        int f7 = insn >>> 25;
        boolean d = (f7 & 1) != 0;
        if (op != Op.FOP) {
            return fused(op, insn, rd, rs1, rs2, d);
        }
        int group = f7 >>> 2;
        switch (group) {
            case 0: case 1: case 2: case 3: case 0xB: return arithmetic(group, insn, rd, rs1, rs2, d);
            case 4: setF(rd, SoftFloat.signInject(operand(rs1, d), operand(rs2, d), d, insn >>> 12 & 7), d); return OK;
            case 5: setF(rd, sf.minMax(operand(rs1, d), operand(rs2, d), d, (insn >>> 12 & 1) != 0), d); break;
            case 0x14: setX(rd, compare(insn >>> 12 & 7, operand(rs1, d), operand(rs2, d), d)); break;
            case 0x1C:
                if ((insn >>> 12 & 1) != 0) {
                    setX(rd, SoftFloat.classify(operand(rs1, d), d));
                } else {
                    setX(rd, d ? f[rs1] : (int) f[rs1]);
                }
                return OK;
            case 0x1E: setF(rd, d ? x[rs1] : x[rs1] & 0xFFFF_FFFFL, d); return OK;
            default: return convert(group, insn, rd, rs1, rs2, d);
        }
        accrue();
        return OK;
    }

    private int fused(int op, int insn, int rd, int rs1, int rs2, boolean d) {
        int rm = roundingMode(insn);
        if (rm < 0) {
            return ILLEGAL;
        }
        long a = operand(rs1, d);
        long c = operand(insn >>> 27, d);
        long sign = d ? Long.MIN_VALUE : 0x8000_0000L;
        boolean negA = op == Op.FNMSUB || op == Op.FNMADD;
        boolean negC = op == Op.FMSUB || op == Op.FNMADD;
        long r = sf.fma(negA && !SoftFloat.isNaN(a, d) ? a ^ sign : a, operand(rs2, d),
                negC && !SoftFloat.isNaN(c, d) ? c ^ sign : c, d, rm);
        setF(rd, r, d);
        accrue();
        return OK;
    }

    private int arithmetic(int group, int insn, int rd, int rs1, int rs2, boolean d) {
        int rm = roundingMode(insn);
        if (rm < 0) {
            return ILLEGAL;
        }
        long a = operand(rs1, d);
        long b = operand(rs2, d);
        long r;
        switch (group) {
            case 0: r = sf.add(a, b, d, rm); break;
            case 1: r = sf.sub(a, b, d, rm); break;
            case 2: r = sf.mul(a, b, d, rm); break;
            case 3: r = sf.div(a, b, d, rm); break;
            default: r = sf.sqrt(a, d, rm); break;
        }
        setF(rd, r, d);
        accrue();
        return OK;
    }

    private long compare(int kind, long a, long b, boolean d) {
        switch (kind) {
            case 2: return sf.eq(a, b, d);
            case 1: return sf.lt(a, b, d, false);
            default: return sf.lt(a, b, d, true);
        }
    }

    /** FCVT between the formats, from a float to an integer and from an integer to a float. */
    private int convert(int group, int insn, int rd, int rs1, int rs2, boolean d) {
        int rm = roundingMode(insn);
        if (rm < 0) {
            return ILLEGAL;
        }
        boolean unsigned = (rs2 & 1) != 0;
        boolean wide = (rs2 & 2) != 0;
        if (group == 8) {
            setF(rd, d ? sf.toDouble(unbox(f[rs1])) : sf.toSingle(f[rs1], rm), d);
        } else if (group == 0x18) {
            setX(rd, sf.toInt(operand(rs1, d), d, rm, unsigned, wide));
        } else {
            long v = x[rs1];
            if (!wide) {
                v = unsigned ? v & 0xFFFF_FFFFL : (int) v;
            }
            setF(rd, sf.fromInt(v, unsigned && wide, d, rm), d);
        }
        accrue();
        return OK;
    }
}
