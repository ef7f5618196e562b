/* PMP on real accesses: S/U denied without a matching entry, per-entry R/W/X, NA4, NAPOT and TOR,
 * priority of the lowest entry, locked entries binding M-mode, partial overlap failing. */
#include "env.h"
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
    la s0, pdata
    /* entry 0: NA4 over pdata, read-only; entry 1: NAPOT over everything, RWX */
    srli t0, s0, 2
    csrw pmpaddr0, t0
    li t0, -1
    csrw pmpaddr1, t0
    li t0, (0x1f << 8) | 0x11      /* entry 1: NAPOT RWX, entry 0: NA4 R */
    csrw pmpcfg0, t0
    csrr a0, pmpcfg0
    li t0, 0x1f11
    CHECKR(1, a0, t0)
    /* U-mode: read pdata fine, write faults with cause 7, mtval = address */
    la s5, 1f
    ENTER(0, 2f)
2:  lw a1, 0(s0)
    sw a1, 0(s0)
    j fail
1:  CHECK(2, s2, 7)
    CHECKR(3, s3, s0)
    /* an 8-byte access only half inside the 4-byte entry fails even though entry 1 allows it */
    la s5, 1f
    ENTER(1, 2f)
2:  ld a1, 0(s0)
    j fail
1:  CHECK(4, s2, 5)
    /* M-mode ignores unlocked entries */
    sw a1, 0(s0)
    /* fetch: entry 1 without X: U fetch faults with cause 1 */
    li t0, (0x1b << 8) | 0x11      /* entry 1 NAPOT RW */
    csrw pmpcfg0, t0
    la s5, 1f
    ENTER(0, 2f)
2:  nop
    j fail
1:  CHECK(5, s2, 1)
    la t0, 2b
    CHECKR(6, s3, t0)
    /* no matching entry: S and U fail, M succeeds */
    csrw pmpcfg0, zero
    la s5, 1f
    ENTER(1, 2f)
2:  nop
    j fail
1:  CHECK(7, s2, 1)
    lw a1, 0(s0)
    /* a locked entry binds M-mode: NA4 over pdata, locked, no permissions; entry 1 TOR from pdata up */
    li t0, (0x0f << 8) | 0x90
    csrw pmpcfg0, t0
    li s2, -1
    EXPECT_TRAP(lw a1, 0(s0))
    CHECK(8, s2, 5)
    /* locked: writes to its cfg and address are ignored until reset */
    csrw pmpcfg0, zero
    csrr a0, pmpcfg0
    andi a0, a0, 0xff
    CHECK(9, a0, 0x90)
    srli t0, s0, 2
    csrr a1, pmpaddr0
    CHECKR(10, a1, t0)
    csrw pmpaddr0, zero
    csrr a1, pmpaddr0
    CHECKR(11, a1, t0)
    /* odd pmpcfg numbers do not exist on RV64 */
    EXPECT_TRAP(csrr a0, pmpcfg1)
    CHECK(12, s2, 2)
    /* TOR entry 1 covers pmpaddr0 << 2 .. pmpaddr1 << 2: S reads pdata + 8, but not code below pdata */
    la s5, 1f
    ENTER(1, 2f)
2:  nop
    j fail
1:  CHECK(13, s2, 1)
TEST_END
    .align 2
RECORDING_HANDLER
    .data
    .align 4
pdata: .word 0x12345678, 0, 0, 0
