package warden.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import warden.kernel.api.Access;
import warden.launcher.config.Loc;
import warden.launcher.config.ProbeAccess;
import warden.launcher.run.RunResult;

/**
 * For any accesses near the edges of what the Arm probe owns and does not own, the emulated Arm
 * board allows exactly what the description implies (the isolation oracle) and denies the rest
 * with EC 0x24 (data) or 0x20 (instruction).
 */
class ArmIsolationPropertiesTest {
    static final long[] EDGES = {
        0x8800_0000L, 0x8801_0000L, 0x8810_0000L, 0x8811_0000L, // probe code and data regions
        0x8040_0000L, 0x8080_0000L,                             // the RTOS's RAM
        0x0E00_0000L, 0x0E20_0000L,                             // the monitor's memory (secure RAM)
        0x0904_0000L, 0x0C00_0000L, 0x0C00_1000L, 0x0C01_0000L, // uart1, uart2, uart3, can0
        0x0800_0000L, 0x090C_0000L, 0x3FFF_FFF8L, 0xC000_0000L  // GICD, TZC-400, each end of DRAM
    };

    @Provide
    Arbitrary<List<ProbeAccess>> accesses() {
        Arbitrary<Long> address = Combinators.combine(Arbitraries.integers().between(0, EDGES.length - 1),
                Arbitraries.integers().between(-12, 12)).as((e, d) -> EDGES[e] + d);
        Arbitrary<Integer> kind = Arbitraries.of(Access.READ, Access.WRITE, Access.EXECUTE);
        Arbitrary<Integer> size = Arbitraries.of(1, 2, 4, 8);
        Loc loc = new Loc("generated", 1, 1, "accesses");
        return Combinators.combine(address, size, kind)
                .as((a, s, k) -> new ProbeAccess(a, k == Access.EXECUTE ? 4 : s, k, null, loc))
                .list().ofMinSize(1).ofMaxSize(24);
    }

    // [utest->dsn~arm.scenarios~1]
    @Property(seed = "42", tries = 30)
    @Label("the Arm board allows exactly what the description implies and denies the rest with EC 0x24 or 0x20")
    void theArmBoardAllowsExactlyWhatTheDescriptionImplies(@ForAll("accesses") List<ProbeAccess> list) {
        var d = ProbeSystems.withAccesses(ArmSystems.load("arm/probe-shared-hart.yaml"), list);
        RunResult r = ArmSystems.run(d, 4_000_000L, 1).result();
        assertEquals(list.size(), r.probes().size());
        List<String> wrong = new ArrayList<>();
        for (RunResult.ProbeResult p : r.probes()) {
            if (!p.asExpected()) {
                wrong.add(p.toString());
            }
            if (p.outcome().equals("denied")) {
                assertEquals(p.access().equals("execute") ? 0x20 : 0x24, p.cause(), p.toString());
            } else {
                assertNull(p.cause(), p.toString());
            }
        }
        assertEquals(List.of(), wrong);
    }
}
