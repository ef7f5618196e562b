/* RV64M: products, high products of every signedness, division and remainder edge cases. */
#include "env.h"
TEST_BEGIN
    li a0, -3
    li a1, 7
    mul a2, a0, a1
    CHECK(1, a2, -21)
    li a0, 0x7fffffffffffffff
    li a1, 4
    mulh a2, a0, a1
    CHECK(2, a2, 1)
    li a0, -1
    li a1, -1
    mulh a2, a0, a1
    CHECK(3, a2, 0)
    mulhu a2, a0, a1
    CHECK(4, a2, 0xfffffffffffffffe)
    mulhsu a2, a0, a1          /* -1 * (2^64-1) = -(2^64-1): high word -1 */
    CHECK(5, a2, -1)
    li a0, 5
    mulhsu a2, a0, a1          /* 5 * (2^64-1): high word 4 */
    CHECK(6, a2, 4)
    li a0, -7
    li a1, 2
    div a2, a0, a1
    CHECK(7, a2, -3)
    rem a2, a0, a1
    CHECK(8, a2, -1)
    divu a2, a0, a1
    CHECK(9, a2, 0x7ffffffffffffffc)
    remu a2, a0, a1
    CHECK(10, a2, 1)
    div a2, a0, zero           /* division by zero */
    CHECK(11, a2, -1)
    divu a2, a0, zero
    CHECK(12, a2, -1)
    rem a2, a0, zero
    CHECK(13, a2, -7)
    remu a2, a0, zero
    CHECK(14, a2, -7)
    li a0, 0x8000000000000000  /* signed overflow */
    li a1, -1
    div a2, a0, a1
    CHECKR(15, a2, a0)
    rem a2, a0, a1
    CHECK(16, a2, 0)
    li a0, 0x10000
    mulw a2, a0, a0            /* 2^32 truncated to 0 */
    CHECK(17, a2, 0)
    li a0, 0x7fffffff
    li a1, 3
    mulw a2, a0, a1
    CHECK(18, a2, 0x7ffffffd)
    li a0, 0x80000000
    li a1, -1
    divw a2, a0, a1
    CHECK(19, a2, 0xffffffff80000000)
    remw a2, a0, a1
    CHECK(20, a2, 0)
    divuw a2, a0, a1           /* 0x80000000 / 0xffffffff = 0 */
    CHECK(21, a2, 0)
    remuw a2, a0, a1
    CHECK(22, a2, 0xffffffff80000000)
    divw a2, a0, zero
    CHECK(23, a2, -1)
    remw a2, a0, zero
    CHECK(24, a2, 0xffffffff80000000)
    divuw a2, a0, zero
    CHECK(25, a2, -1)
    remuw a2, a0, zero
    CHECK(26, a2, 0xffffffff80000000)
    li a0, -20
    li a1, 6
    divw a2, a0, a1
    CHECK(27, a2, -3)
    remw a2, a0, a1
    CHECK(28, a2, -2)
TEST_END
