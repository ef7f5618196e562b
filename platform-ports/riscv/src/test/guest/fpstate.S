/* The floating-point state (privileged spec 1.12 section 3.1.6.6): with mstatus.FS = Off every F/D
 * instruction and fflags/frm/fcsr access is illegal (mtval = the instruction bits, 16 of them for a
 * compressed one); writing an f register or fflags makes FS Dirty and sets SD (also in sstatus);
 * misa reports F and D; misaligned FP loads and stores are performed. */
#include "env.h"
#define FLAGS(n, v) csrrw t5, fflags, zero; CHECK(n, t5, v)
TEST_BEGIN
    USE_RECORDING_HANDLER
    csrr a0, misa
    andi a0, a0, 0x28
    CHECK(1, a0, 0x28)
    csrr a0, mstatus
    srli a0, a0, 13
    andi a0, a0, 3
    CHECK(2, a0, 0)                  /* FS is Off from reset */
    EXPECT_TRAP(fadd.d f1, f2, f3)
    CHECK(3, s2, 2)
    li t1, 0x023170D3                /* fadd.d f1, f2, f3 (rm = dyn) */
    CHECKR(4, s3, t1)
    EXPECT_TRAP(csrr a0, fflags)
    CHECK(5, s2, 2)
    la sp, fdata
    EXPECT_TRAP(c.fldsp f8, 0(sp))
    CHECK(6, s2, 2)
    CHECK(7, s3, 0x2402)
    EXPECT_TRAP(fmv.x.d a0, f1)
    CHECK(8, s2, 2)
    /* FS = Initial: a read leaves it, a write makes it Dirty with SD */
    li t0, 1 << 13
    csrs mstatus, t0
    fmv.x.d a0, f1
    csrr a0, mstatus
    srli a1, a0, 13
    andi a1, a1, 3
    CHECK(9, a1, 1)
    bltz a0, fail
    fmv.d.x f1, zero
    csrr a0, mstatus
    srli a1, a0, 13
    andi a1, a1, 3
    CHECK(10, a1, 3)
    li TESTNUM, 11
    bgez a0, fail
    csrr a0, sstatus
    li TESTNUM, 12
    bgez a0, fail
    /* FS = Clean, then fflags written: Dirty */
    li t0, 1 << 14
    csrc mstatus, t0
    csrr a0, mstatus
    li TESTNUM, 13
    bltz a0, fail
    csrwi fflags, 1
    csrr a0, mstatus
    srli a1, a0, 13
    andi a1, a1, 3
    CHECK(14, a1, 3)
    csrr a0, fcsr
    CHECK(15, a0, 1)
    csrwi frm, 7                     /* frm holds 3 bits, 7 is stored (and illegal only when used) */
    csrr a0, fcsr
    CHECK(16, a0, 0xE1)
    csrw fcsr, zero
    /* misaligned FP loads and stores are performed (FLW boxes) */
    li t1, 0x400921FB54442D18
    sd t1, 0(sp)
    sd zero, 8(sp)
    fld f1, 0(sp)
    addi a1, sp, 1
    fsd f1, 0(a1)
    fld f2, 0(a1)
    fmv.x.d a0, f2
    CHECKR(17, a0, t1)
    fsw f1, 2(a1)
    flw f3, 2(a1)
    fmv.x.d a0, f3
    CHECK(18, a0, 0xFFFFFFFF54442D18)
    /* FS = Off again: flw is illegal and leaves f registers alone */
    li t0, 3 << 13
    csrc mstatus, t0
    EXPECT_TRAP(flw f1, 0(sp))
    CHECK(21, s2, 2)
    li t0, 3 << 13                   /* the handler clobbered t0 */
    csrs mstatus, t0
    fmv.x.d a0, f1
    li t1, 0x400921FB54442D18
    CHECKR(22, a0, t1)
TEST_END
    .text
    .align 2
RECORDING_HANDLER
    .data
    .align 3
fdata:
    .dword 0, 0
