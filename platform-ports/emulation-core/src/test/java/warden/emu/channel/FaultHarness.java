package warden.emu.channel;

import warden.emu.SplitMix64;
import warden.kernel.api.ChannelLayout;

/**
 * The library-level fault harness: a sender and a receiver over one ring (the kernel double),
 * frames at a fixed period, and every so often one injected fault of a channel fault model. The
 * ground truth is kept beside: each frame's payload is a function of its counter, so every frame
 * the receiver accepts is checked against what was sent, and every counter sent must end up
 * accepted or signalled (inside a reported gap, or itself rejected with its counter known).
 * Per fault model it counts injections, detections (the model's own detection happened and all
 * frames it touched were accepted or signalled) and undetected ones, and globally accepted frames
 * that differ from what was sent (undetected corruptions) and counters never signalled (undetected
 * losses).
 */
final class FaultHarness {
    static final int NONE = 0;
    static final int BIT_FLIP = 1;
    static final int LOST = 2;
    static final int REPEATED = 3;
    static final int REORDERED = 4;
    static final int DELAYED = 5;
    static final int MASQUERADE = 6;
    static final int FLOOD = 7;
    static final int STOPPED = 8;
    static final int MODELS = 9;
    static final String[] NAMES = {"none", "bit-flip", "lost", "repeated", "reordered", "delayed", "masquerade",
        "flooding-sender", "receiver-stopped"};

    static final long PERIOD = 1_000_000;
    static final long MAX_AGE = 5 * PERIOD;
    static final int SLOTS = 8;
    static final int PAYLOAD = 64;
    static final int DATA_ID = 0x5EC7;

    final ChannelKernel kernel;
    final ChannelCpu tx;
    final ChannelCpu rx;
    final RingWriter writer;
    final RingReader reader;
    final E2eProtector protector;
    final E2eProtector masquerader;
    final E2eChecker checker;
    final SplitMix64 random;
    final byte[] out;
    final byte[] spare;
    final byte[] in;
    final int faultEvery;
    /** The CRC width of the channel and the header in front of each payload. */
    final int crcBits;
    final int header;

    final long[] injected = new long[MODELS];
    final long[] detected = new long[MODELS];
    final long[] undetectedCorruption = new long[MODELS];
    final long[] undetectedLoss = new long[MODELS];
    final long[] verdicts = new long[Verdict.COUNT];
    long frames;
    long failures;
    /** Test of the harness itself: bit flips hit the payload before the CRC is computed (CRC blind). */
    boolean blindToCrc;

    /** Per counter: 1 sent, 2 accepted or signalled; and which fault model touched it. */
    private byte[] fate;
    private byte[] modelOf;
    private final int[] recent = new int[4 * SLOTS];
    private int recentCount;
    private int lastAccepted = -1;

    FaultHarness(int policy, long seed, int faultEvery, int expectedFrames) {
        this(policy, seed, faultEvery, expectedFrames, ChannelLayout.CRC32);
    }

    FaultHarness(int policy, long seed, int faultEvery, int expectedFrames, int crcBits) {
        this.crcBits = crcBits;
        this.header = ChannelLayout.headerRoom(crcBits);
        kernel = ChannelKernel.single(PAYLOAD, SLOTS, policy, DATA_ID, MAX_AGE, 3, crcBits);
        tx = new ChannelCpu(kernel, ChannelKernel.SENDER);
        rx = new ChannelCpu(kernel, ChannelKernel.RECEIVER);
        RingLayout layout = RingLayout.discover(rx, 0);
        writer = new RingWriter(RingLayout.discover(tx, 0));
        reader = new RingReader(layout);
        protector = new E2eProtector(layout.config());
        masquerader = new E2eProtector(new E2eConfig(DATA_ID + 1, MAX_AGE, 3, PAYLOAD, crcBits));
        checker = new E2eChecker(layout.config());
        random = new SplitMix64(seed);
        out = new byte[layout.stride()];
        spare = new byte[layout.stride()];
        in = new byte[layout.stride()];
        this.faultEvery = faultEvery;
        fate = new byte[expectedFrames * 3 / 2 + 1000];
        modelOf = new byte[fate.length];
    }

