package warden.verification;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import warden.launcher.run.RunResult;
import warden.testsupport.JsonFixtures;

/**
 * Same description, same seed: the same run, byte for byte, in the report and in the trace. A
 * different seed changes what is random.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DeterminismTest {
    @TempDir
    Path dir;

    private Path[] runTwice(String... args) {
        Path[] files = new Path[4];
        for (int i = 0; i < 2; i++) {
            files[2 * i] = dir.resolve("report-" + i + ".json");
            files[2 * i + 1] = dir.resolve("trace-" + i + ".json");
            List<String> all = new ArrayList<>(List.of(args));
            all.addAll(List.of("--json", files[2 * i].toString(), "--trace", files[2 * i + 1].toString()));
            Cli.Outcome o = Cli.run(all.toArray(new String[0]));
            assertEquals(0, o.code(), o.toString());
        }
        return files;
    }

    // [utest->req~scenario.determinism~1]
    @Test
    void two_runs_of_the_default_system_give_byte_identical_reports_and_traces() throws IOException {
        Path[] f = runTwice("run");
        assertArrayEquals(Files.readAllBytes(f[0]), Files.readAllBytes(f[2]), "--json files differ");
        assertArrayEquals(Files.readAllBytes(f[1]), Files.readAllBytes(f[3]), "--trace files differ");
        assertTrue(Files.size(f[1]) > 10_000, "the trace is suspiciously small");
    }

    // [utest->req~scenario.determinism~1]
    @Test
    void two_runs_of_a_probe_system_give_byte_identical_reports_and_traces() throws IOException {
        Path[] f = runTwice("run", Systems.fixture("probe-shared-hart.yaml").toString(), "--seed", "9");
        assertArrayEquals(Files.readAllBytes(f[0]), Files.readAllBytes(f[2]), "--json files differ");
        assertArrayEquals(Files.readAllBytes(f[1]), Files.readAllBytes(f[3]), "--trace files differ");
    }

    // [utest->req~scenario.determinism~1]
    @Test
    void two_runs_through_the_api_give_equal_results() {
        RunResult a = Systems.run(Systems.defaultSystem()).result();
        RunResult b = Systems.run(Systems.defaultSystem()).result();
        assertEquals(a, b);
    }

    // [utest->req~scenario.determinism~1]
    @Test
    void tracing_does_not_change_the_run() {
        var d = Systems.defaultSystem();
        RunResult plain = Systems.run(d, 100_000_000L, 42, false).result();
        RunResult traced = Systems.run(d, 100_000_000L, 42, true).result();
        assertEquals(plain, traced);
    }

    // [utest->req~scenario.determinism~1]
    @Test
    void a_different_seed_changes_when_the_rich_os_takes_its_interrupts() throws IOException {
        List<String> a = richOsInterruptTimes("42");
        List<String> b = richOsInterruptTimes("43");
        // nic0 raises only once the rich OS's driver has enabled reception (its boot, ~70 ms in)
        assertTrue(a.size() > 50, "too few rich-OS interrupts to compare: " + a.size());
        assertNotEquals(a, b, "seeds 42 and 43 gave the same rich-OS interrupt timeline");
    }

    // [utest->req~scenario.determinism~1]
    @Test
    void a_different_seed_leaves_a_periodic_device_periodic() {
        var d = Systems.defaultSystem();
        RunResult a = Systems.run(d, 100_000_000L, 42, false).result();
        RunResult b = Systems.run(d, 100_000_000L, 43, false).result();
        assertEquals(Systems.line(a, "can0").raised(), Systems.line(b, "can0").raised());
        assertNotEquals(a, b);
    }

    // [utest->req~scenario.determinism~1]
    @Test
    void a_different_seed_changes_when_unseeded_devices_raise_interrupts() throws IOException {
        String file = Systems.fixture("unseeded-stimuli.yaml").toString();
        List<String> a = raiseTimes(file, "1", 30);
        List<String> b = raiseTimes(file, "2", 30);
        assertTrue(a.size() > 20, "too few nic0 interrupts to compare: " + a.size());
        assertNotEquals(a, b, "--seed 1 and --seed 2 raised nic0 at the same times");
    }

    // [utest->req~scenario.determinism~1]
    @Test
    void two_random_devices_without_their_own_seed_raise_different_streams() throws IOException {
        String file = Systems.fixture("unseeded-stimuli.yaml").toString();
        assertNotEquals(raiseTimes(file, "1", 30), raiseTimes(file, "1", 31),
                "nic0 and nic1 (same mean interval, no seed) raised at the same times");
    }

    private List<String> richOsInterruptTimes(String seed) throws IOException {
        Path trace = dir.resolve("trace-seed-" + seed + ".json");
        Cli.Outcome o = Cli.run("run", "--seed", seed, "--trace", trace.toString());
        assertEquals(0, o.code(), o.toString());
        return eventTimes(trace, "irq 30");
    }

    private List<String> raiseTimes(String file, String seed, int line) throws IOException {
        Path trace = dir.resolve("trace-" + seed + "-" + line + ".json");
        Cli.Outcome o = Cli.run("run", file, "--seed", seed, "--trace", trace.toString());
        assertEquals(0, o.code(), o.toString());
        return eventTimes(trace, "raise line " + line);
    }

    @SuppressWarnings("unchecked")
    private static List<String> eventTimes(Path trace, String name) throws IOException {
        Map<String, Object> root = JsonFixtures.objectFile(trace);
        List<String> times = new ArrayList<>();
        for (Object e : (List<Object>) root.get("traceEvents")) {
            Map<String, Object> ev = (Map<String, Object>) e;
            if (name.equals(ev.get("name"))) {
                times.add(String.valueOf(ev.get("ts")));
            }
        }
        return times;
    }
}
