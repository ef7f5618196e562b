package warden.emu.dev.can;

import warden.emu.SplitMix64;

/**
 * A traffic node on a {@link CanBus}: periodic frame streams with given identifiers (the
 * replacement for a bare periodic interrupt line: the controller's interrupt then comes from a real
 * received frame), one-shot frames for tests, and a record of what it receives. It is an ideal
 * node: it always takes part in bus traffic and has no error counters of its own.
 *
 * <p>Stream s releases a frame at {@code offset + k × period} (k = 0, 1, ...); the frame contends
 * from its release until it is sent (retried after a bus error). Its payload is
 * {@code dlc} bytes of a {@link SplitMix64} sequence seeded from the generator's seed and the
 * stream's index, drawn at the release, so the same seed gives the same frames. A release that
 * comes while the stream's previous frame still waits is an overrun: it is counted and skipped.
 * One-shot frames wait in a bounded queue (32) and contend from their given time, in queue order.
 * A sporadic stream ({@link #addSporadicStream}) releases its frames at exponentially distributed
 * intervals of a given mean instead (a Poisson process drawn from the stream's generator, which also
 * draws its payloads), with the same overrun rule. Nothing is allocated after {@link #addStream}.
 *
 * [impl->dsn~can.stimulus~1]
 */
public final class CanStimulus implements CanBus.Node {
    public static final int STREAMS_MAX = 16;
    public static final int QUEUE = 32;
    /** Most overrun releases a sporadic stream draws after one frame. */
    static final int OVERRUN_DRAWS = 1024;

    private final long bitTimePs;
    private final long seed;
    private final int[] sId = new int[STREAMS_MAX];
    private final boolean[] sExt = new boolean[STREAMS_MAX];
    private final int[] sDlc = new int[STREAMS_MAX];
    private final long[] sPeriod = new long[STREAMS_MAX];
    /** Mean interval of a sporadic stream; 0 for a periodic one. */
    private final long[] sMean = new long[STREAMS_MAX];
    private final long[] sRelease = new long[STREAMS_MAX];
    private final long[] sData = new long[STREAMS_MAX];
    private final long[] sSent = new long[STREAMS_MAX];
    private final long[] sOverruns = new long[STREAMS_MAX];
    private final SplitMix64[] sRandom = new SplitMix64[STREAMS_MAX];
    private int streams;

    private final CanFrame[] queue = new CanFrame[QUEUE];
    private final long[] queueAt = new long[QUEUE];
    private int qHead;
    private int qFill;

    private final CanFrame scratch = new CanFrame();
    private final CanFrame lastReceived = new CanFrame();
    /** What is on the bus: a stream index, QUEUE_ACTIVE for the queue head, or -1. */
    private int active = -1;
    private static final int QUEUE_ACTIVE = -2;
    private long sent;
    private long failed;
    private long received;
    private long receiveErrors;
    private long lastReceivedEndNs;

    /**
     * @param bitTimePs the node's nominal bit time in ps (2,000,000 for 500 kbit/s)
     * @param seed      seed of every stream's payload
     */
    public CanStimulus(long bitTimePs, long seed) {
        if (bitTimePs <= 0) {
            throw new IllegalArgumentException("bit time must be positive");
        }
        this.bitTimePs = bitTimePs;
        this.seed = seed;
        for (int i = 0; i < QUEUE; i++) {
            queue[i] = new CanFrame();
        }
    }

    /**
     * Adds a periodic stream (boot time). @return its index
     *
     * @param periodNs release period, positive
     * @param offsetNs first release
     */
    public int addStream(int id, boolean extended, int dlc, long periodNs, long offsetNs) {
        if (streams >= STREAMS_MAX || periodNs <= 0 || offsetNs < 0) {
            throw new IllegalArgumentException(
                    "at most " + STREAMS_MAX + " streams, a positive period, a non-negative offset");
        }
        int s = streams++;
        scratch.set(id, extended, false, dlc, 0);
        sId[s] = scratch.id();
        sExt[s] = extended;
        sDlc[s] = scratch.dlc();
        sPeriod[s] = periodNs;
        sRelease[s] = offsetNs;
        sRandom[s] = new SplitMix64(SplitMix64.derive(seed, s + 1L));
        sData[s] = sRandom[s].nextLong();
        return s;
    }

    /**
     * Adds a sporadic stream (boot time): its first release one interval after {@code offsetNs}, each
     * next one an interval after the last, the intervals exponentially distributed with mean
     * {@code meanNs}. @return its index [impl->dsn~can.stimulus-sporadic~1]
     */
    public int addSporadicStream(int id, boolean extended, int dlc, long meanNs, long offsetNs) {
        if (meanNs <= 0) {
            throw new IllegalArgumentException("a sporadic stream's mean interval must be positive");
        }
        int s = addStream(id, extended, dlc, meanNs, offsetNs);
        sMean[s] = meanNs;
        sRelease[s] = offsetNs + sRandom[s].exponential(meanNs);
        return s;
    }

    /** Queues a one-shot frame that contends from {@code atNs}. @return false when the queue is full */
    public boolean send(int id, boolean extended, boolean remote, int dlc, long data, long atNs) {
        if (qFill == QUEUE) {
            return false;
        }
        int t = (qHead + qFill) % QUEUE;
        queue[t].set(id, extended, remote, dlc, data);
        queueAt[t] = atNs;
        qFill++;
        return true;
    }

    public long sent() {
        return sent;
    }

    /** @return frames of stream {@code s} sent. */
    public long sent(int s) {
        return sSent[s];
    }

    /** @return releases of stream {@code s} skipped because its previous frame still waited. */
    public long overruns(int s) {
        return sOverruns[s];
    }

    public long failed() {
        return failed;
    }

    public long received() {
        return received;
    }

    public long receiveErrors() {
        return receiveErrors;
    }

    /** @return the last frame received (a slot the node reuses). */
    public CanFrame lastReceived() {
        return lastReceived;
    }

    public long lastReceivedEndNs() {
        return lastReceivedEndNs;
    }

    @Override
    public long readyAtNs() {
        if (active != -1) {
            return Long.MAX_VALUE;
        }
        long r = qFill > 0 ? queueAt[qHead] : Long.MAX_VALUE;
        for (int s = 0; s < streams; s++) {
            r = Math.min(r, sRelease[s]);
        }
        return r;
    }

    /** @return the stream or QUEUE_ACTIVE whose frame goes first at {@code startNs}, or -1. */
    private int candidate(long startNs) {
        int best = -1;
        long bestKey = Long.MAX_VALUE;
        if (qFill > 0 && queueAt[qHead] <= startNs) {
            best = QUEUE_ACTIVE;
            bestKey = queue[qHead].arbitrationKey();
        }
        for (int s = 0; s < streams; s++) {
            if (sRelease[s] <= startNs) {
                long key = frameOf(s, scratch).arbitrationKey();
                if (key < bestKey) {
                    bestKey = key;
                    best = s;
                }
            }
        }
        return best;
    }

    private CanFrame frameOf(int s, CanFrame out) {
        out.set(sId[s], sExt[s], false, sDlc[s], sData[s]);
        return out;
    }

    @Override
    public long arbitrationKey(long startNs) {
        int c = candidate(startNs);
        if (c == -1) {
            return Long.MAX_VALUE;
        }
        return c == QUEUE_ACTIVE ? queue[qHead].arbitrationKey() : frameOf(c, scratch).arbitrationKey();
    }

    @Override
    public void load(CanFrame out, long startNs) {
        active = candidate(startNs);
        if (active == QUEUE_ACTIVE) {
            out.copyFrom(queue[qHead]);
        } else {
            frameOf(active, out);
        }
    }

    @Override
    public long bitTimePs() {
        return bitTimePs;
    }

    @Override
    public boolean participating() {
        return true;
    }

    @Override
    public void transmitted(long endNs, long nowNs) {
        sent++;
        if (active == QUEUE_ACTIVE) {
            qHead = (qHead + 1) % QUEUE;
            qFill--;
        } else {
            int s = active;
            sSent[s]++;
            sRelease[s] = sMean[s] > 0 ? nextSporadic(s, endNs) : nextPeriodic(s, endNs);
            sData[s] = sRandom[s].nextLong();
        }
        active = -1;
    }

    /** @return the periodic stream's next release after a frame that ended at {@code endNs}. */
    private long nextPeriodic(int s, long endNs) {
        long next = sRelease[s] + sPeriod[s];
        if (next < endNs) {
            long skipped = (endNs - next) / sPeriod[s] + 1;
            sOverruns[s] += skipped;
            next += skipped * sPeriod[s];
        }
        return next;
    }

    /**
     * @return the sporadic stream's next release after a frame that ended at {@code endNs}: the
     *     releases that fell while it waited are overruns (at most {@link #OVERRUN_DRAWS} are drawn;
     *     past them the next release is the frame's end). [impl->dsn~can.stimulus-sporadic~1]
     */
    private long nextSporadic(int s, long endNs) {
        long next = sRelease[s] + sRandom[s].exponential(sMean[s]);
        for (int k = 0; k < OVERRUN_DRAWS && next < endNs; k++) {
            sOverruns[s]++;
            next += sRandom[s].exponential(sMean[s]);
        }
        return Math.max(next, endNs);
    }

    @Override
    public void transmitFailed(boolean ackError, long endNs, long nowNs) {
        failed++;
        active = -1;
    }

    @Override
    public void received(CanFrame frame, long endNs, long nowNs) {
        received++;
        lastReceived.copyFrom(frame);
        lastReceivedEndNs = endNs;
    }

    @Override
    public void receiveError(long endNs, long nowNs) {
        receiveErrors++;
    }

    @Override
    public void frameEnded(long endNs, long nowNs) {
    }

    @Override
    public void idle(long fromNs, long toNs, long nowNs) {
    }

    @Override
    public long recoveryEndNs(long idleFromNs) {
        return Long.MAX_VALUE;
    }
}
