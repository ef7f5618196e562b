package warden.trace.link;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import warden.trace.importer.CoverageReader;
import warden.trace.importer.ReviewedList;
import warden.trace.importer.SourceFile;
import warden.trace.importer.TestResults;
import warden.trace.model.Finding;
import warden.trace.model.InputError;
import warden.trace.model.Mutant;
import warden.trace.model.SpecItem;
import warden.trace.model.Tag;
import warden.trace.model.TraceConfig;

/**
 * The whole trace of a repository: every spec item with its evidence, the tags, the verdicts,
 * mutants and coverage read, the reviewed lists, and what the gates found. Built by
 * the engine ({@code TraceEngine}); read by the reports.
 */
public final class Trace {
    /** Items by id, in the order of the requirement files. */
    public final Map<String, ItemTrace> items = new LinkedHashMap<>();
    /** Every item read, duplicates included. */
    public final List<SpecItem> allItems = new ArrayList<>();
    /** Every tag in the sources. */
    public final List<Tag> tags = new ArrayList<>();
    /** Problems in the input: malformed files (exit 2). */
    public final List<InputError> errors = new ArrayList<>();
    /** What the gates found (exit 1). */
    public final List<Finding> findings = new ArrayList<>();
    /** Notes that fail nothing. */
    public final List<String> warnings = new ArrayList<>();
    /** The verdicts read. */
    public final TestResults results = new TestResults();
    /** The mutants read. */
    public final List<Mutant> mutants = new ArrayList<>();
    /** The {@code mutated} paths of the configuration that hold at least one mutant. */
    public final Set<String> mutatedPaths = new HashSet<>();
    /** Coverage lines by {@code package/File.java}. */
    public final Map<String, CoverageReader.FileLines> coverage = new HashMap<>();
    /** The reviewed entry of each mutant found equivalent (by identity). */
    public final Map<Mutant, ReviewedList.Entry> equivalentOf = new java.util.IdentityHashMap<>();
    /** The reviewed equivalent mutants. */
    public final List<ReviewedList.Entry> equivalents = new ArrayList<>();
    /** The reviewed class-level test tags: class, item, reason. */
    public final List<ReviewedList.Entry> classLevel = new ArrayList<>();
    /** Approved items whose chain is formally deferred: item, reason. */
    public final List<ReviewedList.Entry> deferred = new ArrayList<>();
    /** The deferred items the gates found open (their needs not met by approved items). */
    public final Set<String> deferredOpen = new HashSet<>();
    /** Implemented ASIL C/D items whose code is not mutated, with the reason: item, reason. */
    public final List<ReviewedList.Entry> unmutated = new ArrayList<>();
    /** The reviewed waivers for code that implements no requirement yet. */
    public final List<ReviewedList.Entry> waivers = new ArrayList<>();
    /** The reviewed kernel lines with branches no test takes (file, code of the line, reason). */
    public final List<ReviewedList.Entry> uncoveredBranches = new ArrayList<>();
    /** The kernel's branches and covered branches (JaCoCo), counted by the branch gate. */
    public final int[] kernelBranches = new int[2];
    /** Sources scanned. */
    public final List<SourceFile> sources = new ArrayList<>();
    /** Report files read: Surefire, PIT, JaCoCo. */
    public final int[] reportFiles = new int[3];
    /** The configuration used. */
    public final TraceConfig config;

    /** @param config the configuration the trace is read and gated with */
    public Trace(TraceConfig config) {
        this.config = config;
    }

    /** @return true when mutation data was read, so mutation scores gate. */
    public boolean hasMutations() {
        return reportFiles[1] > 0;
    }

    /** @return true when coverage data was read. */
    public boolean hasCoverage() {
        return reportFiles[2] > 0;
    }

    /** @return true when the gates passed. */
    public boolean passed() {
        return errors.isEmpty() && findings.isEmpty();
    }

    /** Records a gate finding. */
    public void find(String gate, String location, String item, String message) {
        findings.add(new Finding(gate, location, item, message));
    }
}
