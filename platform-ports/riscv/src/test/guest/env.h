/*
 * Test environment for the hart's own conformance programs, in the convention of the RISC-V
 * architecture tests: gp holds the number of the running check; the program ends by writing the
 * HTIF symbol tohost: 1 = pass, (N << 1) | 1 = check N failed. t6 (x31) is reserved for CHECK.
 */
#define TESTNUM gp

#define CHECK(n, reg, val) li TESTNUM, n; li t6, val; bne reg, t6, fail
#define CHECKR(n, reg, reg2) li TESTNUM, n; bne reg, reg2, fail

/* Code before the body: M-mode, a trap vector that fails the running check unless replaced, PMP entry 0
 * granting S and U everything (NAPOT over the whole space, RWX), as the architecture tests do. */
#define TEST_BEGIN              \
    .section .text.init;        \
    .globl _start;              \
_start:                         \
    la t0, unexpected_trap;     \
    csrw mtvec, t0;             \
    li t0, -1;                  \
    csrw pmpaddr0, t0;          \
    li t0, 0x1f;                \
    csrw pmpcfg0, t0;           \
    li TESTNUM, 0;              \
    j body;                     \
unexpected_trap:                \
    j fail;                     \
fail:                           \
    slli TESTNUM, TESTNUM, 1;   \
    ori TESTNUM, TESTNUM, 1;    \
    la t0, tohost;              \
    sd TESTNUM, 0(t0);          \
1:  j 1b;                       \
pass:                           \
    li TESTNUM, 1;              \
    la t0, tohost;              \
    sd TESTNUM, 0(t0);          \
1:  j 1b;                       \
body:

#define TEST_END                \
    j pass;                     \
    .section .tohost, "aw", @progbits; \
    .align 6;                   \
    .globl tohost;              \
    .type tohost, @object;      \
    .size tohost, 8;            \
tohost: .dword 0;               \
    .align 6;                   \
    .globl fromhost;            \
    .type fromhost, @object;    \
    .size fromhost, 8;          \
fromhost: .dword 0;

/* A trap handler that records mcause, mtval, mepc, mstatus in s2, s3, s4, s8 and resumes in M-mode at the
 * address in s5 with MIE = 0 (clobbers t0). */
#define RECORDING_HANDLER       \
    .align 2;                   \
recording_handler:              \
    csrr s2, mcause;            \
    csrr s3, mtval;             \
    csrr s4, mepc;              \
    csrr s8, mstatus;           \
    csrw mepc, s5;              \
    li t0, 0x1800;              \
    csrs mstatus, t0;           \
    li t0, 0x80;                \
    csrc mstatus, t0;           \
    mret;

#define USE_RECORDING_HANDLER   \
    la t0, recording_handler;   \
    csrw mtvec, t0;

/* Runs the instruction expecting a trap: the handler resumes after it (s5 = where); 8b = the trapping instruction. */
#define EXPECT_TRAP(...)        \
    la s5, 9f;                  \
    li s2, -1;                  \
8:  __VA_ARGS__;                \
    j fail;                     \
9:
