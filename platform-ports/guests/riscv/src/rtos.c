/*
 * Warden RTOS: a small safety RTOS that runs as a kind: elf partition in S-mode under Warden's
 * monitor, which is its SBI implementation (SBI 2.0 and Warden's extension). It is the real-code
 * counterpart of the rtos model (warden.emu.guest.RtosGuest) and does what the model does:
 *   - boots with a calibrated amount of boot work, then prints "NAME: booted, N tasks" through the
 *     SBI debug console (NAME from the device tree's model property) and sends its first heartbeat;
 *   - takes a tick from the SBI timer (sip.STIP, sbi_set_timer at every tick boundary), releases
 *     periodic jobs at it, heartbeats and re-checks its constant data on every tick;
 *   - runs its tasks under fixed-priority preemptive scheduling, rate-monotonic (shorter period
 *     first), every job's execution time calibrated work measured against the time CSR (rdtime),
 *     the virtual time the model spends: a job is done when it has run wcet ticks of its own;
 *   - counts jobs, deadline misses and worst response per task in its statistics block (rtos.h),
 *     with the model's rules: a job still active at its next release is a miss (abandoned), of
 *     several releases due at once all but the last are misses, a response over the deadline is a
 *     miss, a job in flight at a restart is a miss; a miss is reported (REPORT_FAILURE 1);
 *   - serves its CAN controller's receive interrupt (the device tree's warden,can node): claims the
 *     line through Warden's extension (FID 0x100), acknowledges RXNE, pops every frame, then does
 *     the handler's calibrated work;
 *   - self-tests its constant data (task table and configuration) against the checksum taken at
 *     boot, and its statistics block's header, at boot and on every tick: a mismatch is reported
 *     (REPORT_FAILURE 2) and that tick sends no heartbeat.
 * Its release times are fixed at its first boot and kept in the statistics block across restarts.
 *
 * [impl->dsn~guest.rtos~1] [impl->dsn~guest.rtos.stats~1]
 */
#include "rtos.h"

#define SBI_TIME 0x54494D45L
#define SBI_DBCN 0x4442434EL
#define SBI_WARDEN 0x0A005744L
#define W_YIELD 1
#define W_HEARTBEAT 2
#define W_REPORT_FAILURE 7
#define W_CLAIM 0x100
#define FAILURE_DEADLINE_OVERRUN 1
#define FAILURE_DATA_CORRUPTION 2
#define FAILURE_CHANNEL 3 /* MonitorCall.FAILURE_CHANNEL: the channel's failure, not the RTOS's */
#define FAILURE_BAD_PLATFORM 4
#define FAILURE_EXCEPTION 5
#define W_CHANNEL_SEND 12
#define W_CHANNEL_RECEIVE 13
#define W_CHANNEL_INFO 14
#define SBI_ERR_INVALID_PARAM (-3)

#define SSTATUS_SIE (1UL << 1)
#define SIE_STIE (1UL << 5)
#define SIE_SEIE (1UL << 9)
#define CAUSE_IRQ (1UL << 63)
#define IRQ_S_TIMER 5
#define IRQ_S_EXT 9

/* CAN controller registers (warden.emu.dev.can.CanController) */
#define CAN_CTRL 0x04
#define CAN_IR 0x14
#define CAN_IE 0x18
#define CAN_RXSTAT 0x30
#define CAN_RXID 0x34
#define CAN_RXPOP 0x44
#define CAN_FILTER 0x80
#define CAN_CTRL_INIT 1
#define CAN_IR_RXNE 1
#define CAN_IR_ALL 0xFF
#define CAN_FILTER_ENABLE 0x80000000U
#define CAN_RX_DEPTH_MAX 64

/* The configuration: what the rtos model of the default system is given (default-system.yaml). */
struct task_config {
    char name[RTOS_NAME_BYTES];
    uint32_t period_us;
    uint32_t wcet_us;
    uint32_t deadline_us;
};

struct config {
    uint32_t boot_us;
    uint32_t tick_us;
    uint32_t isr_work_us;
    uint32_t tasks;
    struct task_config task[3];
};

static const struct config CONFIG = {
    3000, 1000, 20, 3,
    {
        {"control", 1000, 150, 1000},
        {"monitor", 5000, 600, 5000},
        {"logger", 10000, 1500, 10000},
    },
};

