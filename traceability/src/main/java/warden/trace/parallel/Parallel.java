package warden.trace.parallel;

import java.io.IOException;
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
public final class Parallel {
    /** A task: reads and parses, touching nothing shared. */
    public interface Task<R> {
        /** @return the result; any exception is kept for the caller. */
        R run() throws Exception;
    }

    /** What the tasks gave: results and exceptions, both by task index. */
    public static final class Outcome {
        final Object[] results;
        final Throwable[] errors;

        Outcome(int n) {
            results = new Object[n];
            errors = new Throwable[n];
        }

        /** @return task i's result, or throws its exception. */
        @SuppressWarnings("unchecked")
        public <R> R get(int i) throws Exception {
            Throwable e = errors[i];
            if (e instanceof Exception x) {
                throw x;
            }
            if (e instanceof Error x) {
                throw x;
            }
            return (R) results[i];
        }

        /** @return task i's result; its IOException or RuntimeException as such, any other wrapped. */
        public <R> R result(int i) throws IOException {
            try {
                return get(i);
            } catch (IOException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** A task submitted to a {@link Pool}: its result or exception, once run. */
    public static final class Job<R> {
        private final Task<R> task;
        private R result;
        private Throwable error;

        Job(Task<R> task) {
            this.task = task;
        }

        private void run() {
            try {
                result = task.run();
            } catch (Exception | Error e) {
                error = e;
            }
        }

        /** @return the result, or throws the task's exception (call after {@link Pool#awaitAll}). */
        public R get() throws Exception {
            if (error instanceof Exception x) {
                throw x;
            }
            if (error instanceof Error x) {
                throw x;
            }
            return result;
        }
    }

    /**
     * Worker threads that take tasks as they are submitted, so reading starts while the caller is
     * still finding files; the caller joins in once it has submitted everything
     * ({@link #awaitAll}). Results are read from each {@link Job}, so the order in which the
     * workers ran them never shows.
     */
    public static final class Pool implements AutoCloseable {
        private final java.util.ArrayDeque<Job<?>> queue = new java.util.ArrayDeque<>();
        private final Thread[] workers;
        private int unfinished;
        private boolean closed;

        /** Starts {@code threads - 1} workers (the caller is the last one). */
        public Pool(int threads) {
            workers = new Thread[Math.max(0, threads - 1)];
            for (int k = 0; k < workers.length; k++) {
                workers[k] = new Thread(this::work, "trace-worker-" + (k + 1));
                workers[k].setDaemon(true);
                workers[k].start();
            }
        }

        /** Queues a task behind the others. */
        public <R> Job<R> submit(Task<R> task) {
            return add(new Job<>(task), false);
        }

        /** Queues a task before the others (a big file, so that it overlaps with the many small ones). */
        public <R> Job<R> submitFirst(Task<R> task) {
            return add(new Job<>(task), true);
        }

        private synchronized <R> Job<R> add(Job<R> job, boolean first) {
            if (first) {
                queue.addFirst(job);
            } else {
                queue.addLast(job);
            }
            unfinished++;
            notifyAll();
            return job;
        }

        private synchronized Job<?> take(boolean wait) throws InterruptedException {
            while (queue.isEmpty() && wait && !closed) { // until a task comes or the pool closes
                wait();
            }
            return queue.pollFirst();
        }

        private synchronized void done() {
            unfinished--;
            notifyAll();
        }

        private void work() {
            try {
                for (Job<?> j = take(true); j != null; j = take(true)) { // until the pool closes
                    j.run();
                    done();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** Runs queued tasks on the calling thread too, then waits until every task has run. */
        public void awaitAll() {
            try {
                for (Job<?> j = take(false); j != null; j = take(false)) { // bounded by the queue
                    j.run();
                    done();
                }
                synchronized (this) {
                    while (unfinished > 0) { // until the workers' last tasks are done
                        wait();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading", e);
            }
        }

        @Override
        public void close() {
            synchronized (this) {
                closed = true;
                notifyAll();
            }
            for (Thread th : workers) {
                join(th);
            }
        }
    }

    private Parallel() {
    }

    /** @return the number of threads to use: the processors, at most 4 (file reading gains no more). */
    public static int threads() {
        return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    /** Runs every task, in list order as threads become free, and waits for all of them. */
    public static Outcome run(List<? extends Task<?>> tasks, int threads) {
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
