/*
 * Differential floating-point check (run on Warden and on QEMU by QemuDifferentialTest): every F and
 * D operation over many pseudo-random operands (xorshift64, fixed seed; specials, subnormals, huge
 * values, short significands and operands of nearby exponents mixed in) in each of the five
 * rounding modes (dynamic rm through frm), folding each result and the fflags it raised into one
 * hash per operation and mode, printed through the HTIF console. Identical output means identical
 * results and flags.
 */
#include <stdint.h>

extern volatile uint64_t tohost, fromhost;

static void putch(int c) {
    tohost = (1ULL << 56) | (1ULL << 48) | (uint8_t) c;
    while (fromhost == 0) {
    }
    fromhost = 0;
}

static void puts_(const char *s) {
    while (*s) {
        putch(*s++);
    }
}

static void hex(uint64_t v) {
    for (int i = 60; i >= 0; i -= 4) {
        putch("0123456789abcdef"[(v >> i) & 15]);
    }
}

static uint64_t seed = 0x9E3779B97F4A7C15ULL;

static uint64_t rnd(void) {
    seed ^= seed << 13;
    seed ^= seed >> 7;
    seed ^= seed << 17;
    return seed;
}

static const uint64_t SPECIAL_D[] = {0, 0x8000000000000000ULL, 0x7FF0000000000000ULL, 0xFFF0000000000000ULL,
    0x7FF8000000000000ULL, 0x7FF0000000000001ULL, 0xFFF4000000000000ULL, 0x3FF0000000000000ULL,
    0xBFF0000000000000ULL, 0x0010000000000000ULL, 0x000FFFFFFFFFFFFFULL, 0x7FEFFFFFFFFFFFFFULL,
    0x0000000000000001ULL, 0x8000000000000001ULL, 0x41E0000000000000ULL, 0x43E0000000000000ULL,
    0xC1E0000000000000ULL, 0x41EFFFFFFFE00000ULL, 0x3FE0000000000000ULL, 0x4004000000000000ULL};
static const uint32_t SPECIAL_S[] = {0, 0x80000000u, 0x7F800000u, 0xFF800000u, 0x7FC00000u, 0x7F800001u,
    0xFFA00000u, 0x3F800000u, 0xBF800000u, 0x00800000u, 0x007FFFFFu, 0x7F7FFFFFu, 0x00000001u, 0x80000001u,
    0x4F000000u, 0x5F000000u, 0xCF000000u, 0x4F7FFFFFu, 0x3F000000u, 0x40200000u};

/* An operand, often related to ref (its exponent nearby) so that sums cancel and results round. */
static uint64_t operand_d(uint64_t ref) {
    uint64_t r = rnd();
    uint64_t m = rnd();
    switch (r & 7) {
    case 0: return SPECIAL_D[(r >> 8) % 20];
    case 1: case 2: return (m & 0x800FFFFFFFFFFFFFULL) | ((ref + (((r >> 8) % 8 - 4) << 52)) & 0x7FF0000000000000ULL);
    case 3: return (m & 0x800FFFFFFFFFFFFFULL) | (((r >> 8) % 56) << 52);
    case 4: return (m & 0x800FFFFFFFFFFFFFULL) | ((2046 - (r >> 8) % 56) << 52);
    case 5: return (m & 0xFFF0000000000000ULL) | (m >> 20 & 0x000F000000000000ULL);
    default: return (m & 0x800FFFFFFFFFFFFFULL) | ((1023 - 40 + (r >> 8) % 80) << 52);
    }
}

static uint64_t operand_s(uint64_t ref) {
    uint64_t r = rnd();
    uint32_t m = (uint32_t) rnd();
    uint32_t e;
    switch (r & 7) {
    case 0: return SPECIAL_S[(r >> 8) % 20];
    case 1: case 2: e = ((uint32_t) ref + (uint32_t) (((r >> 8) % 8 - 4) << 23)) & 0x7F800000u; break;
    case 3: e = (uint32_t) ((r >> 8) % 28) << 23; break;
    case 4: e = (uint32_t) (254 - (r >> 8) % 28) << 23; break;
    case 5: return (m & 0xFFF00000u);
    default: e = (uint32_t) (127 - 30 + (r >> 8) % 60) << 23; break;
    }
    return (m & 0x807FFFFFu) | e;
}

static uint64_t hash;

static void fold(uint64_t v) {
    hash = (hash ^ v) * 0x100000001B3ULL;
    hash ^= hash >> 29;
}

static uint64_t flags(void) {
    uint64_t f;
    asm volatile("csrrw %0, fflags, zero" : "=r"(f));
    return f;
}

#define D3(insn) asm volatile("fmv.d.x f0, %1\n fmv.d.x f1, %2\n fmv.d.x f2, %3\n " insn "\n fmv.x.d %0, f3" \
    : "=r"(r) : "r"(a), "r"(b), "r"(c) : "f0", "f1", "f2", "f3")
