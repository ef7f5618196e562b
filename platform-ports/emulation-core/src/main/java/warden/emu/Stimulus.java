package warden.emu;

/**
 * A device's interrupt stimulus: periodic, or with exponentially distributed intervals drawn from
 * a seeded source. Each event raises the device's line at the interrupt controller.
 */
public final class Stimulus implements Engine.Source {
    /** Where the stimulus raises its line (the port's interrupt controller input). */
    public interface LineInput {
        /**
         * @return true when the controller took the request; false when it merged the request
         *     into one already pending, or ignored it, because the line is masked
         */
        boolean raise(int line, long nowNs);

        /**
         * @return requests of {@code line} the controller holds and has not yet handed to a core:
         *     its pending state plus requests counted behind it (PLIC gateway, GIC held events,
         *     local APIC backlog)
         */
        long heldRequests(int line);
    }

    private final int line;
    private final long periodNs;
    private final long meanNs;
    private final SplitMix64 random;
    private final LineInput input;
    private final IrqStats stats;
    private long next;

    /** @param periodNs fixed period, or 0 for random intervals of mean {@code meanNs}. */
    public Stimulus(int line, long periodNs, long meanNs, long seed, LineInput input, IrqStats stats) {
        this.line = line;
        this.periodNs = periodNs;
        this.meanNs = meanNs;
        this.random = new SplitMix64(seed);
        this.input = input;
        this.stats = stats;
        this.next = interval();
    }

    private long interval() {
        return periodNs > 0 ? periodNs : random.exponential(meanNs);
    }

    public int line() {
        return line;
    }

    @Override
    public long nextEventNs() {
        return next;
    }

    @Override
    public void fire(long nowNs) {
        stats.request(input, line, nowNs);
        next = nowNs + interval();
    }
}
