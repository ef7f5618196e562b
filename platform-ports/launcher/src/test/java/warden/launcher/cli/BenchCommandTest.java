package warden.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCommandTest {

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = WardenCli.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    // [utest->dsn~cli.bench~1]
    @Test
    void benchReportsHostTimePerMillionKernelEvents() {
        String[] r = run("bench", "--for", "20ms", "--repeat", "2", "--warmup", "0");
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("host time per 10^6 kernel events: median"), r[1]);
        assertTrue(r[1].contains("run 2:"), r[1]);
    }

    // [utest->dsn~cli.bench~1]
    @Test
    void benchRejectsBadCountsWithExitTwo() {
        String[] r = run("bench", "--repeat", "0");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("--repeat must be 1..1000"), r[2]);
    }

    // [utest->dsn~cli.bench.targets~1]
    @Test
    void benchMeasuresEveryNamedTargetInTurn() {
        String[] r = run("bench", "--target", "riscv,x86,riscv", "--for", "10ms", "--repeat", "1", "--warmup", "0");
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("default-system.yaml on riscv"), r[1]);
        assertTrue(r[1].contains("default-system.yaml on x86"), r[1]);
        assertEquals(-1, r[1].indexOf("on riscv", r[1].indexOf("on riscv") + 1), "riscv measured once: " + r[1]);
        assertEquals(-1, r[1].indexOf("on arm"), r[1]);
        assertTrue(r[1].indexOf("on riscv") < r[1].indexOf("on x86"), r[1]);
    }

    // [utest->dsn~cli.bench.targets~1]
    @Test
    void benchAllMeasuresEveryTargetAndRejectsAnUnknownOne() {
        String[] r = run("bench", "--target", "all", "--for", "5ms", "--repeat", "1", "--warmup", "0");
        assertEquals("0", r[0], r[2]);
        for (String t : new String[] {"riscv", "arm", "x86"}) {
            assertTrue(r[1].contains("default-system.yaml on " + t + ","), r[1]);
        }
        String[] bad = run("bench", "--target", "riscv,mips", "--repeat", "1", "--warmup", "0");
        assertEquals("2", bad[0]);
        assertTrue(bad[2].contains("mips"), bad[2]);
        assertEquals("", bad[1]);
    }

    // [utest->dsn~cli.bench.json~1]
    @Test
    void benchWritesTheJsonReportWithSchemaIdAndMedians(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("bench.json");
        String[] r = run("bench", "--target", "arm", "--for", "10ms", "--repeat", "3", "--warmup", "1",
                "--json", json.toString());
        assertEquals("0", r[0], r[2]);
        String text = Files.readString(json);
        assertTrue(text.contains("\"schema\": \"warden.bench/1\""), text);
        assertTrue(text.contains("\"target\": \"arm\""), text);
        assertTrue(text.contains("\"virtualNsPerRun\": 10000000"), text);
        assertTrue(text.contains("\"warmup\": 1"), text);
        assertTrue(text.contains("\"repeat\": 3"), text);
        long events = number(text, "kernelEventsPerRun");
        assertTrue(events > 0, text);
        long[] runs = array(text, "runHostNs");
        assertEquals(3, runs.length, text);
        long[] sorted = runs.clone();
        java.util.Arrays.sort(sorted);
        long median = number(text.substring(text.indexOf("hostNsPerVirtualSecond")), "median");
        assertEquals(Math.round(sorted[1] * 1e9 / 10_000_000), median, text);
        long min = number(text.substring(text.indexOf("hostNsPerMillionKernelEvents")), "min");
        assertEquals(Math.round(sorted[0] * 1e6 / events), min, text);
        assertEquals(3, array(text, "runThreadCpuNs").length, text);
    }

    private static long number(String text, String key) {
        Matcher m = Pattern.compile("\"" + key + "\": (-?\\d+)").matcher(text);
        assertTrue(m.find(), key + " in " + text);
        return Long.parseLong(m.group(1));
    }

    private static long[] array(String text, String key) {
        Matcher m = Pattern.compile("\"" + key + "\": \\[([^\\]]*)\\]").matcher(text);
        assertTrue(m.find(), key + " in " + text);
        String[] parts = m.group(1).trim().split(",");
        long[] v = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            v[i] = Long.parseLong(parts[i].trim());
        }
        return v;
    }
}