extern struct rtos_stats warden_rtos_stats;
#define ST (&warden_rtos_stats)

static uint64_t tb_hz = 10000000;
static uint64_t tick_ticks;
static uint64_t isr_ticks;
static uint64_t next_tick;
static uint64_t reference_sum;
static uint64_t can_base;
static uint64_t can_line;
static uint64_t mem_base;
static uint64_t mem_size;
static int booted;
static int current = -1;
static uint64_t segment_start;
static int rank[RTOS_TASKS_MAX];
static char name[RTOS_NAME_BYTES];
static uint64_t channel_ids[RTOS_CHANNELS_MAX];
static uint64_t channel_count;

struct sbiret {
    long error;
    long value;
};

static void channels_open(void);
static void channels_publish(uint64_t sequence, uint64_t value);
static void channels_consume(void);
static int channels_doorbell(uint64_t line);
static void crc_init(void);
static uint64_t ns_of(uint64_t ticks);

static struct sbiret sbi(long eid, long fid, long a0, long a1, long a2)
{
    register long r0 asm("a0") = a0;
    register long r1 asm("a1") = a1;
    register long r2 asm("a2") = a2;
    register long r6 asm("a6") = fid;
    register long r7 asm("a7") = eid;
    asm volatile("ecall" : "+r"(r0), "+r"(r1) : "r"(r2), "r"(r6), "r"(r7) : "memory");
    struct sbiret r = {r0, r1};
    return r;
}

static inline uint64_t now(void)
{
    uint64_t t;
    asm volatile("rdtime %0" : "=r"(t));
    return t;
}

static inline void irq_on(void) { asm volatile("csrs sstatus, %0" : : "r"(SSTATUS_SIE) : "memory"); }
static inline void irq_off(void) { asm volatile("csrc sstatus, %0" : : "r"(SSTATUS_SIE) : "memory"); }

static inline uint32_t mmio_read(uint64_t a) { return *(volatile uint32_t *)a; }
static inline void mmio_write(uint64_t a, uint32_t v) { *(volatile uint32_t *)a = v; }

static uint64_t us_to_ticks(uint64_t us) { return us * tb_hz / 1000000; }

/* ---- console ---- */

static char line[96];
static int line_len;

static void put(const char *s)
{
    while (*s && line_len < (int)sizeof line) {
        line[line_len++] = *s++;
    }
}