    static byte payloadByte(int counter, int i) {
        return (byte) (counter * 31 + i * 7 + (counter >>> 8));
    }

    /** Protects the next frame into {@code buffer} at the current time, marking its counter sent. */
    private int protect(byte[] buffer, int model) {
        int c = protector.nextCounter();
        int len = (c * 13) % (PAYLOAD + 1);
        for (int i = 0; i < len; i++) {
            buffer[header + i] = payloadByte(c, i);
        }
        fate[c] = 1;
        modelOf[c] = (byte) model;
        return protector.protect(buffer, len, kernel.now);
    }

    private void write(byte[] buffer, int length) {
        writer.write(tx, buffer, length);
    }

    /** Polls and reads everything ready; the verdicts land in {@code recent}. */
    private void drain() {
        recentCount = 0;
        int n = reader.poll(rx);
        if (n == 0) {
            note(checker.noNewData(kernel.now));
            return;
        }
        for (int i = 0; i < n; i++) {
            if (reader.read(rx, in) <= 0) {
                throw new AssertionError("ring read failed");
            }
            int v = checker.check(in, kernel.now);
            note(v);
            account(v);
        }
    }

    private void note(int v) {
        verdicts[v]++;
        if (recentCount < recent.length) {
            recent[recentCount++] = v;
        }
        if (checker.takeFailure()) {
            failures++;
        }
    }

    private void account(int v) {
        int c = Frame.getInt(in, Frame.COUNTER);
        if (Verdict.accepted(v)) {
            boolean right = c > lastAccepted && c < fate.length && fate[c] != 0
                && kernel.now - Frame.getLong(in, Frame.SEND_TIME) <= MAX_AGE && payloadRight(c);
            if (!right) {
                undetectedCorruption[c >= 0 && c < fate.length ? modelOf[c] : NONE]++;
                return;
            }
            lastAccepted = c;
            fate[c] = 2;
        }
        if (checker.gap() > 0) {
            for (int k = c - checker.gap(); k < c; k++) {
                fate[k] = 2;
            }
        }
        if (v == Verdict.STALE || (v == Verdict.WRONG_SEQUENCE && checker.gap() > 0)) {
            fate[c] = 2;
        }
    }

