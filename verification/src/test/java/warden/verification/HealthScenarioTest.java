package warden.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import warden.launcher.run.RunResult;

/**
 * Health monitoring end to end on the emulated board.
 */
class HealthScenarioTest {

    private static List<String> kinds(RunResult r, String partition) {
        return r.events().stream().filter(e -> partition.equals(e.partition())).map(RunResult.MonitorEvent::kind)
                .toList();
    }

    // [utest->dsn~health.restart~1]
    // [utest->dsn~health.policy~1]
    // [utest->dsn~run.health-events~1]
    // [utest->req~health.monitoring~1]
    @Test
    void aCrashLoopingPartitionIsRestartedTwiceThenStoppedWhileTheRtosKeepsItsDeadlines() {
        RunResult r = Systems.run(Systems.load(Systems.fixture("crash-looping-probe.yaml"))).result();
        RunResult.PartitionResult rogue = Systems.partition(r, "rogue");
        RunResult.PartitionResult rtos = Systems.partition(r, "rtos");
        assertEquals(2, rogue.restarts(), r.events().toString());
        assertEquals("stopped", rogue.state());
        assertEquals(List.of("partition-booted", "failure-detected", "partition-restarted", "partition-booted",
                "partition-recovered", "failure-detected", "partition-restarted", "partition-booted",
                "partition-recovered",
                "failure-detected", "partition-stopped"), kinds(r, "rogue"));
        assertEquals(0, rtos.deadlineMisses(), "the critical partition never waits behind the rogue one");
        assertEquals(0, rtos.restarts());
        assertEquals("running", rtos.state());
        assertFalse(r.safeState());
        assertTrue(r.passed(), r.checks().toString());
        assertTrue(r.events().stream().anyMatch(e -> "fault-storm -> restart".equals(e.detail())),
                r.events().toString());
        assertTrue(r.events().stream().anyMatch(e -> "fault-storm -> stop".equals(e.detail())), r.events().toString());
    }

    // [utest->dsn~health.watchdog~1]
    // [utest->dsn~run.health-events~1]
    // [utest->req~health.monitoring~1]
    @Test
    void theDefaultSystemRunsWithoutAnyFailureDetected() {
        RunResult r = Systems.run(Systems.defaultSystem()).result();
        assertEquals(List.of(), r.events().stream().filter(e -> !e.kind().equals("partition-booted")).toList());
        assertEquals(List.of("partition-booted"), kinds(r, "rtos"));
        assertTrue(r.checks().stream().anyMatch(c -> c.name().equals("critical-service-available") && c.passed()));
    }
}
