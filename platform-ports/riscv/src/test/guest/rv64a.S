/* RV64A: LR/SC reservations and every AMO, word and doubleword, with sign extension. */
#include "env.h"
TEST_BEGIN
    la s0, words
    li a0, 10
    sd a0, 0(s0)
    lr.d a1, (s0)
    CHECK(1, a1, 10)
    li a2, 11
    sc.d a3, a2, (s0)
    CHECK(2, a3, 0)            /* success writes 0 */
    ld a1, 0(s0)
    CHECK(3, a1, 11)
    sc.d a3, a2, (s0)          /* the reservation is gone */
    CHECK(4, a3, 1)
    lr.w a1, (s0)
    addi t0, s0, 8
    sc.w a3, a2, (t0)          /* another address fails */
    CHECK(5, a3, 1)
    li a0, -2
    sw a0, 8(s0)
    addi t0, s0, 8
    lr.w a1, (t0)
    CHECK(6, a1, -2)
    li a0, 5
    amoswap.w a1, a0, (t0)
    CHECK(7, a1, -2)
    amoadd.w a1, a0, (t0)
    CHECK(8, a1, 5)
    lw a1, 0(t0)
    CHECK(9, a1, 10)
    li a0, 0xff
    amoxor.w a1, a0, (t0)
    amoand.w a1, a0, (t0)
    CHECK(10, a1, 0xf5)
    li a0, 0x100
    amoor.w a1, a0, (t0)
    lw a1, 0(t0)
    CHECK(11, a1, 0x1f5)
    li a0, -1
    amomin.w a1, a0, (t0)
    lw a1, 0(t0)
    CHECK(12, a1, -1)
    li a0, 3
    amomax.w a1, a0, (t0)
    lw a1, 0(t0)
    CHECK(13, a1, 3)
    li a0, -1
    amominu.w a1, a0, (t0)     /* 3 < 0xffffffff unsigned */
    lw a1, 0(t0)
    CHECK(14, a1, 3)
    amomaxu.w a1, a0, (t0)
    lw a1, 0(t0)
    CHECK(15, a1, -1)
    li a0, 0x100000000
    sd a0, 0(s0)
    li a2, 1
    amoadd.d a1, a2, (s0)
    CHECK(16, a1, 0x100000000)
    ld a1, 0(s0)
    CHECK(17, a1, 0x100000001)
    li a2, -5
    amomin.d a1, a2, (s0)
    amomaxu.d a1, zero, (s0)
    ld a1, 0(s0)
    CHECK(18, a1, -5)
    amominu.d a1, zero, (s0)
    amomax.d a1, a2, (s0)
    ld a1, 0(s0)
    CHECK(19, a1, 0)
    amoswap.d a1, a2, (s0)
    amoxor.d a1, a2, (s0)
    amoor.d a1, a2, (s0)
    amoand.d a1, a2, (s0)
    ld a1, 0(s0)
    CHECK(20, a1, -5)          /* swap -5, xor 0, or -5, and -5 */
TEST_END
    .data
    .align 3
words: .dword 0, 0
