package warden.launcher.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import warden.launcher.config.DefaultSystem;
import warden.launcher.config.DescriptionLoader;
import warden.launcher.config.SystemDescription;
import warden.launcher.report.RunReportJson;
import warden.launcher.report.Summary;

/**
 * The run report's CAN counters: in the default run the RTOS's can0 stores every frame on its bus
 * and its error counters stay 0; in the mediated example can0 also sends the rich OS's frames.
 */
class CanReportRunTest {
    private static RunResult.CanResult can0(RunResult r) {
        return r.cans().stream().filter(c -> c.device().equals("can0")).findFirst().orElseThrow();
    }

    // [utest->dsn~run.can-report~1]
    @Test
    void theDefaultRunsCan0StoresEveryFrameOnItsBus() throws Exception {
        for (String target : List.of("riscv", "arm", "x86")) {
            RunResult r = new SystemRun(DefaultSystem.load(target).description(), Targets.get(target),
                    100_000_000L, 42, false).boot().run();
            RunResult.CanResult c = can0(r);
            assertEquals("rtos", c.partition(), target);
            assertTrue(c.busFrames() >= 45, target + ": a frame every 2 ms " + c);
            assertEquals(c.busFrames(), c.received() + c.filteredOut() + c.lost(), target + " " + c);
            assertEquals(0, c.filteredOut(), target + ": filter 0 takes every standard frame");
            assertEquals(0, c.tec() + c.rec() + c.sent(), target + " " + c);
            assertTrue(c.errorFrames() < 5, target + ": ACK errors only before the RTOS joins the bus " + c);
            assertEquals(false, c.busOff(), target);
            String json = RunReportJson.write(r).replaceAll("\\s+", "");
            assertTrue(json.contains("\"cans\":[{\"device\":\"can0\",\"partition\":\"rtos\",\"busFrames\":"
                    + c.busFrames()), target + " " + json.substring(json.indexOf("\"cans\"")));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            Summary.print(r, new PrintStream(bytes, true, StandardCharsets.UTF_8));
            String text = bytes.toString(StandardCharsets.UTF_8);
            String row = "  can0 +rtos +" + c.busFrames() + " +" + c.errorFrames() + " +" + c.received()
                    + " +0 +0 +0 +0 +0 error-active";
            assertTrue(text.contains("CAN controllers (frames)") && text.matches("(?s).*\\n" + row + "\\n.*"), text);
        }
    }

    // [utest->dsn~run.can-report~1]
    @Test
    void theMediatedExamplesCan0SendsTheRichOsFrames() throws Exception {
        SystemDescription d = DescriptionLoader.load(Path.of("../../docs/examples/can-mediated.yaml")).description();
        RunResult r = new SystemRun(d, Targets.get("riscv"), d.run().durationNs(), d.run().seed(), false).boot().run();
        RunResult.CanResult c = can0(r);
        assertTrue(c.sent() > 0, c.toString());
        assertEquals(c.busFrames(), c.received() + c.filteredOut() + c.lost() + c.sent(), c.toString());
    }

    // [utest->dsn~config.stimulus-can-extended~1] [utest->dsn~run.can-report~1]
    @Test
    void extendedFramesAreFilteredOutByTheRtosStandardFilterAndNeverRaiseItsLine() throws Exception {
        String text = DefaultSystem.text("riscv").replace("{name: can0, period: 2ms, id: 0x120}",
                "{name: can0, period: 2ms, id: 0x120, extended: true}");
        assertTrue(text.contains("extended: true"), "the default system's can0 stimulus was found");
        SystemDescription d = DescriptionLoader.parse(text, "ext.yaml").description();
        RunResult r = new SystemRun(d, Targets.get("riscv"), 100_000_000L, 42, false).boot().run();
        RunResult.CanResult c = can0(r);
        assertTrue(c.busFrames() >= 45, c.toString());
        assertEquals(c.busFrames(), c.filteredOut(), "filter 0 takes standard frames only: " + c);
        assertEquals(0, c.received());
        assertEquals(0, r.lines().stream().filter(l -> l.line() == 20).mapToLong(RunResult.LineResult::raised).sum());
    }

    // [utest->dsn~can.stimulus-sporadic~1]
    @Test
    void aSporadicStreamReachesTheRtosAtItsMeanRate() throws Exception {
        String text = DefaultSystem.text("riscv").replace("{name: can0, period: 2ms, id: 0x120}",
                "{name: can0, meanInterval: 2ms, id: 0x120}");
        SystemDescription d = DescriptionLoader.parse(text, "sporadic.yaml").description();
        RunResult r = new SystemRun(d, Targets.get("riscv"), 100_000_000L, 42, false).boot().run();
        RunResult.CanResult c = can0(r);
        assertTrue(c.received() >= 30 && c.received() <= 70, "about 50 frames in 100 ms: " + c);
        assertEquals(c.busFrames(), c.received(), c.toString());
        RunResult again = new SystemRun(d, Targets.get("riscv"), 100_000_000L, 42, false).boot().run();
        assertEquals(c, can0(again), "the same seed, the same stream");
    }
}
