package warden.emu.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class E2eCheckerPropertiesTest {
    private static final long AGE = 10_000;

    /**
     * Any sequence of receptions — in order, with losses, repeats, older frames, flipped bits,
     * other data ids, empty polls and delays — gets the verdicts, gaps, states and failures the
     * specification model gives.
     * [utest->dsn~e2e.check~2]
     * [utest->dsn~e2e.state-machine~1]
     */
    @Property(seed = "15001")
    void checkerFollowsTheSpecification(@ForAll @Size(min = 1, max = 80) List<@IntRange(max = 99_999) Integer> steps,
                                        @ForAll @IntRange(max = 5) int counterWindow,
                                        @ForAll @IntRange(min = 1, max = 20) int window,
                                        @ForAll @IntRange(max = 4) int maxErrors) {
        int minOk = Math.min(window, 1 + maxErrors);
        E2eConfig config = new E2eConfig(77, AGE, counterWindow, 40, window, maxErrors, minOk);
        E2eProtector sender = new E2eProtector(config);
        E2eProtector masquerader = new E2eProtector(new E2eConfig(78, AGE, counterWindow, 40));
        E2eChecker checker = new E2eChecker(config);
        E2eSpecModel model = new E2eSpecModel(AGE, counterWindow, window, maxErrors, minOk);
        List<byte[]> history = new ArrayList<>();
        long now = 0;
        for (int step : steps) {
            int kind = step % 8;
            int p = step / 8;
            now += p % 500;
            byte[] f = new byte[Frame.stride(40)];
            int expected;
            int actual;
            if (kind == 6) {
                now += p % (2 * AGE);
                expected = model.empty(now);
                actual = checker.noNewData(now);
            } else {
                boolean intact = true;
                boolean rightId = true;
                long sent = now;
                long read = now;
                if ((kind == 2 || kind == 3) && !history.isEmpty()) {
                    f = history.get(kind == 2 ? history.size() - 1 : p % history.size()).clone();
                    sent = Frame.getLong(f, Frame.SEND_TIME);
                } else if (kind == 5) {
                    f[Frame.HEADER] = (byte) p;
                    masquerader.protect(f, p % 41, sent);
                    rightId = false;
                } else {
                    for (int k = 0; kind == 1 && k < 1 + p % 4; k++) {
                        sender.protect(f, 0, 0);
                    }
                    f[Frame.HEADER + 1] = (byte) p;
                    int length = sender.protect(f, p % 41, sent);
                    history.add(f.clone());
                    if (kind == 4) {
                        int bit = p % (8 * length);
                        f[bit / 8] ^= (byte) (1 << (bit % 8));
                        intact = false;
                    } else if (kind == 7) {
                        read = now + AGE + 1 + p % 1000;
                        now = read;
                    }
                }
                long counter = Frame.getInt(f, Frame.COUNTER) & 0xFFFF_FFFFL;
                expected = model.frame(intact, rightId, counter, sent, read);
                actual = checker.check(f, read);
            }
            String where = "step " + step + " (" + Verdict.name(expected) + ")";
            assertEquals(Verdict.name(expected), Verdict.name(actual), where);
            if (expected != Verdict.NO_NEW_DATA && expected != Verdict.TIMEOUT) {
                assertEquals(model.gap, checker.gap(), where);
            }
            assertEquals(model.stateCode(), checker.state(), where);
            assertEquals(model.failures, checker.failures(), where);
        }
    }

    /**
     * The counter is 32 bits and wraps: after frame 2^32 - 1 (reached by resynchronising jumps)
     * frame 0 is in sequence, and frame g is a gap of g.
     * [utest->dsn~e2e.check~2]
     */
    @Property(seed = "15002")
    void counterWraps(@ForAll @IntRange(max = 3) int gap) {
        E2eChecker checker = new E2eChecker(new E2eConfig(5, AGE, 3, 8));
        byte[] f = new byte[Frame.stride(8)];
        int[] counters = {0, 0x7FFF_FFF0, 0xEFFF_FFF0, -1, gap};
        int[] verdicts = {Verdict.OK, Verdict.WRONG_SEQUENCE, Verdict.WRONG_SEQUENCE, Verdict.WRONG_SEQUENCE,
            gap == 0 ? Verdict.OK : Verdict.OK_SOME_LOST};
        for (int i = 0; i < counters.length; i++) {
            Frame.putInt(f, Frame.LENGTH, Frame.HEADER);
            Frame.putInt(f, Frame.COUNTER, counters[i]);
            Frame.putInt(f, Frame.DATA_ID, 5);
            Frame.putLong(f, Frame.SEND_TIME, 0);
            Frame.putInt(f, Frame.CRC, Frame.crc(f, Frame.HEADER));
            assertEquals(Verdict.name(verdicts[i]), Verdict.name(checker.check(f, 0)), "frame " + i);
            assertEquals(counters[i], checker.lastCounter());
        }
        assertEquals(gap, checker.gap());
    }
}
