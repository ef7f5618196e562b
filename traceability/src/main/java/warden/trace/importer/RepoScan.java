package warden.trace.importer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import warden.trace.model.TraceConfig;
import warden.trace.parallel.Parallel;

/**
 * Finds the engine's inputs under a repository root: requirement Markdown, every text file under a
 * module's {@code src} tree, and the reports of the last build (Surefire {@code TEST-*.xml}, PIT
 * {@code mutations.xml}, JaCoCo {@code jacoco.xml}) in each module's {@code target} and in the
 * configured report directories. Skips hidden directories, {@code target} trees (except for the
 * reports) and excluded prefixes. Module {@code pom.xml} files are read for tags too (build-level
 * implementations, such as a checker configured in the build).
 *
 * [impl->dsn~trace.scan~1]
 */
public final class RepoScan {
    final Path root;
    /** The requirement files, sorted by name. */
    public final List<Path> specs = new ArrayList<>();
    /** Candidate sources, sorted by relative path: read by {@link #read} (or the engine's tasks). */
    public final List<Candidate> candidates = new ArrayList<>();
    /** The sources read, in the order of {@link #candidates}. */
    public final List<SourceFile> sources = new ArrayList<>();
    /** Surefire reports: each module's, then the configured directories'. */
    public final List<Path> surefire = new ArrayList<>();
    /** PIT reports, in the same order. */
    public final List<Path> mutations = new ArrayList<>();
    /** JaCoCo reports, in the same order. */
    public final List<Path> jacoco = new ArrayList<>();
    private final TraceConfig config;
    private final String rootPrefix;
    private final Found found;

    /** A file under a {@code src} tree (or a module's pom.xml), not yet read. */
    public record Candidate(Path path, String rel) {
    }

    private RepoScan(Path root, TraceConfig config, Found found) {
        this.root = root;
        this.config = config;
        this.found = found;
        String r = root.toString();
        this.rootPrefix = r.isEmpty() ? "" : r.endsWith(root.getFileSystem().getSeparator()) ? r
                : r + root.getFileSystem().getSeparator();
    }

    /** @return the inputs found under {@code root}, sources read. */
    static RepoScan scan(Path root, TraceConfig config) throws IOException {
        RepoScan s = walk(root, config);
        Parallel.Outcome o = Parallel.run(s.candidates.stream().map(c -> (Parallel.Task<SourceFile>) () -> read(c))
                .toList(), Parallel.threads());
        for (int i = 0; i < s.candidates.size(); i++) { // bounded by the candidates
            SourceFile f = o.result(i);
            if (f != null) {
                s.sources.add(f);
            }
        }
        return s;
    }

    /** Told of each input as the walk finds it, so that its reading can start at once. */
    public interface Found {
        /** Nothing to tell. */
        Found NOTHING = new Found() {
        };

        /** A spec file. */
        default void spec(Path p) {
        }

        /** A candidate source. */
        default void source(Candidate c) {
        }

        /** A report: Surefire, PIT or JaCoCo (by its name). */
        default void report(Path p) {
        }
    }

    /** @return the inputs found under {@code root}, sources only located (see {@link #candidates}). */
    static RepoScan walk(Path root, TraceConfig config) throws IOException {
        return walk(root, config, Found.NOTHING);
    }

    /**
     * @return the inputs found under {@code root}, sources only located; each is told to
     *     {@code found} as it is found: the configured report directories first (their PIT file is
     *     the biggest input), then the spec files, then the tree. The lists keep their order:
     *     each module's reports before the configured ones, sources by path.
     */
    public static RepoScan walk(Path root, TraceConfig config, Found found) throws IOException {
        RepoScan s = new RepoScan(root, config, found);
        RepoScan configured = new RepoScan(root, config, found);
        for (String r : config.reports) {
            configured.reports(root.resolve(r));
        }
        Path req = root.resolve(config.requirements);
        if (Files.isDirectory(req)) {
            try (var files = Files.list(req)) {
                files.filter(p -> p.toString().endsWith(".md")).filter(p -> !auxiliary(p)).sorted()
                        .forEach(s.specs::add);
            }
        }
        s.specs.forEach(found::spec);
        Files.walkFileTree(root, s.new Walker());
        s.surefire.addAll(configured.surefire);
        s.mutations.addAll(configured.mutations);
        s.jacoco.addAll(configured.jacoco);
        s.candidates.sort((a, b) -> a.rel().compareTo(b.rel()));
        return s;
    }

    /** @return the candidate read as a source file, or null when it is binary. */
    public static SourceFile read(Candidate c) throws IOException {
        String text = text(c.path());
        return text == null ? null : new SourceFile(c.rel(), text);
    }

    private static boolean auxiliary(Path p) {
        String n = p.getFileName().toString();
        return n.equals("equivalent-mutants.md") || n.equals("untagged-code.md") || n.equals("class-level-tags.md")
                || n.equals("deferred.md") || n.equals("unmutated.md") || n.equals("uncovered-branches.md")
                || n.equals("README.md");
    }

    /** @return a path relative to the root, with {@code /} separators. */
    public String rel(Path p) {
        String full = p.toString();
        String r = !rootPrefix.isEmpty() && full.startsWith(rootPrefix) && full.length() > rootPrefix.length()
                && !root.toString().isEmpty() ? full.substring(rootPrefix.length()) : root.relativize(p).toString();
        return r.replace('\\', '/');
    }

    private void reports(Path dir) throws IOException {
        if (!config.readReports || !Files.isDirectory(dir)) {
            return;
        }
        try (var files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files.sorted()::iterator) {
                String n = p.getFileName().toString();
                if (n.startsWith("TEST-") && n.endsWith(".xml")) {
                    surefire.add(p);
                    found.report(p);
                } else if (n.equals("mutations.xml")) {
                    mutations.add(p);
                    found.report(p);
                } else if (n.equals("jacoco.xml")) {
                    jacoco.add(p);
                    found.report(p);
                }
            }
        }
    }

    /** @return the file's text as UTF-8 (bad bytes replaced), or null for a binary file. */
    static String text(Path p) throws IOException {
        byte[] b = Files.readAllBytes(p);
        for (int i = 0; i < Math.min(b.length, 8192); i++) { // a prefix is enough to spot binaries
            if (b[i] == 0) {
                return null;
            }
        }
        return new String(b, StandardCharsets.UTF_8); // replaces malformed input, as a REPLACE decoder does
    }

    /** Walks the tree once, collecting sources and each module's reports. */
    private final class Walker extends SimpleFileVisitor<Path> {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
            String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
            String rel = rel(dir);
            if (!dir.equals(root) && (name.startsWith(".") || name.equals("node_modules") || config.excluded(rel))) {
                return FileVisitResult.SKIP_SUBTREE;
            }
            if (name.equals("target")) {
                if (Files.exists(dir.resolveSibling("pom.xml"))) {
                    reports(dir.resolve("surefire-reports"));
                    reports(dir.resolve("pit-reports"));
                    reports(dir.resolve("site"));
                }
                return FileVisitResult.SKIP_SUBTREE;
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
            String rel = rel(file);
            boolean pom = file.getFileName().toString().equals("pom.xml");
            if ((pom || rel.startsWith("src/") || rel.contains("/src/")) && !config.excluded(rel)) {
                Candidate c = new Candidate(file, rel);
                candidates.add(c);
                found.source(c);
            }
            return FileVisitResult.CONTINUE;
        }
    }
}
