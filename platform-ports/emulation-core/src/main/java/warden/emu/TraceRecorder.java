package warden.emu;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * The run's timeline: which partition ran on which core, interrupts, traps and world switches,
 * written as Chrome trace-event JSON (the "JSON Array/Object Format" that Perfetto and
 * chrome://tracing open). One process, one thread per core; times in microseconds with
 * nanosecond fractions.
 *
 * [impl->dsn~emu.trace.chrome~1]
 */
public final class TraceRecorder {
    private record Event(char phase, String name, String category, int core, long tsNs, long durNs, String args) {
    }

    private final boolean enabled;
    private final List<Event> events = new ArrayList<>();
    private final String[] openName;
    private final long[] openSince;
    private final int cores;

    public TraceRecorder(int cores, boolean enabled) {
        this.enabled = enabled;
        this.cores = cores;
        this.openName = new String[cores];
        this.openSince = new long[cores];
    }

    public boolean enabled() {
        return enabled;
    }

    /** The core starts running {@code name} (a partition, or null for idle) at {@code nowNs}. */
    public void running(int core, String name, long nowNs) {
        if (!enabled) {
            return;
        }
        close(core, nowNs);
        openName[core] = name;
        openSince[core] = nowNs;
    }

    private void close(int core, long nowNs) {
        if (openName[core] != null && nowNs > openSince[core]) {
            events.add(new Event('X', openName[core], "partition", core, openSince[core], nowNs - openSince[core],
                    null));
        }
        openName[core] = null;
    }

    /** An instant on a core: an interrupt, a trap, a world switch. */
    public void instant(int core, String name, String category, long nowNs, String args) {
        if (enabled) {
            events.add(new Event('i', name, category, core, nowNs, 0, args));
        }
    }

    /** Closes open spans at the end of the run. */
    public void finish(long endNs) {
        for (int c = 0; c < cores; c++) {
            close(c, endNs);
        }
    }

    public int size() {
        return events.size();
    }

    /** Writes the trace as a JSON object with a "traceEvents" array. */
    public void write(Writer out, String title) throws IOException {
        out.write("{\"displayTimeUnit\":\"ns\",\"otherData\":{\"title\":");
        out.write(Json.quote(title));
        out.write("},\"traceEvents\":[\n");
        out.write("{\"name\":\"process_name\",\"ph\":\"M\",\"pid\":1,\"args\":{\"name\":" + Json.quote(title) + "}}");
        for (int c = 0; c < cores; c++) {
            out.write(",\n{\"name\":\"thread_name\",\"ph\":\"M\",\"pid\":1,\"tid\":" + c
                    + ",\"args\":{\"name\":\"core " + c + "\"}}");
        }
        for (Event e : events) {
            out.write(",\n{\"name\":" + Json.quote(e.name()) + ",\"cat\":\"" + e.category() + "\",\"ph\":\"" + e.phase()
                    + "\",\"pid\":1,\"tid\":" + e.core() + ",\"ts\":" + micros(e.tsNs()));
            if (e.phase() == 'X') {
                out.write(",\"dur\":" + micros(e.durNs()));
            } else {
                out.write(",\"s\":\"t\"");
            }
            if (e.args() != null) {
                out.write(",\"args\":" + e.args());
            }
            out.write("}");
        }
        out.write("\n]}\n");
    }

    private static String micros(long ns) {
        return (ns / 1000) + "." + String.format("%03d", ns % 1000);
    }
}