static void put_u(uint64_t v)
{
    char d[20];
    int n = 0;
    do {
        d[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v && n < 20);
    while (n > 0 && line_len < (int)sizeof line) {
        line[line_len++] = d[--n];
    }
}

static void flush(void)
{
    put("\n");
    sbi(SBI_DBCN, 0, line_len, (long)line, 0);
    line_len = 0;
}

static void report(long code) { sbi(SBI_WARDEN, W_REPORT_FAILURE, code, 0, 0); }

/* ---- the device tree (Devicetree Specification 0.4, chapter 5: the flattened format) ---- */

static uint32_t be32(const uint8_t *p) { return (uint32_t)p[0] << 24 | p[1] << 16 | p[2] << 8 | p[3]; }
static uint64_t be64(const uint8_t *p) { return (uint64_t)be32(p) << 32 | be32(p + 4); }

static int streq(const char *a, const char *b)
{
    while (*a && *a == *b) {
        a++;
        b++;
    }
    return *a == *b;
}

/* Reads the timebase, the partition's name, its first memory region and its CAN controller. */
static int read_device_tree(const uint8_t *fdt)
{
    if (be32(fdt) != 0xd00dfeed || be32(fdt + 20) != 17) {
        return 0;
    }
    const uint8_t *s = fdt + be32(fdt + 8);
    const char *strings = (const char *)fdt + be32(fdt + 12);
    uint32_t limit = be32(fdt + 36);
    int depth = 0;
    int is_can = 0;
    int is_memory = 0;
    int is_channel = 0;
    uint64_t reg_base = 0;
    uint64_t reg_size = 0;
    uint64_t irq = 0;
    for (uint32_t off = 0; off + 4 <= limit;) {
        uint32_t token = be32(s + off);
        off += 4;
        if (token == 1) { /* FDT_BEGIN_NODE */
            depth++;
            is_can = is_memory = is_channel = 0;
            reg_base = reg_size = irq = 0;
            while (s[off]) {
                off++;
            }
            off = (off + 4) & ~3U;
        } else if (token == 2) { /* FDT_END_NODE */
            if (is_can && can_base == 0) {
                can_base = reg_base;
                can_line = irq;
            }
            if (is_memory && mem_size == 0) {
                mem_base = reg_base;
                mem_size = reg_size;
            }
            if (is_channel && channel_count < RTOS_CHANNELS_MAX) {
                channel_ids[channel_count++] = reg_base;
            }
            is_can = is_memory = is_channel = 0;
            depth--;
        } else if (token == 3) { /* FDT_PROP */
            uint32_t len = be32(s + off);
            const char *prop = strings + be32(s + off + 4);
            const uint8_t *v = s + off + 8;
            off = (off + 8 + len + 3) & ~3U;
            if (streq(prop, "timebase-frequency") && len == 4) {
                tb_hz = be32(v);
            } else if (streq(prop, "model") && depth == 1) {
                const char *m = (const char *)v + sizeof "warden partition " - 1;
                int i = 0;
                while (len > sizeof "warden partition " && m[i] && i < RTOS_NAME_BYTES - 1) {
                    name[i] = m[i];
                    i++;
                }
                name[i] = 0;
            } else if (streq(prop, "compatible") && streq((const char *)v, "warden,can")) {
                is_can = 1;
            } else if (streq(prop, "compatible") && streq((const char *)v, "warden,channel")) {
                is_channel = 1;
            } else if (streq(prop, "reg") && len == 4) {
                reg_base = be32(v);
            } else if (streq(prop, "device_type") && streq((const char *)v, "memory")) {
                is_memory = 1;
            } else if (streq(prop, "reg") && len == 16) {
                reg_base = be64(v);
                reg_size = be64(v + 8);
            } else if (streq(prop, "interrupts") && len == 4) {
                irq = be32(v);
            }
        } else if (token == 9) { /* FDT_END */
            break;
        } else if (token != 4) { /* not FDT_NOP: malformed */
            return 0;
        }
    }
    return 1;
}

/* ---- self-test of the constant data ---- */

/* A Fletcher-64 style sum over the configuration's 32-bit words. */
static uint64_t config_sum(void)
{
    const volatile uint32_t *w = (const volatile uint32_t *)&CONFIG;
    uint64_t a = 1;
    uint64_t b = 0;
    for (unsigned i = 0; i < sizeof CONFIG / 4; i++) {
        a = (a + w[i]) % 0xFFFFFFFFULL;
        b = (b + a) % 0xFFFFFFFFULL;
    }
    return b << 32 | a;
}

static int data_intact(void)
{
    ST->selftests++;
    int ok = config_sum() == reference_sum && ST->magic == RTOS_STATS_MAGIC
            && ST->version == RTOS_STATS_VERSION && ST->tasks == CONFIG.tasks;
    if (!ok) {
        ST->selftest_failures++;
    }
    return ok;
}

/* ---- scheduling ---- */

/* Releases every job due at or before t (the model's releaseDue). */
static void release_due(uint64_t t)
{
    int overrun = 0;
    for (uint32_t i = 0; i < ST->tasks; i++) {
        struct rtos_task_stats *k = &ST->task[i];
        if (k->next_release > t) {
            continue;
        }
        uint64_t due = (t - k->next_release) / k->period + 1;
        if (k->active) {
            k->misses++; /* still running at its next release: abandoned */
            overrun = 1;
        }
        k->jobs += due;
        k->misses += due - 1;
        k->active = 1;
        k->release = k->next_release + (due - 1) * k->period;
        k->used = 0;
        k->next_release = k->release + k->period;
    }
    if (overrun) {
        report(FAILURE_DEADLINE_OVERRUN);
    }
}

static int highest_ready(void)
{
    int best = -1;
    for (uint32_t i = 0; i < ST->tasks; i++) {
        if (ST->task[i].active && (best < 0 || rank[i] < rank[best])) {
            best = (int)i;
        }
    }
    return best;
}

/* Execution time so far of task t's current job; called with interrupts off. */
static uint64_t used(int t) { return ST->task[t].used + (now() - segment_start); }

/*
 * Runs task t's current job: calibrated work until it has had wcet ticks of execution time of its
 * own (time spent in handlers and preempting jobs is charged to them, not to it). Returns with
 * interrupts off.
 */
static void run_job(int t)
{
    struct rtos_task_stats *k = &ST->task[t];
    volatile uint64_t work = 0;
#ifdef CRASH_JOB
    if (t == (int)ST->tasks - 1 && k->jobs == CRASH_JOB) {
        asm volatile(".word 0"); /* all-zero bits: an illegal instruction (the crasher build) */
    }
#endif
    for (;;) {
        irq_off();
        if (used(t) >= k->wcet) {
            break;
        }
        irq_on();
        work = work * 31 + (uint64_t)t;
    }
    uint64_t response = now() - k->release;
    k->active = 0;
    if (response > k->worst_response) {
        k->worst_response = response;
    }
    if (response > k->deadline) {
        k->misses++;
        report(FAILURE_DEADLINE_OVERRUN);
    }
    if (rank[t] == 0) { /* the control task (the shortest period) publishes a sample */
        channels_publish(ST->samples++, ns_of(k->release));
    }
}

/* Runs every ready job of a higher priority than the one interrupted, each to completion. */
static void dispatch(void)
{
    int below = current;
    for (;;) {
        int t = highest_ready();
        if (t < 0 || (below >= 0 && rank[t] >= rank[below])) {
            break;
        }
        current = t;
        segment_start = now();
        irq_on();
        run_job(t);
        current = below;
    }
}

static void arm_timer(uint64_t t)
{
    while (next_tick <= t) {
        next_tick += tick_ticks;
    }
    sbi(SBI_TIME, 0, (long)next_tick, 0, 0); /* also clears sip.STIP */
}

static void tick(void)
{
    uint64_t t = now();
    ST->ticks++;
    release_due(t);
    if (!data_intact()) {
        report(FAILURE_DATA_CORRUPTION);
    } else {
        sbi(SBI_WARDEN, W_HEARTBEAT, 0, 0, 0);
        channels_consume();
    }
    arm_timer(t);
}

static void spin(uint64_t ticks)
{
    uint64_t start = now();
    while (now() - start < ticks) {
    }
}

/* ---- channels: rings in shared memory with end-to-end protection [impl->dsn~guest.rtos.channels~1] ---- */

#define FRAME_HEADER 24
#define FRAME_MAX (1514 + 32)
#define PAYLOAD 16
#define E2E_WINDOW 16
#define E2E_MAX_ERRORS 2
#define E2E_MIN_OK 3
enum { V_OK, V_OK_SOME_LOST, V_REPEATED, V_WRONG_SEQUENCE, V_CORRUPTED, V_WRONG_DATA_ID, V_NO_NEW_DATA,
       V_TIMEOUT, V_STALE };

static uint32_t crc_table[256];
static uint8_t frame[FRAME_MAX] __attribute__((aligned(8)));

static uint64_t ns_of(uint64_t ticks) { return ticks / tb_hz * 1000000000ULL + ticks % tb_hz * 1000000000ULL / tb_hz; }

/* CRC-32P4 (AUTOSAR E2E profile 4): polynomial 0xF4ACFB13 reflected, initial value and final XOR all ones. */
static void crc_init(void)
{
    uint32_t poly = 0;
    for (int b = 0; b < 32; b++) {
        poly |= ((0xF4ACFB13U >> b) & 1) << (31 - b);
    }
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++) {
            c = (c & 1) ? (c >> 1) ^ poly : c >> 1;
        }
        crc_table[i] = c;
    }
}

static uint32_t crc_update(uint32_t c, const uint8_t *p, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++) {
        c = (c >> 8) ^ crc_table[(c ^ p[i]) & 0xFF];
    }
    return c;
}

/* The CRC over the frame but its CRC field (bytes 12..15). */
static uint32_t frame_crc(uint32_t length)
{
    return ~crc_update(crc_update(0xFFFFFFFFU, frame, 12), frame + 16, length - 16);
}

static uint32_t get32(const uint8_t *p) { return (uint32_t)p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24; }
static void put32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
    p[2] = (uint8_t)(v >> 16);
    p[3] = (uint8_t)(v >> 24);
}
static uint64_t get64(const uint8_t *p) { return get32(p) | (uint64_t)get32(p + 4) << 32; }
static void put64(uint8_t *p, uint64_t v)
{
    put32(p, (uint32_t)v);
    put32(p + 4, (uint32_t)(v >> 32));
}

/* Opens the channels its device tree names (/channels/channel@ID): their rings and protection from CHANNEL_INFO. */
static void channels_open(void)
{
    ST->channels = 0;
    for (uint64_t k = 0; k < channel_count; k++) {
        long id = (long)channel_ids[k];
        uint64_t v[11];
        long status = 0;
        for (long f = 0; f < 11 && status == 0; f++) {
            struct sbiret r = sbi(SBI_WARDEN, W_CHANNEL_INFO, id, f, 0);
            status = r.error;
            v[f] = (uint64_t)r.value;
        }
        if (status != 0 || (v[3] != 1 && v[3] != 2) || v[10] != 32 || v[7] < v[1] + FRAME_HEADER
                || v[7] > FRAME_MAX || v[1] < PAYLOAD || v[2] == 0) {
            continue; /* not an endpoint, or a ring this RTOS cannot use (it speaks CRC-32 frames only) */
        }
        struct rtos_channel *c = &ST->channel[ST->channels++];
        c->id = (uint64_t)id;
        c->base = v[0];
        c->slot_size = v[1];
        c->slot_count = v[2];
        c->role = v[3];
        c->data_id = v[4];
        c->max_age_ns = v[5];
        c->counter_window = v[6];
        c->stride = v[7];
        c->policy = v[8];
        c->doorbell = v[9];
        c->crc_bits = v[10];
        c->counter = c->role == 2 ? 0xFFFFFFFFULL : 0;
    }
}

