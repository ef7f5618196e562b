package warden.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import warden.kernel.port.GuestMemory;
import warden.launcher.run.RunResult;

/**
 * A probe partition tries its own memory, another partition's memory, the monitor's memory, CLINT,
 * PLIC, another partition's UART, its own UART, unmapped addresses and accesses across the end of
 * its regions (fixture {@code systems/probe-shared-hart.yaml}). Each outcome must be the one the
 * description implies, and every denial must carry the RISC-V cause and a kernel record.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ProbeIsolationTest {
    static final int LOAD_ACCESS_FAULT = 5;
    static final int STORE_ACCESS_FAULT = 7;
    static final int INSTRUCTION_ACCESS_FAULT = 1;
    static final Map<String, Integer> CAUSE = Map.of("read", LOAD_ACCESS_FAULT, "write", STORE_ACCESS_FAULT,
            "execute", INSTRUCTION_ACCESS_FAULT);
    static final Map<String, String> CAUSE_NAME = Map.of("read", "load access fault",
            "write", "store/AMO access fault", "execute", "instruction access fault");
    static final int PROBE_PATTERN_BYTE = 0xA5;

    private static Systems.Finished run;
    private static RunResult result;

    @BeforeAll
    static void runTheProbe() {
        run = Systems.run(Systems.load(Systems.fixture("probe-shared-hart.yaml")));
        result = run.result();
    }

    private static RunResult.ProbeResult probe(long address, int size, String access) {
        return result.probes().stream()
                .filter(p -> p.address() == address && p.size() == size && p.access().equals(access)).findFirst()
                .orElseThrow(() -> new AssertionError("the fixture has no " + size + "-byte " + access + " at 0x"
                        + Long.toHexString(address)));
    }

    private static void allowed(long address, int size, String access) {
        RunResult.ProbeResult p = probe(address, size, access);
        assertEquals("allowed", p.outcome(), p.toString());
        assertNull(p.cause(), p.toString());
        assertTrue(p.asExpected(), p.toString());
    }

    private static void denied(long address, int size, String access) {
        RunResult.ProbeResult p = probe(address, size, access);
        assertEquals("denied", p.outcome(), p.toString());
        assertEquals(CAUSE.get(access), p.cause(), p.toString());
        assertEquals(CAUSE_NAME.get(access), p.causeName(), p.toString());
        assertTrue(p.asExpected(), p.toString());
    }

    // [utest->req~scenario.isolation-probe~1]
    @Test
    void every_access_of_the_probe_was_performed() {
        assertEquals(29, result.probes().size());
        for (RunResult.ProbeResult p : result.probes()) {
            assertNotEquals("not-run", p.outcome(), p.toString());
            assertTrue(p.timeNs() >= 1_000_000L, "probe started before its start time: " + p);
        }
    }

    // [utest->req~scenario.isolation-probe~1]
    @Test
    void the_probe_may_read_and_execute_its_code_region_but_not_write_it() {
        allowed(0x8800_0000L, 4, "read");
        allowed(0x8800_0000L, 4, "execute");
        denied(0x8800_0000L, 4, "write");
    }

    // [utest->req~scenario.isolation-probe~1]
    @Test
    void the_probe_may_read_and_write_its_data_region_but_not_execute_it() {
        allowed(0x8810_0000L, 8, "write");
        allowed(0x8810_0000L, 8, "read");
        denied(0x8810_0000L, 4, "execute");
    }

    // [utest->req~scenario.isolation-probe~1]
    @Test
    void the_probe_cannot_read_write_or_execute_another_partitions_memory() {
        denied(0x8040_0000L, 4, "read");
        denied(0x8040_0000L, 4, "write");
        denied(0x8040_0000L, 4, "execute");
    }

    // [utest->req~scenario.isolation-probe~1]
    @Test
    void the_probe_cannot_read_write_or_execute_the_monitors_memory() {
        denied(0x8000_0000L, 8, "read");
        denied(0x8000_0000L, 8, "write");
        denied(0x8000_0000L, 4, "execute");
    }

    // [utest->req~scenario.isolation-probe~1]
    @Test
    void the_probe_cannot_reach_the_clint_or_the_plic() {
        denied(0x0200_0000L, 4, "read");
        denied(0x0200_4000L, 8, "write");
        denied(0x0C00_0004L, 4, "read");
        denied(0x0C20_1004L, 4, "write");
    }

    // [utest->req~scenario.isolation-probe~1]
    @Test
    void the_probe_cannot_reach_another_partitions_uart() {
        denied(0x1000_1000L, 1, "write");
        denied(0x1000_1000L, 1, "read");
    }

    // [utest->req~scenario.isolation-probe~1]
    @Test
    void the_probe_may_use_its_own_uart_but_never_execute_from_it() {
        allowed(0x1000_2000L, 1, "write");
        allowed(0x1000_2005L, 1, "read");
        denied(0x1000_2000L, 4, "execute");
    }

    // [utest->req~scenario.isolation-probe~1]
    @Test
    void the_probe_cannot_reach_unmapped_addresses_or_ram_nobody_owns() {
        denied(0x4000_0000L, 4, "read");
        denied(0L, 4, "read");
        denied(0x9000_0000L, 4, "write");
    }

    // [utest->req~scenario.isolation-probe~1]
    @Test
    void an_access_straddling_the_end_of_its_own_region_is_denied() {
        denied(0x8810_FFFEL, 4, "read");
        allowed(0x8810_FFFCL, 4, "write");
        allowed(0x8800_FFFCL, 4, "execute");
    }

    // [utest->req~scenario.isolation-probe~1]
    @Test
    void an_8_byte_access_at_the_last_4_bytes_of_its_region_is_denied() {
        denied(0x8810_FFFCL, 8, "write");
        denied(0x8800_FFFCL, 8, "read");
    }

    // [utest->req~scenario.isolation-probe~1]
    @Test
    void every_denial_has_a_kernel_violation_record_with_its_address_and_access() {
        List<RunResult.Violation> records = result.violations().stream()
                .filter(v -> v.kind().equals("access-violation")).toList();
        List<RunResult.ProbeResult> denials = result.probes().stream()
                .filter(p -> p.outcome().equals("denied")).toList();
        assertEquals(denials.size(), records.size(), "records " + records);
        for (int i = 0; i < denials.size(); i++) { // the kernel logs them in the order they happened
            RunResult.ProbeResult p = denials.get(i);
            RunResult.Violation v = records.get(i);
            assertEquals("probe", v.partition(), v.toString());
            assertEquals(p.address(), v.address(), "record " + v + " for " + p);
            assertEquals(p.access(), v.detail(), "record " + v + " for " + p);
            assertEquals(0, v.core());
            assertTrue(v.timeNs() >= p.timeNs(), "record " + v + " before the access " + p);
        }
        assertEquals(denials.size(), Systems.counter(result, "accessFaults"));
        assertEquals(denials.size(), Systems.partition(result, "probe").faults(), "faults redirected to the probe");
    }

    // [utest->req~scenario.isolation-probe~1]
    @Test
    void denied_writes_change_nothing_and_allowed_writes_land() {
        GuestMemory mem = run.run().board().platform().memory();
        for (long a : new long[] {0x8040_0000L, 0x8000_0000L, 0x8800_0000L}) {
            for (int i = 0; i < 4; i++) {
                assertNotEquals(PROBE_PATTERN_BYTE, mem.readByte(a + i), "a denied write reached 0x"
                        + Long.toHexString(a + i));
            }
        }
        assertNotEquals(PROBE_PATTERN_BYTE, mem.readByte(0x8811_0000L), "a denied write spilled past the region");
        for (int i = 0; i < 8; i++) {
            assertEquals(PROBE_PATTERN_BYTE, mem.readByte(0x8810_0000L + i), "the allowed write did not land");
        }
    }

    // [utest->req~scenario.isolation-probe~1]
    @Test
    void the_critical_partition_sharing_the_hart_is_unharmed() {
        RunResult.PartitionResult rtos = Systems.partition(result, "rtos");
        assertEquals(0, rtos.deadlineMisses());
        assertEquals(0, rtos.faults());
        assertTrue(rtos.tasks().get(0).jobs() >= 15, rtos.toString());
        assertTrue(result.violations().stream().noneMatch(v -> "rtos".equals(v.partition())));
    }

    // [utest->dsn~run.checks~1]
    // [utest->req~scenario.isolation-probe~1]
    @Test
    void warden_run_exits_0_when_every_expectation_holds() {
        Cli.Outcome o = Cli.run("run", Systems.fixture("probe-shared-hart.yaml").toString());
        assertEquals(0, o.code(), o.toString());
        assertTrue(o.out().contains("29 probe accesses matched the description"), o.out());
    }

    // [utest->dsn~run.checks~1]
    // [utest->req~scenario.isolation-probe~1]
    @Test
    void warden_run_exits_1_when_a_fixture_states_a_wrong_expectation() {
        Cli.Outcome o = Cli.run("run", Systems.fixture("probe-wrong-expect.yaml").toString());
        assertEquals(1, o.code(), o.toString());
        assertTrue(o.out().contains("FAIL isolation"), o.out());
        assertTrue(o.out().contains("1 of 29 probe accesses did not match the description"), o.out());
        assertTrue(o.out().contains("RESULT: a check failed (exit 1)"), o.out());
    }

    // [utest->dsn~run.checks~1]
    // [utest->req~scenario.isolation-probe~1]
    @Test
    void without_expect_the_description_itself_decides_and_the_run_holds() {
        var d = Systems.load(Systems.fixture("probe-shared-hart.yaml"));
        var stripped = ProbeSystems.withoutExpectations(d);
        RunResult r = Systems.run(stripped).result();
        assertEquals(result.probes().stream().map(RunResult.ProbeResult::outcome).toList(),
                r.probes().stream().map(RunResult.ProbeResult::outcome).toList());
        assertTrue(Systems.check(r, "isolation").passed(), r.checks().toString());
    }

    /** Regression: a guest dispatched by Kernel.start() outside a trap once kept the hart's reset M-mode. */
    // [utest->req~scenario.isolation-probe~1]
    @Test
    void a_probe_alone_on_its_hart_cannot_reach_the_monitor_clint_plic_or_another_partition() {
        RunResult r = Systems.run(Systems.load(Systems.fixture("probe-own-hart.yaml"))).result();
        List<RunResult.ProbeResult> wrong = r.probes().stream().filter(p -> !p.asExpected()).toList();
        assertEquals(List.of(), wrong);
        RunResult.PartitionResult rtos = Systems.partition(r, "rtos");
        assertTrue(rtos.tasks().get(0).jobs() >= 15, "the RTOS on hart 0 stopped running its task: " + rtos);
    }
}
