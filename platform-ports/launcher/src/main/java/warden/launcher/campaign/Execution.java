package warden.launcher.campaign;

import java.io.PrintStream;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * One execution of a campaign's slice (runs k &lt; total with k mod shards = shard): run k is made
 * from the campaign seed and k only when a worker is free for it, so at most two runs per worker
 * are queued or running whatever the number of faults; each outcome goes to the sink as it
 * completes; a progress line (runs done, rate, time left) goes to stderr every
 * {@value #PROGRESS_EVERY_MS} ms; a stop request (SIGINT) ends the loop at once, abandoning the
 * runs in flight, so the runs completed so far make a valid partial report.
 *
 * [impl->dsn~campaign.bounded~1]
 * [impl->dsn~campaign.progress~1]
 */
public final class Execution {
    /** Interval between progress lines; the system property {@value #PROGRESS_PROPERTY} sets another (in ms). */
    public static final long PROGRESS_EVERY_MS = 2_000;
    /** System property that sets the interval between progress lines, in ms. */
    public static final String PROGRESS_PROPERTY = "warden.campaign.progressMs";
    private static final long POLL_MS = 100;

    private final Campaign campaign;
    private final int total;
    private final int shard;
    private final int shards;
    private final int window;
    private Set<Integer> skip = Set.of();
    private PrintStream progress;
    private int maxInFlight;

    public Execution(Campaign campaign, int total, int shard, int shards, int threads) {
        this.campaign = campaign;
        this.window = 2 * threads;
        this.total = total;
        this.shards = shards;
        this.shard = shard;
    }

    /** Runs whose indices are in {@code done} are not run again (a resumed campaign). */
    public Execution skipping(Set<Integer> done) {
        this.skip = done;
        return this;
    }

    /** Progress lines go to {@code err} (none when null). */
    public Execution progress(PrintStream err) {
        this.progress = err;
        return this;
    }

    /** @return the number of runs in this slice (done before or not) */
    public int sliceSize() {
        return shard >= total ? 0 : (total - shard + shards - 1) / shards;
    }

    /** @return the most runs that were queued or running at once */
    public int maxInFlight() {
        return maxInFlight;
    }

    /**
     * Runs the slice's runs not skipped, each outcome to {@code sink} on this thread.
     *
     * @return true when every run was done, false when {@code stop} ended it first
     */
    public boolean run(Consumer<RunOutcome> sink, BooleanSupplier stop) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(window / 2, Execution::worker);
        CompletionService<RunOutcome> done = new ExecutorCompletionService<>(pool);
        int next = shard;
        int inFlight = 0;
        int before = countSkipped();
        int completed = 0;
        Progress p = new Progress(progress, sliceSize(), before);
        try {
            while (!stop.getAsBoolean()) {
                while (inFlight < window && next < total) {
                    int k = next;
                    next += shards;
                    if (!skip.contains(k)) {
                        done.submit(() -> campaign.runOne(k));
                        inFlight++;
                    }
                }
                maxInFlight = Math.max(maxInFlight, inFlight);
                if (inFlight == 0) {
                    p.line(completed, true);
                    return true;
                }
                Future<RunOutcome> f = done.poll(POLL_MS, TimeUnit.MILLISECONDS);
                if (f != null) {
                    inFlight--;
                    completed++;
                    sink.accept(result(f));
                }
                p.line(completed, false);
            }
            p.line(completed, true);
            return false;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Workers are daemons: a stopped campaign does not wait for the runs it abandons. */
    private static Thread worker(Runnable r) {
        Thread t = new Thread(r, "campaign-run");
        t.setDaemon(true);
        return t;
    }

    private static RunOutcome result(Future<RunOutcome> f) throws Exception {
        try {
            return f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception x) {
                throw x;
            }
            throw e;
        }
    }

    private int countSkipped() {
        int n = 0;
        for (int k : skip) {
            if (k >= 0 && k < total && k % shards == shard) {
                n++;
            }
        }
        return n;
    }

    /** The progress line: runs done of the slice, rate of this execution, time left at that rate. */
    private static final class Progress {
        private final PrintStream out;
        private final int slice;
        private final int before;
        private final long start = System.nanoTime();
        private long last = start;

        private final long everyMs = Long.getLong(PROGRESS_PROPERTY, PROGRESS_EVERY_MS);

        Progress(PrintStream out, int slice, int before) {
            this.out = out;
            this.slice = slice;
            this.before = before;
        }

        void line(int completed, boolean last) {
            long now = System.nanoTime();
            if (out == null || !last && now - this.last < everyMs * 1_000_000) {
                return;
            }
            this.last = now;
            double secs = (now - start) / 1e9;
            double rate = secs > 0 ? completed / secs : 0;
            int left = slice - before - completed;
            String eta = completed == 0 ? "unknown" : Math.round(left / rate) + " s";
            out.printf("campaign: %d/%d runs, %.1f s, %.2f runs/s, time left %s%n", before + completed, slice, secs,
                    rate, left == 0 ? "0 s" : eta);
            out.flush();
        }
    }
}
