package warden.emu.channel;

/**
 * The receiver's half of the protection: classifies each frame read (and each poll that found
 * none) into a {@link Verdict}, in this order: length out of range or CRC mismatch is CORRUPTED;
 * another data id is WRONG_DATA_ID; older than the maximum age is STALE; then by the counter's
 * distance d = counter - last accepted (mod 2^32, 0 expected before the first): d = 0 REPEATED,
 * d = 1 OK, 1 &lt; d &lt;= window + 1 OK_SOME_LOST with a gap of d - 1, larger WRONG_SEQUENCE (and
 * the receiver resynchronises on it), an older counter (d negative as a 32-bit number)
 * WRONG_SEQUENCE with a negative gap (reordered; the last counter stays). A STALE frame still moves
 * the counter forward (with its gap, when it is ahead), so the frames after it are not taken as
 * lost and those before it are. A poll without a frame is
 * NO_NEW_DATA, or TIMEOUT once the maximum age has passed since the last accepted frame (or the last
 * timeout) — never before the first frame. No allocation.
 *
 * [impl->dsn~e2e.check~2]
 */
public final class E2eChecker {
    private final E2eConfig config;
    private final E2eStateMachine machine;
    private int last = -1;
    private boolean seen;
    private long deadline;
    private int gap;
    private long latency;
    private boolean failure;

    public E2eChecker(E2eConfig config) {
        this.config = config;
        this.machine = new E2eStateMachine(config);
    }

    /**
     * Checks the frame in {@code frame} (a buffer of at least a header and the payload capacity)
     * read at {@code nowNs}. @return its verdict
     */
    public int check(byte[] frame, long nowNs) {
        return feed(classify(frame, nowNs));
    }

    /** A poll found nothing new at {@code nowNs}. @return NO_NEW_DATA or TIMEOUT */
    public int noNewData(long nowNs) {
        if (seen && nowNs > deadline) {
            deadline = nowNs + config.maxAgeNs;
            return feed(Verdict.TIMEOUT);
        }
        return feed(Verdict.NO_NEW_DATA);
    }

    private int feed(int verdict) {
        if (machine.feed(verdict)) {
            failure = true;
        }
        return verdict;
    }

    private int classify(byte[] frame, long nowNs) {
        gap = 0;
        int length = Frame.getInt(frame, Frame.LENGTH);
        if (length < config.header() || length > config.header() + config.payloadCapacity) {
            return Verdict.CORRUPTED;
        }
        if (!Frame.intact(frame, length, config.crcBits)) {
            return Verdict.CORRUPTED;
        }
        if (Frame.getInt(frame, Frame.DATA_ID) != config.dataId) {
            return Verdict.WRONG_DATA_ID;
        }
        int counter = Frame.getInt(frame, Frame.COUNTER);
        int d = counter - last;
        long age = nowNs - Frame.getLong(frame, Frame.SEND_TIME);
        if (age > config.maxAgeNs) {
            if (d > 0) {
                gap = d - 1;
                last = counter;
            }
            return Verdict.STALE;
        }
        return sequence(counter, d, Math.max(0, age), nowNs);
    }

    private int sequence(int counter, int d, long age, long nowNs) {
        gap = d - 1;
        if (d <= 0) {
            gap = d == 0 ? 0 : gap;
            return d == 0 ? Verdict.REPEATED : Verdict.WRONG_SEQUENCE;
        }
        last = counter;
        if (gap > config.counterWindow) {
            return Verdict.WRONG_SEQUENCE;
        }
        seen = true;
        deadline = nowNs + config.maxAgeNs;
        latency = age;
        return gap == 0 ? Verdict.OK : Verdict.OK_SOME_LOST;
    }

    /**
     * @return the gap of the last frame checked: frames missing before it (OK_SOME_LOST, STALE or
     *         WRONG_SEQUENCE forwards), negative for an older frame, 0 otherwise
     */
    public int gap() { return gap; }
    /** @return the age (virtual ns since its send time) of the last accepted frame. */
    public long latencyNs() { return latency; }
    /** @return the counter of the last frame that moved the sequence forward, -1 before any. */
    public int lastCounter() { return last; }
    public int state() { return machine.state(); }
    public long failures() { return machine.failures(); }

    /** @return true once per entry into the INVALID state, for the guest to report it. */
    public boolean takeFailure() {
        boolean f = failure;
        failure = false;
        return f;
    }
}
