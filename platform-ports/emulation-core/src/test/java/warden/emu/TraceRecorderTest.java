package warden.emu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
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

    private static void timeline(TraceRecorder t, int spans) {
        for (int i = 0; i < spans; i++) {
            t.running(i % 2, i % 3 == 0 ? "rtos" : "linux", 1_000L * i);
            t.instant(i % 2, "irq " + i, "interrupt", 1_000L * i + 500, i % 5 == 0 ? "{\"line\":" + i + "}" : null);
        }
        t.finish(1_000L * spans + 7);
    }

    // [utest->dsn~emu.trace.streamed~1]
    @Test
    void aStreamedTraceHoldsNothingAndWritesTheSameBytes() throws Exception {
        TraceRecorder kept = new TraceRecorder(2, true);
        timeline(kept, 20_000);
        StringWriter whole = new StringWriter();
        kept.write(whole, "run");
        TraceRecorder streamed = new TraceRecorder(2, true);
        StringWriter sink = new StringWriter();
        streamed.streamTo(sink, "run");
        timeline(streamed, 20_000);
        assertEquals(0, streamed.retained(), "a streamed trace keeps no event in memory");
        assertEquals(kept.size(), streamed.size());
        assertEquals(kept.retained(), (int) kept.size());
        assertEquals(whole.toString(), sink.toString());
    }

    // [utest->dsn~emu.trace.streamed~1]
    @Test
    void aWriteErrorWhileStreamingIsKeptAndStopsTheStream() throws Exception {
        TraceRecorder t = new TraceRecorder(2, true);
        int[] writes = {0};
        Writer failing = new Writer() {
            @Override
            public void write(char[] b, int off, int len) throws IOException {
                if (++writes[0] > 20) {
                    throw new IOException("No space left on device");
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        t.streamTo(failing, "run");
        timeline(t, 100);
        assertEquals("No space left on device", t.streamFailure().getMessage());
        assertEquals(0, t.retained());
    }
}
