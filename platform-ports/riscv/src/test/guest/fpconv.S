/* F and D conversions, rounding modes (static and dynamic) and their flags, in the style of
 * rv64uf/rv64ud fcvt and fcvt_w: saturation with NV, NX for inexact results, the five modes on
 * 1/3, 2.5 and sqrt 2. Expected values: IEEE 754-2008, unprivileged spec 20191213 section 11.7
 * (table 11.4, the saturated values) and section 12.5 (checked on QEMU). */
#include "env.h"
#define SETD(f, v) li t0, v; fmv.d.x f, t0
#define SETS(f, v) li t0, v; fmv.w.x f, t0
#define FLAGS(n, v) csrrw t5, fflags, zero; CHECK(n, t5, v)
#define RESD(n, f, v) fmv.x.d t4, f; CHECK(n, t4, v)
TEST_BEGIN
    li t0, 1 << 13
    csrs mstatus, t0
    csrw fcsr, zero
    /* 1/3 and -1/3 as singles in each static mode */
    SETS(f1, 0x3F800000)
    SETS(f2, 0x40400000)
    SETS(f5, 0xBF800000)
    fdiv.s f3, f1, f2, rne
    RESD(1, f3, 0xFFFFFFFF3EAAAAAB)
    fdiv.s f3, f1, f2, rtz
    RESD(2, f3, 0xFFFFFFFF3EAAAAAA)
    fdiv.s f3, f1, f2, rdn
    RESD(3, f3, 0xFFFFFFFF3EAAAAAA)
    fdiv.s f3, f1, f2, rup
    RESD(4, f3, 0xFFFFFFFF3EAAAAAB)
    fdiv.s f3, f1, f2, rmm
    RESD(5, f3, 0xFFFFFFFF3EAAAAAB)
    fdiv.s f3, f5, f2, rdn
    RESD(6, f3, 0xFFFFFFFFBEAAAAAB)
    fdiv.s f3, f5, f2, rup
    RESD(7, f3, 0xFFFFFFFFBEAAAAAA)
    fdiv.s f3, f5, f2, rtz
    RESD(8, f3, 0xFFFFFFFFBEAAAAAA)
    FLAGS(9, 1)
    /* the dynamic mode comes from frm */
    li t0, 1
    csrw frm, t0
    fdiv.s f3, f1, f2
    RESD(10, f3, 0xFFFFFFFF3EAAAAAA)
    li t0, 3
    csrw frm, t0
    fdiv.s f3, f1, f2
    RESD(11, f3, 0xFFFFFFFF3EAAAAAB)
    csrr a0, fcsr
    CHECK(12, a0, 0x61)
    /* overflow by mode: RTZ gives the largest finite, RDN +largest for positive, RUP -largest for negative */
    SETD(f1, 0x7FEFFFFFFFFFFFFF)
    SETD(f6, 0xFFEFFFFFFFFFFFFF)
    fadd.d f3, f1, f1, rtz
    RESD(13, f3, 0x7FEFFFFFFFFFFFFF)
    fadd.d f3, f1, f1, rdn
    RESD(14, f3, 0x7FEFFFFFFFFFFFFF)
    fadd.d f3, f6, f6, rup
    RESD(15, f3, 0xFFEFFFFFFFFFFFFF)
    fadd.d f3, f6, f6, rdn
    RESD(16, f3, 0xFFF0000000000000)
    FLAGS(17, 5)
    /* x - x is +0, but -0 when rounding down */
    SETD(f1, 0x3FF0000000000000)
    fsub.d f3, f1, f1, rne
    RESD(18, f3, 0)
    fsub.d f3, f1, f1, rdn
    RESD(19, f3, 0x8000000000000000)
    FLAGS(20, 0)
    /* float to integer: 2.5 and -2.5 in each mode */
    SETD(f1, 0x4004000000000000)
    SETD(f2, 0xC004000000000000)
    fcvt.l.d a0, f1, rne
    CHECK(21, a0, 2)
    fcvt.l.d a0, f1, rmm
    CHECK(22, a0, 3)
    fcvt.l.d a0, f1, rup
    CHECK(23, a0, 3)
    fcvt.l.d a0, f2, rdn
    CHECK(24, a0, -3)
    fcvt.l.d a0, f2, rtz
    CHECK(25, a0, -2)
    fcvt.w.d a0, f2, rmm
    CHECK(26, a0, -3)
    FLAGS(27, 1)
    /* saturation: NV, not NX */
    SETD(f1, 0x41E65A0BC0000000)     /* 3e9 */
    fcvt.w.d a0, f1, rtz
    CHECK(28, a0, 0x7FFFFFFF)
    FLAGS(29, 16)
    fcvt.wu.d a0, f1, rtz
    CHECK(30, a0, 0xFFFFFFFFB2D05E00) /* 3e9 fits: sign-extended 32-bit result */
    FLAGS(31, 0)
    SETD(f1, 0xBFF0000000000000)
    fcvt.wu.d a0, f1, rtz
    CHECK(32, a0, 0)
    FLAGS(33, 16)
    SETD(f1, 0xBFE0000000000000)     /* -0.5 -> 0 when truncated: only inexact */
    fcvt.lu.d a0, f1, rtz
    CHECK(34, a0, 0)
    FLAGS(35, 1)
    SETD(f1, 0x7FF8000000000000)
    fcvt.l.d a0, f1
    CHECK(36, a0, 0x7FFFFFFFFFFFFFFF)
    fcvt.wu.d a0, f1
    CHECK(37, a0, -1)
    SETS(f1, 0xFF800000)
    fcvt.w.s a0, f1
    CHECK(38, a0, 0xFFFFFFFF80000000)
    fcvt.lu.s a0, f1
    CHECK(39, a0, 0)
    FLAGS(40, 16)
    /* integer to float */
    li a0, 0x7FFFFFFFFFFFFFFF
    fcvt.d.l f3, a0, rne
    RESD(41, f3, 0x43E0000000000000)
    fcvt.d.l f3, a0, rtz
    RESD(42, f3, 0x43DFFFFFFFFFFFFF)
    FLAGS(43, 1)
    li a0, -1
    fcvt.d.wu f3, a0
    RESD(44, f3, 0x41EFFFFFFFE00000)
    fcvt.d.lu f3, a0, rtz
    RESD(45, f3, 0x43EFFFFFFFFFFFFF)
    fcvt.s.wu f3, a0, rne
    RESD(46, f3, 0xFFFFFFFF4F800000)
    fcvt.s.w f3, a0
    RESD(47, f3, 0xFFFFFFFFBF800000)
    FLAGS(48, 1)
    /* between the formats */
    SETD(f1, 0x3FD5555555555555)
    fcvt.s.d f3, f1, rne
    RESD(49, f3, 0xFFFFFFFF3EAAAAAB)
    fcvt.s.d f3, f1, rtz
    RESD(50, f3, 0xFFFFFFFF3EAAAAAA)
    FLAGS(51, 1)
    fcvt.d.s f4, f3
    RESD(52, f4, 0x3FD5555540000000)
    SETS(f1, 0xFF800001)             /* a signalling single NaN */
    fcvt.d.s f4, f1
    RESD(53, f4, 0x7FF8000000000000)
    FLAGS(54, 16)
    SETD(f1, 0x3690000000000000)     /* 2^-150, half the smallest single: up to it when rounding up */
    fcvt.s.d f3, f1, rup
    RESD(55, f3, 0xFFFFFFFF00000001)
    FLAGS(56, 3)
    /* a reserved rounding mode is an illegal instruction, statically (rm 5) or through frm (5..7) */
    USE_RECORDING_HANDLER
    EXPECT_TRAP(.word 0x00005053)    /* fadd.s f0, f0, f0 with rm = 5 */
    CHECK(57, s2, 2)
    CHECK(58, s3, 0x00005053)
    li t0, 6
    csrw frm, t0
    EXPECT_TRAP(fadd.d f3, f1, f1)
    CHECK(59, s2, 2)
    li t0, 0
    csrw frm, t0
    fadd.d f3, f1, f1
TEST_END
    .text
    .align 2
RECORDING_HANDLER
