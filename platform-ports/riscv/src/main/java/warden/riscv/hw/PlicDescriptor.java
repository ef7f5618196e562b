package warden.riscv.hw;

/**
 * Register layout of the RISC-V PLIC (PLIC spec 1.0.0, "Memory Map"), as QEMU {@code virt} maps
 * it at 0x0C00_0000. All registers are 32 bits wide and accessed as aligned words.
 *
 * <pre>
 *  0x000000 + 4*s                  priority[s]        s = 1..N-1 (source 0 does not exist)
 *  0x001000 + 4*w                  pending word w     bit s%32 of word s/32, read-only
 *  0x002000 + 0x80*c + 4*w         enable word w of context c
 *  0x200000 + 0x1000*c             threshold[c]
 *  0x200004 + 0x1000*c             claim (read) / complete (write) of context c
 * </pre>
 *
 * <p>Guarantees: each decode method returns -1 unless the access is one aligned 32-bit word of
 * that block inside the configured source and context counts; nothing is allocated.
 */
public final class PlicDescriptor {
    public static final long PRIORITY_BASE = 0x0;
    public static final long PENDING_BASE = 0x1000;
    public static final long ENABLE_BASE = 0x2000;
    public static final long ENABLE_STRIDE = 0x80;
    public static final long CONTEXT_BASE = 0x200000;
    public static final long CONTEXT_STRIDE = 0x1000;
    public static final long THRESHOLD = 0x0;
    public static final long CLAIM_COMPLETE = 0x4;
    public static final long SIZE = 0x4000000;
    public static final int SOURCES_MAX = 1024;
    public static final int CONTEXTS_MAX = 15872;
    /** Priority and threshold registers are 3 bits wide on virt: 0..7. */
    public static final int PRIORITY_MAX = 7;
    public static final int WORD = 4;

    private PlicDescriptor() {
    }

    /** @return words of pending/enable bits for {@code sourceCount} sources. */
    public static int words(int sourceCount) {
        return (sourceCount + 31) / 32;
    }

    /** @return the source whose priority register is hit, or -1 (source 0 is reserved). */
    public static int prioritySource(long offset, int size, int sourceCount) {
        if (!word(offset, size) || offset < PRIORITY_BASE || offset >= PENDING_BASE) {
            return -1;
        }
        long s = (offset - PRIORITY_BASE) / WORD;
        return s >= 1 && s < sourceCount ? (int) s : -1;
    }

    /** @return the pending word index hit, or -1. */
    public static int pendingWord(long offset, int size, int sourceCount) {
        if (!word(offset, size) || offset < PENDING_BASE || offset >= ENABLE_BASE) {
            return -1;
        }
        long w = (offset - PENDING_BASE) / WORD;
        return w < words(sourceCount) ? (int) w : -1;
    }

    /** @return context * words + word of the enable register hit, or -1. */
    public static int enableIndex(long offset, int size, int sourceCount, int contextCount) {
        if (!word(offset, size) || offset < ENABLE_BASE || offset >= CONTEXT_BASE) {
            return -1;
        }
        long c = (offset - ENABLE_BASE) / ENABLE_STRIDE;
        long w = ((offset - ENABLE_BASE) % ENABLE_STRIDE) / WORD;
        int words = words(sourceCount);
        return c < contextCount && w < words ? (int) (c * words + w) : -1;
    }

    /** @return the context whose threshold or claim/complete register ({@code reg}) is hit, or -1. */
    public static int contextOf(long offset, int size, int contextCount, long reg) {
        if (!word(offset, size) || offset < CONTEXT_BASE || offset >= SIZE) {
            return -1;
        }
        long c = (offset - CONTEXT_BASE) / CONTEXT_STRIDE;
        long r = (offset - CONTEXT_BASE) % CONTEXT_STRIDE;
        return r == reg && c < contextCount ? (int) c : -1;
    }

    /** @return the offset of a context's threshold register. */
    public static long threshold(int context) {
        return CONTEXT_BASE + CONTEXT_STRIDE * context + THRESHOLD;
    }

    /** @return the offset of a context's claim/complete register. */
    public static long claimComplete(int context) {
        return CONTEXT_BASE + CONTEXT_STRIDE * context + CLAIM_COMPLETE;
    }

    /** @return the offset of the enable word holding {@code source} for {@code context}. */
    public static long enable(int context, int source) {
        return ENABLE_BASE + ENABLE_STRIDE * context + (long) WORD * (source / 32);
    }

    /** @return the offset of a source's priority register. */
    public static long priority(int source) {
        return PRIORITY_BASE + (long) WORD * source;
    }

    private static boolean word(long offset, int size) {
        return size == WORD && (offset & (WORD - 1)) == 0;
    }
}
