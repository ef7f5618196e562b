package warden.launcher.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import warden.kernel.api.HealthAction;
import warden.kernel.api.SystemImage;

class HealthConfigTest {

    private static String with(String health) {
        return Fixtures.FULL.replace("    criticality: QM\n", "    criticality: QM\n    health: " + health + "\n");
    }

    // [utest->dsn~config.health~1]
    @Test
    void aHealthBlockSetsThePolicyAndAbsentKeysTakeTheDefaultsOfTheCriticality() {
        LoadResult r = DescriptionLoader.parse(with("{faultLimit: 4, window: 20ms, onFailure: stop}"), "t.yaml");
        assertTrue(r.ok(), r.problems().toString());
        PartitionSpec linux = r.description().partitions().get(1);
        assertEquals(new HealthSpec(0, 4, 0, 20_000_000L, 3, HealthAction.STOP, HealthAction.STOP,
                linux.health().loc()), linux.health());
        PartitionSpec rtos = r.description().partitions().get(0);
        assertEquals(HealthAction.SAFE_STATE, rtos.health().escalate(),
                "a critical partition escalates to the safe state");
        SystemImage img = ImageCompiler.compile(r.description(), FakeTarget.riscv().description());
        assertEquals(4, img.faultLimit(1));
        assertEquals(20_000_000L, img.healthWindowNs(1));
        assertEquals(HealthAction.STOP, img.onFailure(1));
    }

    // [utest->dsn~config.health~1]
    @Test
    void badHealthValuesAreRejectedAtTheirLine() {
        List<Problem> ps = DescriptionLoader.parse(with("{onFailure: reboot}"), "t.yaml").problems();
        assertEquals(1, ps.size(), ps.toString());
        assertEquals("expected restart, stop, safe-state or restore, found 'reboot'", ps.get(0).message());
        assertTrue(ps.get(0).path().endsWith("health.onFailure"), ps.get(0).path());
        assertEquals("escalate must be stop or safe-state: restarts and restores are what it escalates from",
                DescriptionLoader.parse(with("{escalate: restart}"), "t.yaml").problems().get(0).message());
        assertEquals("window must be greater than 0",
                DescriptionLoader.parse(with("{window: 0}"), "t.yaml").problems().get(0).message());
        assertTrue(DescriptionLoader.parse(with("{retries: 3}"), "t.yaml").problems().get(0).message()
                .contains("retries"));
    }
}
