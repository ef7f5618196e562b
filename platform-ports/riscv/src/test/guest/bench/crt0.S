/* Start-up for the C benchmarks: stack, bss cleared, main(); its result goes to HTIF tohost
 * (0 -> pass = 1, n -> (n << 1) | 1). */
    .section .text.init
    .globl _start
_start:
    la t0, trapped
    csrw mtvec, t0
    la sp, stack_top
    la t0, __bss_start
    la t1, _end
1:  bgeu t0, t1, 2f
    sd zero, 0(t0)
    addi t0, t0, 8
    j 1b
2:  call main
done:
    slli a0, a0, 1
    ori a0, a0, 1
    la t0, tohost
3:  sd a0, 0(t0)
    j 3b
    .align 2
trapped:                      /* any trap fails the run with code 127 */
    li a0, 127
    j done
    .section .tohost, "aw", @progbits
    .align 6
    .globl tohost
    .type tohost, @object
    .size tohost, 8
tohost: .dword 0
    .align 6
    .globl fromhost
    .type fromhost, @object
    .size fromhost, 8
fromhost: .dword 0
    .bss
    .align 4
    .space 65536
stack_top:
