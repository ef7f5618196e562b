package warden.riscv.hw;

import warden.emu.MmioDevice;
import warden.kernel.api.Status;

/**
 * The RISC-V Platform-Level Interrupt Controller (PLIC spec 1.0.0; layout {@link PlicDescriptor},
 * as on QEMU {@code virt}); one context per hart (M-mode), context id = hart id.
 *
 * <p>Guarantees:
 * <ul>
 *   <li>priorities and thresholds are WARL 0..7 (low three bits kept); priority 0 never
 *       interrupts and is never claimed;</li>
 *   <li>{@link #externalPending}: some enabled pending source has priority &gt; threshold
 *       ("Priority Thresholds"), answered in O(1) from per-context words of signalled sources
 *       that every change of pending, enable, priority or threshold keeps up to date;</li>
 *   <li>claim (read of claim/complete) returns the enabled pending source of highest priority,
 *       lowest id on ties, or 0, regardless of the threshold, and clears its pending bit
 *       ("Interrupt Claim Process");</li>
 *   <li>complete (write of claim/complete) is ignored unless the source is enabled for that
 *       context and in service ("Interrupt Completion"); it re-opens the source's gateway;</li>
 *   <li>no request is lost: see {@link PlicGateway};</li>
 *   <li>MMIO accesses allocate nothing and loop at most sourceCount (&le; 1024), 8 &times;
 *       words or contextCount times; malformed accesses read 0 and are ignored on write.</li>
 * </ul>
 *
 * [impl->dsn~riscv.plic.priority~1] [impl->dsn~riscv.plic.claim~1] [impl->dsn~riscv.hw.no-allocation~1]
 */
public final class Plic implements MmioDevice {
    /** {@link #raise} merged the request into the pending bit of a masked source. */
    public static final int MERGED = 1;
    private final int sourceCount;
    private final int contextCount;
    private final int words;
    private final int[] priority;
    private final int[] pending;
    private final int[] enable;
    private final int[] threshold;
    private final PlicGateway gateway;
    /** Per priority level p (0..7): the sources whose priority is above p, {@code words} words each. */
    private final int[] above;
    /**
     * Per context: the sources that are pending, enabled for it and above its threshold (the
     * sources that raise its EIP), {@code words} words each, kept on every change of their inputs.
     */
    private final int[] signalled;
    /** Per context: the number of bits set in its {@link #signalled} words. */
    private final int[] signalledCount;

    /** Boot-time: sources 1..sourceCount-1 (sourceCount 2..1024), contexts 0..contextCount-1. */
    public Plic(int sourceCount, int contextCount) {
        if (sourceCount < 2 || sourceCount > PlicDescriptor.SOURCES_MAX) {
            throw new IllegalArgumentException("PLIC source count outside 2.." + PlicDescriptor.SOURCES_MAX);
        }
        if (contextCount < 1 || contextCount > PlicDescriptor.CONTEXTS_MAX) {
            throw new IllegalArgumentException("PLIC context count outside 1.." + PlicDescriptor.CONTEXTS_MAX);
        }
        this.sourceCount = sourceCount;
        this.contextCount = contextCount;
        this.words = PlicDescriptor.words(sourceCount);
        this.priority = new int[sourceCount];
        this.pending = new int[words];
        this.enable = new int[contextCount * words];
        this.threshold = new int[contextCount];
        this.gateway = new PlicGateway(sourceCount);
        this.above = new int[(PlicDescriptor.PRIORITY_MAX + 1) * words];
        this.signalled = new int[contextCount * words];
        this.signalledCount = new int[contextCount];
    }

    /** @return N: valid source ids are 1..N-1. */
    public int sourceCount() {
        return sourceCount;
    }

    public int contextCount() {
        return contextCount;
    }

    /** @return the gateways, for inspection (in-service state, held requests). */
    public PlicGateway gateway() {
        return gateway;
    }

    /**
     * A device raises an interrupt request on source s (edge, or assertion of a level).
     *
     * <p>A source whose enable bit is clear on every context (masked) and whose pending bit is
     * already set merges the request into that pending bit ({@link #MERGED}): its gateway counts
     * requests only for a source some target can take.
     *
     * @return Status.OK, {@link #MERGED}, or Status.INVALID_PARAM for a source outside 1..N-1
     */
    public int raise(int s) {
        if (s < 1 || s >= sourceCount) {
            return Status.INVALID_PARAM;
        }
        if (isPending(s) && !enabledOnAnyContext(s)) {
            return MERGED;
        }
        if (isPending(s) || gateway.inService(s)) {
            gateway.hold(s);
        } else {
            setPending(s, true);
        }
        return Status.OK;
    }

    /** @return whether source s's pending (IP) bit is set. */
    public boolean isPending(int s) {
        return s >= 1 && s < sourceCount && (pending[s >>> 5] & (1 << (s & 31))) != 0;
    }

    /**
     * @return the external interrupt notification (EIP, seen as mip.MEIP) of {@code context}: O(1),
     *         from the context's count of signalled sources
     *
     * [impl->dsn~riscv.plic.signalled-summary~1]
     */
    public boolean externalPending(int context) {
        return context >= 0 && context < contextCount && signalledCount[context] != 0;
    }

