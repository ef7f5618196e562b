package warden.launcher.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The hostile workload kind in a system description: its keys, defaults, limits and checks. */
class HostileWorkloadTest {
    static final String PROBE = """
                  kind: probe
                  start: 1ms
                  accesses:
                    - {address: 0x88000000, size: 4, access: read, expect: allowed}
                    - {address: 0x80000000, size: 8, access: write, expect: denied}
                    - {address: 0x80400000, size: 4, access: execute}
            """;

    private static String hostile(String workload) {
        assertTrue(Fixtures.FULL.contains(PROBE));
        return Fixtures.FULL.replace(PROBE, workload);
    }

    private static HostileSpec spec(String text) {
        return (HostileSpec) Fixtures.load(text).partitions().get(2).workload();
    }

    // [utest->dsn~config.workload.hostile~1]
    // [utest->dsn~config.workload-kind~2]
    @Test
    void shouldReadEveryKeyOfAHostileWorkload() {
        HostileSpec h = spec(hostile("""
                          kind: hostile
                          start: 2ms
                          period: 500us
                          operations: 3000
                          mix: {calls: 2, loads: 0, stores: 5, fetches: 7}
                          seed: 99
                    """));
        assertEquals(2_000_000L, h.startNs());
        assertEquals(500_000L, h.periodNs());
        assertEquals(3000, h.operations());
        assertArrayEquals(new int[] {2, 0, 5, 7}, h.mix());
        assertEquals(99L, h.seed());
        assertEquals(List.of(), Fixtures.validate(hostile("""
                          kind: hostile
                          period: 1ms
                          operations: 10
                    """)));
    }

    // [utest->dsn~config.workload.hostile~1]
    @Test
    void shouldDefaultStartMixAndSeed() {
        HostileSpec h = spec(hostile("""
                          kind: hostile
                          period: 1ms
                          operations: 1
                          mix: {stores: 4}
                    """));
        assertEquals(0L, h.startNs());
        assertArrayEquals(new int[] {1, 1, 4, 1}, h.mix());
        assertNull(h.seed());
    }

    // [utest->dsn~config.workload.hostile~1]
    @Test
    void shouldRejectMissingKeysOutOfRangeCountsAndUnknownMixKeys() {
        List<Problem> ps = Fixtures.problems(hostile("""
                          kind: hostile
                          operations: 100001
                          mix: {calls: 1001, reads: 1}
                    """));
        List<String> messages = ps.stream().map(p -> p.path() + ": " + p.message()).toList();
        assertEquals(4, ps.size(), messages::toString);
        assertTrue(messages.contains("partitions[2].workload: missing required key 'period'"), messages::toString);
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("partitions[2].workload.operations: ")
                && m.contains("100001")), messages::toString);
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("partitions[2].workload.mix.calls: ")
                && m.contains("1001")), messages::toString);
        assertTrue(messages.contains("partitions[2].workload.mix.reads: unknown key 'reads' (expected one of:"
                + " calls, loads, stores, fetches)"), messages::toString);
    }

    // [utest->dsn~config.workload.hostile~1]
    @Test
    void shouldRefuseAMixThatDoesNothingAndAZeroPeriod() {
        List<Problem> ps = Fixtures.validate(hostile("""
                          kind: hostile
                          period: 0
                          operations: 5
                          mix: {calls: 0, loads: 0, stores: 0, fetches: 0}
                    """));
        List<String> messages = ps.stream().map(p -> p.path() + ": " + p.message()).toList();
        assertEquals(List.of("partitions[2].workload.period: period must be greater than 0",
                "partitions[2].workload.mix: every weight of the mix is 0: the hostile guest would do nothing"),
                messages);
    }
}