/* The sender's ring write (warden.emu.channel.RingWriter): never waits; drop or overwrite when full. */
static void ring_write(struct rtos_channel *c, uint32_t length)
{
    int over = 0;
    if (c->published - c->consumed >= c->slot_count) {
        struct sbiret r = sbi(SBI_WARDEN, W_CHANNEL_SEND, (long)c->id, (long)c->published, 0);
        if (r.error == 0) {
            c->consumed = (uint64_t)r.value;
        } else if (r.error == SBI_ERR_INVALID_PARAM) {
            c->published = c->consumed = 0;
            c->resyncs++;
        }
        if (c->published - c->consumed >= c->slot_count) {
            if (c->policy == 0) {
                c->drops++;
                return;
            }
            over = 1;
        }
    }
    volatile uint64_t *slot = (volatile uint64_t *)(c->base + c->published % c->slot_count * c->stride);
    for (uint32_t i = 0; i < (length + 7) / 8; i++) {
        slot[i] = get64(frame + 8 * i);
    }
    struct sbiret r = sbi(SBI_WARDEN, W_CHANNEL_SEND, (long)c->id, (long)(c->published + 1), 0);
    if (r.error == SBI_ERR_INVALID_PARAM) {
        c->published = c->consumed = 0;
        c->resyncs++;
    }
    if (r.error != 0) {
        c->errors++;
        return;
    }
    c->published++;
    c->consumed = (uint64_t)r.value;
    uint64_t held = c->published - c->consumed;
    held = held < c->slot_count ? held : c->slot_count;
    c->high_water = held > c->high_water ? held : c->high_water;
    c->overwrites += over;
}

/* Publishes one frame (a sequence number and a value) on every sending end, protected (E2eProtector). */
static void channels_publish(uint64_t sequence, uint64_t value)
{
    for (uint64_t i = 0; i < ST->channels; i++) {
        struct rtos_channel *c = &ST->channel[i];
        if (c->role != 1) {
            continue;
        }
        uint32_t length = FRAME_HEADER + PAYLOAD;
        put32(frame, length);
        put32(frame + 4, (uint32_t)c->counter);
        put32(frame + 8, (uint32_t)c->data_id);
        put32(frame + 12, 0);
        put64(frame + 16, ns_of(now()));
        put64(frame + FRAME_HEADER, sequence);
        put64(frame + FRAME_HEADER + 8, value);
        put32(frame + 12, frame_crc(length));
        c->counter = (c->counter + 1) & 0xFFFFFFFFULL;
        ring_write(c, length);
        c->sent++;
    }
}

