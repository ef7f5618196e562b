package warden.trace.gate;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import warden.trace.importer.CoverageReader;
import warden.trace.importer.ReviewedList;
import warden.trace.importer.SourceFile;
import warden.trace.link.Trace;

/**
 * Branch coverage of the kernel (IEC 61508-3 Table B.2, ISO 26262-6 Table 9): with JaCoCo data, every
 * kernel line with a branch no test takes fails the gate unless the reviewed
 * {@code uncovered-branches} list (file | code of the line | reason) gives a reason; the list is keyed
 * by the line's code, so edits elsewhere do not move its keys. Counts the kernel's branches for the
 * report; a listed line whose branches are now all covered is a warning (delete its row).
 *
 * [impl->dsn~trace.kernel-branches~1]
 */
final class KernelBranches {
    private KernelBranches() {
    }

    static void check(Trace t) {
        if (!t.hasCoverage()) {
            return;
        }
        Map<String, ReviewedList.Entry> reviewed = new LinkedHashMap<>();
        for (ReviewedList.Entry e : t.uncoveredBranches) {
            reviewed.put(key(e.keys().get(0), e.keys().get(1)), e);
        }
        Set<String> used = new HashSet<>();
        for (SourceFile f : t.sources) {
            file(t, f, reviewed, used);
        }
        stale(t, reviewed, used);
    }

    private static void file(Trace t, SourceFile f, Map<String, ReviewedList.Entry> reviewed, Set<String> used) {
        int i = f.path().indexOf("src/main/java/");
        if (!f.java() || f.test() || i < 0 || !t.config.kernel(f.path())) {
            return;
        }
        CoverageReader.FileLines lines = t.coverage.get(f.path().substring(i + "src/main/java/".length()));
        if (lines == null) {
            return;
        }
        for (Map.Entry<Integer, int[]> e : new TreeMap<>(lines.lines).entrySet()) {
            int[] c = e.getValue();
            t.kernelBranches[0] += c[2];
            t.kernelBranches[1] += c[3];
            if (c[3] >= c[2]) {
                continue;
            }
            String code = f.line(e.getKey()).trim();
            String k = key(f.path(), code);
            if (reviewed.containsKey(k)) {
                used.add(k);
                continue;
            }
            t.find("uncovered-branch", f.path() + ":" + e.getKey(), "", (c[2] - c[3]) + " of " + c[2]
                    + " branches of `" + code + "` are taken by no test: cover them, or give a reason in"
                    + " requirements/uncovered-branches.md (file | code of the line | reason)");
        }
    }

    private static void stale(Trace t, Map<String, ReviewedList.Entry> reviewed, Set<String> used) {
        for (Map.Entry<String, ReviewedList.Entry> e : reviewed.entrySet()) {
            if (!used.contains(e.getKey())) {
                t.warnings.add(e.getValue().file() + ":" + e.getValue().line() + ": no uncovered kernel branch"
                        + " has this file and code any more; delete the row");
            }
        }
    }

    private static String key(String file, String code) {
        return file.trim() + "|" + code.trim().replaceAll("\\s+", " ");
    }
}
