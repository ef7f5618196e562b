/*
 * Warden RTOS: entry and trap vector (dsn~guest.rtos~1). Entered in S-mode at _start with a0 = hart
 * id and a1 = the device tree blob. Built for RV64IMAC (lp64): the RTOS uses no F or D registers,
 * so the monitor's world switch, which saves no floating-point state, loses nothing of it.
 * The trap vector saves the caller-saved registers, sepc and sstatus on the interrupted stack and
 * calls rtos_trap(scause) in C, which may re-enable interrupts to run a preempting job on the same
 * stack (fixed-priority preemption, one stack: jobs run to completion and never block).
 */
    .section .text.start
    .globl _start
_start:
    la sp, stack_top
    la t0, trap_entry
    csrw stvec, t0
    call rtos_main
1:  j 1b

    .text
    .align 2
trap_entry:
    addi sp, sp, -144
    sd ra, 0(sp)
    sd t0, 8(sp)
    sd t1, 16(sp)
    sd t2, 24(sp)
    sd a0, 32(sp)
    sd a1, 40(sp)
    sd a2, 48(sp)
    sd a3, 56(sp)
    sd a4, 64(sp)
    sd a5, 72(sp)
    sd a6, 80(sp)
    sd a7, 88(sp)
    sd t3, 96(sp)
    sd t4, 104(sp)
    sd t5, 112(sp)
    sd t6, 120(sp)
    csrr t0, sepc
    sd t0, 128(sp)
    csrr t0, sstatus
    sd t0, 136(sp)
    csrr a0, scause
    call rtos_trap
    ld t0, 136(sp)
    csrw sstatus, t0
    ld t0, 128(sp)
    csrw sepc, t0
    ld ra, 0(sp)
    ld t0, 8(sp)
    ld t1, 16(sp)
    ld t2, 24(sp)
    ld a0, 32(sp)
    ld a1, 40(sp)
    ld a2, 48(sp)
    ld a3, 56(sp)
    ld a4, 64(sp)
    ld a5, 72(sp)
    ld a6, 80(sp)
    ld a7, 88(sp)
    ld t3, 96(sp)
    ld t4, 104(sp)
    ld t5, 112(sp)
    ld t6, 120(sp)
    addi sp, sp, 144
    sret

    .section .bss
    .align 4
stack:
    .skip 16384
stack_top:
