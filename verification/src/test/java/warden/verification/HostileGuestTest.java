package warden.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import warden.emu.Target;
import warden.kernel.api.Counter;
import warden.launcher.campaign.Campaign;
import warden.launcher.campaign.RunOutcome;
import warden.launcher.config.DescriptionLoader;
import warden.launcher.config.DescriptionValidator;
import warden.launcher.config.LoadResult;
import warden.launcher.config.SystemDescription;
import warden.launcher.report.RunReportJson;
import warden.launcher.run.RunResult;
import warden.launcher.run.SystemRun;
import warden.launcher.run.Targets;
import warden.testsupport.JsonSchema;
import warden.testsupport.StrictJson;

/**
 * A hostile partition on every core of each target, next to an ASIL-C RTOS: at least 10^6 random
 * monitor calls and random loads, stores and fetches anywhere in the physical map, and then no
 * critical miss, no access outside the grant, every denial logged with its architectural cause, and
 * the counts of the run report adding up (fixtures {@code systems/hostile-riscv.yaml},
 * {@code systems/arm/hostile.yaml}, {@code systems/x86-hostile.yaml}).
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class HostileGuestTest {
    static final long MILLION = 1_000_000L;

    /** A finished hostile run with the monitor's own count of logged access faults. */
    record Hostile(RunResult result, long loggedAccessFaults, long monitorCalls) {
    }

    static SystemDescription load(String fixture, Target target) {
        LoadResult r = DescriptionLoader.load(Systems.fixture(fixture));
        assertTrue(r.ok(), () -> r.problems().toString());
        assertEquals(List.of(), DescriptionValidator.validate(r.description(), target));
        return r.description();
    }

    static Hostile run(String fixture, String targetName) {
        Target target = Targets.get(targetName);
        assertNotNull(target, targetName);
        SystemDescription d = load(fixture, target);
        try {
            SystemRun run = new SystemRun(d, target, d.run().durationNs(), d.run().seed(), false).boot();
            RunResult r = run.run();
            return new Hostile(r, run.monitor().counter(Counter.ACCESS_FAULTS),
                    run.monitor().counter(Counter.MONITOR_CALLS));
        } catch (SystemRun.BootRefused e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Everything the requirement asks of one run: no check failed (no critical miss, hostile-isolation
     * ok), at least 10^6 operations of every kind, no violation, every denial logged and counted by a
     * cause of the target, and the report's counts consistent with each other, with the monitor's
     * counters and with the JSON report.
     */
    static void holds(Hostile h, Set<Integer> causes) {
        RunResult r = h.result();
        assertEquals(List.of(), r.checks().stream().filter(c -> !c.passed()).toList());
        assertEquals(0, Systems.partition(r, "rtos").deadlineMisses());
        assertTrue(Systems.partition(r, "rtos").tasks().get(0).jobs() > 0);
        assertEquals(1, r.hostile().size());
        RunResult.HostileResult x = r.hostile().get(0);
        assertTrue(x.operations() >= MILLION, "only " + x.operations() + " hostile operations");
        assertEquals(x.operations(), x.calls() + x.loads() + x.stores() + x.fetches());
        assertEquals(x.loads() + x.stores() + x.fetches(), x.allowed() + x.denied());
        assertTrue(x.calls() > MILLION / 5 && x.loads() > MILLION / 5 && x.stores() > MILLION / 5
                && x.fetches() > MILLION / 5, x.toString());
        assertTrue(x.callsRefused() > 0 && x.callsRefused() < x.calls(), x.toString());
        // raw calls: most ids are not the target's; each of those got the architecture's not-supported code
        assertTrue(x.callsUnknown() > x.calls() / 2 && x.callsUnknown() <= x.callsRefused(), x.toString());
        assertEquals(0, x.callsMisanswered(), x.samples().toString());
        assertTrue(x.allowed() > 0 && x.denied() > 0, x.toString());
        assertEquals(0, x.violations(), x.samples().toString());
        assertEquals(0, x.foreignViolations(), x.samples().toString());
        assertEquals(0, x.spuriousDenials(), x.samples().toString());
        assertEquals(0, x.unloggedDenials(), x.samples().toString());
        assertEquals(List.of(), x.samples());
        // every denial was logged by the monitor (only the hostile partition faults in these systems)
        assertEquals(x.denied(), h.loggedAccessFaults());
        assertEquals(x.denied(), x.causes().stream().mapToLong(RunResult.CauseCount::count).sum());
        Set<Integer> seen = new TreeSet<>();
        for (RunResult.CauseCount c : x.causes()) {
            assertNotNull(c.cause(), c.toString());
            assertFalse(c.name() == null || c.name().isBlank(), c.toString());
            seen.add(c.cause());
        }
        assertEquals(causes, seen);
        assertFalse(x.lastDenials().isEmpty());
        for (RunResult.HostileAccess a : x.lastDenials()) {
            assertNotNull(a.cause(), a.toString());
        }
        assertTrue(h.monitorCalls() >= x.calls() - x.callsRefused(), "calls that got OK reached the monitor");
        report(r, x);
    }

    /** The JSON report conforms to its schema and carries the same counts. */
    @SuppressWarnings("unchecked")
    static void report(RunResult r, RunResult.HostileResult x) {
        Object json = StrictJson.parse(RunReportJson.write(r));
        assertEquals(List.of(), new JsonSchema(RunReportSchemaTest.schema()).check(json));
        Map<String, Object> h = (Map<String, Object>) ((List<Object>) ((Map<String, Object>) json).get("hostile"))
                .get(0);
        assertEquals(BigInteger.valueOf(x.operations()), h.get("operations"));
        assertEquals(BigInteger.valueOf(x.denied()), h.get("denied"));
        assertEquals(BigInteger.valueOf(x.violations()), h.get("violations"));
        assertEquals(BigInteger.valueOf(x.unloggedDenials()), h.get("unloggedDenials"));
        assertEquals(x.causes().size(), ((List<Object>) h.get("causes")).size());
    }

    // [utest->req~scenario.hostile-guest~1]
    // [utest->dsn~emu.guest.hostile~1]
    // [utest->dsn~run.hostile~1]
    @Test
    void a_hostile_partition_on_riscv_gets_nothing_beyond_its_grant() {
        // mcause 1 instruction access fault, 5 load access fault, 7 store/AMO access fault
        holds(run("hostile-riscv.yaml", "riscv"), Set.of(1, 5, 7));
    }

    // [utest->req~scenario.hostile-guest~1]
    // [utest->dsn~emu.guest.hostile~1]
    // [utest->dsn~run.hostile~1]
    @Test
    void a_hostile_partition_on_arm_gets_nothing_beyond_its_grant() {
        // ESR_EL3.EC 0x20 instruction abort, 0x24 data abort, both from a lower EL
        holds(run("arm/hostile.yaml", "arm"), Set.of(0x20, 0x24));
    }

    // [utest->req~scenario.hostile-guest~1]
    // [utest->dsn~emu.guest.hostile~1]
    // [utest->dsn~run.hostile~1]
    @Test
    void a_hostile_partition_in_smm_on_x86_gets_nothing_beyond_its_grant() {
        // vector 14: #PF from the monitor's SMM page tables
        holds(run("x86-hostile.yaml", "x86"), Set.of(14));
    }

    // [utest->req~scenario.hostile-guest~1]
    // [utest->dsn~run.hostile~1]
    @Test
    void a_hostile_partition_outside_smm_on_x86_reaches_beyond_its_grant_and_the_apics_but_never_smram() {
        Hostile h = run("x86-hostile-qm.yaml", "x86");
        RunResult r = h.result();
        RunResult.HostileResult x = r.hostile().get(0);
        // what x86 without EPT cannot enforce is reported, and fails the run
        assertTrue(x.violations() > 1000, x.toString());
        RunResult.Check check = Systems.check(r, "hostile-isolation");
        assertFalse(check.passed());
        assertTrue(check.detail().startsWith("hostile: " + x.violations() + " accesses outside the grant succeeded ("
                + x.foreignViolations() + " reached another partition or the monitor)"), check.detail());
        assertFalse(x.samples().isEmpty());
        // the foreign ones are the monitor's own devices outside SMRAM (I/O APIC, HPET, local APIC), which
        // the operating system outside SMM owns on x86 without VT-x; never SMRAM
        assertTrue(x.foreignViolations() > 0 && x.foreignViolations() < x.violations(), x.toString());
        for (RunResult.HostileAccess a : x.samples()) {
            assertFalse(Long.compareUnsigned(a.address(), 0x8000_0000L) >= 0
                    && Long.compareUnsigned(a.address(), 0x8100_0000L) < 0, "reached SMRAM: " + a);
            if (a.what().equals("foreign-violation")) {
                assertTrue(Long.compareUnsigned(a.address(), 0xFEC0_0000L) >= 0
                        && Long.compareUnsigned(a.address(), 0xFEE0_1000L) < 0, "not a monitor device: " + a);
            }
        }
        // SMRR held: every access to SMRAM was dropped and logged
        assertEquals(0, x.unloggedDenials());
        assertEquals(x.denied(), x.dropped());
        assertTrue(x.dropped() > 1000, x.toString());
        assertEquals(x.denied(), h.loggedAccessFaults());
        assertEquals(List.of(new RunResult.CauseCount(null, warden.emu.guest.HostileCounts.DROPPED, x.dropped())),
                x.causes());
        assertEquals(0, Systems.partition(r, "rtos").deadlineMisses());
        assertTrue(Systems.check(r, "critical-deadlines-met").passed());
    }

    // [utest->req~scenario.hostile-guest~1]
    // [utest->dsn~run.hostile~1]
    @Test
    void a_campaign_on_a_system_with_a_hostile_partition_runs_and_the_monitor_still_recovers_the_rtos()
            throws Exception {
        Target riscv = Targets.get("riscv");
        SystemDescription d = load("hostile-campaign.yaml", riscv);
        Campaign campaign = new Campaign(d, riscv, 1, 80 * MILLION);
        Set<String> models = new TreeSet<>();
        for (int k = 0; k < 6; k++) {
            Campaign.Replayed rep = campaign.replay(k);
            RunOutcome o = rep.outcome();
            assertEquals("rtos", o.partition(), "faults go to the RTOS, not to the hostile partition: " + o);
            assertTrue(o.applied(), o.toString());
            RunResult.HostileResult x = rep.result().hostile().get(0);
            assertTrue(x.operations() > 50_000, x.toString());
            assertTrue(Systems.check(rep.result(), "hostile-isolation").passed(), x.toString());
            if (o.model().equals("hang")) {
                // the watchdog caught the hung RTOS and the monitor restarted it, hostile flood or not
                assertTrue(Systems.partition(rep.result(), "rtos").restarts() >= 1, rep.result().events().toString());
            }
            models.add(o.model());
        }
        assertTrue(models.contains("hang"), models.toString());
    }
}
