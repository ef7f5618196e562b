/* Interrupts: CLINT timer and software interrupts, WFI, mie/mstatus.MIE gating, vectored mtvec,
 * priority (MSI before MTI), delegation of supervisor interrupts (STIP, SSIP) to S-mode. */
#include "env.h"
#define CLINT_MSIP 0x2000000
#define CLINT_MTIMECMP 0x2004000
#define CLINT_MTIME 0x200bff8
TEST_BEGIN
    USE_RECORDING_HANDLER
    li s0, CLINT_MTIMECMP
    li s1, CLINT_MTIME
    li t0, -1
    sd t0, 0(s0)               /* no timer yet */
    /* mtime advances */
    ld a0, 0(s1)
    li t1, 2000
1:  addi t1, t1, -1
    bnez t1, 1b
    ld a1, 0(s1)
    li TESTNUM, 1
    bgeu a0, a1, fail
    /* timer: pending but masked while MIE = 0 */
    ld a0, 0(s1)
    addi a0, a0, 5
    sd a0, 0(s0)
    li t0, 0x80
    csrs mie, t0               /* MTIE */
    li t1, 2000
1:  addi t1, t1, -1
    bnez t1, 1b
    csrr a0, mip
    andi a0, a0, 0x80
    CHECK(2, a0, 0x80)         /* MTIP visible in mip */
    /* enabling MIE takes it: mcause = interrupt 7, mepc = the next instruction */
    la s5, 2f
    li s2, -1
    csrsi mstatus, 8
1:  j 1b                       /* the interrupt breaks the loop (mepc ignored: resume at s5) */
2:  li t0, 0x8000000000000007
    CHECKR(3, s2, t0)
    CHECK(4, s3, 0)
    csrr a0, mstatus
    andi a0, a0, 8
    CHECK(5, a0, 0)            /* the handler resumed with MIE = MPIE = 0 */
    li t0, -1
    sd t0, 0(s0)               /* clears MTIP */
    csrr a0, mip
    andi a0, a0, 0x80
    CHECK(6, a0, 0)
    /* WFI waits for the timer: it wakes with MIE = 0, no trap taken */
    ld a0, 0(s1)
    addi a0, a0, 1000
    sd a0, 0(s0)
    wfi
    ld a1, 0(s1)
    li TESTNUM, 7
    bltu a1, a0, fail
    li t0, -1
    sd t0, 0(s0)
    /* software interrupt through msip, vectored mode: handler at BASE + 4 * 3 */
    la t0, vectors
    ori t0, t0, 1
    csrw mtvec, t0
    li t0, 0x8
    csrs mie, t0               /* MSIE */
    li s2, -1
    la s5, 2f
    li t0, CLINT_MSIP
    li t1, 1
    sw t1, 0(t0)
    csrsi mstatus, 8
1:  j 1b
2:  CHECK(8, s6, 3)            /* which vector ran */
    li t0, 0x8000000000000003
    CHECKR(9, s2, t0)
    /* both MSIP and MTIP pending: MSI is taken first */
    ld a0, 0(s1)
    sd a0, 0(s0)               /* MTIP now */
    li s2, -1
    la s5, 2f
    csrsi mstatus, 8
1:  j 1b
2:  CHECK(10, s6, 3)
    li t0, CLINT_MSIP
    sw zero, 0(t0)
    li s2, -1
    la s5, 2f
    csrsi mstatus, 8
1:  j 1b
2:  CHECK(11, s6, 7)
    li t0, -1
    sd t0, 0(s0)
    la t0, recording_handler
    csrw mtvec, t0
    /* a supervisor timer interrupt (STIP set by M) delegated to S, taken in U-mode */
    li t0, 0x20
    csrw mideleg, t0
    csrs mie, t0               /* STIE */
    la t0, s_handler
    csrw stvec, t0
    li t0, 0x20
    csrs mip, t0               /* STIP */
    li s6, -1
    la s5, 2f
    li t0, 0x1800
    csrc mstatus, t0           /* MPP = U */
    la t0, 1f
    csrw mepc, t0
    mret
1:  j 1b                       /* U-mode: S interrupts are enabled below S */
2:  li t0, 0x8000000000000005
    CHECKR(12, s6, t0)         /* scause seen by the S handler */
    CHECK(13, s2, 9)           /* the S handler's ecall reached M */
    /* in M-mode a delegated interrupt is not taken */
    csrsi mstatus, 8
    nop
    csrci mstatus, 8
    li t0, 0x20
    csrc mip, t0
    csrw mideleg, zero
    /* sip.SSIP is writable from S when delegated; sie is a view of mie */
    li t0, 0x2
    csrw mideleg, t0
    csrw sie, t0
    csrr a0, mie
    andi a0, a0, 2
    CHECK(14, a0, 2)
    csrw sie, zero
    li t0, 0x20
    csrw sie, t0               /* STIE is not delegated now: unchanged */
    csrr a0, mie
    andi a0, a0, 0x22
    CHECK(15, a0, 0x20)
TEST_END
    .align 2
RECORDING_HANDLER
    .align 2
s_handler:
    csrr s6, scause
    li t0, 0x20
    ecall
    .align 6
    .option push
    .option norvc
vectors:
    j vec0
    j vec1
    j vec2
    j vec3
    j vec4
    j vec5
    j vec6
    j vec7
    .option pop
vec0: li s6, 0; j recording_handler
vec1: li s6, 1; j recording_handler
vec2: li s6, 2; j recording_handler
vec3: li s6, 3; li t0, CLINT_MSIP; j recording_handler
vec4: li s6, 4; j recording_handler
vec5: li s6, 5; j recording_handler
vec6: li s6, 6; j recording_handler
vec7: li s6, 7; li t0, -1; li t1, CLINT_MTIMECMP; sd t0, 0(t1); j recording_handler
