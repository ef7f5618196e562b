/*
 * A bare-metal S-mode guest for Warden's RISC-V monitor (the monitor is its SBI implementation,
 * SBI specification 2.0). Entered at _start with a0 = hart id and a1 = the address of the device
 * tree blob the monitor wrote into the partition's memory. It
 *   - checks the blob's header (magic 0xd00dfeed, big-endian; version 17),
 *   - asks the Base extension for the SBI spec version and probes Warden's extension,
 *   - prints a boot line through the Debug Console extension (DBCN write),
 *   - sends its first heartbeat through Warden's extension (EID 0x0A005744, FID 2 = HEARTBEAT),
 *   - sets an SBI timer (TIME set_timer) every PERIOD ticks of the timebase and takes the
 *     supervisor timer interrupt (sip.STIP) in its trap handler, heartbeating on every tick,
 *   - and yields to the monitor (FID 1 = YIELD) while it has nothing to do.
 * Built with -DCRASH_AFTER=N it executes an illegal instruction in its N-th timer interrupt: a
 * real trap that the monitor's health monitoring sees as a crash.
 */
#define SBI_BASE    0x10
#define SBI_TIME    0x54494D45
#define SBI_DBCN    0x4442434E
#define SBI_WARDEN  0x0A005744
#define W_YIELD     1
#define W_HEARTBEAT 2
#define W_REPORT_FAILURE 7
#define PERIOD      10000          /* timebase ticks: 1 ms at the 10 MHz the device tree gives */
#define SIE_STIE    (1 << 5)
#define SSTATUS_SIE (1 << 1)

    .section .text.start
    .globl _start
_start:
    la sp, stack_top
    mv s0, a0                      /* hart id */
    mv s1, a1                      /* device tree blob */
    la t0, trap
    csrw stvec, t0
    /* the device tree: magic and version (big-endian words) */
    lwu t0, 0(s1)
    li t1, 0xedfe0dd0              /* 0xd00dfeed read little-endian */
    bne t0, t1, bad_tree
    lwu t0, 20(s1)
    li t1, 0x11000000              /* version 17 */
    bne t0, t1, bad_tree
    /* SBI Base: spec version must be 2.0; Warden's extension must be there */
    li a7, SBI_BASE
    li a6, 0
    ecall
    bnez a0, bad_sbi
    li t0, 2 << 24
    bne a1, t0, bad_sbi
    li a7, SBI_BASE
    li a6, 3
    li a0, SBI_WARDEN
    ecall
    li t0, 1
    bne a1, t0, bad_sbi
    /* boot line: "sbi-guest: hart N up\n" */
    la t0, hart_digit
    addi t1, s0, '0'
    sb t1, 0(t0)
    la a0, boot_msg
    call print
    /* timer interrupts on, first deadline, first heartbeat (the partition has booted) */
    li t0, SIE_STIE
    csrs sie, t0
    call next_timer
    li a7, SBI_WARDEN
    li a6, W_HEARTBEAT
    ecall
    li t0, SSTATUS_SIE
    csrs sstatus, t0
idle:
    li a7, SBI_WARDEN
    li a6, W_YIELD
    ecall
    j idle

bad_tree:
    li a0, 1
    j fail
bad_sbi:
    li a0, 2
fail:
    li a7, SBI_WARDEN
    li a6, W_REPORT_FAILURE
    ecall
1:  li a7, SBI_WARDEN
    li a6, W_YIELD
    ecall
    j 1b

/* print(a0 = NUL-terminated string) through DBCN write (num_bytes, base_lo, base_hi) */
print:
    mv t0, a0
    mv t1, a0
1:  lbu t2, 0(t1)
    beqz t2, 2f
    addi t1, t1, 1
    j 1b
2:  sub a0, t1, t0
    mv a1, t0
    li a2, 0
    li a7, SBI_DBCN
    li a6, 0
    ecall
    ret

/* sbi_set_timer(time + PERIOD) */
next_timer:
    rdtime a0
    li t0, PERIOD
    add a0, a0, t0
    li a7, SBI_TIME
    li a6, 0
    ecall
    ret

    .align 2
trap:
    /* save what the handler uses (one hart: a static save area) */
    csrw sscratch, t0
    la t0, save
    sd ra, 0(t0)
    sd t1, 8(t0)
    sd t2, 16(t0)
    sd a0, 24(t0)
    sd a1, 32(t0)
    sd a2, 40(t0)
    sd a6, 48(t0)
    sd a7, 56(t0)
    csrr t1, scause
    bgez t1, exception
    li t2, 0x8000000000000005      /* supervisor timer interrupt */
    bne t1, t2, restore
    la t1, ticks
    ld t2, 0(t1)
    addi t2, t2, 1
    sd t2, 0(t1)
#ifdef CRASH_AFTER
    li t1, CRASH_AFTER
    blt t2, t1, 1f
    la a0, crash_msg
    call print
    .word 0                        /* all-zero bits: an illegal instruction */
1:
#endif
    call next_timer                /* set_timer also clears sip.STIP */
    li a7, SBI_WARDEN
    li a6, W_HEARTBEAT
    ecall
restore:
    la t0, save
    ld ra, 0(t0)
    ld t1, 8(t0)
    ld t2, 16(t0)
    ld a0, 24(t0)
    ld a1, 32(t0)
    ld a2, 40(t0)
    ld a6, 48(t0)
    ld a7, 56(t0)
    csrr t0, sscratch
    sret

/* an exception the monitor handed on (e.g. after the crash): report it and wait to be restarted */
exception:
    li a0, 3
    j fail

    .section .data
boot_msg:
    .ascii "sbi-guest: hart "
hart_digit:
    .ascii "0"
    .string " up\n"
crash_msg:
    .string "sbi-guest: illegal instruction next\n"

    .section .bss
    .align 4
ticks: .skip 8
save:  .skip 64
stack: .skip 4096
stack_top:
