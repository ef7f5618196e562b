package warden.launcher.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import warden.launcher.config.DescriptionLoader;
import warden.launcher.config.LoadResult;

/**
 * Warden's own RTOS binary (platform-ports/guests/riscv/bin/rtos.elf) in the default system's place
 * of the rtos model (docs/examples/riscv-rtos-elf.yaml), against the model in the same system: the
 * example with its elf workload replaced by the model's workload of default-system.yaml.
 */
class RtosElfRunTest {
    static final String EXAMPLE = "riscv-rtos-elf.yaml";
    static final Path BIN = Path.of("../guests/riscv/bin");
    /** The model's workload in default-system.yaml, as the example's partition gives it. */
    static final String MODEL = String.join("\n",
            "      kind: rtos",
            "      boot: 3ms",
            "      tick: 1ms",
            "      tasks:",
            "        - {name: control, period: 1ms, wcet: 150us}",
            "        - {name: monitor, period: 5ms, wcet: 600us}",
            "        - {name: logger, period: 10ms, wcet: 1500us}",
            "      isr: {device: can0, work: 20us}");
    /**
     * How far the binary's boot and worst responses may lie from the model's, in ns. The binary
     * measures its execution time with rdtime, whose 100 ns ticks round every stretch a job runs
     * between two interrupts, and its handlers (tick, CAN, SBI calls) cost the instructions they
     * execute (1 ns each) where the model charges fixed costs: a few hundred ns per tick.
     * 0.5 % of the model's figure, at least 2 us, holds those and still tells a lost or doubled
     * job, tick or handler (150 us, 1 ms, 20 us) apart.
     */
    static long tolerance(long modelNs) {
        return Math.max(2_000L, modelNs / 200);
    }

    static RunResult run(Path description) throws Exception {
        return run(DescriptionLoader.load(description));
    }

    static RunResult run(LoadResult l) throws Exception {
        assertTrue(l.ok(), l.problems().toString());
        return new SystemRun(l.description(), Targets.get("riscv"), 100_000_000L, 42, false).boot().run();
    }

    // [utest->dsn~guest.rtos~1]
    @Test
    void theExampleIsTheDefaultSystemWithTheBinaryInTheModelsPlace(@TempDir Path dir) throws Exception {
        RunResult model = run(variant(dir, "model.yaml", MODEL));
        RunResult defaults = run(warden.launcher.config.DefaultSystem.load());
        assertEquals(defaults.toString().replace(defaults.source(), "?"), model.toString().replace(model.source(), "?"),
                "the example, the model in the binary's place, runs as the default system does");
    }

    /** @return the example with the rtos partition's workload replaced by {@code workload}, written in {@code dir}. */
    static Path variant(Path dir, String name, String workload) throws Exception {
        String text = Files.readString(ElfRunTest.EXAMPLES.resolve(EXAMPLE));
        int from = text.indexOf("      kind: elf");
        int to = text.indexOf('\n', text.indexOf("      sha256:", from));
        Path out = dir.resolve(name);
        Files.writeString(out, text.substring(0, from) + workload + text.substring(to));
        return out;
    }

    // [utest->dsn~guest.rtos~1]
    // [utest->dsn~run.rtos-stats~1]
    // [utest->dsn~guest.rtos.stats~1]
    @Test
    void theBinaryReportsTheModelsBootJobsMissesAndWorstResponses(@TempDir Path dir) throws Exception {
        RunResult elf = run(ElfRunTest.EXAMPLES.resolve(EXAMPLE));
        RunResult model = run(variant(dir, "model.yaml", MODEL));
        RunResult.PartitionResult b = elf.partitions().get(0);
        RunResult.PartitionResult m = model.partitions().get(0);
        assertEquals("elf", b.workload());
        assertEquals("rtos", m.workload());
        assertTrue(Math.abs(b.bootTimeNs() - m.bootTimeNs()) <= tolerance(m.bootTimeNs()),
                "boot " + b.bootTimeNs() + " ns, the model's " + m.bootTimeNs());
        assertTrue(b.bootTimeNs() <= 10_000_000L);
        assertEquals(3, b.tasks().size(), b.tasks().toString());
        for (int t = 0; t < 3; t++) {
            RunResult.TaskResult bt = b.tasks().get(t);
            RunResult.TaskResult mt = m.tasks().get(t);
            assertEquals(List.of(mt.name(), mt.periodNs(), mt.deadlineNs(), mt.jobs(), 0L),
                    List.of(bt.name(), bt.periodNs(), bt.deadlineNs(), bt.jobs(), bt.misses()), bt.name());
            assertEquals(0, mt.misses());
            assertTrue(Math.abs(bt.maxResponseNs() - mt.maxResponseNs()) <= tolerance(mt.maxResponseNs()),
                    bt.name() + ": worst response " + bt.maxResponseNs() + " ns, the model's " + mt.maxResponseNs());
        }
        assertEquals(List.of(96L, 20L, 10L), b.tasks().stream().map(RunResult.TaskResult::jobs).toList());
        assertTrue(elf.console().stream().anyMatch(c -> c.partition().equals("rtos")
                && c.text().equals("rtos: booted, 3 tasks")), elf.console().toString());
        RunResult.LineResult can = elf.lines().stream().filter(l -> l.line() == 20).findFirst().orElseThrow();
        assertEquals(can.raised(), can.delivered(), "every CAN interrupt reached the binary's handler");
        assertTrue(can.raised() > 0);
        assertEquals(0, b.restarts());
        assertEquals(0, elf.violations().size(), "the binary makes no call it may not: " + elf.violations());
        assertTrue(elf.passed(), elf.checks().toString());
        assertEquals(elf.toString(), run(ElfRunTest.EXAMPLES.resolve(EXAMPLE)).toString(), "deterministic");
    }

    // [utest->dsn~guest.rtos.channels~1]
    // [utest->dsn~run.rtos-stats~1]
    @Test
    void theBinarysChannelEndsCarryWhatTheModelsCarryAndTheRichOsAcceptsItsFrames(@TempDir Path dir)
            throws Exception {
        RunResult elf = run(ElfRunTest.EXAMPLES.resolve(EXAMPLE));
        RunResult model = run(variant(dir, "model.yaml", MODEL));
        assertEquals(List.of("sensors", "commands"), elf.channels().stream().map(RunResult.ChannelResult::name)
                .toList());
        for (int c = 0; c < 2; c++) {
            RunResult.ChannelResult b = elf.channels().get(c);
            RunResult.ChannelResult m = model.channels().get(c);
            assertEquals(List.of(m.sends(), m.receives(), m.doorbells(), m.denied(), m.resets(), m.failures(),
                    m.published(), m.consumed()), List.of(b.sends(), b.receives(), b.doorbells(), b.denied(),
                    b.resets(), b.failures(), b.published(), b.consumed()), b.name() + ": the kernel's counts");
            RunResult.E2eResult be = b.e2e();
            RunResult.E2eResult me = m.e2e();
            assertEquals(List.of(me.framesSent(), me.drops(), me.overwrites(), me.senderHighWater(),
                    me.framesReceived(), me.verdicts(), me.receiverHighWater(), me.failures()),
                    List.of(be.framesSent(), be.drops(), be.overwrites(), be.senderHighWater(), be.framesReceived(),
                    be.verdicts(), be.receiverHighWater(), be.failures()), b.name() + ": end to end");
            assertTrue(Math.abs(be.worstLatencyNs() - me.worstLatencyNs()) <= tolerance(me.worstLatencyNs()),
                    b.name() + ": worst latency " + be.worstLatencyNs() + " ns, the model's " + me.worstLatencyNs());
        }
        assertTrue(elf.channels().get(0).e2e().verdicts().get(0) > 0, "the rich OS accepted the binary's frames");
        assertTrue(elf.channels().get(1).e2e().verdicts().get(0) > 0, "the binary accepted the rich OS's frames");
    }

    // [utest->dsn~guest.rtos~1]
    // [utest->dsn~guest.rtos.build~1]
    // [utest->dsn~guest.rtos.stats~1]
    @Test
    void aRealIllegalInstructionIsACrashTheMonitorRestartsAndTheCountsGoOn(@TempDir Path dir) throws Exception {
        Path crasher = BIN.resolve("rtos-crasher.elf").toAbsolutePath().normalize();
        String sha = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(crasher)));
        RunResult r = run(variant(dir, "crasher.yaml",
                "      kind: elf\n      file: " + crasher + "\n      sha256: " + sha));
        List<RunResult.MonitorEvent> rtos = r.events().stream().filter(e -> "rtos".equals(e.partition())).toList();
        assertEquals(List.of("partition-booted", "failure-detected", "partition-restarted", "partition-booted",
                "partition-recovered"), rtos.stream().map(RunResult.MonitorEvent::kind).toList(), rtos.toString());
        assertTrue(rtos.get(1).detail().startsWith("crash"), rtos.get(1).toString());
        assertEquals(1, r.counters().stream().filter(c -> c.name().equals("illegalInstructions")).findFirst()
                .orElseThrow().value(), "one illegal-instruction trap, the kernel counted it");
        RunResult.PartitionResult p = r.partitions().get(0);
        assertEquals(1, p.restarts());
        assertEquals(2, r.console().stream().filter(c -> c.text().equals("rtos: booted, 3 tasks")).count(),
                "the binary reloaded and booted again");
        assertEquals(List.of(96L, 20L, 10L), p.tasks().stream().map(RunResult.TaskResult::jobs).toList(),
                "release times kept across the restart: every release of the run is a job");
        assertEquals(1, p.tasks().get(2).misses(), "the logger's job in flight at the crash is abandoned");
        assertTrue(p.tasks().get(0).misses() > 0, "control releases while it was down are missed: " + p.tasks());
        assertTrue(r.checks().stream().anyMatch(c -> c.name().equals("critical-deadlines-met") && !c.passed()));
    }
}
