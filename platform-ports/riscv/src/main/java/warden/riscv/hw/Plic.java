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
 *       ("Priority Thresholds");</li>
 *   <li>claim (read of claim/complete) returns the enabled pending source of highest priority,
 *       lowest id on ties, or 0, regardless of the threshold, and clears its pending bit
 *       ("Interrupt Claim Process");</li>
 *   <li>complete (write of claim/complete) is ignored unless the source is enabled for that
 *       context and in service ("Interrupt Completion"); it re-opens the source's gateway;</li>
 *   <li>no request is lost: see {@link PlicGateway};</li>
 *   <li>MMIO accesses allocate nothing and loop at most sourceCount (&le; 1024) or
 *       contextCount times; malformed accesses read 0 and are ignored on write.</li>
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

    /** @return the external interrupt notification (EIP, seen as mip.MEIP) of {@code context}. */
    public boolean externalPending(int context) {
        if (context < 0 || context >= contextCount) {
            return false;
        }
        for (int s = 1; s < sourceCount; s++) { // bound: sourceCount <= 1024
            if (isPending(s) && enabled(context, s) && priority[s] > threshold[context]) {
                return true;
            }
        }
        return false;
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
            priority[i] = v & PlicDescriptor.PRIORITY_MAX;
            return;
        }
        i = PlicDescriptor.enableIndex(offset, size, sourceCount, contextCount);
        if (i >= 0) {
            enable[i] = v & enableMask(i % words);
            return;
        }
        i = PlicDescriptor.contextOf(offset, size, contextCount, PlicDescriptor.THRESHOLD);
        if (i >= 0) {
            threshold[i] = v & PlicDescriptor.PRIORITY_MAX;
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
        for (int s = 1; s < sourceCount; s++) { // bound: sourceCount <= 1024
            if (priority[s] > bestPriority && isPending(s) && enabled(context, s)) {
                best = s;
                bestPriority = priority[s];
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
