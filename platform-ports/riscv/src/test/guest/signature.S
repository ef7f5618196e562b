/* The riscv-arch-test signature convention: the program writes its results between the symbols
 * begin_signature and end_signature; `warden exec --signature FILE` dumps that region one 32-bit
 * word per line in hex, as Spike's +signature does. */
#include "env.h"
TEST_BEGIN
    la s0, begin_signature
    li a0, 0x12345678
    sw a0, 0(s0)
    li a0, -1
    sw a0, 4(s0)
    li a0, 0xCAFEF00DDEADBEEF
    sd a0, 8(s0)
TEST_END
    .data
    .align 4
    .globl begin_signature
begin_signature:
    .word 0, 0, 0, 0, 0x0badc0de
    .globl end_signature
end_signature:
    .word 0
