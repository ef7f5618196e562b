package warden.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import warden.kernel.api.Access;
import warden.launcher.config.Loc;
import warden.launcher.config.ProbeAccess;
import warden.launcher.config.SystemDescription;
import warden.launcher.run.RunResult;

/**
 * For any accesses near the edges of what a probe owns and does not own, the emulated RISC-V
 * board allows exactly what the description implies (the isolation oracle), and denies the rest
 * with the access's architectural cause.
 */
class IsolationPropertiesTest {
    /** Places worth probing: each side of every boundary the probe system has. */
    static final long[] EDGES = {
        0x8800_0000L, 0x8801_0000L, 0x8810_0000L, 0x8811_0000L, // probe code and data regions
        0x8040_0000L, 0x8080_0000L,                             // the RTOS's RAM
        0x8000_0000L, 0x8020_0000L,                             // the monitor's memory
        0x1000_1000L, 0x1000_2000L, 0x1000_2100L, 0x1001_0000L, // uart1, uart2, can0
        0x0200_0000L, 0x0C00_0000L, 0x7FFF_FFF8L, 0xC000_0000L  // CLINT, PLIC, each end of DRAM
    };

    private static SystemDescription base() {
        return Systems.load(Systems.fixture("probe-shared-hart.yaml"));
    }

    @Provide
    Arbitrary<List<ProbeAccess>> accesses() {
        Arbitrary<Long> address = Combinators.combine(Arbitraries.integers().between(0, EDGES.length - 1),
                Arbitraries.integers().between(-12, 12)).as((e, d) -> EDGES[e] + d);
        Arbitrary<Integer> kind = Arbitraries.of(Access.READ, Access.WRITE, Access.EXECUTE);
        Arbitrary<Integer> size = Arbitraries.of(1, 2, 4, 8);
        Loc loc = new Loc("generated", 1, 1, "accesses");
        // a fetch is 4 bytes (see the disabled test below for other sizes)
        return Combinators.combine(address, size, kind)
                .as((a, s, k) -> new ProbeAccess(a, k == Access.EXECUTE ? 4 : s, k, null, loc))
                .list().ofMinSize(1).ofMaxSize(24);
    }

    // [utest->dsn~run.isolation-oracle~1]
    // [utest->req~scenario.isolation-probe~1]
    @Property(tries = 40)
    @Label("the board allows exactly what the description implies and denies the rest with the right cause")
    void theBoardAllowsExactlyWhatTheDescriptionImplies(@ForAll("accesses") List<ProbeAccess> list) {
        SystemDescription d = ProbeSystems.withAccesses(base(), list);
        RunResult r = Systems.run(d, 4_000_000L, 1, false).result();
        assertEquals(list.size(), r.probes().size());
        List<String> wrong = new ArrayList<>();
        for (RunResult.ProbeResult p : r.probes()) {
            if (!p.asExpected()) {
                wrong.add(p.toString());
            }
            if (p.outcome().equals("denied")) {
                assertEquals(ProbeIsolationTest.CAUSE.get(p.access()), p.cause(), p.toString());
            } else {
                assertNull(p.cause(), p.toString());
            }
        }
        assertEquals(List.of(), wrong);
        long denied = r.probes().stream().filter(p -> p.outcome().equals("denied")).count();
        assertEquals(denied, r.violations().stream().filter(v -> v.kind().equals("access-violation")).count());
    }

    // [utest->dsn~config.check.probe-execute~1]
    // [utest->dsn~run.isolation-oracle~1]
    // [utest->req~scenario.isolation-probe~1]
    @Test
    void an_execute_access_that_is_not_a_four_byte_fetch_is_refused_before_anything_runs() {
        Loc loc = new Loc("generated", 1, 1, "accesses");
        List<ProbeAccess> list = List.of(new ProbeAccess(0x8800_FFFCL, 8, Access.EXECUTE, null, loc),
                new ProbeAccess(0x8800_FFFFL, 1, Access.EXECUTE, null, loc),
                new ProbeAccess(0x8800_FFFEL, 2, Access.EXECUTE, null, loc));
        var problems = warden.launcher.config.DescriptionValidator.validate(ProbeSystems.withAccesses(base(), list),
                warden.launcher.run.Targets.get("riscv"));
        assertEquals(3, problems.size(), problems.toString());
        for (var p : problems) {
            assertTrue(p.message().startsWith("an execute access is an instruction fetch of 4 bytes"), p.toString());
        }
    }
}
