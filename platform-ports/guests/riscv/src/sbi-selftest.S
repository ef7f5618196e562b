/*
 * The port's test guest (ElfGuestTest): one pass over what Warden's SBI offers an S-mode guest,
 * leaving each answer in a saved register for the test to read.
 *   s11 = a0 at entry (hart id), s10 = a1 at entry (device tree blob)
 *   s2, s3 = Base get_spec_version error and value; s4 = probe_extension(IPI)
 *   s5 = error of an IPI call (not supported)
 *   s6, s7, s8 = scause, stval, sepc of a load from the monitor's memory, redirected to stvec
 *   s9 = supervisor timer interrupts taken (sip.STIP after an SBI set_timer)
 *   sscratch = 0x1234, scounteren = 5 (kept by the world switch)
 */
#define SBI_BASE 0x10
#define SBI_TIME 0x54494D45
#define SBI_IPI  0x735049
    .section .text.start
    .globl _start
_start:
    mv s11, a0
    mv s10, a1
    la t0, handler
    csrw stvec, t0
    li t0, 0x1234
    csrw sscratch, t0
    li t0, 5
    csrw scounteren, t0
    li a7, SBI_BASE
    li a6, 0
    ecall
    mv s2, a0
    mv s3, a1
    li a7, SBI_BASE
    li a6, 3
    li a0, SBI_IPI
    ecall
    mv s4, a1
    li a7, SBI_IPI
    li a6, 0
    ecall
    mv s5, a0
    li t0, 0x80000100              /* the monitor's memory: the PMP denies it */
    lw t1, 0(t0)
    li t0, 1 << 5
    csrs sie, t0
    li t0, 1 << 1
    csrs sstatus, t0
    rdtime a0
    addi a0, a0, 100               /* 10 us at 10 MHz */
    li a7, SBI_TIME
    li a6, 0
    ecall
1:  j 1b

    .align 2
handler:
    csrr t2, scause
    bltz t2, 2f
    mv s6, t2                      /* an exception: note it and skip the instruction */
    csrr s7, stval
    csrr s8, sepc
    addi t3, s8, 4
    csrw sepc, t3
    sret
2:  addi s9, s9, 1                 /* the timer: count it and cancel the timer (clears STIP) */
    li a0, -1
    li a7, SBI_TIME
    li a6, 0
    ecall
    sret
