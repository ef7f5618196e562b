package warden.trace;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
        RepoScan scan = RepoScan.walk(root, config);
        List<Parallel.Task<?>> tasks = new ArrayList<>();
        // The biggest files first, so that they overlap with the many small ones.
        for (Path p : scan.mutations) {
            tasks.add(() -> MutationReader.parse(Xml.bytes(p, scan.rel(p)), scan.rel(p)));
        }
        for (Path p : scan.jacoco) {
            tasks.add(() -> CoverageReader.parse(Xml.bytes(p, scan.rel(p)), scan.rel(p)));
        }
        for (Path p : scan.specs) {
            tasks.add(() -> SpecReader.read(scan.rel(p), strictUtf8(Files.readAllBytes(p))));
        }
        for (RepoScan.Candidate c : scan.candidates) {
            tasks.add(() -> {
                SourceFile f = RepoScan.read(c);
                if (f != null) {
                    f.tags(); // each file's tags and scopes, cached
                }
                return f;
            });
        }
        for (Path p : scan.surefire) {
            tasks.add(() -> TestResults.parse(Xml.bytes(p, scan.rel(p)), scan.rel(p)));
        }
        Parallel.Outcome o = Parallel.run(tasks, threads);
        int mutations = 0;
        int jacoco = mutations + scan.mutations.size();
        int specs = jacoco + scan.jacoco.size();
        int sources = specs + scan.specs.size();
        int surefire = sources + scan.candidates.size();
        for (int i = 0; i < scan.candidates.size(); i++) { // bounded by the sources
            SourceFile f = RepoScan.get(o, sources + i);
            if (f != null) {
                scan.sources.add(f);
            }
        }
        for (int i = 0; i < scan.specs.size(); i++) { // bounded by the spec files
            SpecReader.Result r = RepoScan.get(o, specs + i);
            t.allItems.addAll(r.items());
            t.errors.addAll(r.errors());
        }
        t.sources.addAll(scan.sources);
        for (SourceFile f : scan.sources) {
            t.tags.addAll(f.tags());
        }
        try {
            mergeReports(t, scan, o, surefire, mutations, jacoco);
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

    /** Links and gates an already loaded trace (also used by the benchmark). */
    static void analyse(Trace t) {
        Linker.link(t);
        AsilRules.apply(t);
        Metrics.apply(t);
        Gates.apply(t);
    }

    /** @return UTF-8 text; malformed input is an error, as {@code Files.readAllLines} makes it. */
    static String strictUtf8(byte[] b) throws IOException {
        String s = new String(b, StandardCharsets.UTF_8);
        if (s.indexOf('\uFFFD') >= 0) { // replaced bytes, or a real U+FFFD: the strict decoder tells
            s = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(b)).toString();
        }
        return s;
    }

    /** Merges the parsed reports in the order they were found; the first bad one ends the reading. */
    private static void mergeReports(Trace t, RepoScan scan, Parallel.Outcome o, int surefire, int mutations,
            int jacoco) throws TraceInputException, IOException {
        for (int i = 0; i < scan.surefire.size(); i++) { // bounded by the reports
            List<String[]> events = report(o, surefire + i);
            t.results.apply(events);
            t.reportFiles[0]++;
        }
        for (int i = 0; i < scan.mutations.size(); i++) { // bounded by the reports
            List<Mutant> m = report(o, mutations + i);
            t.mutants.addAll(m);
            t.reportFiles[1]++;
        }
        for (int i = 0; i < scan.jacoco.size(); i++) { // bounded by the reports
            Map<String, CoverageReader.FileLines> lines = report(o, jacoco + i);
            CoverageReader.merge(lines, t.coverage);
            t.reportFiles[2]++;
        }
    }

    private static <R> R report(Parallel.Outcome o, int i) throws TraceInputException, IOException {
        try {
            return o.get(i);
        } catch (TraceInputException | IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void readLists(Trace t, Path dir, RepoScan scan) throws IOException {
        Path eq = ReviewedList.find(dir, "equivalent-mutants");
        if (eq != null) {
            t.equivalents.addAll(ReviewedList.read(eq, scan.rel(eq), 3, t.errors));
        }
        Path waived = ReviewedList.find(dir, "untagged-code");
        if (waived != null) {
            t.waivers.addAll(ReviewedList.read(waived, scan.rel(waived), 1, t.errors));
        }
    }
}
