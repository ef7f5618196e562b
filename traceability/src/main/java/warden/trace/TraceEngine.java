package warden.trace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import warden.trace.gate.AsilRules;
import warden.trace.gate.Gates;
import warden.trace.importer.CoverageReader;
import warden.trace.importer.MutationReader;
import warden.trace.importer.RepoScan;
import warden.trace.importer.ReviewedList;
import warden.trace.importer.SourceFile;
import warden.trace.importer.SpecReader;
import warden.trace.importer.TestResults;
import warden.trace.importer.Utf8Text;
import warden.trace.importer.xml.Xml;
import warden.trace.link.Linker;
import warden.trace.link.Metrics;
import warden.trace.link.Trace;
import warden.trace.model.Mutant;
import warden.trace.model.TraceConfig;
import warden.trace.model.TraceInputException;
import warden.trace.parallel.Parallel;

/**
 * Runs the trace over a repository: reads every input, links items, tags, tests, verdicts,
 * coverage and mutants, then applies the gates. Input problems end in {@link Trace#errors} (the
 * caller exits 2), gate findings in {@link Trace#findings} (exit 1).
 *
 * <p>Every file is read and parsed by an independent task on a fixed set of threads
 * ({@link Parallel}); the results are then merged in one fixed order (sources by path, specs by
 * name, reports as found), so the trace, and every report, is the same whatever the timing.
 *
 * [impl->dsn~trace.engine~1]
 * [impl->dsn~trace.parallel~1]
 */
public final class TraceEngine {
    private TraceEngine() {
    }

    /** @return the trace of the repository at {@code root}. */
    public static Trace run(Path root, TraceConfig config) throws IOException {
        return run(root, config, Parallel.threads());
    }

    /** @return the trace of the repository at {@code root}, read with {@code threads} threads. */
    static Trace run(Path root, TraceConfig config, int threads) throws IOException {
        Trace t = new Trace(config);
        Map<Object, Parallel.Job<?>> jobs = new IdentityHashMap<>();
        RepoScan scan;
        try (Parallel.Pool pool = new Parallel.Pool(threads)) {
            scan = RepoScan.walk(root, config, new Reading(root, pool, jobs));
            pool.awaitAll();
        }
        mergeSpecsAndSources(t, scan, jobs);
        try {
            mergeReports(t, scan, jobs);
        } catch (TraceInputException e) {
            t.errors.add(e.error());
        }
        readLists(t, root.resolve(config.requirements), scan);
        if (!t.errors.isEmpty()) {
            return t;
        }
        analyse(t);
        return t;
    }

    /** Starts reading each input as the walk finds it: one task per file, big reports first. */
    private static final class Reading implements RepoScan.Found {
        private final Path root;
        private final Parallel.Pool pool;
        private final Map<Object, Parallel.Job<?>> jobs;

        Reading(Path root, Parallel.Pool pool, Map<Object, Parallel.Job<?>> jobs) {
            this.root = root;
            this.pool = pool;
            this.jobs = jobs;
        }

        private String rel(Path p) {
            return root.relativize(p).toString().replace('\\', '/');
        }

        @Override
        public void spec(Path p) {
            String rel = rel(p);
            jobs.put(p, pool.submit(() -> SpecReader.read(rel, Utf8Text.decode(rel, Files.readAllBytes(p)))));
        }

        @Override
        public void source(RepoScan.Candidate c) {
            jobs.put(c, pool.submit(() -> {
                SourceFile f = RepoScan.read(c);
                if (f != null) {
                    f.tags(); // each file's tags and scopes, cached
                }
                return f;
            }));
        }

        @Override
        public void report(Path p) {
            String rel = rel(p);
            String n = p.getFileName().toString();
            jobs.put(p, n.equals("mutations.xml")
                    ? pool.submitFirst(() -> MutationReader.parse(Xml.bytes(p, rel), rel))
                    : n.equals("jacoco.xml")
                    ? pool.submitFirst(() -> CoverageReader.parse(Xml.bytes(p, rel), rel))
                    : pool.submit(() -> TestResults.parse(Xml.bytes(p, rel), rel)));
        }
    }

    /** Merges the sources read (by path) and the spec files read (by name), with their tags. */
    private static void mergeSpecsAndSources(Trace t, RepoScan scan, Map<Object, Parallel.Job<?>> jobs)
            throws IOException {
        for (RepoScan.Candidate c : scan.candidates) {
            SourceFile f = result(jobs.get(c));
            if (f != null) {
                scan.sources.add(f);
            }
        }
        for (Path p : scan.specs) {
            SpecReader.Result r = result(jobs.get(p));
            t.allItems.addAll(r.items());
            t.errors.addAll(r.errors());
        }
        t.sources.addAll(scan.sources);
        for (SourceFile f : scan.sources) {
            t.tags.addAll(f.tags());
        }
    }

    /** Links and gates an already loaded trace (also used by the benchmark). */
    static void analyse(Trace t) {
        Linker.link(t);
        AsilRules.apply(t);
        Metrics.apply(t);
        Gates.apply(t);
    }

    /** Merges the parsed reports in the order they were found; the first bad one ends the reading. */
    private static void mergeReports(Trace t, RepoScan scan, Map<Object, Parallel.Job<?>> jobs)
            throws TraceInputException, IOException {
        for (Path p : scan.surefire) {
            List<String[]> events = report(jobs.get(p));
            t.results.apply(events);
            t.reportFiles[0]++;
        }
        for (Path p : scan.mutations) {
            List<Mutant> m = report(jobs.get(p));
            t.mutants.addAll(m);
            t.reportFiles[1]++;
        }
        for (Path p : scan.jacoco) {
            Map<String, CoverageReader.FileLines> lines = report(jobs.get(p));
            CoverageReader.merge(lines, t.coverage);
            t.reportFiles[2]++;
        }
    }

    /** @return a reading job's result; its IOException or RuntimeException as such. */
    @SuppressWarnings("unchecked")
    private static <R> R result(Parallel.Job<?> job) throws IOException {
        try {
            return (R) job.get();
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <R> R report(Parallel.Job<?> job) throws TraceInputException, IOException {
        try {
            return (R) job.get();
        } catch (TraceInputException | IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void readLists(Trace t, Path dir, RepoScan scan) throws IOException {
        Path eq = ReviewedList.find(dir, "equivalent-mutants");
        if (eq != null) {
            t.equivalents.addAll(ReviewedList.read(eq, scan.rel(eq), 4, t.errors));
        }
        Path classLevel = ReviewedList.find(dir, "class-level-tags");
        if (classLevel != null) {
            t.classLevel.addAll(ReviewedList.read(classLevel, scan.rel(classLevel), 2, t.errors));
        }
        Path deferred = ReviewedList.find(dir, "deferred");
        if (deferred != null) {
            t.deferred.addAll(ReviewedList.read(deferred, scan.rel(deferred), 1, t.errors));
        }
        Path unmutated = ReviewedList.find(dir, "unmutated");
        if (unmutated != null) {
            t.unmutated.addAll(ReviewedList.read(unmutated, scan.rel(unmutated), 1, t.errors));
        }
        Path branches = ReviewedList.find(dir, "uncovered-branches");
        if (branches != null) {
            t.uncoveredBranches.addAll(ReviewedList.read(branches, scan.rel(branches), 2, t.errors));
        }
        Path waived = ReviewedList.find(dir, "untagged-code");
        if (waived != null) {
            t.waivers.addAll(ReviewedList.read(waived, scan.rel(waived), 1, t.errors));
        }
    }
}
