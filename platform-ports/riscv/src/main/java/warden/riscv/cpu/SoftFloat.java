package warden.riscv.cpu;

import java.math.BigInteger;

/**
 * IEEE 754-2008 binary32 and binary64 arithmetic with the five RISC-V rounding modes and exact
 * exception flags, as the unprivileged spec 20191213 chapters 11 (F) and 12 (D) require: results
 * are computed exactly (an integer significand times a power of two, plus a sticky bit for the
 * quotient and square root remainders) and rounded once; tininess is detected after rounding
 * (section 11.2: "tininess is detected after rounding"), so UF is raised when the result rounded
 * with an unbounded exponent lies below the smallest normal and the result is inexact. NaN results
 * are the canonical NaN (section 11.3); signalling NaN operands raise NV. Round-to-nearest-even
 * on operands of moderate exponent takes a fast path through the host's double arithmetic, whose
 * exactness is decided by an exact residual (Math.fma, TwoSum). Singles are passed in the low 32
 * bits of a long.
 *
 * [impl->dsn~riscv.hart.float-arith~1]
 */
final class SoftFloat {
    static final int RNE = 0, RTZ = 1, RDN = 2, RUP = 3, RMM = 4;
    static final int NX = 1, UF = 2, OF = 4, DZ = 8, NV = 16;
    static final long QNAN_D = 0x7FF8_0000_0000_0000L;
    static final long QNAN_S = 0x7FC0_0000L;
    private static final int FAST_EXP_D = 400;
    private static final int FAST_EXP_S = 60;

    /** Flags raised since the last {@link #take()}. */
    private int flags;
    private boolean lastInexact;

    /** @return the flags raised since the last call, clearing them. */
    int take() {
        int f = flags;
        flags = 0;
        return f;
    }

    // ---- format helpers ----

    private static int prec(boolean d) { return d ? 53 : 24; }
    private static int bias(boolean d) { return d ? 1023 : 127; }
    private static long signBit(boolean d) { return d ? Long.MIN_VALUE : 0x8000_0000L; }
    private static long expMask(boolean d) { return d ? 0x7FF0_0000_0000_0000L : 0x7F80_0000L; }
    private static long fracMask(boolean d) { return d ? 0x000F_FFFF_FFFF_FFFFL : 0x007F_FFFFL; }
    static long qnan(boolean d) { return d ? QNAN_D : QNAN_S; }

    static boolean negative(long v, boolean d) { return (v & signBit(d)) != 0; }
    static boolean isNaN(long v, boolean d) { return (v & expMask(d)) == expMask(d) && (v & fracMask(d)) != 0; }
    static boolean isInf(long v, boolean d) { return (v & ~signBit(d)) == expMask(d); }
    static boolean isZero(long v, boolean d) { return (v & ~signBit(d)) == 0; }

    static boolean isSignalling(long v, boolean d) {
        long quiet = d ? 1L << 51 : 1L << 22;
        return isNaN(v, d) && (v & quiet) == 0;
    }

    private static int expField(long v, boolean d) { return (int) ((v & expMask(d)) >>> (prec(d) - 1)); }

    /** @return the integer significand of finite v. */
    private static BigInteger mant(long v, boolean d) {
        long f = v & fracMask(d);
        return BigInteger.valueOf(expField(v, d) == 0 ? f : f | 1L << (prec(d) - 1));
    }

    /** @return the exponent of the significand's last bit of finite v. */
    private static int exp(long v, boolean d) {
        int e = expField(v, d);
        return (e == 0 ? 1 : e) - bias(d) - (prec(d) - 1);
    }

    private long nanResult(long a, long b, boolean d) {
        if (isSignalling(a, d) || isSignalling(b, d)) {
            flags |= NV;
        }
        return qnan(d);
    }

    private long invalid(boolean d) {
        flags |= NV;
        return qnan(d);
    }

    private static long inf(boolean neg, boolean d) { return expMask(d) | (neg ? signBit(d) : 0); }
    private static long zero(boolean neg, boolean d) { return neg ? signBit(d) : 0; }

