package warden.riscv.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * SoftFloat's rounding and flags against an independent reference: the exact result as a BigDecimal
 * (sums, products, fused products; a quotient through its cross-multiplication), and the definitions
 * of the five rounding modes checked on the neighbours of the result (it lies on the right side of
 * the exact value, midpoints decide the nearest modes, ties go to even or away). NX must be raised
 * exactly when the result differs from the exact value.
 */
class SoftFloatTest {
    private static final int N = 4000;

    /** sign(exact - x) for the operation under test. */
    private interface Exact {
        int cmp(BigDecimal x);
    }

    private static double val(long bits, boolean d) {
        return d ? Double.longBitsToDouble(bits) : Float.intBitsToFloat((int) bits);
    }

    private static double up(double v, boolean d) {
        return d ? Math.nextUp(v) : Math.nextUp((float) v);
    }

    private static double down(double v, boolean d) {
        return d ? Math.nextDown(v) : Math.nextDown((float) v);
    }

    private static BigDecimal dec(double v) {
        return new BigDecimal(v);
    }

    private static BigDecimal mid(double a, double b) {
        return dec(a).add(dec(b)).divide(BigDecimal.valueOf(2));
    }

    private static long random(SplittableRandom rnd, boolean d, int spread) {
        double m = 1 + rnd.nextDouble();
        int e = rnd.nextInt(-spread, spread);
        double v = Math.scalb(m, e) * (rnd.nextBoolean() ? 1 : -1);
        if (rnd.nextInt(4) == 0) {
            v = Math.scalb(Math.rint(Math.scalb(m, 6)), e - 6); // a short significand: exact results, ties
        }
        return d ? Double.doubleToRawLongBits(v) : Float.floatToRawIntBits((float) v) & 0xFFFF_FFFFL;
    }

    /** Checks that r is exact rounded by rm, with NX exactly when inexact. */
    private static void check(String what, Exact exact, long bits, int flags, int rm, boolean d) {
        double r = val(bits, d);
        if (Double.isInfinite(r) || Double.isNaN(r) || Math.abs(r) < (d ? Double.MIN_NORMAL : Float.MIN_NORMAL) * 4) {
            return; // the reference covers the normal range; the edges have their own tests
        }
        double lo = down(r, d);
        double hi = up(r, d);
        int atR = exact.cmp(dec(r));
        int atLoMid = exact.cmp(mid(lo, r));
        int atHiMid = exact.cmp(mid(r, hi));
        boolean even = (bits & 1) == 0;
        boolean ok;
        switch (rm) {
            case SoftFloat.RNE:
                ok = atLoMid >= 0 && atHiMid <= 0 && (atLoMid != 0 || even) && (atHiMid != 0 || even);
                break;
            case SoftFloat.RMM:
                ok = atLoMid >= 0 && atHiMid <= 0 && (atLoMid != 0 || r > 0) && (atHiMid != 0 || r < 0);
                break;
            case SoftFloat.RDN:
                ok = atR >= 0 && exact.cmp(dec(hi)) < 0;
                break;
            case SoftFloat.RUP:
                ok = atR <= 0 && exact.cmp(dec(lo)) > 0;
                break;
            default:
                ok = r > 0 ? atR >= 0 && exact.cmp(dec(hi)) < 0 : atR <= 0 && exact.cmp(dec(lo)) > 0;
                break;
        }
        assertTrue(ok, what + " rm " + rm + " gave " + r);
        assertEquals(atR != 0 ? SoftFloat.NX : 0, flags & SoftFloat.NX, what + " rm " + rm + ": NX");
        assertEquals(0, flags & ~SoftFloat.NX, what + ": only NX in the normal range");
    }

    private static void arithmetic(boolean d) {
        SplittableRandom rnd = new SplittableRandom(d ? 19 : 91);
        SoftFloat sf = new SoftFloat();
        for (int i = 0; i < N; i++) {
            long a = random(rnd, d, d ? 300 : 40);
            long b = rnd.nextInt(3) == 0 ? random(rnd, d, d ? 300 : 40) : a ^ (rnd.nextLong() & (d ? 0xFFFFF : 0xFF));
            long c = random(rnd, d, d ? 300 : 40);
            BigDecimal x = dec(val(a, d));
            BigDecimal y = dec(val(b, d));
            BigDecimal z = dec(val(c, d));
            int rm = i % 5;
            String what = Long.toHexString(a) + " " + Long.toHexString(b) + " " + Long.toHexString(c);
            long r = sf.add(a, b, d, rm);
            check("add " + what, v -> x.add(y).compareTo(v), r, sf.take(), rm, d);
            r = sf.sub(a, b, d, rm);
            check("sub " + what, v -> x.subtract(y).compareTo(v), r, sf.take(), rm, d);
            r = sf.mul(a, b, d, rm);
            check("mul " + what, v -> x.multiply(y).compareTo(v), r, sf.take(), rm, d);
            r = sf.fma(a, b, c, d, rm);
            check("fma " + what, v -> x.multiply(y).add(z).compareTo(v), r, sf.take(), rm, d);
            r = sf.div(a, b, d, rm);
            check("div " + what, v -> x.subtract(v.multiply(y)).signum() * y.signum(), r, sf.take(), rm, d);
            long p = a & ~(d ? Long.MIN_VALUE : 0x8000_0000L);
            BigDecimal px = dec(val(p, d));
            r = sf.sqrt(p, d, rm);
            check("sqrt " + what, v -> px.compareTo(v.multiply(v)), r, sf.take(), rm, d);
        }
    }

