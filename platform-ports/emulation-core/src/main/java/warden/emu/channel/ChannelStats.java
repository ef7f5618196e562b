package warden.emu.channel;

/**
 * What one channel end counted, read-only for reports: frames sent (protected and handed to the
 * ring) and received (read from it), each verdict, the worst end-to-end latency of an accepted
 * frame (virtual ns from its send time), the ring's high-water mark as this end saw it, frames
 * dropped (full ring, drop policy), overwritten (overwrite policy), skipped (lapped receiver),
 * failures (entries into the INVALID state) and refused or faulted ring operations.
 *
 * [impl->dsn~e2e.endpoint~1]
 */
public final class ChannelStats {
    final int channel;
    final int role;
    long sent;
    long received;
    final long[] verdicts = new long[Verdict.COUNT];
    long worstLatencyNs;
    long highWater;
    long drops;
    long overwrites;
    long skipped;
    long failures;
    long errors;

    ChannelStats(int channel, int role) {
        this.channel = channel;
        this.role = role;
    }

    public int channel() { return channel; }
    /** @return {@link ChannelCalls#ROLE_SENDER} or {@link ChannelCalls#ROLE_RECEIVER}. */
    public int role() { return role; }
    public long sent() { return sent; }
    public long received() { return received; }
    /** @return how many receptions had {@code verdict} (a {@link Verdict} constant). */
    public long verdict(int verdict) { return verdicts[verdict]; }
    public long worstLatencyNs() { return worstLatencyNs; }
    public long highWater() { return highWater; }
    public long drops() { return drops; }
    public long overwrites() { return overwrites; }
    public long skipped() { return skipped; }
    public long failures() { return failures; }
    public long errors() { return errors; }

    /** @return the counts as one line, for logs and tests. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("channel ").append(channel)
            .append(role == ChannelCalls.ROLE_SENDER ? " sender" : " receiver")
            .append(": sent ").append(sent).append(", received ").append(received);
        for (int v = 0; v < Verdict.COUNT; v++) {
            b.append(", ").append(Verdict.name(v)).append(' ').append(verdicts[v]);
        }
        return b.append(", worst latency ").append(worstLatencyNs).append(" ns, high water ").append(highWater)
            .append(", drops ").append(drops).append(", overwrites ").append(overwrites).append(", skipped ")
            .append(skipped).append(", failures ").append(failures).append(", errors ").append(errors).toString();
    }
}
