package warden.trace.link;

import java.util.ArrayList;
import java.util.List;
import warden.trace.importer.TestResults;
import warden.trace.model.Asil;
import warden.trace.model.Mutant;
import warden.trace.model.SpecItem;
import warden.trace.model.Tag;

/**
 * Everything the engine knows about one spec item: its links up and down, the code that implements
 * it, the tests that verify it with their verdicts, the coverage of its code, and its own mutation
 * score. Filled by the engine, then read by the gates and the reports.
 */
public final class ItemTrace {
    /** The item as written. */
    public final SpecItem item;
    /** Items this one covers (that exist). */
    public final List<String> up = new ArrayList<>();
    /** Items this one depends on (assumptions of use, for example): links, not coverage. */
    public final List<String> dependsOn = new ArrayList<>();
    /** Items that cover this one. */
    public final List<String> down = new ArrayList<>();
    /** Tags naming this item, by kind. */
    public final List<Tag> impl = new ArrayList<>();
    /** Test tags ({@code utest}, {@code itest}) naming this item. */
    public final List<Tag> tests = new ArrayList<>();
    /** The test methods of its test tags, {@code class#method}. */
    public final List<String> testMethods = new ArrayList<>();
    /** Verdicts of {@link #testMethods} (null entries when no report has the test). */
    public final List<TestResults.Verdict> verdicts = new ArrayList<>();
    /** Mutants in its implementing code (equivalent ones included, flagged by the list). */
    public final List<Mutant> mutants = new ArrayList<>();
    /** Line and branch counters of its implementing code: lines, covered, branches, covered. */
    public final int[] coverage = new int[4];
    /** Mutation counts: total (without equivalent), killed by own tests, killed only by others,
     *  survived, no coverage, equivalent. */
    public final int[] mutation = new int[6];
    /** The ASIL it must meet: written, or inherited from its parents. */
    public Asil asil = Asil.QM;
    /** True when the ASIL was inherited rather than written. */
    public boolean asilInherited;

    ItemTrace(SpecItem item) {
        this.item = item;
    }

    /** @return the id. */
    public String id() {
        return item.id();
    }

    /** @return the own mutation score in percent, or -1 when the item has no mutants. */
    public double mutationScore() {
        return mutation[0] == 0 ? -1 : 100.0 * mutation[1] / mutation[0];
    }

    /** @return line coverage in percent, or -1 when no coverage data touches its code. */
    public double lineCoverage() {
        return coverage[0] == 0 ? -1 : 100.0 * coverage[1] / coverage[0];
    }

    /** @return branch coverage in percent, or -1 when its code has no branches with data. */
    public double branchCoverage() {
        return coverage[2] == 0 ? -1 : 100.0 * coverage[3] / coverage[2];
    }

    /** @return passed, failed, missing or none: the worst verdict of its verifying tests. */
    public String verdict() {
        if (verdicts.isEmpty()) {
            return tests.isEmpty() ? "none" : "missing";
        }
        String worst = "passed";
        for (TestResults.Verdict v : verdicts) {
            if (v != null && v.status().equals("failed")) {
                return "failed";
            }
            if (v == null || !v.passed()) {
                worst = v == null ? "missing" : v.status();
            }
        }
        return worst;
    }
}
