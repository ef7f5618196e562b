/* RV64C: the compressed forms expand to their base instructions. */
#include "env.h"
TEST_BEGIN
    .option push
    .option rvc
    la s0, cdata
    c.li a0, -3
    CHECK(1, a0, -3)
    c.addi a0, 5
    CHECK(2, a0, 2)
    c.addiw a0, -3
    CHECK(3, a0, -1)
    c.lui a1, 0x1f
    CHECK(4, a1, 0x1f000)
    c.lui a1, 0xfffe0
    CHECK(5, a1, 0xfffffffffffe0000)
    c.mv a2, a0
    CHECK(6, a2, -1)
    c.add a2, a0
    CHECK(7, a2, -2)
    li a3, 6
    li a4, 3
    c.sub a3, a4
    CHECK(8, a3, 3)
    c.xor a3, a4
    CHECK(9, a3, 0)
    c.or a3, a4
    c.and a3, a4
    CHECK(10, a3, 3)
    li a3, 0x7fffffff
    c.addw a3, a4
    CHECK(11, a3, 0xffffffff80000002)
    c.subw a3, a4
    CHECK(12, a3, 0x7fffffff)
    c.slli a3, 33
    CHECK(13, a3, 0xfffffffe00000000)
    c.srli a3, 32
    CHECK(14, a3, 0xfffffffe)
    li a3, -8
    c.srai a3, 2
    CHECK(15, a3, -2)
    c.andi a3, 0x1c
    CHECK(16, a3, 0x1c)
    c.sw a3, 4(s0)
    c.lw a4, 4(s0)
    CHECK(17, a4, 0x1c)
    li a5, -9
    c.sd a5, 8(s0)
    c.ld a4, 8(s0)
    CHECK(18, a4, -9)
    mv t1, sp
    mv sp, s0
    c.addi16sp sp, 32
    c.addi4spn a2, sp, 8
    addi t2, s0, 40
    CHECKR(19, a2, t2)
    c.swsp a3, 0(sp)
    c.lwsp a4, 0(sp)
    CHECK(20, a4, 0x1c)
    c.sdsp a5, 8(sp)
    c.ldsp a4, 8(sp)
    CHECK(21, a4, -9)
    mv sp, t1
    li a0, 0
    c.beqz a0, 1f
    j fail
1:  c.bnez a0, fail
    c.j 1f
    j fail
1:  la t0, 2f
    c.jalr t0
3:  j 4f
2:  la t2, 3b
    CHECKR(22, ra, t2)
    c.jr ra
4:  la t0, 5f
    c.jr t0
    j fail
5:  c.nop
    .option pop
TEST_END
    .data
    .align 4
cdata: .dword 0, 0, 0, 0, 0, 0, 0, 0