    @Override
    public long read(long offset, int size, long nowNs) {
        int i = PlicDescriptor.prioritySource(offset, size, sourceCount);
        if (i >= 0) {
            return priority[i];
        }
        i = PlicDescriptor.pendingWord(offset, size, sourceCount);
        if (i >= 0) {
            return pending[i] & 0xFFFF_FFFFL;
        }
        i = PlicDescriptor.enableIndex(offset, size, sourceCount, contextCount);
        if (i >= 0) {
            return enable[i] & 0xFFFF_FFFFL;
        }
        i = PlicDescriptor.contextOf(offset, size, contextCount, PlicDescriptor.THRESHOLD);
        if (i >= 0) {
            return threshold[i];
        }
        i = PlicDescriptor.contextOf(offset, size, contextCount, PlicDescriptor.CLAIM_COMPLETE);
        return i >= 0 ? claim(i) : 0;
    }

    @Override
    public void write(long offset, int size, long value, long nowNs) {
        int v = (int) value;
        int i = PlicDescriptor.prioritySource(offset, size, sourceCount);
        if (i >= 0) {
            setPriority(i, v & PlicDescriptor.PRIORITY_MAX);
            return;
        }
        i = PlicDescriptor.enableIndex(offset, size, sourceCount, contextCount);
        if (i >= 0) {
            enable[i] = v & enableMask(i % words);
            refresh(i / words, i % words);
            return;
        }
        i = PlicDescriptor.contextOf(offset, size, contextCount, PlicDescriptor.THRESHOLD);
        if (i >= 0) {
            threshold[i] = v & PlicDescriptor.PRIORITY_MAX;
            for (int w = 0; w < words; w++) { // bound: words <= 32
                refresh(i, w);
            }
            return;
        }
        i = PlicDescriptor.contextOf(offset, size, contextCount, PlicDescriptor.CLAIM_COMPLETE);
        if (i >= 0) {
            complete(i, v);
        }
    }

    /** [impl->dsn~riscv.plic.claim~1] */
    private int claim(int context) {
        int best = 0;
        int bestPriority = 0;
        for (int w = 0; w < words; w++) { // bound: words <= 32
            int candidates = pending[w] & enable[context * words + w];
            for (int b = 0; b < 32 && candidates != 0; b++) { // bound: 32 bits, lowest id first
                int s = 32 * w + Integer.numberOfTrailingZeros(candidates);
                candidates &= candidates - 1;
                if (priority[s] > bestPriority) {
                    best = s;
                    bestPriority = priority[s];
                }
            }
        }
        if (best != 0) {
            setPending(best, false);
            gateway.claimed(best);
        }
        return best;
    }

    /** [impl->dsn~riscv.plic.complete~1] [impl->dsn~riscv.plic.no-lost-interrupt~1] */
    private void complete(int context, int s) {
        if (s < 1 || s >= sourceCount || !enabled(context, s) || !gateway.inService(s)) {
            return;
        }
        if (gateway.completed(s)) {
            setPending(s, true);
        }
    }

    /** @return whether source s is enabled on at least one context (not masked everywhere). */
    private boolean enabledOnAnyContext(int s) {
        for (int c = 0; c < contextCount; c++) { // bound: contextCount
            if (enabled(c, s)) {
                return true;
            }
        }
        return false;
    }

    private boolean enabled(int context, int s) {
        return (enable[context * words + (s >>> 5)] & (1 << (s & 31))) != 0;
    }

    private void setPending(int s, boolean on) {
        int bit = 1 << (s & 31);
        pending[s >>> 5] = on ? pending[s >>> 5] | bit : pending[s >>> 5] & ~bit;
        for (int c = 0; c < contextCount; c++) { // bound: contextCount
            refresh(c, s >>> 5);
        }
    }

    /** Sets source s's priority and its bits in the per-level {@link #above} masks. */
    private void setPriority(int s, int value) {
        priority[s] = value;
        int bit = 1 << (s & 31);
        for (int p = 0; p <= PlicDescriptor.PRIORITY_MAX; p++) { // bound: 8 levels
            int k = p * words + (s >>> 5);
            above[k] = value > p ? above[k] | bit : above[k] & ~bit;
        }
        for (int c = 0; c < contextCount; c++) { // bound: contextCount
            refresh(c, s >>> 5);
        }
    }

    /**
     * Recomputes word w of context c's signalled sources from its inputs and keeps the count.
     *
     * [impl->dsn~riscv.plic.signalled-summary~1]
     */
    private void refresh(int c, int w) {
        int k = c * words + w;
        int now = pending[w] & enable[k] & above[threshold[c] * words + w];
        signalledCount[c] += Integer.bitCount(now) - Integer.bitCount(signalled[k]);
        signalled[k] = now;
    }

    /** Writable enable bits of word w: not source 0, not sources &ge; N. */
    private int enableMask(int w) {
        int mask = -1;
        if (w == 0) {
            mask &= ~1;
        }
        int firstAbsent = sourceCount - 32 * w; // sources >= N in this word are hardwired zero
        if (firstAbsent < 32) {
            mask &= (1 << firstAbsent) - 1;
        }
        return mask;
    }
}
