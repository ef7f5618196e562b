package warden.launcher.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import warden.launcher.cli.WardenCli;

/**
 * A traced run of the default system draws every channel frame as a flow arrow from the send that
 * published it to the receive that consumed it.
 */
class ChannelFlowsTest {
    private static final Pattern FLOW = Pattern.compile(
            "\\{\"name\":\"(\\w+)\",\"cat\":\"channel\",\"ph\":\"([sf])\",\"pid\":1,\"tid\":(\\d+),\"ts\":([0-9.]+),"
            + "\"id\":\"([0-9.]+)\"(,\"bp\":\"e\")?\\}");

    // [utest->dsn~channel.trace-flows~1]
    @Test
    void everyConsumedFrameIsAnArrowFromItsSendOnTheSendersCoreToItsReceive(@TempDir Path dir) throws Exception {
        Path t = dir.resolve("trace.json");
        StringWriter err = new StringWriter();
        Path json = dir.resolve("report.json");
        int code = WardenCli.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "run", "--for", "30ms",
                "--trace", t.toString(), "--json", json.toString());
        assertEquals(0, code, err.toString());
        String text = Files.readString(t);
        Map<String, Double> started = new HashMap<>();
        Map<String, String> startedBy = new HashMap<>();
        Set<String> finished = new HashSet<>();
        int starts = 0;
        int finishes = 0;
        Matcher m = FLOW.matcher(text);
        while (m.find()) {
            String name = m.group(1);
            String id = m.group(5);
            double ts = Double.parseDouble(m.group(4));
            int core = Integer.parseInt(m.group(3));
            assertTrue(id.startsWith(name.equals("sensors") ? "0." : "1."), m.group());
            if (m.group(2).equals("s")) {
                starts++;
                assertEquals(null, started.put(id, ts), "one start per frame: " + id);
                startedBy.put(id, name);
                if (name.equals("sensors")) {
                    assertEquals(0, core, "rtos sends sensors on core 0");
                }
                assertEquals(null, m.group(6));
            } else {
                finishes++;
                assertTrue(started.containsKey(id), "a frame is consumed after it was sent: " + id);
                assertTrue(started.get(id) <= ts, id);
                assertTrue(finished.add(id), "one finish per frame: " + id);
                assertEquals(startedBy.get(id), name);
                assertEquals(",\"bp\":\"e\"", m.group(6));
                if (name.equals("commands")) {
                    assertEquals(0, core, "rtos receives commands on core 0");
                }
            }
        }
        long published = 0;
        long consumed = 0;
        Matcher counts = Pattern.compile("\"published\":\\s*(\\d+),\\s*\"consumed\":\\s*(\\d+)")
                .matcher(Files.readString(json));
        while (counts.find()) {
            published += Long.parseLong(counts.group(1));
            consumed += Long.parseLong(counts.group(2));
        }
        assertTrue(published > 10, "the default system's channels carry frames: " + published);
        assertEquals(published, starts, "one arrow per published frame (no endpoint restarted)");
        assertEquals(consumed, finishes, "one arrow end per consumed frame");
        assertEquals(text.split("\"cat\":\"channel\"", -1).length - 1, starts + finishes,
                "every channel event is a well-formed flow event");
    }
}
