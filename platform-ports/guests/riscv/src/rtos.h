/*
 * Warden RTOS: the statistics block [impl->dsn~guest.rtos.stats~1]. The RTOS keeps it at the ELF symbol
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
#define RTOS_CHANNELS_MAX  4
#define RTOS_VERDICTS      9      /* warden.emu.channel.Verdict: ok .. stale */

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

/*
 * One end of a channel (dsn~guest.rtos.channels~1): what CHANNEL_INFO gave at the first boot, the
 * ring and end-to-end state (kept across restarts, as the model keeps them) and the counts of
 * warden.emu.channel.ChannelStats. Every field a 64-bit word.
 */
struct rtos_channel {
    uint64_t id;                  /* the kernel's channel id */
    uint64_t role;                /* 1 sender, 2 receiver */
    uint64_t base;                /* the ring */
    uint64_t slot_size;
    uint64_t slot_count;
    uint64_t stride;
    uint64_t policy;              /* 0 drop, 1 overwrite */
    uint64_t doorbell;            /* line, 0 for none */
    uint64_t data_id;
    uint64_t max_age_ns;
    uint64_t counter_window;
    uint64_t crc_bits;            /* 32: CRC-32P4 */
    uint64_t published;           /* sender: published; receiver: the published count it last learnt */
    uint64_t consumed;            /* receiver: consumed; sender: the consumed count it last learnt */
    uint64_t resyncs;             /* the kernel's counts found reset (an end restarted) */
    uint64_t counter;             /* sender: the next E2E counter; receiver: the last accepted, 2^32-1 before any */
    uint64_t seen;                /* receiver: a frame was accepted */
    uint64_t deadline_ns;         /* receiver: when a poll without a frame becomes a timeout */
    uint64_t window_bits;         /* receiver's state machine: errors among the last 16 checks */
    uint64_t filled;              /* checks in that window */
    uint64_t state;               /* 0 no data, 1 init, 2 valid, 3 invalid */
    uint64_t sent;
    uint64_t received;
    uint64_t drops;
    uint64_t overwrites;
    uint64_t high_water;
    uint64_t skipped;
    uint64_t failures;            /* entries into the invalid state */
    uint64_t errors;              /* refused or faulted ring operations */
    uint64_t worst_latency_ns;    /* of an accepted frame */
    uint64_t verdicts[RTOS_VERDICTS];
    uint64_t failure_pending;     /* an entry into invalid not yet reported */
};                                /* 40 words, 320 bytes */

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
    uint64_t channels;            /* entries of channel[] in use */
    uint64_t samples;             /* sensor samples published (the payload's sequence number) */
    uint64_t reserved[3];
    struct rtos_task_stats task[RTOS_TASKS_MAX];
    struct rtos_channel channel[RTOS_CHANNELS_MAX];
};                                /* 128 + 8 * 96 + 4 * 320 = 2176 bytes */

#endif
