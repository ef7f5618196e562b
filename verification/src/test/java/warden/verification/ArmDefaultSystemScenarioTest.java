package warden.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import warden.launcher.run.RunResult;

/**
 * The built-in default system, unchanged, on the Arm target: the ASIL-C RTOS in the Secure world
 * and the QM rich OS in the Non-secure world share PE 0 (RAM at 0x4000_0000 + 2 GiB holds the
 * description's addresses; device names are the same, lines are GIC INTIDs). The same
 * guarantees as on RISC-V.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ArmDefaultSystemScenarioTest {
    private static RunResult result;

    @BeforeAll
    static void runTheDefaultSystemOnArm() {
        result = ArmSystems.run(ArmSystems.defaultSystem()).result();
    }

    // [utest->dsn~arm.scenarios~1]
    @Test
    void warden_run_target_arm_runs_the_default_system_and_exits_0() {
        Cli.Outcome o = Cli.run("run", "--target", "arm");
        assertEquals(0, o.code(), o.toString());
        assertTrue(o.out().contains("default-system.yaml on arm"), o.out());
        assertTrue(o.out().contains("RESULT: all checks held"), o.out());
    }

    // [utest->dsn~arm.scenarios~1]
    @Test
    void the_critical_rtos_boots_and_misses_no_deadline_while_sharing_pe_0() {
        assertEquals("arm", result.target());
        RunResult.PartitionResult rtos = Systems.partition(result, "rtos");
        assertTrue(rtos.bootTimeNs() >= 0 && rtos.bootTimeNs() < DefaultSystemScenarioTest.BOOT_BOUND_NS,
                rtos.toString());
        assertEquals(0, rtos.deadlineMisses());
        assertTrue(Systems.partition(result, "linux").bootTimeNs() >= 0, "the rich OS never booted");
        for (RunResult.TaskResult t : rtos.tasks()) {
            assertTrue(t.jobs() >= 100_000_000L / t.periodNs() - 4, t.name() + " ran only " + t.jobs() + " jobs");
            assertEquals(0, t.misses());
        }
    }

    // [utest->dsn~arm.scenarios~1]
    @Test
    void the_critical_can0_interrupt_preempts_through_fiq_within_2_us() {
        RunResult.LineResult can0 = Systems.line(result, "can0");
        assertEquals(98, can0.line(), "GIC INTID of can0 (SPI 66)");
        assertTrue(can0.critical());
        assertEquals(can0.raised(), can0.delivered());
        assertTrue(can0.maxLatencyNs() > 0
                && can0.maxLatencyNs() < DefaultSystemScenarioTest.CRITICAL_LATENCY_BOUND_NS, can0.toString());
    }

    // [utest->dsn~arm.scenarios~1]
    @Test
    void rich_os_interrupts_are_held_while_the_secure_world_runs_and_none_is_lost() {
        RunResult.LineResult nic0 = Systems.line(result, "nic0");
        assertTrue(nic0.maxLatencyNs() > 100_000L, nic0.toString());
        assertTrue(Systems.counter(result, "heldInterrupts") > 0);
        for (RunResult.LineResult l : result.lines()) {
            assertEquals(l.raised(), l.delivered() + l.held(), "line " + l.line());
        }
        assertTrue(Systems.counter(result, "worldSwitches") >= Systems.line(result, "can0").raised());
    }

    // [utest->dsn~arm.scenarios~1]
    @Test
    void no_violation_is_logged_and_every_check_holds() {
        assertEquals(0, result.violations().size(), result.violations().toString());
        assertTrue(result.passed(), result.checks().toString());
    }
}
