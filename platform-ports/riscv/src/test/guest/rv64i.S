/* RV64I: every computational, control-transfer, load and store instruction, and x0. */
#include "env.h"
TEST_BEGIN
    li a0, 5
    addi a1, a0, -7
    CHECK(1, a1, -2)
    slti a2, a1, 0
    CHECK(2, a2, 1)
    sltiu a2, a1, 1           /* -2 unsigned is huge */
    CHECK(3, a2, 0)
    xori a2, a0, -1
    CHECK(4, a2, -6)
    ori a2, a0, 0x30
    CHECK(5, a2, 0x35)
    andi a2, a1, 0x7f
    CHECK(6, a2, 0x7e)
    slli a2, a0, 62
    CHECK(7, a2, 0x4000000000000000)
    li a3, -16
    srli a2, a3, 60
    CHECK(8, a2, 0xf)
    srai a2, a3, 2
    CHECK(9, a2, -4)
    li a3, 0x7fffffff
    addiw a2, a3, 1
    CHECK(10, a2, 0xffffffff80000000)
    slliw a2, a0, 31
    CHECK(11, a2, 0xffffffff80000000)
    li a3, 0xffffffff80000000
    srliw a2, a3, 4
    CHECK(12, a2, 0x08000000)
    sraiw a2, a3, 4
    CHECK(13, a2, 0xfffffffff8000000)
    li a4, 3
    add a2, a0, a4
    CHECK(14, a2, 8)
    sub a2, a4, a0
    CHECK(15, a2, -2)
    li a4, 65                /* shift amounts use the low 6 bits */
    sll a2, a0, a4
    CHECK(16, a2, 10)
    slt a2, a1, a0
    CHECK(17, a2, 1)
    sltu a2, a1, a0
    CHECK(18, a2, 0)
    xor a2, a0, a1
    CHECK(19, a2, -5)
    srl a2, a1, a4
    CHECK(20, a2, 0x7fffffffffffffff)
    sra a2, a1, a4
    CHECK(21, a2, -1)
    or a2, a0, a1
    CHECK(22, a2, -1)
    and a2, a0, a1
    CHECK(23, a2, 4)
    li a3, 0x7fffffff
    li a4, 1
    addw a2, a3, a4
    CHECK(24, a2, 0xffffffff80000000)
    subw a2, zero, a4
    CHECK(25, a2, -1)
    li a4, 33                /* W shifts use the low 5 bits */
    sllw a2, a0, a4
    CHECK(26, a2, 10)
    li a3, 0xffffffff80000000
    srlw a2, a3, a4
    CHECK(27, a2, 0x40000000)
    sraw a2, a3, a4
    CHECK(28, a2, 0xffffffffc0000000)
    lui a2, 0x80000
    CHECK(29, a2, 0xffffffff80000000)
1:  auipc a2, 0
    la a3, 1b
    CHECKR(30, a2, a3)
    /* x0 stays zero */
    addi zero, a0, 1
    CHECK(31, zero, 0)
    /* branches: taken and not taken, signed and unsigned */
    li a0, -1
    li a1, 1
    li TESTNUM, 32
    beq a0, a1, fail
    bne a0, a0, fail
    blt a1, a0, fail
    bge a0, a1, fail
    bltu a0, a1, fail
    bgeu a1, a0, fail
    beq a0, a0, 2f
    j fail
2:  bne a0, a1, 2f
    j fail
2:  blt a0, a1, 2f
    j fail
2:  bge a1, a0, 2f
    j fail
2:  bltu a1, a0, 2f
    j fail
2:  bgeu a0, a1, 2f
    j fail
2:  bge a0, a0, 2f
    j fail
    /* jal and jalr link the next instruction; jalr clears bit 0 of the target */
2:  jal ra, 3f
4:  j fail
3:  la a2, 4b
    CHECKR(33, ra, a2)
    la a3, 5f
    addi a3, a3, 1
    jalr t0, 0(a3)
6:  j fail
5:  la a2, 6b
    CHECKR(34, t0, a2)
    /* loads and stores of every width, sign and zero extension */
    la s0, data
    li a0, 0x8081828384858687
    sd a0, 0(s0)
    lb a1, 0(s0)
    CHECK(35, a1, 0xffffffffffffff87)
    lbu a1, 0(s0)
    CHECK(36, a1, 0x87)
    lh a1, 2(s0)
    CHECK(37, a1, 0xffffffffffff8485)
    lhu a1, 2(s0)
    CHECK(38, a1, 0x8485)
    lw a1, 4(s0)
    CHECK(39, a1, 0xffffffff80818283)
    lwu a1, 4(s0)
    CHECK(40, a1, 0x80818283)
    ld a1, 0(s0)
    CHECKR(41, a1, a0)
    li a2, 0x11
    sb a2, 1(s0)
    li a2, 0x2233
    sh a2, 2(s0)
    li a2, 0x44556677
    sw a2, 4(s0)
    ld a1, 0(s0)
    CHECK(42, a1, 0x4455667722331187)
    lb a1, -8(s0)           /* negative offsets */
    CHECK(43, a1, 0x5a)
    /* fence and fence.i retire as no-ops for data */
    fence
    fence.i
    li TESTNUM, 44
TEST_END
    .data
    .byte 0x5a, 0, 0, 0, 0, 0, 0, 0
data: .dword 0
