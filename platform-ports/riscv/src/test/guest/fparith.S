/* F and D arithmetic in the style of rv64uf/rv64ud: results, exact fflags, NaN-boxing, the fused forms,
 * min/max and compares with NaNs and signed zeros, FCLASS, loads and stores (compressed ones too).
 * Expected values: IEEE 754-2008 and the unprivileged spec 20191213 chapters 11 and 12 (checked on QEMU). */
#include "env.h"
#define SETD(f, v) li t0, v; fmv.d.x f, t0
#define SETS(f, v) li t0, v; fmv.w.x f, t0
#define FLAGS(n, v) csrrw t5, fflags, zero; CHECK(n, t5, v)
#define RESD(n, f, v) fmv.x.d t4, f; CHECK(n, t4, v)
TEST_BEGIN
    li t0, 1 << 13                  /* FS = Initial */
    csrs mstatus, t0
    csrw fcsr, zero
    /* 2.0 + 3.0, 1/3 rounded to nearest, 1/0, 0/0, overflow */
    SETD(f1, 0x4000000000000000)
    SETD(f2, 0x4008000000000000)
    fadd.d f3, f1, f2
    RESD(1, f3, 0x4014000000000000)
    FLAGS(2, 0)
    SETD(f1, 0x3FF0000000000000)
    fdiv.d f3, f1, f2
    RESD(3, f3, 0x3FD5555555555555)
    FLAGS(4, 1)
    fmv.d.x f4, zero
    fdiv.d f3, f1, f4
    RESD(5, f3, 0x7FF0000000000000)
    FLAGS(6, 8)
    fdiv.d f3, f4, f4
    RESD(7, f3, 0x7FF8000000000000)
    FLAGS(8, 16)
    SETD(f5, 0x7FEFFFFFFFFFFFFF)
    fmul.d f3, f5, f1
    fadd.d f3, f5, f5
    RESD(9, f3, 0x7FF0000000000000)
    FLAGS(10, 5)
    /* tininess after rounding: MIN_NORMAL * (1 - 2^-53) rounds to MIN_NORMAL but is tiny (UF|NX);
     * MIN_NORMAL * (1 - 2^-54) rounds to MIN_NORMAL with an unbounded exponent too (NX only) */
    SETD(f1, 0x3FEFFFFFFFFFFFFF)
    SETD(f2, 0x0010000000000000)
    fmul.d f3, f1, f2
    RESD(11, f3, 0x0010000000000000)
    FLAGS(12, 3)
    SETD(f1, 0x1FFFFFFFFC000000)
    SETD(f2, 0x2000000002000000)
    fmul.d f3, f1, f2
    RESD(13, f3, 0x0010000000000000)
    FLAGS(14, 1)
    SETD(f1, 0x0000000000000001)
    SETD(f2, 0x3FE0000000000000)
    fmul.d f3, f1, f2                /* 2^-1075: a tie, to even = +0 */
    RESD(15, f3, 0)
    FLAGS(16, 3)
    SETD(f2, 0x0010000000000000)
    fmul.d f3, f2, f2
    SETD(f2, 0x3FE0000000000000)
    FLAGS(17, 3)
    SETD(f1, 0x0010000000000000)
    fmul.d f3, f1, f2                /* an exact subnormal: no flag */
    RESD(18, f3, 0x0008000000000000)
    FLAGS(19, 0)
    /* fused multiply-add rounds once */
    SETD(f1, 0x3FF0000000000001)
    SETD(f2, 0x3FEFFFFFFFFFFFFF)
    SETD(f3, 0xBFF0000000000000)
    fmadd.d f4, f1, f2, f3
    RESD(20, f4, 0x3C9FFFFFFFFFFFFE)
    FLAGS(21, 0)
    SETD(f1, 0x3FF0000000000000)
    SETD(f2, 0x4000000000000000)
    SETD(f3, 0x4008000000000000)
    fmadd.d f4, f1, f2, f3
    RESD(22, f4, 0x4014000000000000)
    fmsub.d f4, f1, f2, f3
    RESD(23, f4, 0xBFF0000000000000)
    fnmsub.d f4, f1, f2, f3
    RESD(24, f4, 0x3FF0000000000000)
    fnmadd.d f4, f1, f2, f3
    RESD(25, f4, 0xC014000000000000)
    SETD(f1, 0x7FF0000000000000)
    fmv.d.x f2, zero
    SETD(f3, 0x7FF8000000000000)
    fmadd.d f4, f1, f2, f3           /* inf x 0 + qNaN: NV */
    RESD(26, f4, 0x7FF8000000000000)
    FLAGS(27, 16)
    /* square roots */
    SETD(f1, 0x4010000000000000)
    fsqrt.d f2, f1
    RESD(28, f2, 0x4000000000000000)
    FLAGS(29, 0)
    SETD(f1, 0x4000000000000000)
    fsqrt.d f2, f1, rne
    RESD(30, f2, 0x3FF6A09E667F3BCD)
    fsqrt.d f2, f1, rtz
    RESD(31, f2, 0x3FF6A09E667F3BCC)
    FLAGS(32, 1)
    SETD(f1, 0xBFF0000000000000)
    fsqrt.d f2, f1
    RESD(33, f2, 0x7FF8000000000000)
    FLAGS(34, 16)
    SETD(f1, 0x8000000000000000)
    fsqrt.d f2, f1
    RESD(35, f2, 0x8000000000000000)
    /* min, max: -0 < +0, a quiet NaN loses silently, a signalling one with NV, two NaNs give the canonical NaN */
    SETD(f1, 0x8000000000000000)
    fmv.d.x f2, zero
    fmin.d f3, f2, f1
    RESD(36, f3, 0x8000000000000000)
    fmax.d f3, f1, f2
    RESD(37, f3, 0)
    SETD(f1, 0x7FF8000000000000)
    SETD(f2, 0x3FF0000000000000)
    fmin.d f3, f1, f2
    RESD(38, f3, 0x3FF0000000000000)
    FLAGS(39, 0)
    SETD(f1, 0x7FF0000000000001)
    fmax.d f3, f2, f1
    RESD(40, f3, 0x3FF0000000000000)
    FLAGS(41, 16)
    fmax.d f3, f1, f1
    RESD(42, f3, 0x7FF8000000000000)
    FLAGS(43, 16)
    /* compares: FEQ is quiet, FLT/FLE signal on any NaN */
    SETD(f1, 0x7FF8000000000000)
    feq.d a0, f1, f2
    CHECK(44, a0, 0)
    FLAGS(45, 0)
    flt.d a0, f1, f2
    CHECK(46, a0, 0)
    FLAGS(47, 16)
    SETD(f1, 0x8000000000000000)
    fmv.d.x f2, zero
    feq.d a0, f1, f2
    CHECK(48, a0, 1)
    fle.d a0, f1, f2
    CHECK(49, a0, 1)
    flt.d a0, f1, f2
    CHECK(50, a0, 0)
    SETD(f1, 0x7FF0000000000001)
    feq.d a0, f1, f1
    FLAGS(51, 16)
    /* FCLASS */
    SETD(f1, 0xFFF0000000000000)
    fclass.d a0, f1
    CHECK(52, a0, 1)
    SETD(f1, 0x800FFFFFFFFFFFFF)
    fclass.d a0, f1
    CHECK(53, a0, 4)
    SETD(f1, 0x7FF0000000000001)
    fclass.d a0, f1
    CHECK(54, a0, 0x100)
    SETD(f1, 0x7FF8000000000000)
    fclass.d a0, f1
    CHECK(55, a0, 0x200)
    SETS(f1, 0x00000001)
    fclass.s a0, f1
    CHECK(56, a0, 0x20)
    /* NaN-boxing: an improperly boxed single reads as the canonical NaN; single results are boxed */
    li t0, 0x3F800000
    fmv.d.x f1, t0                   /* upper half zero: not a boxed single */
    fadd.s f2, f1, f1
    RESD(57, f2, 0xFFFFFFFF7FC00000)
    fsgnj.s f2, f1, f1
    RESD(58, f2, 0xFFFFFFFF7FC00000)
    fclass.s a0, f1
    CHECK(59, a0, 0x200)
    fmv.x.w a0, f1                   /* raw low bits, sign-extended */
    CHECK(60, a0, 0x3F800000)
    SETS(f1, 0xBF800000)
    fmv.x.w a0, f1
    CHECK(61, a0, 0xFFFFFFFFBF800000)
    RESD(62, f1, 0xFFFFFFFFBF800000)
    fcvt.d.s f2, f1
    RESD(63, f2, 0xBFF0000000000000)
    FLAGS(64, 0)
    /* single arithmetic */
    SETS(f1, 0x3F800000)
    SETS(f2, 0x40400000)
    fdiv.s f3, f1, f2
    RESD(65, f3, 0xFFFFFFFF3EAAAAAB)
    FLAGS(66, 1)
    fsgnjn.s f3, f3, f3
    RESD(67, f3, 0xFFFFFFFFBEAAAAAB)
    fsgnjx.s f4, f3, f3
    RESD(68, f4, 0xFFFFFFFF3EAAAAAB)
    /* loads and stores, compressed ones included */
    la sp, fdata
    fld f8, 0(sp)
    RESD(69, f8, 0x0123456789ABCDEF)
    flw f9, 8(sp)
    RESD(70, f9, 0xFFFFFFFF40490FDB)
    fsw f8, 16(sp)
    lwu a0, 16(sp)
    CHECK(71, a0, 0x89ABCDEF)
    c.fldsp f10, 0(sp)
    RESD(72, f10, 0x0123456789ABCDEF)
    c.fsdsp f9, 24(sp)
    ld a0, 24(sp)
    CHECK(73, a0, 0xFFFFFFFF40490FDB)
    mv s0, sp
    c.fld f11, 24(s0)
    RESD(74, f11, 0xFFFFFFFF40490FDB)
    c.fsd f8, 16(s0)
    ld a0, 16(sp)
    CHECK(75, a0, 0x0123456789ABCDEF)
    FLAGS(76, 0)
TEST_END
    .data
    .align 3
fdata:
    .dword 0x0123456789ABCDEF
    .word 0x40490FDB, 0
    .dword 0, 0