/* The receiver's state machine (E2eStateMachine): 16 checks, more than 2 errors fail, 3 good ones recover. */
static int feed(struct rtos_channel *c, int v)
{
    int error = v == V_WRONG_SEQUENCE || v == V_CORRUPTED || v == V_WRONG_DATA_ID || v == V_TIMEOUT || v == V_STALE;
    c->verdicts[v]++;
    if (!error && v != V_OK && v != V_OK_SOME_LOST) {
        return v;
    }
    c->window_bits = ((c->window_bits << 1) | (uint64_t)error) & ((1ULL << E2E_WINDOW) - 1);
    c->filled = c->filled + 1 < E2E_WINDOW ? c->filled + 1 : E2E_WINDOW;
    uint64_t errors = 0;
    for (uint64_t w = c->window_bits; w != 0; w &= w - 1) {
        errors++;
    }
    if (c->state == 0) {
        c->state = 1;
    }
    if (errors > E2E_MAX_ERRORS) {
        if (c->state != 3) {
            c->state = 3;
            c->failures++;
            c->failure_pending = 1;
        }
    } else if (c->filled - errors >= E2E_MIN_OK) {
        c->state = 2;
    }
    return v;
}

/* Classifies the frame read (E2eChecker): corrupted, wrong data id, stale, then by the counter's distance. */
static int classify(struct rtos_channel *c, uint64_t t_ns)
{
    uint32_t length = get32(frame);
    if (length < FRAME_HEADER || length > FRAME_HEADER + c->slot_size || get32(frame + 12) != frame_crc(length)) {
        return V_CORRUPTED;
    }
    if (get32(frame + 8) != (uint32_t)c->data_id) {
        return V_WRONG_DATA_ID;
    }
    uint32_t counter = get32(frame + 4);
    int32_t d = (int32_t)(counter - (uint32_t)c->counter);
    int64_t age = (int64_t)(t_ns - get64(frame + 16));
    if (age > (int64_t)c->max_age_ns) {
        if (d > 0) {
            c->counter = counter;
        }
        return V_STALE;
    }
    if (d <= 0) {
        return d == 0 ? V_REPEATED : V_WRONG_SEQUENCE;
    }
    c->counter = counter;
    if ((uint64_t)(d - 1) > c->counter_window) {
        return V_WRONG_SEQUENCE;
    }
    c->seen = 1;
    c->deadline_ns = t_ns + c->max_age_ns;
    age = age < 0 ? 0 : age;
    c->worst_latency_ns = (uint64_t)age > c->worst_latency_ns ? (uint64_t)age : c->worst_latency_ns;
    return d == 1 ? V_OK : V_OK_SOME_LOST;
}

/* The receiver's poll (RingReader): reports its consumed count, learns the published one. */
static long ring_poll(struct rtos_channel *c)
{
    struct sbiret r = sbi(SBI_WARDEN, W_CHANNEL_RECEIVE, (long)c->id, (long)c->consumed, 0);
    if (r.error == SBI_ERR_INVALID_PARAM) {
        c->consumed = c->published = 0;
        c->resyncs++;
        r = sbi(SBI_WARDEN, W_CHANNEL_RECEIVE, (long)c->id, 0, 0);
    }
    if (r.error != 0) {
        c->errors++;
        return -1;
    }
    c->published = (uint64_t)r.value > c->published ? (uint64_t)r.value : c->published;
    if (c->published - c->consumed > c->slot_count) {
        uint64_t skip = c->published - c->consumed - c->slot_count;
        c->skipped += skip;
        c->consumed += skip;
    }
    uint64_t ready = c->published - c->consumed;
    c->high_water = ready > c->high_water ? ready : c->high_water;
    return (long)ready;
}

/* Copies the next ready frame out of its slot (header first, then as much as its length says, clamped). */
static int ring_read(struct rtos_channel *c)
{
    if (c->consumed >= c->published) {
        return 0;
    }
    const volatile uint64_t *slot = (const volatile uint64_t *)(c->base + c->consumed % c->slot_count * c->stride);
    c->consumed++;
    for (int i = 0; i < FRAME_HEADER / 8; i++) {
        put64(frame + 8 * i, slot[i]);
    }
    uint32_t length = get32(frame);
    uint32_t n = length < FRAME_HEADER ? FRAME_HEADER : length;
    n = n > FRAME_HEADER + c->slot_size ? (uint32_t)(FRAME_HEADER + c->slot_size) : n;
    for (uint32_t i = FRAME_HEADER / 8; i < (n + 7) / 8; i++) {
        put64(frame + 8 * i, slot[i]);
    }
    c->received++;
    return 1;
}

