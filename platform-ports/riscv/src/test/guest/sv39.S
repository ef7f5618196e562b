/* Sv39: S-mode translation through a three-level table, gigapage and 4 KiB leaves, A/D set by the
 * walk, page faults (12, 13, 15 with the virtual address in mtval), SUM, MXR, U pages, misaligned
 * superpages, non-canonical addresses, MPRV, sfence.vma, satp WARL. */
#include "env.h"
#define ENTER(mode, label)         \
    li t0, 0x1800;                 \
    csrc mstatus, t0;              \
    li t0, (mode) << 11;           \
    csrs mstatus, t0;              \
    la t0, label;                  \
    csrw mepc, t0;                 \
    mret
/* Runs the S-mode code at label (ending in ecall or a fault); s2 = the cause that came back. */
#define IN_S(label) la s5, 1f; ENTER(1, label); 1:
#define PTE(reg, table, slot, flags) \
    srli t1, reg, 12; slli t1, t1, 10; ori t1, t1, flags; la t2, table; sd t1, (8 * slot)(t2)
#define VA 0x40000000
TEST_BEGIN
    USE_RECORDING_HANDLER
    /* root[2]: gigapage 0x80000000 identity, RWX A D, not U */
    li t0, 0x80000
    slli t0, t0, 10
    ori t0, t0, 0xcf
    la t2, pt_root
    sd t0, 16(t2)
    /* root[1] -> l1; l1[0] -> l0 */
    la t3, pt_l1
    PTE(t3, pt_root, 1, 0x01)
    la t3, pt_l0
    PTE(t3, pt_l1, 0, 0x01)
    /* root[3]: a gigapage whose PPN is not 1 GiB aligned */
    la t3, upage
    PTE(t3, pt_root, 3, 0xcf)
    la s0, upage
    PTE(s0, pt_l0, 0, 0x17)        /* U R W, no A/D */
    PTE(s0, pt_l0, 1, 0x43)        /* R, A */
    PTE(s0, pt_l0, 2, 0x49)        /* X only, A */
    PTE(s0, pt_l0, 3, 0xd7)        /* U R W A D */
    li t0, 0x5a5a
    sd t0, 0(s0)
    la t0, pt_root
    srli t0, t0, 12
    li t1, 8 << 60
    or t0, t0, t1
    csrw satp, t0
    sfence.vma
    csrr a0, satp
    CHECKR(1, a0, t0)
    /* 1: S reads a U page without SUM: load page fault, mtval = VA */
    IN_S(s_load0)
    CHECK(2, s2, 13)
    li t0, VA
    CHECKR(3, s3, t0)
    /* 2: with SUM it reads; A is set, D is not */
    li t0, 1 << 18
    csrs mstatus, t0
    IN_S(s_load0)
    CHECK(4, s2, 9)
    CHECK(5, s6, 0x5a5a)
    la t2, pt_l0
    ld a0, 0(t2)
    andi a0, a0, 0xc0
    CHECK(6, a0, 0x40)
    /* 3: a store sets D */
    IN_S(s_store0)
    CHECK(7, s2, 9)
    ld a0, 0(t2)
    andi a0, a0, 0xc0
    CHECK(8, a0, 0xc0)
    li t0, 1 << 18
    csrc mstatus, t0
    /* 4: a store to a read-only page: store page fault */
    IN_S(s_store1)
    CHECK(9, s2, 15)
    li t0, VA + 0x1008
    CHECKR(10, s3, t0)
    /* 5: an execute-only page reads only with MXR */
    IN_S(s_load2)
    CHECK(11, s2, 13)
    li t0, 1 << 19
    csrs mstatus, t0
    IN_S(s_load2)
    CHECK(12, s2, 9)
    CHECK(13, s6, 0x5a5a)
    li t0, 1 << 19
    csrc mstatus, t0
    /* 6: unmapped, misaligned superpage, non-canonical: load page faults */
    li s7, 0x50000000
    IN_S(s_load_s7)
    CHECK(14, s2, 13)
    li s7, 0xc0000000
    IN_S(s_load_s7)
    CHECK(15, s2, 13)
    li s7, 0x8000000000
    IN_S(s_load_s7)
    CHECK(16, s2, 13)
    /* 7: U fetch from a page without U: instruction page fault at the target */
    la s5, 1f
    ENTER(0, s_load0)
1:  CHECK(17, s2, 12)
    la t0, s_load0
    CHECKR(18, s3, t0)
    /* 8: MPRV with MPP = S translates M-mode loads */
    li t0, 0x1800
    csrc mstatus, t0
    li t0, (1 << 11) | (1 << 17)
    csrs mstatus, t0
    li t1, VA + 0x1000
    ld a0, 0(t1)
    li t0, 1 << 17
    csrc mstatus, t0
    CHECK(19, a0, 0x5a5a)
    /* 9: satp keeps its value on a write of a reserved mode (12) */
    csrr a1, satp
    li t0, 12 << 60
    csrw satp, t0
    csrr a0, satp
    CHECKR(20, a0, a1)
    /* 10: a fetch through a 4 KiB page: code copied to upage, mapped X at VA + 0x3000 */
    la t0, code_li
    lw t1, 0(t0)
    lw t2, 4(t0)
    sw t1, 8(s0)
    sw t2, 12(s0)
    la t3, upage
    PTE(t3, pt_l0, 3, 0xcb)        /* R X A D, not U */
    sfence.vma
    li t0, 0x1800
    csrc mstatus, t0
    li t0, 1 << 11
    csrs mstatus, t0
    la s5, 1f
    li t0, VA + 0x3008
    csrw mepc, t0
    mret
1:  CHECK(21, s2, 9)
    CHECK(22, s6, 77)
    csrw satp, zero
TEST_END
    .align 2
RECORDING_HANDLER
    .align 2
s_load0:
    li t0, VA
    ld s6, 0(t0)
    ecall
s_store0:
    li t0, VA
    sd t0, 8(t0)
    ecall
s_store1:
    li t0, VA + 0x1000
    sd t0, 8(t0)
    ecall
s_load2:
    li t0, VA + 0x2000
    ld s6, 0(t0)
    ecall
s_load_s7:
    ld s6, 0(s7)
    ecall
    .option push
    .option norvc
code_li:
    li s6, 77
    ecall
    .option pop
    .data
    .align 12
pt_root: .zero 4096
pt_l1: .zero 4096
pt_l0: .zero 4096
upage: .zero 4096
