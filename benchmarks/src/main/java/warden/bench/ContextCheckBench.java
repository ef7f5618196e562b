package warden.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import warden.kernel.sched.ContextCheck;

/**
 * The saved-context check value alone, over the context sizes of the ports (x86 23 words, RISC-V
 * and the stub 41): the kernel's four-lane check ({@link ContextCheck}) and, for comparison, the
 * one-lane serial chain it replaced (xor, multiply, xor-shift over every word in turn), kept here
 * as a reference only.
 */
public class ContextCheckBench extends NanoBench {
    @Param({"23", "41"})
    public int words;

    private long[] ctx;
    private ContextCheck check;

    @Setup(Level.Trial)
    public void setUp() {
        ctx = new long[words];
        check = new ContextCheck(words);
        long x = 7;
        for (int i = 0; i < words; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
            ctx[i] = x;
        }
    }

    /** @return the kernel's check value. */
    @Benchmark
    public long fourLanes() {
        return check.of(ctx, 0);
    }

    /** @return the serial one-lane check value (the kernel's before issue 17). */
    @Benchmark
    public long serialReference() {
        long h = 0x6A09E667F3BCC908L;
        for (int i = 0; i < words; i++) {
            h = (h ^ ctx[i]) * 0x9E3779B97F4A7C15L;
            h ^= h >>> 29;
        }
        return h;
    }
}
