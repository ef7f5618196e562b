/* Exceptions in M-mode: cause, mtval and mepc of each; mret resumes. */
#include "env.h"
TEST_BEGIN
    USE_RECORDING_HANDLER
    /* illegal instruction: mtval holds the instruction bits */
    EXPECT_TRAP(.word 0x0000000b)
    CHECK(1, s2, 2)
    CHECK(2, s3, 0x0000000b)
    la t0, 8b
    CHECKR(3, s4, t0)
    /* the all-zero halfword is illegal, mtval = 0 */
    EXPECT_TRAP(.half 0; .half 0)
    CHECK(4, s2, 2)
    CHECK(5, s3, 0)
    /* writing a read-only CSR */
    EXPECT_TRAP(csrw mvendorid, a0)
    CHECK(6, s2, 2)
    CHECK(7, s3, 0xf1151073)
    /* a CSR of an extension this hart does not have (hgatp, H) */
    EXPECT_TRAP(csrr a0, 0x680)
    CHECK(8, s2, 2)
    /* misaligned loads and stores are performed (hardware-misaligned option), also across a page */
    la s0, tdata
    addi a1, s0, 1
    li a0, 0x1122334455667788
    sd a0, 0(a1)
    lw a2, 0(a1)
    CHECK(9, a2, 0x55667788)
    lhu a2, 5(s0)
    CHECK(10, a2, 0x3344)
    ld a2, 0(s0)
    CHECK(11, a2, 0x2233445566778800)
    la a1, page_end
    addi a1, a1, -3
    sd a0, 0(a1)
    ld a2, 0(a1)
    CHECKR(12, a2, a0)
    /* misaligned AMOs and LR raise the address-misaligned exceptions, mtval = the address */
    addi a1, s0, 1
    EXPECT_TRAP(amoadd.w a0, a0, (a1))
    CHECK(13, s2, 6)
    CHECKR(33, s3, a1)
    EXPECT_TRAP(lr.d a0, (a1))
    CHECK(14, s2, 4)
    /* nothing decodes the address: access faults */
    li a1, 0x1000
    EXPECT_TRAP(ld a0, 0(a1))
    CHECK(15, s2, 5)
    CHECK(16, s3, 0x1000)
    EXPECT_TRAP(sw a0, 0(a1))
    CHECK(17, s2, 7)
    CHECK(18, s3, 0x1000)
    EXPECT_TRAP(jalr a1)
    CHECK(19, s2, 1)
    CHECK(20, s3, 0x1000)
    CHECK(21, s4, 0x1000)
    /* ecall from M, ebreak: mtval = pc for ebreak */
    EXPECT_TRAP(ecall)
    CHECK(22, s2, 11)
    CHECK(23, s3, 0)
3:  EXPECT_TRAP(ebreak)
    CHECK(24, s2, 3)
    CHECKR(25, s3, s4)
    EXPECT_TRAP(c.ebreak)
    CHECK(26, s2, 3)
    /* mstatus stacking: MIE -> MPIE, MIE cleared, MPP = M; mret restores MIE from MPIE */
    csrsi mstatus, 8
    EXPECT_TRAP(ecall)
    li t0, 0x1888
    and a0, s8, t0
    CHECK(27, a0, 0x1880)   /* in the handler: MPIE = old MIE = 1, MIE = 0, MPP = M */
    csrr a0, mstatus
    and a0, a0, t0
    CHECK(32, a0, 0x0080)   /* after mret (MPIE cleared by the handler): MIE = 0, MPIE = 1, MPP = U */
    csrci mstatus, 8
    /* vectored mtvec: exceptions still go to BASE */
    la t0, recording_handler
    ori t0, t0, 1
    csrw mtvec, t0
    EXPECT_TRAP(ecall)
    CHECK(28, s2, 11)
    /* mepc ignores bit 0; misa says RV64 IMAFDC SU */
    li a0, 0x80000001
    csrw mepc, a0
    csrr a0, mepc
    CHECK(29, a0, 0x80000000)
    csrr a0, misa
    li t0, 0x800000000014112D
    CHECKR(30, a0, t0)
    csrr a0, mhartid
    CHECK(31, a0, 0)
TEST_END
    .align 2
RECORDING_HANDLER
    .data
    .align 3
tdata: .dword 0, 0
    .balign 4096
    .space 4088
page_end: .dword 0, 0
