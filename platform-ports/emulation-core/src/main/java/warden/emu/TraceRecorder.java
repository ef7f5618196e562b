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
 * <p>Kept in memory and written at the end by {@link #write}, or streamed: after
 * {@link #streamTo} every event goes to the writer when it happens and {@link #finish} ends the
 * document, so the recorder holds no more than one open span per core however long the run; both
 * forms write the same bytes.
 *
 * [impl->dsn~emu.trace.chrome~1]
 * [impl->dsn~emu.trace.streamed~1]
 */
public final class TraceRecorder {
    private record Event(char phase, String name, String category, int core, long tsNs, long durNs, String args,
                         String id) {
    }

    private static final String END = "\n]}\n";

    private final boolean enabled;
    private final List<Event> events = new ArrayList<>();
    private final String[] openName;
    private final long[] openSince;
    private final int cores;
    private Writer sink;
    private IOException failure;
    private long count;

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
            add(new Event('X', openName[core], "partition", core, openSince[core], nowNs - openSince[core], null,
                    null));
        }
        openName[core] = null;
    }

    /** An instant on a core: an interrupt, a trap, a world switch. */
    public void instant(int core, String name, String category, long nowNs, String args) {
        if (enabled) {
            add(new Event('i', name, category, core, nowNs, 0, args, null));
        }
    }

    /**
     * One end of a flow arrow (Chrome trace-event flow: Perfetto draws an arrow from the start to
     * the finish with the same id): {@code start} at the slice enclosing {@code nowNs} on core, or
     * the finish, bound to the enclosing slice too. [impl->dsn~channel.trace-flows~1]
     */
    public void flow(boolean start, int core, String name, String id, long nowNs) {
        if (enabled) {
            add(new Event(start ? 's' : 'f', name, "channel", core, nowNs, 0, null, id));
        }
    }

    private void add(Event e) {
        count++;
        if (failure != null) {
            return;
        }
        if (sink == null) {
            events.add(e);
            return;
        }
        try {
            event(sink, e);
        } catch (IOException x) {
            failure = x;
            sink = null;
        }
    }

    /**
     * From now on writes each event to {@code out} as it happens (the header now, the end at
     * {@link #finish}); nothing is kept. Call before the run, with nothing recorded yet.
     *
     * @throws IOException when the header cannot be written
     */
    public void streamTo(Writer out, String title) throws IOException {
        if (!enabled || count > 0) {
            throw new IllegalStateException("a trace streams from its start, and only when enabled");
        }
        header(out, title);
        sink = out;
    }

    /** @return the first write error of a streamed trace (the rest of the trace was dropped), or null */
    public IOException streamFailure() {
        return failure;
    }

    /** Closes open spans at the end of the run; a streamed trace is ended and flushed. */
    public void finish(long endNs) {
        for (int c = 0; c < cores; c++) {
            close(c, endNs);
        }
        if (sink != null) {
            try {
                sink.write(END);
                sink.flush();
            } catch (IOException x) {
                failure = x;
            }
            sink = null;
        }
    }

    /** @return the number of events recorded (kept or streamed) */
    public long size() {
        return count;
    }

    /** @return the number of events held in memory (none while streaming) */
    public int retained() {
        return events.size();
    }

    /** Writes the trace as a JSON object with a "traceEvents" array. */
    public void write(Writer out, String title) throws IOException {
        header(out, title);
        for (Event e : events) {
            event(out, e);
        }
        out.write(END);
    }

    private void header(Writer out, String title) throws IOException {
        out.write("{\"displayTimeUnit\":\"ns\",\"otherData\":{\"title\":");
        out.write(Json.quote(title));
        out.write("},\"traceEvents\":[\n");
        out.write("{\"name\":\"process_name\",\"ph\":\"M\",\"pid\":1,\"args\":{\"name\":" + Json.quote(title) + "}}");
        for (int c = 0; c < cores; c++) {
            out.write(",\n{\"name\":\"thread_name\",\"ph\":\"M\",\"pid\":1,\"tid\":" + c
                    + ",\"args\":{\"name\":\"core " + c + "\"}}");
        }
    }

    private static void event(Writer out, Event e) throws IOException {
        out.write(",\n{\"name\":" + Json.quote(e.name()) + ",\"cat\":\"" + e.category() + "\",\"ph\":\"" + e.phase()
                + "\",\"pid\":1,\"tid\":" + e.core() + ",\"ts\":" + micros(e.tsNs()));
        if (e.phase() == 'X') {
            out.write(",\"dur\":" + micros(e.durNs()));
        } else if (e.id() != null) {
            out.write(",\"id\":" + Json.quote(e.id()) + (e.phase() == 'f' ? ",\"bp\":\"e\"" : ""));
        } else {
            out.write(",\"s\":\"t\"");
        }
        if (e.args() != null) {
            out.write(",\"args\":" + e.args());
        }
        out.write("}");
    }

    private static String micros(long ns) {
        return (ns / 1000) + "." + String.format("%03d", ns % 1000);
    }
}