/* Reads and checks everything ready on every receiving end (at most 4 rounds); reports a failed channel. */
static void channels_consume(void)
{
    for (uint64_t i = 0; i < ST->channels; i++) {
        struct rtos_channel *c = &ST->channel[i];
        if (c->role != 2) {
            continue;
        }
        long n = ring_poll(c);
        uint64_t t_ns = ns_of(now());
        if (n == 0) {
            if (c->seen && t_ns > c->deadline_ns) {
                c->deadline_ns = t_ns + c->max_age_ns;
                feed(c, V_TIMEOUT);
            } else {
                feed(c, V_NO_NEW_DATA);
            }
        }
        for (int round = 0; round < 4 && n > 0; round++) {
            for (long k = 0; k < n; k++) {
                if (ring_read(c)) {
                    feed(c, classify(c, ns_of(now())));
                }
            }
            n = ring_poll(c);
        }
        if (c->failure_pending) {
            c->failure_pending = 0;
            sbi(SBI_WARDEN, W_REPORT_FAILURE, FAILURE_CHANNEL, (long)c->id, 0);
        }
    }
}

/* @return whether line is the doorbell of a receiving end. */
static int channels_doorbell(uint64_t line)
{
    for (uint64_t i = 0; i < ST->channels; i++) {
        if (ST->channel[i].role == 2 && ST->channel[i].doorbell == line) {
            return 1;
        }
    }
    return 0;
}

/* ---- CAN receive interrupt ---- */

static void can_init(void)
{
    mmio_write(can_base + CAN_CTRL, CAN_CTRL_INIT);
    mmio_write(can_base + CAN_IE, 0);
    mmio_write(can_base + CAN_IR, CAN_IR_ALL);
    mmio_write(can_base + CAN_FILTER, CAN_FILTER_ENABLE);
    mmio_write(can_base + CAN_FILTER + 4, 0);
    mmio_write(can_base + CAN_IE, CAN_IR_RXNE);
    mmio_write(can_base + CAN_CTRL, 0);
}

static void can_service(void)
{
    mmio_write(can_base + CAN_IR, CAN_IR_RXNE);
    uint32_t fill = mmio_read(can_base + CAN_RXSTAT) & 0xFF;
    for (uint32_t i = 0; i < fill && i < CAN_RX_DEPTH_MAX; i++) {
        (void)mmio_read(can_base + CAN_RXID);
        mmio_write(can_base + CAN_RXPOP, 1);
        ST->can_frames++;
    }
    ST->can_irqs++;
}

static void external(void)
{
    for (int guard = 0; guard < 128; guard++) {
        struct sbiret c = sbi(SBI_WARDEN, W_CLAIM, 0, 0, 0);
        if (c.error != 0 || c.value == 0) {
            break;
        }
        if (can_base != 0 && (uint64_t)c.value == can_line) {
            can_service();
            spin(isr_ticks);
        }
        if (booted && channels_doorbell((uint64_t)c.value)) {
            channels_consume();
        }
    }
}

/* ---- trap entry (from rtos-start.S, interrupts off) ---- */

void rtos_trap(uint64_t cause)
{
    if (current >= 0) {
        ST->task[current].used += now() - segment_start; /* the interrupted job's time so far */
    }
    if (cause == (CAUSE_IRQ | IRQ_S_TIMER)) {
        if (booted) {
            tick();
        } else {
            sbi(SBI_TIME, 0, -1L, 0, 0);
        }
    } else if (cause == (CAUSE_IRQ | IRQ_S_EXT)) {
        external();
    } else {
        /* an exception the monitor handed on: report it and wait to be restarted */
        report(FAILURE_EXCEPTION);
        for (;;) {
            sbi(SBI_WARDEN, W_YIELD, 0, 0, 0);
        }
    }
    if (booted) {
        dispatch();
    }
    segment_start = now();
}

/* ---- boot ---- */