    private boolean payloadRight(int c) {
        int len = Frame.getInt(in, Frame.LENGTH) - header;
        if (len != (c * 13) % (PAYLOAD + 1)) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (in[header + i] != payloadByte(c, i)) {
                return false;
            }
        }
        return true;
    }

    private boolean recentIs(int... expected) {
        if (recentCount != expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (recent[i] != expected[i]) {
                return false;
            }
        }
        return true;
    }

    /** Runs {@code count} periods. */
    void run(int count) {
        for (int f = 0; f < count; f++) {
            kernel.now += PERIOD;
            int model = random.nextLong(faultEvery) == 0 ? 1 + (int) random.nextLong(MODELS - 1) : NONE;
            int first = protector.nextCounter();
            boolean seen = inject(model);
            int last = protector.nextCounter();
            if (model != NONE) {
                injected[model]++;
                // the frames it touched must be resolved once the next frame has been read
                kernel.now += PERIOD;
                write(out, protect(out, NONE));
                drain();
                boolean resolved = true;
                for (int k = first; k < last; k++) {
                    resolved &= fate[k] == 2;
                }
                if (seen && resolved) {
                    detected[model]++;
                }
            }
        }
        kernel.now += PERIOD;
        drain();
        frames = protector.nextCounter();
        for (int c = 0; c < frames; c++) {
            if (fate[c] != 2) {
                undetectedLoss[modelOf[c]]++;
            }
        }
    }

    /** Sends this period's frame(s) with the fault, drains. @return whether the model's own detection happened */
    private boolean inject(int model) {
        switch (model) {
            case BIT_FLIP: return bitFlip();
            case LOST: return lost();
            case REPEATED: return repeated();
            case REORDERED: return reordered();
            case DELAYED: return delayed();
            case MASQUERADE: return masquerade();
            case FLOOD: return flood();
            case STOPPED: return stopped();
            default:
                write(out, protect(out, NONE));
                drain();
                return true;
        }
    }

    private boolean bitFlip() {
        int length = protect(out, BIT_FLIP);
        if (blindToCrc) {
            if (length > header) {
                out[header + (int) random.nextLong(length - header)] ^= 4;
                Frame.seal(out, length, crcBits);
            }
            write(out, length);
            drain();
            return recentIs(Verdict.CORRUPTED);
        }
        long slot = kernel.ringBase[0] + (writer.published() % SLOTS) * Frame.stride(PAYLOAD, crcBits);
        write(out, length);
        int bit = (int) random.nextLong(8L * length);
        int word = (int) ((slot - kernel.base) >>> 3) + bit / 64;
        kernel.words[word] ^= 1L << (bit % 64);
        drain();
        return recentIs(Verdict.CORRUPTED);
    }

    private boolean lost() {
        protect(out, LOST);
        drain();
        return recentIs(Verdict.NO_NEW_DATA) || recentIs(Verdict.TIMEOUT);
    }

    private boolean repeated() {
        int length = protect(out, REPEATED);
        write(out, length);
        write(out, length);
        drain();
        return recentCount == 2 && Verdict.accepted(recent[0]) && recent[1] == Verdict.REPEATED;
    }

    private boolean reordered() {
        int a = protect(out, REORDERED);
        int b = protect(spare, REORDERED);
        write(spare, b);
        write(out, a);
        drain();
        return recentCount == 2 && recent[1] == Verdict.WRONG_SEQUENCE && checker.gap() < 0;
    }

    private boolean delayed() {
        int length = protect(out, DELAYED);
        kernel.now += MAX_AGE + 1 + random.nextLong(PERIOD);
        drain();
        boolean timeout = recentIs(Verdict.TIMEOUT);
        write(out, length);
        drain();
        return timeout && recentIs(Verdict.STALE);
    }

    private boolean masquerade() {
        spare[header] = 1;
        write(spare, masquerader.protect(spare, 1 + (int) random.nextLong(PAYLOAD), kernel.now));
        drain();
        return recentIs(Verdict.WRONG_DATA_ID);
    }

    private boolean flood() {
        long full = writer.drops() + writer.overwrites();
        int burst = SLOTS + 1 + (int) random.nextLong(2 * SLOTS);
        for (int i = 0; i < burst; i++) {
            write(out, protect(out, FLOOD));
        }
        drain();
        return writer.drops() + writer.overwrites() > full;
    }

    private boolean stopped() {
        long full = writer.drops() + writer.overwrites();
        int periods = SLOTS + 2 + (int) random.nextLong(10);
        for (int i = 0; i < periods; i++) {
            write(out, protect(out, STOPPED));
            kernel.now += PERIOD;
        }
        drain();
        return writer.drops() + writer.overwrites() > full && recentCount > 0 && recent[0] == Verdict.STALE;
    }

    /** @return a table of the counts, one line per fault model. */
    String report(String title) {
        StringBuilder b = new StringBuilder(title).append(": ").append(frames).append(" frames, ")
            .append(failures).append(" state-machine failures\n");
        b.append(String.format("%-18s %9s %9s %12s %12s%n", "model", "injected", "detected", "undet.corr",
            "undet.loss"));
        for (int m = 0; m < MODELS; m++) {
            b.append(String.format("%-18s %9d %9d %12d %12d%n", NAMES[m], injected[m], detected[m],
                undetectedCorruption[m], undetectedLoss[m]));
        }
        b.append("verdicts:");
        for (int v = 0; v < Verdict.COUNT; v++) {
            b.append(' ').append(Verdict.name(v)).append('=').append(verdicts[v]);
        }
        return b.append('\n').toString();
    }
}
