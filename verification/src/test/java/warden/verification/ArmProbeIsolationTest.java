package warden.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import warden.launcher.run.RunResult;

/**
 * Isolation on Arm, shown by a probe in the Non-secure world sharing PE 0 with the Secure-world
 * RTOS: everything the description gives it is reachable, everything else is denied by the
 * TZC-400 (or the execute permission) with the architectural cause — data abort from a lower EL
 * (EC 0x24) for reads and writes, instruction abort (EC 0x20) for fetches — and a kernel record.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ArmProbeIsolationTest {
    private static RunResult result;

    @BeforeAll
    static void runTheProbe() {
        result = ArmSystems.run(ArmSystems.load("arm/probe-shared-hart.yaml")).result();
    }

    // [utest->dsn~arm.scenarios~1]
    @Test
    void every_probe_access_has_the_outcome_the_description_implies() {
        List<RunResult.ProbeResult> wrong = result.probes().stream().filter(p -> !p.asExpected()).toList();
        assertEquals(List.of(), wrong);
        assertEquals(28, result.probes().size());
        assertTrue(Systems.check(result, "isolation").passed());
    }

    // [utest->dsn~arm.scenarios~1]
    @Test
    void every_denial_carries_the_arm_exception_class_and_reaches_the_kernel() {
        long denials = 0;
        for (RunResult.ProbeResult p : result.probes()) {
            if (p.outcome().equals("denied")) {
                denials++;
                boolean fetch = p.access().equals("execute");
                assertEquals(fetch ? 0x20 : 0x24, p.cause(), p.toString());
                assertEquals(fetch ? "instruction abort from a lower EL (EC 0x20)"
                        : "data abort from a lower EL (EC 0x24)", p.causeName(), p.toString());
            } else {
                assertNull(p.cause(), p.toString());
            }
        }
        assertEquals(denials, Systems.counter(result, "accessFaults"));
        assertEquals(denials, result.violations().stream().filter(v -> v.kind().equals("access-violation")).count());
    }

    // [utest->dsn~arm.scenarios~1]
    @Test
    void the_secure_world_rtos_is_unaffected_by_the_probe() {
        RunResult.PartitionResult rtos = Systems.partition(result, "rtos");
        assertTrue(rtos.bootTimeNs() >= 0);
        assertEquals(0, rtos.deadlineMisses());
        assertEquals(0, rtos.faults());
        assertTrue(result.passed(), result.checks().toString());
    }

    // [utest->dsn~arm.scenarios~1]
    @Test
    void the_cli_runs_the_arm_probe_system_and_exits_0() {
        Cli.Outcome o = Cli.run("run", Systems.fixture("arm/probe-shared-hart.yaml").toString());
        assertEquals(0, o.code(), o.toString());
    }
}