#define S3(insn) asm volatile("fmv.w.x f0, %1\n fmv.w.x f1, %2\n fmv.w.x f2, %3\n " insn "\n fmv.x.d %0, f3" \
    : "=r"(r) : "r"(a), "r"(b), "r"(c) : "f0", "f1", "f2", "f3")
#define DX(insn) asm volatile("fmv.d.x f0, %1\n fmv.d.x f1, %2\n " insn : "=r"(r) : "r"(a), "r"(b) : "f0", "f1")
#define SX(insn) asm volatile("fmv.w.x f0, %1\n fmv.w.x f1, %2\n " insn : "=r"(r) : "r"(a), "r"(b) : "f0", "f1")
#define XD(insn) asm volatile(insn "\n fmv.x.d %0, f3" : "=r"(r) : "r"(a) : "f3")

#define OPS 46

static uint64_t run(int op, uint64_t a, uint64_t b, uint64_t c) {
    uint64_t r = 0;
    switch (op) {
    case 0: D3("fadd.d f3, f0, f1"); break;
    case 1: D3("fsub.d f3, f0, f1"); break;
    case 2: D3("fmul.d f3, f0, f1"); break;
    case 3: D3("fdiv.d f3, f0, f1"); break;
    case 4: D3("fsqrt.d f3, f0"); break;
    case 5: D3("fmadd.d f3, f0, f1, f2"); break;
    case 6: D3("fmsub.d f3, f0, f1, f2"); break;
    case 7: D3("fnmsub.d f3, f0, f1, f2"); break;
    case 8: D3("fnmadd.d f3, f0, f1, f2"); break;
    case 9: D3("fmin.d f3, f0, f1"); break;
    case 10: D3("fmax.d f3, f0, f1"); break;
    case 11: DX("feq.d %0, f0, f1"); break;
    case 12: DX("flt.d %0, f0, f1"); break;
    case 13: DX("fle.d %0, f0, f1"); break;
    case 14: DX("fcvt.w.d %0, f0"); break;
    case 15: DX("fcvt.wu.d %0, f0"); break;
    case 16: DX("fcvt.l.d %0, f0"); break;
    case 17: DX("fcvt.lu.d %0, f0"); break;
    case 18: DX("fclass.d %0, f0"); break;
    case 19: D3("fcvt.s.d f3, f0"); break;
    case 20: XD("fcvt.d.w f3, %1"); break;
    case 21: XD("fcvt.d.wu f3, %1"); break;
    case 22: XD("fcvt.d.l f3, %1"); break;
    case 23: XD("fcvt.d.lu f3, %1"); break;
    case 24: S3("fadd.s f3, f0, f1"); break;
    case 25: S3("fsub.s f3, f0, f1"); break;
    case 26: S3("fmul.s f3, f0, f1"); break;
    case 27: S3("fdiv.s f3, f0, f1"); break;
    case 28: S3("fsqrt.s f3, f0"); break;
    case 29: S3("fmadd.s f3, f0, f1, f2"); break;
    case 30: S3("fnmadd.s f3, f0, f1, f2"); break;
    case 31: S3("fmin.s f3, f0, f1"); break;
    case 32: S3("fmax.s f3, f0, f1"); break;
    case 33: SX("feq.s %0, f0, f1"); break;
    case 34: SX("flt.s %0, f0, f1"); break;
    case 35: SX("fle.s %0, f0, f1"); break;
    case 36: SX("fcvt.w.s %0, f0"); break;
    case 37: SX("fcvt.wu.s %0, f0"); break;
    case 38: SX("fcvt.l.s %0, f0"); break;
    case 39: SX("fcvt.lu.s %0, f0"); break;
    case 40: SX("fclass.s %0, f0"); break;
    case 41: S3("fcvt.d.s f3, f0"); break;
    case 42: XD("fcvt.s.w f3, %1"); break;
    case 43: XD("fcvt.s.lu f3, %1"); break;
    case 44: D3("fsgnjx.d f3, f0, f1"); break;
    default: S3("fsgnjn.s f3, f0, f1"); break;
    }
    return r;
}

int main(void) {
    asm volatile("csrs mstatus, %0" : : "r"(1 << 13));
    for (int op = 0; op < OPS; op++) {
        int single = op >= 24 && op != 44 || op == 41;
        int intSource = op >= 20 && op <= 23 || op == 42 || op == 43;
        for (int rm = 0; rm < 5; rm++) {
            asm volatile("csrw frm, %0" : : "r"(rm));
            hash = 0xCBF29CE484222325ULL;
            flags();
            for (int i = 0; i < 400; i++) {
                uint64_t a = single ? operand_s(0x3F800000u) : operand_d(0x3FF0000000000000ULL);
                uint64_t b = single ? operand_s(a) : operand_d(a);
                uint64_t c = single ? operand_s(a) : operand_d(a);
                if (intSource) {
                    a = (rnd() & 3) == 0 ? rnd() >> (rnd() & 63) : rnd();
                }
                fold(run(op, a, b, c));
                fold(flags());
            }
            hex((uint64_t) op << 8 | (uint64_t) rm);
            putch(' ');
            hex(hash);
            putch('\n');
        }
    }
    puts_("done\n");
    return 0;
}
