package warden.trace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Runs the trace over a repository: reads every input, links items, tags, tests, verdicts,
 * coverage and mutants, then applies the gates. Input problems end in {@link Trace#errors} (the
 * caller exits 2), gate findings in {@link Trace#findings} (exit 1).
 *
 * [impl->dsn~trace.engine~1]
 */
public final class TraceEngine {
    private TraceEngine() {
    }

    /** @return the trace of the repository at {@code root}. */
    public static Trace run(Path root, TraceConfig config) throws IOException {
        Trace t = new Trace(config);
        RepoScan scan = RepoScan.scan(root, config);
        List<InputError> reportErrors = new ArrayList<>();
        CompletableFuture<Void> reports = CompletableFuture.runAsync(() -> readReports(t, scan, reportErrors));
        readSpecs(t, scan);
        t.sources.addAll(scan.sources);
        scan.sources.parallelStream().forEach(SourceFile::tags); // each file's tags and scopes, cached
        for (SourceFile f : scan.sources) {
            t.tags.addAll(f.tags());
        }
        reports.join();
        t.errors.addAll(reportErrors);
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

    private static void readSpecs(Trace t, RepoScan scan) throws IOException {
        for (Path p : scan.specs) {
            SpecReader.Result r = SpecReader.read(scan.rel(p), Files.readAllLines(p));
            t.allItems.addAll(r.items());
            t.errors.addAll(r.errors());
        }
    }

    /** Reads the reports (on another thread than the specs and sources: it touches nothing else). */
    private static void readReports(Trace t, RepoScan scan, List<InputError> errors) {
        try {
            for (Path p : scan.surefire) {
                t.results.read(p, scan.rel(p));
                t.reportFiles[0]++;
            }
            for (Path p : scan.mutations) {
                t.mutants.addAll(MutationReader.read(p, scan.rel(p)));
                t.reportFiles[1]++;
            }
            for (Path p : scan.jacoco) {
                CoverageReader.read(p, scan.rel(p), t.coverage);
                t.reportFiles[2]++;
            }
        } catch (TraceInputException e) {
            errors.add(e.error());
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