    // ---- rounding ----

    /** @return m shifted right by shift (>= 1) and rounded by rm; sets {@link #lastInexact}. */
    private BigInteger roundBits(boolean neg, BigInteger m, int shift, boolean sticky, int rm) {
        BigInteger q = m.shiftRight(shift);
        BigInteger r = m.subtract(q.shiftLeft(shift));
        int cmp = r.compareTo(BigInteger.ONE.shiftLeft(shift - 1));
        boolean inexact = r.signum() != 0 || sticky;
        lastInexact = inexact;
        boolean up;
        switch (rm) {
            case RNE: up = cmp > 0 || cmp == 0 && (sticky || q.testBit(0)); break;
            case RTZ: up = false; break;
            case RDN: up = inexact && neg; break;
            case RUP: up = inexact && !neg; break;
            default: up = cmp >= 0; break;
        }
        return up ? q.add(BigInteger.ONE) : q;
    }

    /**
     * Rounds the value (-1)^neg x (m + (sticky ? a positive fraction below 1 : 0)) x 2^e2, m > 0 or
     * sticky, to the format. [impl->dsn~riscv.hart.float-rounding~1]
     *
     * @return the encoding
     */
    long round(boolean neg, BigInteger m, int e2, boolean sticky, boolean d, int rm) {
        int p = prec(d);
        int emin = 1 - bias(d);
        int bl = m.bitLength();
        if (bl < p + 2) {
            m = m.shiftLeft(p + 2 - bl);
            e2 -= p + 2 - bl;
            bl = p + 2;
        }
        int top = bl - 1 + e2;
        boolean tiny = false;
        if (top < emin) {
            BigInteger unbounded = roundBits(neg, m, bl - p, sticky, rm);
            tiny = top + (unbounded.bitLength() > p ? 1 : 0) < emin;
        }
        int lsb = Math.max(top, emin) - (p - 1);
        BigInteger q = roundBits(neg, m, lsb - e2, sticky, rm);
        boolean inexact = lastInexact;
        if (q.bitLength() > p) {
            q = q.shiftRight(1);
            lsb++;
        }
        long qv = q.longValue();
        long bits = qv;
        if (qv >= 1L << (p - 1)) {
            int e = lsb + p - 1;
            if (e > bias(d)) {
                return overflow(neg, d, rm);
            }
            bits = (long) (e + bias(d)) << (p - 1) | (qv - (1L << (p - 1)));
        }
        if (inexact) {
            flags |= NX;
            if (tiny) {
                flags |= UF;
            }
        }
        return bits | (neg ? signBit(d) : 0);
    }

    /** @return the overflowed result: infinity or the largest finite number, by rm and sign (IEEE 754 7.4). */
    private long overflow(boolean neg, boolean d, int rm) {
        flags |= OF | NX;
        boolean toInf = rm == RNE || rm == RMM || rm == RUP && !neg || rm == RDN && neg;
        return toInf ? inf(neg, d) : (expMask(d) - (1L << (prec(d) - 1))) | fracMask(d) | (neg ? signBit(d) : 0);
    }

    // ---- arithmetic ----

    /** @return a + b. */
    long add(long a, long b, boolean d, int rm) {
        if (isNaN(a, d) || isNaN(b, d)) {
            return nanResult(a, b, d);
        }
        if (isInf(a, d) || isInf(b, d)) {
            if (isInf(a, d) && isInf(b, d) && negative(a, d) != negative(b, d)) {
                return invalid(d);
            }
            return isInf(a, d) ? a : b;
        }
        if (rm == RNE) {
            long fast = fastAdd(a, b, d);
            if (fast != 1) {
                return fast;
            }
        }
        return addExact(negative(a, d), mant(a, d), exp(a, d), negative(b, d), mant(b, d), exp(b, d), d, rm);
    }

    private long addExact(boolean na, BigInteger ma, int ea, boolean nb, BigInteger mb, int eb, boolean d, int rm) {
        int e = Math.min(ea, eb);
        BigInteger x = ma.shiftLeft(ea - e);
        BigInteger y = mb.shiftLeft(eb - e);
        BigInteger sum = (na ? x.negate() : x).add(nb ? y.negate() : y);
        if (sum.signum() == 0) {
            boolean bothZero = ma.signum() == 0 && mb.signum() == 0;
            return zero(bothZero && na == nb ? na : rm == RDN, d);
        }
        return round(sum.signum() < 0, sum.abs(), e, false, d, rm);
    }

    /** @return a - b. */
    long sub(long a, long b, boolean d, int rm) {
        return add(a, isNaN(b, d) ? b : b ^ signBit(d), d, rm);
    }

    /** @return a x b. */
    long mul(long a, long b, boolean d, int rm) {
        if (isNaN(a, d) || isNaN(b, d)) {
            return nanResult(a, b, d);
        }
        boolean neg = negative(a, d) != negative(b, d);
        if (isInf(a, d) || isInf(b, d)) {
            return isZero(a, d) || isZero(b, d) ? invalid(d) : inf(neg, d);
        }
        if (isZero(a, d) || isZero(b, d)) {
            return zero(neg, d);
        }
        if (rm == RNE) {
            long fast = fastMul(a, b, d);
            if (fast != 1) {
                return fast;
            }
        }
        return round(neg, mant(a, d).multiply(mant(b, d)), exp(a, d) + exp(b, d), false, d, rm);
    }

    /**
     * @return a x b + c, rounded once; the FMSUB/FNMSUB/FNMADD forms negate a and/or c first (as
     *     SoftFloat, the reference of Spike, does). 0 x inf raises NV even with a quiet NaN addend.
     */
    long fma(long a, long b, long c, boolean d, int rm) {
        boolean zeroTimesInf = isInf(a, d) && isZero(b, d) || isZero(a, d) && isInf(b, d);
        if (isNaN(a, d) || isNaN(b, d) || isNaN(c, d)) {
            if (isSignalling(c, d) || zeroTimesInf) {
                flags |= NV;
            }
            return nanResult(a, b, d);
        }
        if (zeroTimesInf) {
            return invalid(d);
        }
        boolean np = negative(a, d) != negative(b, d);
        if (isInf(a, d) || isInf(b, d)) {
            return isInf(c, d) && negative(c, d) != np ? invalid(d) : inf(np, d);
        }
        if (isInf(c, d)) {
            return c;
        }
        return addExact(np, mant(a, d).multiply(mant(b, d)), exp(a, d) + exp(b, d), negative(c, d), mant(c, d),
                exp(c, d), d, rm);
    }

    /** @return a / b. */
    long div(long a, long b, boolean d, int rm) {
        if (isNaN(a, d) || isNaN(b, d)) {
            return nanResult(a, b, d);
        }
        boolean neg = negative(a, d) != negative(b, d);
        if (isInf(a, d)) {
            return isInf(b, d) ? invalid(d) : inf(neg, d);
        }
        if (isInf(b, d)) {
            return zero(neg, d);
        }
        if (isZero(b, d)) {
            if (isZero(a, d)) {
                return invalid(d);
            }
            flags |= DZ;
            return inf(neg, d);
        }
        if (isZero(a, d)) {
            return zero(neg, d);
        }
        if (rm == RNE) {
            long fast = fastDiv(a, b, d);
            if (fast != 1) {
                return fast;
            }
        }
        BigInteger ma = mant(a, d);
        BigInteger mb = mant(b, d);
        int k = Math.max(0, prec(d) + 3 + mb.bitLength() - ma.bitLength());
        BigInteger[] qr = ma.shiftLeft(k).divideAndRemainder(mb);
        return round(neg, qr[0], exp(a, d) - exp(b, d) - k, qr[1].signum() != 0, d, rm);
    }

    /** @return the square root of a. */
    long sqrt(long a, boolean d, int rm) {
        if (isNaN(a, d)) {
            return nanResult(a, a, d);
        }
        if (isZero(a, d)) {
            return a;
        }
        if (negative(a, d)) {
            return invalid(d);
        }
        if (isInf(a, d)) {
            return a;
        }
        if (rm == RNE) {
            long fast = fastSqrt(a, d);
            if (fast != 1) {
                return fast;
            }
        }
        BigInteger m = mant(a, d);
        int e = exp(a, d);
        if ((e & 1) != 0) {
            m = m.shiftLeft(1);
            e--;
        }
        int k = Math.max(0, prec(d) + 4 - m.bitLength() / 2);
        BigInteger big = m.shiftLeft(2 * k);
        BigInteger r = big.sqrt();
        return round(false, r, (e - 2 * k) / 2, !r.multiply(r).equals(big), d, rm);
    }

    // ---- fast paths (round to nearest even, exponents far from overflow and underflow); 1 = not taken ----

    private static boolean moderate(long a, boolean d) {
        int e = expField(a, d) - bias(d);
        int limit = d ? FAST_EXP_D : FAST_EXP_S;
        return expField(a, d) != 0 && e > -limit && e < limit;
    }

    private static double val(long a, boolean d) {
        return d ? Double.longBitsToDouble(a) : Float.intBitsToFloat((int) a);
    }

    /** @return the encoding of double r in the format, with NX when {@code exact} is false or r is no single. */
    private long encode(double r, boolean exact, boolean d) {
        if (d) {
            if (!exact) {
                flags |= NX;
            }
            return Double.doubleToRawLongBits(r);
        }
        float f = (float) r;
        if (!exact || f != r) {
            flags |= NX;
        }
        return Float.floatToRawIntBits(f) & 0xFFFF_FFFFL;
    }

    private long fastAdd(long a, long b, boolean d) {
        if (!moderate(a, d) || !moderate(b, d)) {
            return 1;
        }
        double x = val(a, d);
        double y = val(b, d);
        double r = x + y;
        double t = r - x;
        double err = (x - (r - t)) + (y - t);
        if (!d && err != 0) {
            return 1; // double rounding of an inexact double sum: take the exact path
        }
        return encode(r, err == 0, d);
    }

    private long fastMul(long a, long b, boolean d) {
        if (!moderate(a, d) || !moderate(b, d)) {
            return 1;
        }
        double x = val(a, d);
        double y = val(b, d);
        double r = x * y;
        return encode(r, Math.fma(x, y, -r) == 0, d);
    }

    private long fastDiv(long a, long b, boolean d) {
        if (!moderate(a, d) || !moderate(b, d)) {
            return 1;
        }
        double x = val(a, d);
        double y = val(b, d);
        double r = x / y;
        return encode(r, Math.fma(r, y, -x) == 0, d);
    }

    private long fastSqrt(long a, boolean d) {
        if (!moderate(a, d)) {
            return 1;
        }
        double x = val(a, d);
        double r = Math.sqrt(x);
        return encode(r, Math.fma(r, r, -x) == 0, d);
    }

    // ---- conversions ----

    /**
     * @return a converted to a 32-bit (sign-extended) or 64-bit integer, signed or unsigned, rounded by
     *     rm; out of range (NaN, infinities included) saturates with NV, inexact in range raises NX.
     */
    long toInt(long a, boolean d, int rm, boolean unsigned, boolean wide) {
        int bits = wide ? 64 : 32;
        BigInteger max = unsigned ? BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                : BigInteger.ONE.shiftLeft(bits - 1).subtract(BigInteger.ONE);
        BigInteger min = unsigned ? BigInteger.ZERO : BigInteger.ONE.shiftLeft(bits - 1).negate();
        BigInteger v;
        boolean inexact = false;
        if (isNaN(a, d) || isInf(a, d)) {
            flags |= NV;
            v = isNaN(a, d) || !negative(a, d) ? max : min;
            return narrow(v, wide);
        }
        boolean neg = negative(a, d);
        BigInteger m = mant(a, d);
        int e = exp(a, d);
        if (m.signum() == 0) {
            v = BigInteger.ZERO;
        } else if (e >= 0) {
            v = m.shiftLeft(e);
        } else {
            v = roundBits(neg, m, -e, false, rm);
            inexact = lastInexact;
        }
        v = neg ? v.negate() : v;
        if (v.compareTo(min) < 0 || v.compareTo(max) > 0) {
            flags |= NV;
            return narrow(v.signum() < 0 ? min : max, wide);
        }
        if (inexact) {
            flags |= NX;
        }
        return narrow(v, wide);
    }

    private static long narrow(BigInteger v, boolean wide) {
        return wide ? v.longValue() : (int) v.longValue();
    }

    /** @return the integer v (unsigned when {@code unsigned}) rounded to the format. */
    long fromInt(long v, boolean unsigned, boolean d, int rm) {
        if (v == 0) {
            return 0;
        }
        BigInteger b = BigInteger.valueOf(v);
        if (unsigned && v < 0) {
            b = b.add(BigInteger.ONE.shiftLeft(64));
        }
        return round(b.signum() < 0, b.abs(), 0, false, d, rm);
    }

    /** @return double a rounded to a single. */
    long toSingle(long a, int rm) {
        if (isNaN(a, true)) {
            nanResult(a, a, true);
            return QNAN_S;
        }
        if (isInf(a, true) || isZero(a, true)) {
            return (a < 0 ? 0x8000_0000L : 0) | (isInf(a, true) ? 0x7F80_0000L : 0);
        }
        return round(a < 0, mant(a, true), exp(a, true), false, false, rm);
    }

    /** @return single a widened to a double (exact). */
    long toDouble(long a) {
        if (isNaN(a, false)) {
            nanResult(a, a, false);
            return QNAN_D;
        }
        return Double.doubleToRawLongBits(Float.intBitsToFloat((int) a));
    }

    // ---- comparisons, sign injection, classification ----

    /** @return 1 when a = b (quiet: NV only for a signalling NaN), else 0. */
    long eq(long a, long b, boolean d) {
        if (isNaN(a, d) || isNaN(b, d)) {
            nanResult(a, b, d);
            return 0;
        }
        return val(a, d) == val(b, d) ? 1 : 0;
    }

    /** @return 1 when a < b (or a <= b with {@code orEqual}); any NaN raises NV (signalling compare). */
    long lt(long a, long b, boolean d, boolean orEqual) {
        if (isNaN(a, d) || isNaN(b, d)) {
            flags |= NV;
            return 0;
        }
        double x = val(a, d);
        double y = val(b, d);
        return (orEqual ? x <= y : x < y) ? 1 : 0;
    }

    /** @return the minimum (or maximum) as the 2.2 spec defines it: -0 < +0, a NaN operand loses to a number. */
    long minMax(long a, long b, boolean d, boolean max) {
        boolean na = isNaN(a, d);
        boolean nb = isNaN(b, d);
        if (isSignalling(a, d) || isSignalling(b, d)) {
            flags |= NV;
        }
        if (na && nb) {
            return qnan(d);
        }
        if (na || nb) {
            return na ? b : a;
        }
        double x = val(a, d);
        double y = val(b, d);
        if (x == y) {
            boolean aNeg = negative(a, d);
            return max ? (aNeg ? b : a) : (aNeg ? a : b);
        }
        return (x < y) != max ? a : b;
    }

    /** @return the FCLASS mask of a. */
    static long classify(long a, boolean d) {
        boolean neg = negative(a, d);
        if (isNaN(a, d)) {
            return isSignalling(a, d) ? 1 << 8 : 1 << 9;
        }
        if (isInf(a, d)) {
            return neg ? 1 : 1 << 7;
        }
        if (isZero(a, d)) {
            return neg ? 1 << 3 : 1 << 4;
        }
        boolean sub = expField(a, d) == 0;
        return neg ? (sub ? 1 << 2 : 1 << 1) : (sub ? 1 << 5 : 1 << 6);
    }

    /** @return FSGNJ (kind 0), FSGNJN (1) or FSGNJX (2) of a and b. */
    static long signInject(long a, long b, boolean d, int kind) {
        long sign = signBit(d);
        long s = kind == 0 ? b & sign : kind == 1 ? ~b & sign : (a ^ b) & sign;
        return a & ~sign | s;
    }
}