static void init_stats(void)
{
    int fresh = ST->magic != RTOS_STATS_MAGIC || ST->version != RTOS_STATS_VERSION || ST->tasks != CONFIG.tasks
            || ST->timebase_hz != tb_hz;
    if (fresh) {
        uint64_t *w = (uint64_t *)ST;
        for (unsigned i = 0; i < sizeof *ST / 8; i++) {
            w[i] = 0;
        }
        ST->version = RTOS_STATS_VERSION;
        ST->tasks = CONFIG.tasks;
        ST->timebase_hz = tb_hz;
        for (uint32_t i = 0; i < CONFIG.tasks; i++) {
            struct rtos_task_stats *k = &ST->task[i];
            for (int c = 0; c < RTOS_NAME_BYTES; c++) {
                k->name[c] = CONFIG.task[i].name[c];
            }
            k->period = us_to_ticks(CONFIG.task[i].period_us);
            k->wcet = us_to_ticks(CONFIG.task[i].wcet_us);
            k->deadline = us_to_ticks(CONFIG.task[i].deadline_us);
        }
        ST->magic = RTOS_STATS_MAGIC;
        return;
    }
    for (uint32_t i = 0; i < ST->tasks; i++) { /* restarted: a job in flight is abandoned */
        if (ST->task[i].active) {
            ST->task[i].misses++;
            ST->task[i].active = 0;
        }
        ST->task[i].used = 0;
    }
}

static void boot_failure(long code)
{
    report(code);
    for (;;) {
        sbi(SBI_WARDEN, W_YIELD, 0, 0, 0);
    }
}

void rtos_main(uint64_t hart, const uint8_t *fdt)
{
    (void)hart;
    uint64_t start = now();
    name[0] = 'r';
    name[1] = 't';
    name[2] = 'o';
    name[3] = 's';
    if (!read_device_tree(fdt)) {
        boot_failure(FAILURE_BAD_PLATFORM);
    }
    uint64_t at = (uint64_t)ST;
    if (CONFIG.tasks > RTOS_TASKS_MAX || at < mem_base || at + sizeof *ST > mem_base + mem_size) {
        boot_failure(FAILURE_BAD_PLATFORM); /* the statistics block must lie in the partition's memory */
    }
    tick_ticks = us_to_ticks(CONFIG.tick_us);
    isr_ticks = us_to_ticks(CONFIG.isr_work_us);
    for (uint32_t i = 0; i < CONFIG.tasks; i++) { /* rate-monotonic: shorter period, then lower index */
        rank[i] = 0;
        for (uint32_t j = 0; j < CONFIG.tasks; j++) {
            uint32_t pj = CONFIG.task[j].period_us;
            uint32_t pi = CONFIG.task[i].period_us;
            rank[i] += pj < pi || (pj == pi && j < i);
        }
    }
    reference_sum = config_sum();
    init_stats();
    if (!data_intact()) {
        boot_failure(FAILURE_DATA_CORRUPTION);
    }
    /* the boot's calibrated work: the model's boot time, counted from entry */
    uint64_t boot = us_to_ticks(CONFIG.boot_us);
    while (now() - start < boot) {
    }
    put(name);
    put(": booted, ");
    put_u(CONFIG.tasks);
    put(" tasks");
    flush();
    sbi(SBI_WARDEN, W_HEARTBEAT, 0, 0, 0);
    crc_init();
    if (!ST->scheduled) {
        channels_open(); /* once: the ends keep their state through restarts */
    }
    if (can_base != 0) {
        can_init();
    }
    uint64_t t = now();
    ST->boot_done = t;
    ST->boots++;
    next_tick = (t / tick_ticks + 1) * tick_ticks;
    if (!ST->scheduled) {
        ST->scheduled = 1;
        for (uint32_t i = 0; i < ST->tasks; i++) {
            ST->task[i].next_release = next_tick;
        }
    } else {
        release_due(t); /* the releases that fell due while it was down and rebooting */
    }
    booted = 1;
    sbi(SBI_TIME, 0, (long)next_tick, 0, 0);
    asm volatile("csrs sie, %0" : : "r"(SIE_STIE | SIE_SEIE));
    irq_off();
    dispatch(); /* jobs released late at a reboot */
    irq_on();
    for (;;) {
        sbi(SBI_WARDEN, W_YIELD, 0, 0, 0);
    }
}
