/* Privilege: dropping to S and U with mret, ecall causes, delegation to S, sret, privileged-only
 * instructions and CSRs from lower modes, counter enables. */
#include "env.h"
/* Enters mode (0 = U, 1 = S) at label with mret. */
#define ENTER(mode, label)         \
    li t0, 0x1800;                 \
    csrc mstatus, t0;              \
    li t0, (mode) << 11;           \
    csrs mstatus, t0;              \
    la t0, label;                  \
    csrw mepc, t0;                 \
    mret

TEST_BEGIN
    USE_RECORDING_HANDLER
    /* ecall from U: cause 8, MPP = U */
    la s5, 1f
    ENTER(0, 2f)
2:  ecall
    j fail
1:  CHECK(1, s2, 8)
    srli a0, s8, 11
    andi a0, a0, 3
    CHECK(2, a0, 0)
    /* ecall from S: cause 9, MPP = S */
    la s5, 1f
    ENTER(1, 2f)
2:  ecall
    j fail
1:  CHECK(3, s2, 9)
    srli a0, s8, 11
    andi a0, a0, 3
    CHECK(4, a0, 1)
    /* U-mode: reading mstatus, mret, sret, wfi are illegal; mtval = the instruction */
    la s5, 1f
    ENTER(0, 2f)
2:  csrr a0, mstatus
    j fail
1:  CHECK(5, s2, 2)
    CHECK(6, s3, 0x30002573)
    la s5, 1f
    ENTER(0, 2f)
2:  mret
    j fail
1:  CHECK(7, s2, 2)
    la s5, 1f
    ENTER(0, 2f)
2:  sret
    j fail
1:  CHECK(8, s2, 2)
    la s5, 1f
    ENTER(0, 2f)
2:  wfi
    j fail
1:  CHECK(9, s2, 2)
    /* S-mode: mret illegal; sret illegal with TSR; satp illegal with TVM; wfi illegal with TW */
    la s5, 1f
    ENTER(1, 2f)
2:  mret
    j fail
1:  CHECK(10, s2, 2)
    li t1, 0x700000            /* TVM, TW, TSR */
    csrs mstatus, t1
    la s5, 1f
    ENTER(1, 2f)
2:  sret
    j fail
1:  CHECK(11, s2, 2)
    la s5, 1f
    ENTER(1, 2f)
2:  csrr a0, satp
    j fail
1:  CHECK(12, s2, 2)
    la s5, 1f
    ENTER(1, 2f)
2:  wfi
    j fail
1:  CHECK(13, s2, 2)
    la s5, 1f
    ENTER(1, 2f)
2:  sfence.vma
    j fail
1:  CHECK(14, s2, 2)
    li t1, 0x700000
    csrc mstatus, t1
    /* counters: cycle from U needs mcounteren.CY and scounteren.CY */
    la s5, 1f
    ENTER(0, 2f)
2:  rdcycle a0
    j fail
1:  CHECK(15, s2, 2)
    csrwi mcounteren, 7
    csrwi scounteren, 7
    la s5, 1f
    ENTER(0, 2f)
2:  rdinstret a0
    rdtime a1
    ecall
1:  CHECK(16, s2, 8)
    /* delegation: ecall from U goes to S when medeleg bit 8 is set */
    li t0, 1 << 8
    csrw medeleg, t0
    la t0, s_handler
    csrw stvec, t0
    la s5, 1f
    ENTER(0, 2f)
2:  ecall
    j fail
s_back:                        /* S-mode, after s_handler's checks */
    ecall                      /* ecall from S is not delegated: M, cause 9 */
1:  CHECK(17, s2, 9)
    CHECK(18, s6, 8)           /* scause seen by the S handler */
    CHECK(19, s7, 0)           /* sstatus.SPP = U */
    /* sret returns to U at sepc with SIE = SPIE */
    la t0, 3f
    csrw sepc, t0
    li t0, 0x120               /* SPP = S, SPIE = 1 */
    csrs sstatus, t0
    csrw medeleg, zero
    la s5, 1f
    ENTER(1, 2f)
2:  sret
3:  ecall                      /* back in S (SPP was S) */
1:  CHECK(20, s2, 9)
    csrr a0, sstatus
    andi a0, a0, 0x122
    CHECK(21, a0, 0x22)        /* SIE = old SPIE = 1, SPIE = 1, SPP = U */
    /* medeleg cannot delegate ecall from M; mideleg holds only S interrupts */
    li t0, -1
    csrw medeleg, t0
    csrr a0, medeleg
    CHECK(22, a0, 0xb3ff)
    csrw mideleg, t0
    csrr a0, mideleg
    CHECK(23, a0, 0x222)
    csrw medeleg, zero
    csrw mideleg, zero
    /* sstatus is a view of mstatus */
    csrr a0, sstatus
    li t0, 0x8000000000000000
    csrs sstatus, 2            /* SIE */
    csrr a1, mstatus
    andi a1, a1, 2
    CHECK(24, a1, 2)
    csrc mstatus, 2
    /* MPP = 2 is reserved: reads as U */
    li t0, 0x1000
    csrc mstatus, t0
    li t0, 0x1000
    csrs mstatus, t0
    csrr a0, mstatus
    srli a0, a0, 11
    andi a0, a0, 3
    CHECK(25, a0, 0)
TEST_END
    .align 2
RECORDING_HANDLER
    .align 2
s_handler:
    csrr s6, scause
    csrr s7, sstatus
    andi s7, s7, 0x100
    la t0, s_back
    csrw sepc, t0
    li t0, 0x100               /* return to S */
    csrs sstatus, t0
    sret
