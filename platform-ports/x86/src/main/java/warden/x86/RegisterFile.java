package warden.x86;

import warden.x86.hw.SaveStateDescriptor;

/**
 * The architectural state of one x86 core that a world switch and the SMRAM save map carry: the
 * sixteen general-purpose registers (x86 encoding order RAX, RCX, RDX, RBX, RSP, RBP, RSI, RDI,
 * R8..R15), RIP, RFLAGS, CR0, CR3, CR4, IA32_EFER and the current privilege level. A saved guest
 * context is {@link #WORDS} words in this order.
 *
 * [impl->dsn~x86.world-switch~1]
 */
public final class RegisterFile {
    public static final int RAX = 0;
    public static final int RCX = 1;
    public static final int RDX = 2;
    public static final int RBX = 3;
    public static final int RSI = 6;
    public static final int RDI = 7;
    public static final int R8 = 8;
    public static final int R9 = 9;
    public static final int R10 = 10;
    public static final int GPRS = 16;
    public static final int RIP = 16;
    public static final int RFLAGS = 17;
    public static final int CR0 = 18;
    public static final int CR3 = 19;
    public static final int CR4 = 20;
    public static final int EFER = 21;
    public static final int CPL = 22;
    public static final int WORDS = 23;
    /** Monitor-call argument registers, in order (the System V syscall order). */
    private static final int[] ARGS = {RDI, RSI, RDX, R10, R8, R9};
    /** CR0 of a 64-bit guest: PG, NE, ET, PE. */
    public static final long CR0_LONG_MODE = SaveStateDescriptor.CR0_PG | SaveStateDescriptor.CR0_NE
            | SaveStateDescriptor.CR0_ET | SaveStateDescriptor.CR0_PE;
    /** CR0 after reset (Vol. 3A §9.1.1, Table 9-1): CD, NW, ET. */
    public static final long CR0_RESET = 0x6000_0010L;

    final long[] r = new long[WORDS];

    /** @return register {@code i} of the layout above. */
    public long get(int i) {
        return r[i];
    }

    public void set(int i, long v) {
        r[i] = v;
    }

    /** @return the register holding monitor-call argument {@code i} (0..5). */
    static int argRegister(int i) {
        return ARGS[i];
    }

    void copyTo(long[] ctx, int off) {
        System.arraycopy(r, 0, ctx, off, WORDS);
    }

    void copyFrom(long[] ctx, int off) {
        System.arraycopy(ctx, off, r, 0, WORDS);
    }

    /** Fills a fresh guest context: 64-bit mode, IF set, RIP = entry, RDI = core, RSI = partition. */
    static void init(long[] ctx, int off, long entry, int partition, int core, boolean smmGuest) {
        for (int i = 0; i < WORDS; i++) {
            ctx[off + i] = 0;
        }
        ctx[off + RDI] = core;
        ctx[off + RSI] = partition;
        ctx[off + RIP] = entry;
        ctx[off + RFLAGS] = SaveStateDescriptor.RFLAGS_FIXED | SaveStateDescriptor.RFLAGS_IF;
        ctx[off + CR0] = CR0_LONG_MODE;
        ctx[off + CR4] = SaveStateDescriptor.CR4_PAE;
        ctx[off + EFER] = SaveStateDescriptor.EFER_LME | SaveStateDescriptor.EFER_LMA;
        ctx[off + CPL] = smmGuest ? 3 : 0;
    }

    /** The state after reset (Vol. 3A §9.1.1): RIP FFF0h, RFLAGS 2, CR0 60000010h, real mode. */
    void reset() {
        for (int i = 0; i < WORDS; i++) {
            r[i] = 0;
        }
        r[RIP] = 0xFFF0;
        r[RFLAGS] = SaveStateDescriptor.RFLAGS_FIXED;
        r[CR0] = CR0_RESET;
    }
}
