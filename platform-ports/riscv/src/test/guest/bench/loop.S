/* Benchmark: a tight integer loop of 4 instructions per iteration, 50 million iterations. */
#include "env.h"
TEST_BEGIN
    li a0, 50000000
    li a1, 0
1:  addi a1, a1, 3
    xor a2, a1, a0
    addi a0, a0, -1
    bnez a0, 1b
    li TESTNUM, 1
    beqz a2, fail
TEST_END
