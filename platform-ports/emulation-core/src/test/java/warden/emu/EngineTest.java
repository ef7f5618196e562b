package warden.emu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EngineTest {

    // [utest->dsn~emu.engine.deterministic~1]
    @Test
    void stepsEndAtDeviceEventsAndCoresRunInFixedOrder() {
        List<String> log = new ArrayList<>();
        long[] t = new long[2];
        Engine.Core c0 = until -> { log.add("c0->" + until); t[0] = until; };
        Engine.Core c1 = until -> { log.add("c1->" + until); t[1] = until; };
        IrqStats stats = new IrqStats(8);
        Stimulus s = new Stimulus(3, 150_000, 0, 1, input((line, now) -> log.add("raise " + line + "@" + now)), stats);
        Engine e = new Engine(new Engine.Core[] {c0, c1}, new Engine.Source[] {s}, 100_000);
        e.runUntil(300_000);
        assertEquals(List.of("c0->100000", "c1->100000", "c0->150000", "c1->150000", "raise 3@150000",
                "c0->250000", "c1->250000", "c0->300000", "c1->300000"), log);
        assertEquals(1, stats.raisedCount(3));
    }

    // [utest->dsn~emu.engine.deterministic~1]
    @Test
    void aSeededStimulusGivesTheSameIntervalsEveryTime() {
        long[] a = intervals(99);
        long[] b = intervals(99);
        long[] c = intervals(100);
        assertEquals(java.util.Arrays.toString(a), java.util.Arrays.toString(b));
        assertEquals(false, java.util.Arrays.equals(a, c));
    }

    private static long[] intervals(long seed) {
        Stimulus s = new Stimulus(1, 0, 300_000, seed, input((line, now) -> true), new IrqStats(4));
        long[] out = new long[20];
        for (int i = 0; i < out.length; i++) {
            out[i] = s.nextEventNs();
            s.fire(out[i]);
        }
        return out;
    }

    @Test
    void interruptLatencyMatchesEachDeliveryWithItsOwnRaise() {
        IrqStats s = new IrqStats(4);
        s.raised(2, 100);
        s.raised(2, 300);
        s.delivered(2, 350);
        s.delivered(2, 400);
        assertEquals(250, s.maxNs(2));
        assertEquals(100, s.minNs(2));
        assertEquals(175, s.meanNs(2));
        assertEquals(0, s.outstanding(2));
    }

    /** A line input that takes every request and holds none. */
    private static Stimulus.LineInput input(java.util.function.BiPredicate<Integer, Long> raise) {
        return new Stimulus.LineInput() {
            @Override
            public boolean raise(int line, long nowNs) {
                return raise.test(line, nowNs);
            }

            @Override
            public long heldRequests(int line) {
                return 0;
            }
        };
    }
}
