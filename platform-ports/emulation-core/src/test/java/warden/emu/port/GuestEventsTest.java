package warden.emu.port;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import warden.emu.Executor;
import warden.emu.GuestCpu;
import warden.emu.IrqStats;
import warden.emu.Restartable;
import warden.emu.TraceRecorder;
import warden.kernel.api.Access;
import warden.kernel.api.Criticality;
import warden.kernel.api.SystemImage;
import warden.kernel.api.SystemImageBuilder;

/** The shared guest side of every port: binding at the world switch, delivery, timeline entries. */
class GuestEventsTest {
    private static final long RAM = 0x8040_0000L;

    /** Records what it is handed; counts restarts. */
    private static final class Recorder implements Executor, Restartable {
        final List<String> seen = new ArrayList<>();
        int restarts;

        @Override public int run(GuestCpu cpu) { return EXIT_BUDGET; }
        @Override public void onInterrupt(int line, long nowNs) { seen.add("irq " + line + " @" + nowNs); }
        @Override public void onTimer(long nowNs) { seen.add("timer @" + nowNs); }
        @Override public void onFault(int cause, long address, long nowNs) { seen.add("fault " + cause); }
        @Override public String kind() { return "recorder"; }
        @Override public void restart(long nowNs) { restarts++; }
    }

    /** A core at a fixed time; only core(), now() and causeName() matter here. */
    private record Core(int core, long now) implements GuestCpu {
        @Override public long budget() { return 0; }
        @Override public void advance(long ns) { }
        @Override public int load(long address, int size) { return OK; }
        @Override public int store(long address, int size, long value) { return OK; }
        @Override public int fetch(long address) { return OK; }
        @Override public long lastValue() { return 0; }
        @Override public int lastFaultCause() { return 0; }
        @Override public String causeName(int cause) { return "cause " + cause; }
        @Override public int call(int callId, long arg0, long arg1) { return OK; }
        @Override public int call(int callId, long[] args) { return OK; }
        @Override public long rawCall(long id, long function, long[] args) { return OK; }
        @Override public int rawCallTarget(long id, long function) { return -1; }
        @Override public long notSupportedCode() { return -1; }
        @Override public long[] callIds() { return new long[] {0}; }
        @Override public boolean attached() { return true; }
    }

    private final Recorder safe = new Recorder();
    private final Recorder rich = new Recorder();
    private final GuestBinding binding;

    GuestEventsTest() {
        SystemImageBuilder b = SystemImage.builder(2).monitor(0x8000_0000L, 0x20_0000L);
        int p0 = b.partition("safe", Criticality.ASIL_B, 1, RAM, 0, false);
        b.region(p0, RAM, 0x1_0000L, Access.ALL);
        int p1 = b.partition("rich", Criticality.QM, 1, RAM + 0x10_0000L, 0, false);
        b.region(p1, RAM + 0x10_0000L, 0x1_0000L, Access.ALL);
        Executor[] ex = new Executor[4];
        ex[0] = safe;      // partition 0 on core 0
        ex[2 + 1] = rich;  // partition 1 on core 1
        binding = new GuestBinding(b.build(), 2, ex);
    }

    @Test
    void aCoreRunsTheExecutorOfThePartitionAttachedLastAndNoneOnceDetached() {
        assertNull(binding.executor(0));
        assertEquals(GuestBinding.NONE, binding.partition(0));
        binding.attach(0, 0);
        assertEquals(safe, binding.executor(0));
        assertEquals(0, binding.partition(0));
        binding.attach(1, 0);
        assertNull(binding.executor(1), "partition 0 has no vCPU on core 1: nothing runs, the partition is attached");
        assertEquals(0, binding.partition(1));
        binding.detach(0);
        assertNull(binding.executor(0));
        assertEquals(GuestBinding.NONE, binding.partition(0));
    }

    @Test
    void criticalityAndNamesComeFromTheImage() {
        assertTrue(binding.critical(0));
        assertFalse(binding.critical(1));
        assertFalse(binding.critical(GuestBinding.NONE));
        assertFalse(binding.critical(2));
        assertEquals(2, binding.partitions());
        assertEquals("rich", binding.name(1));
    }

    @Test
    void aFreshContextRestartsOnlyThatVcpusExecutor() {
        binding.restart(1, 1, 500);
        binding.restart(1, 0, 500); // no vCPU there: nothing to restart
        assertEquals(1, rich.restarts);
        assertEquals(0, safe.restarts);
    }

    @Test
    void deliveriesReachTheAttachedExecutorOnlyAndInterruptsAreCounted() {
        IrqStats stats = new IrqStats(64);
        GuestEvents events = new GuestEvents(binding, stats, new TraceRecorder(2, false));
        events.interrupt(new Core(0, 100), 10); // nothing attached: counted, handed to nobody
        binding.attach(0, 0);
        events.interrupt(new Core(0, 200), 11);
        events.timer(new Core(0, 300));
        events.fault(new Core(0, 400), 5, "mtval", 0x1000);
        assertEquals(List.of("irq 11 @200", "timer @300", "fault 5"), safe.seen);
        assertTrue(rich.seen.isEmpty());
        assertFalse(events.tracing());
    }

    @Test
    void timelineEntriesAreTheSameOnEveryPortAndOnlyWhenTracing() throws Exception {
        TraceRecorder trace = new TraceRecorder(2, true);
        GuestEvents events = new GuestEvents(binding, new IrqStats(64), trace);
        binding.attach(0, 0);
        events.switchedIn(new Core(0, 1_000));
        events.interrupt(new Core(0, 1_500), 11);
        events.fault(new Core(0, 1_700), 5, "mtval", 0x1000);
        events.lineRaised("raise line ", 11, 1_400);
        events.idled(new Core(0, 2_000));
        trace.finish(3_000);
        StringWriter w = new StringWriter();
        trace.write(w, "t");
        String json = w.toString();
        assertTrue(json.contains("\"name\":\"safe\",\"cat\":\"partition\",\"ph\":\"X\",\"pid\":1,\"tid\":0,"
                + "\"ts\":1.000,\"dur\":1.000"), json);
        assertTrue(json.contains("\"name\":\"world switch\",\"cat\":\"kernel\""), json);
        assertTrue(json.contains("\"args\":{\"to\":\"safe\"}"), json);
        assertTrue(json.contains("\"name\":\"irq 11\",\"cat\":\"interrupt\""), json);
        assertTrue(json.contains("\"name\":\"cause 5\",\"cat\":\"fault\""), json);
        assertTrue(json.contains("\"args\":{\"mtval\":\"0x1000\"}"), json);
        assertTrue(json.contains("\"name\":\"raise line 11\",\"cat\":\"device\""), json);
        assertEquals(5, trace.size(), "span, switch, irq, fault, raise");
    }
}
