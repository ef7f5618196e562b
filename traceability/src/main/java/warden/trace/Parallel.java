package warden.trace;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs independent tasks on a fixed set of worker threads (the caller is one of them) and gives
 * back each task's result, or its exception, at the task's own index. Which thread ran a task, and
 * when, never shows: the engine merges the results in index order, so its output is the same bytes
 * as a sequential run's.
 *
 * [impl->dsn~trace.parallel~1]
 */
final class Parallel {
    /** A task: reads and parses, touching nothing shared. */
    interface Task<R> {
        R run() throws Exception;
    }

    /** What the tasks gave: results and exceptions, both by task index. */
    static final class Outcome {
        final Object[] results;
        final Throwable[] errors;

        Outcome(int n) {
            results = new Object[n];
            errors = new Throwable[n];
        }

        /** @return task i's result, or throws its exception. */
        @SuppressWarnings("unchecked")
        <R> R get(int i) throws Exception {
            Throwable e = errors[i];
            if (e instanceof Exception x) {
                throw x;
            }
            if (e instanceof Error x) {
                throw x;
            }
            return (R) results[i];
        }
    }

    private Parallel() {
    }

    /** @return the number of threads to use: the processors, at most 4 (file reading gains no more). */
    static int threads() {
        return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    /** Runs every task, in list order as threads become free, and waits for all of them. */
    static Outcome run(List<? extends Task<?>> tasks, int threads) {
        Outcome out = new Outcome(tasks.size());
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < tasks.size(); i = next.getAndIncrement()) { // bounded by the tasks
                try {
                    out.results[i] = tasks.get(i).run();
                } catch (Exception | Error e) {
                    out.errors[i] = e;
                }
            }
        };
        int extra = Math.min(threads, tasks.size()) - 1;
        Thread[] pool = new Thread[Math.max(0, extra)];
        for (int k = 0; k < pool.length; k++) {
            pool[k] = new Thread(worker, "trace-worker-" + (k + 1));
            pool[k].setDaemon(true);
            pool[k].start();
        }
        worker.run();
        for (Thread th : pool) {
            join(th);
        }
        return out;
    }

    private static void join(Thread th) {
        boolean interrupted = false;
        while (true) { // until the worker has finished
            try {
                th.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
