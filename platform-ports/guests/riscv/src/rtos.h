/*
 * Warden RTOS: the statistics block (dsn~guest.rtos.stats~1). The RTOS keeps it at the ELF symbol
 * warden_rtos_stats, an absolute address in its partition's memory outside every loadable segment
 * (build.sh --defsym), so the reload of the golden image at a restart leaves it: jobs, misses and
 * worst responses count over the whole run, as the rtos model counts them. The port reads it from
 * guest memory at the end of the run (warden.riscv.RtosStats), as HTIF's tohost is read.
 * Little-endian 64-bit words; times in ticks of the timebase (timebase_hz).
 */
#ifndef WARDEN_RTOS_H
#define WARDEN_RTOS_H
#include <stdint.h>

#define RTOS_STATS_MAGIC   0x3153544154535452ULL /* "RTSTATS1" */
#define RTOS_STATS_VERSION 1
#define RTOS_TASKS_MAX     8
#define RTOS_NAME_BYTES    16

struct rtos_task_stats {
    char name[RTOS_NAME_BYTES];   /* NUL-padded */
    uint64_t period;              /* ticks */
    uint64_t deadline;            /* ticks, relative to the release */
    uint64_t wcet;                /* ticks of execution time per job */
    uint64_t jobs;                /* releases so far (every release is a job) */
    uint64_t misses;              /* jobs that missed their deadline or were abandoned */
    uint64_t worst_response;      /* ticks from release to completion, the longest seen */
    uint64_t next_release;        /* ticks: the next release time */
    uint64_t release;             /* ticks: release time of the current job */
    uint64_t active;              /* 1 while the current job has not completed */
    uint64_t used;                /* ticks of execution the current job has had */
};                                /* 16 + 10 * 8 = 96 bytes */

struct rtos_stats {
    uint64_t magic;               /* RTOS_STATS_MAGIC once initialised */
    uint32_t version;             /* RTOS_STATS_VERSION */
    uint32_t tasks;               /* entries of task[] in use */
    uint64_t timebase_hz;         /* from the device tree */
    uint64_t boots;               /* boots completed (1 + restarts that booted again) */
    uint64_t boot_done;           /* ticks: time of the last boot's first heartbeat */
    uint64_t scheduled;           /* 1 once the release times are fixed (first boot) */
    uint64_t ticks;               /* timer ticks handled */
    uint64_t can_irqs;            /* CAN receive interrupts served */
    uint64_t can_frames;          /* frames popped from the CAN receive FIFO */
    uint64_t selftests;           /* self-tests of the constant data run */
    uint64_t selftest_failures;   /* of which failed (reported as REPORT_FAILURE 2) */
    uint64_t reserved[5];
    struct rtos_task_stats task[RTOS_TASKS_MAX];
};                                /* 128 + 8 * 96 = 896 bytes */

#endif