    // [utest->dsn~riscv.hart.float-arith~1]
    // [utest->dsn~riscv.hart.float-rounding~1]
    @Test
    void doubleArithmeticIsCorrectlyRoundedInEveryMode() {
        arithmetic(true);
    }

    // [utest->dsn~riscv.hart.float-arith~1]
    // [utest->dsn~riscv.hart.float-rounding~1]
    @Test
    void singleArithmeticIsCorrectlyRoundedInEveryMode() {
        arithmetic(false);
    }

    /** Tininess is detected after rounding (unprivileged spec 11.2): UF needs tiny and inexact. */
    // [utest->dsn~riscv.hart.float-rounding~1]
    @Test
    void underflowIsTininessAfterRoundingAndInexact() {
        SoftFloat sf = new SoftFloat();
        long minNormal = 0x0010_0000_0000_0000L;
        // MIN_NORMAL x (1 - 2^-53): 53 bits exact with an unbounded exponent, below MIN_NORMAL: tiny
        assertEquals(minNormal, sf.mul(0x3FEF_FFFF_FFFF_FFFFL, minNormal, true, SoftFloat.RNE));
        assertEquals(SoftFloat.UF | SoftFloat.NX, sf.take());
        // MIN_NORMAL x (1 - 2^-54) rounds to MIN_NORMAL with an unbounded exponent: not tiny
        assertEquals(minNormal, sf.mul(0x1FFF_FFFF_FC00_0000L, 0x2000_0000_0200_0000L, true, SoftFloat.RNE));
        assertEquals(SoftFloat.NX, sf.take());
        // the same product rounded toward zero stays below MIN_NORMAL: tiny and inexact
        assertEquals(minNormal - 1, sf.mul(0x1FFF_FFFF_FC00_0000L, 0x2000_0000_0200_0000L, true, SoftFloat.RTZ));
        assertEquals(SoftFloat.UF | SoftFloat.NX, sf.take());
        // an exact subnormal result raises nothing
        assertEquals(minNormal >>> 1, sf.mul(minNormal, 0x3FE0_0000_0000_0000L, true, SoftFloat.RNE));
        assertEquals(0, sf.take());
        // half the smallest subnormal: a tie to even (0), or up to it
        assertEquals(0, sf.mul(1, 0x3FE0_0000_0000_0000L, true, SoftFloat.RNE));
        assertEquals(SoftFloat.UF | SoftFloat.NX, sf.take());
        assertEquals(1, sf.mul(1, 0x3FE0_0000_0000_0000L, true, SoftFloat.RUP));
        assertEquals(SoftFloat.UF | SoftFloat.NX, sf.take());
        // single: 2^-150 rounds up to 2^-149
        assertEquals(1, sf.toSingle(0x3690_0000_0000_0000L, SoftFloat.RUP));
        assertEquals(SoftFloat.UF | SoftFloat.NX, sf.take());
    }

    /** Overflow gives infinity or the largest finite number by mode and sign, with OF and NX. */
    // [utest->dsn~riscv.hart.float-rounding~1]
    @Test
    void overflowDependsOnModeAndSign() {
        SoftFloat sf = new SoftFloat();
        long max = 0x7FEF_FFFF_FFFF_FFFFL;
        long neg = max | Long.MIN_VALUE;
        long inf = 0x7FF0_0000_0000_0000L;
        long[][] cases = {{max, SoftFloat.RNE, inf}, {max, SoftFloat.RTZ, max}, {max, SoftFloat.RDN, max},
            {max, SoftFloat.RUP, inf}, {max, SoftFloat.RMM, inf}, {neg, SoftFloat.RDN, inf | Long.MIN_VALUE},
            {neg, SoftFloat.RUP, neg}, {neg, SoftFloat.RTZ, neg}};
        for (long[] c : cases) {
            assertEquals(c[2], sf.add(c[0], c[0], true, (int) c[1]), "rm " + c[1]);
            assertEquals(SoftFloat.OF | SoftFloat.NX, sf.take());
        }
    }

    /** Conversions to integers against BigDecimal's setScale with the matching rounding mode. */
    // [utest->dsn~riscv.hart.float-ops~1]
    // [utest->dsn~riscv.hart.float-rounding~1]
    @Test
    void conversionsToIntegersRoundAndSaturate() {
        RoundingMode[] modes = {RoundingMode.HALF_EVEN, RoundingMode.DOWN,
            RoundingMode.FLOOR, RoundingMode.CEILING, RoundingMode.HALF_UP};
        SplittableRandom rnd = new SplittableRandom(7);
        SoftFloat sf = new SoftFloat();
        for (int i = 0; i < N; i++) {
            double v = Math.scalb(rnd.nextDouble() * 2 - 1, rnd.nextInt(0, 70));
            long bits = Double.doubleToRawLongBits(v);
            int rm = i % 5;
            boolean unsigned = rnd.nextBoolean();
            boolean wide = rnd.nextBoolean();
            BigInteger q = dec(v).setScale(0, modes[rm]).toBigIntegerExact();
            int w = wide ? 64 : 32;
            BigInteger min = unsigned ? BigInteger.ZERO : BigInteger.ONE.shiftLeft(w - 1).negate();
            BigInteger max = (unsigned ? BigInteger.ONE.shiftLeft(w)
                    : BigInteger.ONE.shiftLeft(w - 1)).subtract(BigInteger.ONE);
            boolean out = q.compareTo(min) < 0 || q.compareTo(max) > 0;
            BigInteger want = out ? (q.signum() < 0 ? min : max) : q;
            long expected = wide ? want.longValue() : (int) want.longValue();
            String what = v + " rm " + rm + (unsigned ? " u" : " s") + w;
            assertEquals(expected, sf.toInt(bits, true, rm, unsigned, wide), what);
            int flags = sf.take();
            int want2 = out ? SoftFloat.NV : dec(v).compareTo(new BigDecimal(q)) != 0 ? SoftFloat.NX : 0;
            assertEquals(want2, flags, what + " flags");
        }
        assertEquals(Long.MAX_VALUE, sf.toInt(SoftFloat.QNAN_D, true, 0, false, true));
        assertEquals(-1L, sf.toInt(SoftFloat.QNAN_D, true, 0, true, false), "WU of NaN: 2^32-1 sign-extended");
        assertEquals(SoftFloat.NV, sf.take());
    }

    /** Integers to floats against BigDecimal rounding to 53 and 24 significant bits. */
    // [utest->dsn~riscv.hart.float-ops~1]
    @Test
    void conversionsFromIntegersRound() {
        SplittableRandom rnd = new SplittableRandom(11);
        SoftFloat sf = new SoftFloat();
        for (int i = 0; i < N; i++) {
            long v = rnd.nextLong() >> rnd.nextInt(64);
            boolean d = rnd.nextBoolean();
            int rm = i % 5;
            long r = sf.fromInt(v, false, d, rm);
            BigDecimal x = new BigDecimal(v);
            check("fromInt " + v, y -> x.compareTo(y), r, sf.take(), rm, d);
        }
        assertEquals(0x43F0_0000_0000_0000L, sf.fromInt(-1, true, true, SoftFloat.RNE), "2^64 - 1 unsigned");
        assertEquals(SoftFloat.NX, sf.take());
        assertEquals(0x43EF_FFFF_FFFF_FFFFL, sf.fromInt(-1, true, true, SoftFloat.RTZ));
    }

    /** Invalid operations give the canonical NaN with NV; signalling NaN operands raise NV; x/0 raises DZ. */
    // [utest->dsn~riscv.hart.float-arith~1]
    @Test
    void invalidOperationsAndDivisionByZero() {
        SoftFloat sf = new SoftFloat();
        long inf = 0x7FF0_0000_0000_0000L;
        long one = 0x3FF0_0000_0000_0000L;
        long snan = 0x7FF0_0000_0000_0001L;
        assertEquals(SoftFloat.QNAN_D, sf.sub(inf, inf, true, 0));
        assertEquals(SoftFloat.NV, sf.take());
        assertEquals(SoftFloat.QNAN_D, sf.mul(inf, 0, true, 0));
        assertEquals(SoftFloat.NV, sf.take());
        assertEquals(SoftFloat.QNAN_D, sf.add(snan, one, true, 0));
        assertEquals(SoftFloat.NV, sf.take());
        assertEquals(SoftFloat.QNAN_D, sf.add(SoftFloat.QNAN_D | 5, one, true, 0), "canonical, not propagated");
        assertEquals(0, sf.take());
        assertEquals(inf | Long.MIN_VALUE, sf.div(one | Long.MIN_VALUE, 0, true, 0));
        assertEquals(SoftFloat.DZ, sf.take());
        assertEquals(SoftFloat.QNAN_D, sf.fma(inf, 0, SoftFloat.QNAN_D, true, 0), "0 x inf + qNaN");
        assertEquals(SoftFloat.NV, sf.take());
        assertEquals(SoftFloat.QNAN_S, sf.sqrt(0xBF80_0000L, false, 0));
        assertEquals(SoftFloat.NV, sf.take());
    }
}
