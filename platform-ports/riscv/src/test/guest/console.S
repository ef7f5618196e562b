/* HTIF console: device 1, command 1 prints the low byte; the host acknowledges in fromhost. */
#include "env.h"
TEST_BEGIN
    la s0, message
    la s1, tohost
    la s2, fromhost
    li s3, (1 << 56) | (1 << 48)
1:  lbu a0, 0(s0)
    beqz a0, 3f
    or a0, a0, s3
    sd a0, 0(s1)
2:  ld a1, 0(s2)               /* wait for the acknowledgement */
    beqz a1, 2b
    sd zero, 0(s2)
    ld a1, 0(s1)
    CHECK(1, a1, 0)            /* the host cleared tohost */
    addi s0, s0, 1
    j 1b
3:
TEST_END
    .data
message: .string "hello from the hart\n"
