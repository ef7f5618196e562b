package warden.trace.link;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import warden.trace.importer.CoverageReader;
import warden.trace.importer.ReviewedList;
import warden.trace.importer.SourceFile;
import warden.trace.model.Mutant;

/**
 * Gives each item the coverage and the mutants of its implementing code (the lines where its impl
 * tags are in scope) and counts its own mutation score: of its mutants not on the reviewed
 * equivalent list, the share killed by its own verifying tests. Mutants killed only by other
 * items' tests are counted apart.
 *
 * [impl->dsn~trace.mutation-score~1]
 * [impl->dsn~trace.coverage~1]
 */
public final class Metrics {
    private final Trace t;
    private final Map<String, SourceFile> byPackagePath = new HashMap<>();
    private final Map<String, ReviewedList.Entry> equivalent = new HashMap<>();
    private final Set<String> usedEquivalents = new HashSet<>();
    private String lastClass;
    private String lastFile;
    private SourceFile lastSource;
    /** The {@code mutated} path holding {@link #lastSource}, or null. */
    private String lastMutatedPath;
    /** Mutants in code that implements no item. */
    int untraced;

    private Metrics(Trace t) {
        this.t = t;
    }

    /** Gives every item its coverage and mutants and counts its own mutation score. */
    public static void apply(Trace t) {
        Metrics m = new Metrics(t);
        m.index();
        for (Mutant mu : t.mutants) {
            m.mutant(mu);
        }
        for (Map.Entry<String, CoverageReader.FileLines> e : t.coverage.entrySet()) {
            m.coverage(e.getKey(), e.getValue());
        }
        m.unusedEquivalents();
        if (m.untraced > 0) {
            t.warnings.add(m.untraced + " mutants lie in code that implements no item");
        }
    }

    private void index() {
        for (SourceFile f : t.sources) {
            int i = f.path().indexOf("src/main/java/");
            if (f.java() && i >= 0) {
                byPackagePath.put(f.path().substring(i + "src/main/java/".length()), f);
            }
        }
        for (ReviewedList.Entry e : t.equivalents) {
            String mutator = e.keys().get(2).substring(e.keys().get(2).lastIndexOf('.') + 1);
            equivalent.put(key(e.keys().get(0), e.keys().get(1), mutator, e.keys().get(3)), e);
        }
    }

    /**
     * The key of an equivalent mutant: class, method, mutator and the code of its line (whitespace
     * runs as one space), so that edits elsewhere in the file do not move it.
     *
     * [impl->dsn~trace.equivalent-mutants~2]
     */
    static String key(String className, String method, String mutator, String code) {
        return className + "#" + method + ":" + mutator + ":" + code.strip().replaceAll("\\s+", " ");
    }

    private SourceFile source(String className, String file) {
        if (lastClass != null && className.equals(lastClass) && java.util.Objects.equals(file, lastFile)) {
            return lastSource; // a report lists a class's mutants together
        }
        int dot = className.lastIndexOf('.');
        String pkg = dot < 0 ? "" : className.substring(0, dot).replace('.', '/') + "/";
        lastClass = className;
        lastFile = file;
        lastSource = byPackagePath.get(pkg + file);
        lastMutatedPath = lastSource == null ? null : t.config.mutatedPath(lastSource.path());
        return lastSource;
    }

    private void mutant(Mutant m) {
        SourceFile f = source(m.className(), m.sourceFile());
        if (lastMutatedPath != null) {
            t.mutatedPaths.add(lastMutatedPath);
        }
        List<String> ids = f == null ? List.of() : f.implAt(m.line());
        if (ids.isEmpty()) {
            untraced++;
        }
        String key = equivalent.isEmpty() ? null
                : key(m.className(), m.method(), m.mutatorName(), f == null ? "" : f.line(m.line()));
        boolean eq = key != null && equivalent.containsKey(key);
        if (eq) {
            usedEquivalents.add(key);
            ReviewedList.Entry e = equivalent.get(key);
            t.equivalentOf.put(m, e);
            if (m.detected()) {
                t.find("equivalent-list", e.file() + ":" + e.line(), "", "mutant " + key + " (line " + m.line()
                        + ") is listed as equivalent but was killed, so it is not equivalent: remove the entry");
            }
        }
        for (String id : ids) {
            ItemTrace it = t.items.get(id);
            if (it != null) {
                it.mutants.add(m);
                count(it, m, eq);
            }
        }
    }

    private static void count(ItemTrace it, Mutant m, boolean eq) {
        if (eq) {
            it.mutation[5]++;
            return;
        }
        it.mutation[0]++;
        if (ownKill(it, m)) {
            it.mutation[1]++;
        } else if (m.detected()) {
            it.mutation[2]++;
        } else if (m.status().equals("NO_COVERAGE")) {
            it.mutation[4]++;
        } else {
            it.mutation[3]++;
        }
    }

    /**
     * @return true when one of the item's own verifying tests killed the mutant. PIT names no
     *     killing test for a mutant that timed out (the minion running it is stopped); since PIT
     *     counts a timeout as a detection, such a mutant counts as the item's own when one of the
     *     item's tests covers it.
     */
    public static boolean ownKill(ItemTrace it, Mutant m) {
        boolean timedOut = m.status().equals("TIMED_OUT") && m.killing().isEmpty();
        for (String k : timedOut ? m.covering() : m.killing()) {
            if (it.testMethods.contains(k)) {
                return true;
            }
        }
        return false;
    }

    private void coverage(String key, CoverageReader.FileLines lines) {
        SourceFile f = byPackagePath.get(key);
        if (f == null) {
            return;
        }
        for (Map.Entry<Integer, int[]> e : lines.lines.entrySet()) {
            int[] c = e.getValue();
            for (String id : f.implAt(e.getKey())) {
                ItemTrace it = t.items.get(id);
                if (it != null) {
                    it.coverage[0]++;
                    it.coverage[1] += c[1] > 0 ? 1 : 0;
                    it.coverage[2] += c[2];
                    it.coverage[3] += c[3];
                }
            }
        }
    }

    private void unusedEquivalents() {
        if (!t.hasMutations()) {
            return;
        }
        for (Map.Entry<String, ReviewedList.Entry> e : equivalent.entrySet()) {
            if (!usedEquivalents.contains(e.getKey())) {
                t.warnings.add(e.getValue().file() + ":" + e.getValue().line() + ": equivalent mutant "
                        + e.getKey() + " matches no mutant of this run (moved or removed?)");
            }
        }
    }
}
