package warden.emu;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TraceRecorderTest {

    // [utest->dsn~emu.trace.chrome~1]
    @Test
    void spansAndInstantsAreWrittenAsTraceEvents() throws Exception {
        TraceRecorder t = new TraceRecorder(2, true);
        t.running(0, "rtos", 0);
        t.instant(0, "irq 20", "interrupt", 1_500, null);
        t.running(0, "linux", 2_000);
        t.running(1, "linux", 0);
        t.finish(5_000);
        StringWriter w = new StringWriter();
        t.write(w, "test \"run\"");
        String json = w.toString();
        assertTrue(json.startsWith("{\"displayTimeUnit\":\"ns\""), json);
        assertTrue(json.contains("{\"name\":\"rtos\",\"cat\":\"partition\",\"ph\":\"X\",\"pid\":1,\"tid\":0,"
                + "\"ts\":0.000,\"dur\":2.000}"), json);
        assertTrue(json.contains("\"name\":\"irq 20\",\"cat\":\"interrupt\",\"ph\":\"i\",\"pid\":1,\"tid\":0,"
                + "\"ts\":1.500"), json);
        assertTrue(json.contains("\"title\":\"test \\\"run\\\"\""), json);
        assertTrue(json.trim().endsWith("]}"));
    }
}
