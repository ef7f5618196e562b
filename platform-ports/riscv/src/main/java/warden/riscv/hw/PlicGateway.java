package warden.riscv.hw;

/**
 * The PLIC's interrupt gateways, one per source (PLIC spec, "Interrupt Gateways"): at most one
 * request per source is in the PLIC core at a time, and the next one is forwarded only after the
 * completion message for the previous one.
 *
 * <p>Chosen behaviour: a gateway with a pending-interrupt counter (the spec's option for
 * edge-triggered sources, which also covers a level source that re-asserts). A request arriving
 * while the source's previous request is still pending or in service is counted in
 * {@link #backlog}; each completion forwards one counted request. So no request is ever dropped;
 * the price is that a handler may run once more and find nothing to do, which the spec already
 * requires handlers to tolerate. The counter saturates at Integer.MAX_VALUE.
 *
 * <p>Guarantees: nothing is allocated after construction; every method is O(1).
 *
 * [impl->dsn~riscv.plic.gateway~1]
 */
public final class PlicGateway {
    private final boolean[] inService;
    private final int[] backlog;

    /** Boot-time: gateways for sources 0..sourceCount-1 (0 is never used). */
    public PlicGateway(int sourceCount) {
        this.inService = new boolean[sourceCount];
        this.backlog = new int[sourceCount];
    }

    /** @return whether source s has been claimed and its completion not yet received. */
    public boolean inService(int s) {
        return inService[s];
    }

    /** @return requests of source s waiting behind the one in the PLIC core. */
    public int backlog(int s) {
        return backlog[s];
    }

    /** A request that cannot be forwarded yet: count it. */
    void hold(int s) {
        if (backlog[s] < Integer.MAX_VALUE) {
            backlog[s]++;
        }
    }

    /** The PLIC core handed source s to a target (claim). */
    void claimed(int s) {
        inService[s] = true;
    }

    /**
     * Completion message for source s.
     *
     * @return true when a held request must now be forwarded (the caller sets the pending bit)
     */
    boolean completed(int s) {
        inService[s] = false;
        if (backlog[s] > 0) {
            backlog[s]--;
            return true;
        }
        return false;
    }
}
