package warden.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceStreamingTest {

    /**
     * SHA-256 of {@code warden run --target T --for 50ms --trace F} for the default system without
     * its channels (its x86 text). First measured as the buffered recorder wrote it before the trace
     * was streamed (commit e5389d5); measured again when can0's interrupts became CAN frames (each
     * raise of line 20 at the end of a 270 us frame, 270 us after its release every 2 ms, the first
     * once the RTOS's driver has joined the bus) and moved the RTOS's handler runs with them; and
     * again when nic0's interrupts became Ethernet frames stored in the rich OS's receive ring (no
     * raise of line 30 before the rich OS's driver has enabled reception, and its handler now drains
     * the ring with MMIO and RAM accesses).
     */
    // [utest->dsn~emu.trace.streamed~1]
    @Test
    void theStreamedTraceIsByteForByteTheTraceOfBefore(@TempDir Path dir) throws Exception {
        String[][] expected = {
            {"riscv", "33fe318c587988f5da0ec26561b30660c7a342f52a032a860bafd6f379d966e1"},
            {"arm", "ccfc6a46a25f1b405dcfd575019bfe1a459be4f11f274cf9e3bd9d05df32cb33"},
            {"x86", "a109579ddb95c25a6279bcd321ef79cbecd88e498964469f9e66c247e609b6db"},
        };
        for (String[] e : expected) {
            Path t = dir.resolve(e[0] + ".json");
            StringWriter err = new StringWriter();
            Path system = dir.resolve("system.yaml");
            Files.writeString(system, warden.launcher.config.DefaultSystem.text("x86"));
            int code = WardenCli.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "run",
                    system.toString(), "--target", e[0], "--for", "50ms", "--trace", t.toString());
            assertEquals(0, code, err.toString());
            byte[] trace = Files.readString(t).replace(system.toString(), "default-system.yaml")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8); // the title names the source
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(trace));
            assertEquals(e[1], sha, e[0] + " trace changed");
        }
    }

    /**
     * A 30 s traced run in a 32 MB heap: the buffered recorder ran out of memory here (exit 3);
     * the run without a trace needs less than 24 MB.
     */
    // [utest->dsn~emu.trace.streamed~1]
    @Test
    void aLongTracedRunFitsInASmallHeap(@TempDir Path dir) throws Exception {
        Path t = dir.resolve("long.json");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-Xmx32m", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), WardenCli.class.getName(), "run", "--for", "30s", "--trace",
                t.toString())).redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile()).start();
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "the run ended");
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("out.txt")));
        long size = Files.size(t);
        assertTrue(size > 30_000_000L, "the whole 30 s timeline is in the file: " + size + " bytes");
        String[] names = dir.toFile().list();
        assertEquals(2, names.length, "no temporary file left: " + String.join(File.pathSeparator, names));
        try (var lines = Files.lines(t)) {
            assertEquals("]}", lines.reduce((a, b) -> b).orElse(""), "the document is closed");
        }
    }

    /**
     * A long traced run stopped by a signal while its trace streams: the previous trace file is
     * left as it was and the temporary file is gone.
     */
    // [utest->dsn~cli.outputs.atomic~1]
    @Test
    void aTracedRunStoppedBySignalLeavesThePreviousTraceAndNoTemporaryFile(@TempDir Path dir, @TempDir Path logs)
            throws Exception {
        Path t = dir.resolve("t.json");
        Files.writeString(t, "previous trace\n");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                WardenCli.class.getName(), "run", "--for", "1000s", "--trace", t.toString()))
                .redirectErrorStream(true).redirectOutput(logs.resolve("out.txt").toFile()).start();
        long deadline = System.nanoTime() + 120_000_000_000L;
        long streamed = 0;
        while (streamed < 2_000_000 && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            try (var files = Files.list(dir)) {
                streamed = files.filter(f -> f.getFileName().toString().endsWith(".tmp")).mapToLong(f -> f.toFile()
                        .length()).sum();
            }
        }
        assertTrue(streamed >= 2_000_000 && p.isAlive(), "the trace was streaming: " + streamed + " bytes");
        String signal = CampaignProcessTest.ignores(p.pid(), 2) ? "-TERM" : "-INT";
        assertEquals(0, new ProcessBuilder("kill", signal, String.valueOf(p.pid())).start().waitFor());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the run stopped");
        assertEquals("previous trace\n", Files.readString(t));
        String[] names = dir.toFile().list();
        assertEquals(1, names.length, "no temporary file left: " + String.join(File.pathSeparator, names));
    }
}
