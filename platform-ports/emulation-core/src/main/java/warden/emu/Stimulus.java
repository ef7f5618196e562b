package warden.emu;

/**
 * A device's interrupt stimulus: periodic, or with exponentially distributed intervals drawn from
 * a seeded source. Each event raises the device's line at the interrupt controller.
 */
public final class Stimulus implements Engine.Source {
    /** Where the stimulus raises its line (the port's interrupt controller input). */
    public interface LineInput {
        void raise(int line, long nowNs);
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
        stats.raised(line, nowNs);
        input.raise(line, nowNs);
        next = nowNs + interval();
    }
}
