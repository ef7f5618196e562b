package warden.trace.gate;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import warden.trace.importer.ReviewedList;
import warden.trace.importer.TestResults;
import warden.trace.link.ItemTrace;
import warden.trace.link.Linker;
import warden.trace.link.Trace;
import warden.trace.model.Asil;
import warden.trace.model.Ids;
import warden.trace.model.Tag;

/**
 * The gates: every need covered and nothing unwanted; verifying tests present and passing; own
 * mutation score at or above the item's ASIL threshold (when mutation data was read); kernel code
 * implementing some item. Link, id, revision and ASIL gates report from {@link Linker} and
 * {@link AsilRules}. Each finding says what is wrong and where.
 *
 * [impl->dsn~trace.gates~1]
 */
public final class Gates {
    private final Trace t;

    private Gates(Trace t) {
        this.t = t;
    }

    /** Applies every gate to a linked trace; findings go to the trace. */
    public static void apply(Trace t) {
        Gates g = new Gates(t);
        for (ItemTrace it : t.items.values()) {
            g.needs(it);
            g.unwanted(it);
        }
        g.deferrals();
        if (t.config.verdicts) {
            g.verdicts();
        }
        if (t.hasMutations()) {
            for (ItemTrace it : t.items.values()) {
                g.mutation(it);
            }
        }
        if (t.config.requireMutations) {
            g.mutationData();
        }
        UntaggedCode.check(t);
        g.classLevelTags();
        KernelBranches.check(t);
    }

    /**
     * Verification has method scope: a test tag on a class makes every test of the class verify the
     * item, so it needs a reason in the reviewed {@code class-level-tags} list (class, item, reason).
     *
     * [impl->dsn~trace.class-level-tags~1]
     */
    private void classLevelTags() {
        Set<String> reviewed = new HashSet<>();
        for (ReviewedList.Entry e : t.classLevel) {
            reviewed.add(e.keys().get(0) + " " + e.keys().get(1));
        }
        Set<String> used = new HashSet<>();
        for (Tag tag : t.tags) {
            if (tag.kind().equals("impl") || !tag.scope().equals("class")) {
                continue;
            }
            String key = tag.className() + " " + tag.id();
            if (reviewed.contains(key)) {
                used.add(key);
            } else {
                t.find("class-level-tag", tag.location(), tag.id(), "tag [" + tag.kind() + "->" + tag.id()
                        + "] stands on class " + tag.className() + ", so every test of the class would verify "
                        + tag.id() + ": put it on the test methods that verify it, or give the reason in"
                        + " requirements/class-level-tags.md (class | item | reason)");
            }
        }
        for (ReviewedList.Entry e : t.classLevel) {
            if (!used.contains(e.keys().get(0) + " " + e.keys().get(1))) {
                t.warnings.add(e.file() + ":" + e.line() + ": class-level tag " + e.key()
                        + " is listed but no such tag exists: remove the entry");
            }
        }
    }

    /**
     * A gating mutation run needs PIT's reports, with mutants in every {@code mutated} path: a
     * module whose PIT run was skipped or narrowed to nothing would otherwise leave its items
     * ungated without a word.
     *
     * [impl->dsn~trace.mutation-data~1]
     */
    private void mutationData() {
        if (!t.hasMutations()) {
            t.find("mutation-data", "target/pit-reports", "", "no PIT report (target/pit-reports/**/mutations.xml)"
                    + " was found, but"
                    + " this run requires mutation data (--mutations required): run PIT, mvnw verify -Pmutation");
            return;
        }
        for (String p : t.config.mutated) {
            if (!t.mutatedPaths.contains(p)) {
                t.find("mutation-data", p, "", "no mutant lies in this path, which trace.properties lists as"
                        + " mutated: PIT was skipped here or given none of its classes");
            }
        }
        unmutated();
    }

    /**
     * In a gating run, an implemented item of ASIL C or D whose code has no mutant has no own
     * mutation score, so nothing gates its tests: it fails unless the reviewed {@code unmutated}
     * list (item, reason) says why its code is not mutated.
     *
     * [impl->dsn~trace.unmutated~1]
     */
    private void unmutated() {
        Set<String> listed = new HashSet<>();
        for (ReviewedList.Entry e : t.unmutated) {
            listed.add(e.keys().get(0));
        }
        Set<String> used = new HashSet<>();
        for (ItemTrace it : t.items.values()) {
            if (it.asil.level() < 3 || it.impl.isEmpty() || it.mutation[0] + it.mutation[5] > 0) {
                continue;
            }
            if (listed.contains(it.id())) {
                used.add(it.id());
                continue;
            }
            t.find("unmutated", it.item.location(), it.id(), it.id() + " (" + it.asil + ") is implemented but no"
                    + " mutant lies in its code (" + it.impl.get(0).target() + (it.impl.size() > 1 ? ", ..." : "")
                    + "), so no own mutation score gates it: add its classes to PIT's targetClasses, or give the"
                    + " reason in requirements/unmutated.md (item | reason)");
        }
        for (ReviewedList.Entry e : t.unmutated) {
            if (!used.contains(e.keys().get(0))) {
                t.warnings.add(e.file() + ":" + e.line() + ": " + e.keys().get(0) + " is listed as unmutated but"
                        + " has mutants (or is not an implemented ASIL C/D item): remove the entry");
            }
        }
    }

    private void needs(ItemTrace it) {
        if (it.item.status().equals("draft") || it.item.status().equals("rejected")) {
            return; // planned or refused: shown in the report as open, not gated
        }
        boolean approved = it.item.status().equals("approved");
        for (String need : it.item.needs()) {
            if (covered(it, need, approved)) {
                continue;
            }
            if (approved && deferred(it.id())) {
                t.deferredOpen.add(it.id());
                continue;
            }
            boolean tagKind = need.equals("impl") || need.endsWith("test");
            String drafts = approved ? notApproved(it, need) : "";
            t.find("uncovered", it.item.location(), it.id(), it.id() + " needs " + need + " but "
                    + (tagKind ? "no source has an [" + need + "->" + it.id() + "] tag"
                            : drafts.isEmpty() ? "no " + need + " item covers it"
                                    : "only items that are not approved cover it (" + drafts + "): approve"
                                            + " them once done, or defer " + it.id() + " in"
                                            + " requirements/deferred.md with the reason"));
        }
    }

    private boolean deferred(String id) {
        for (ReviewedList.Entry e : t.deferred) {
            if (e.keys().get(0).equals(id)) {
                return true;
            }
        }
        return false;
    }

    /** @return the items of type need covering it that are not approved, as {@code id (status)}. */
    private String notApproved(ItemTrace it, String need) {
        StringBuilder b = new StringBuilder();
        for (String d : it.down) {
            if (Ids.type(d).equals(need)) {
                b.append(b.length() == 0 ? "" : ", ").append(d).append(" (").append(t.items.get(d).item.status())
                        .append(")");
            }
        }
        return b.toString();
    }

    /**
     * An approved item is covered only by approved items: a draft below it is open work, not a
     * chain. Deferred approved items are listed apart; an entry that defers nothing open is noted.
     *
     * [impl->dsn~trace.approved-chain~1]
     */
    private void deferrals() {
        for (ReviewedList.Entry e : t.deferred) {
            String id = e.keys().get(0);
            ItemTrace it = t.items.get(id);
            if (it == null) {
                t.find("deferred", e.file() + ":" + e.line(), id, id + " is deferred but names no spec item");
            } else if (!t.deferredOpen.contains(id)) {
                t.warnings.add(e.file() + ":" + e.line() + ": deferral of " + id + " is not needed (its chain is"
                        + " complete with approved items, or it is not approved): remove it");
            }
        }
    }

    private boolean covered(ItemTrace it, String need, boolean approvedOnly) {
        for (Tag tag : it.impl) {
            if (tag.kind().equals(need)) {
                return true;
            }
        }
        for (Tag tag : it.tests) {
            if (tag.kind().equals(need)) {
                return true;
            }
        }
        for (String d : it.down) {
            if (Ids.type(d).equals(need) && (!approvedOnly || t.items.get(d).item.status().equals("approved"))) {
                return true;
            }
        }
        return false;
    }

    private void unwanted(ItemTrace it) {
        Set<String> seen = new HashSet<>();
        for (Tag tag : it.impl) {
            unwantedTag(it, tag, seen);
        }
        for (Tag tag : it.tests) {
            unwantedTag(it, tag, seen);
        }
        for (String d : it.down) {
            String type = Ids.type(d);
            if (!it.item.needs().contains(type) && seen.add(type + " " + d)) {
                t.find("unwanted-link", t.items.get(d).item.location(), d, d + " covers " + it.id()
                        + ", which does not need " + type + " (it needs " + it.item.needs() + ")");
            }
        }
    }

    private void unwantedTag(ItemTrace it, Tag tag, Set<String> seen) {
        if (!it.item.needs().contains(tag.kind()) && seen.add(tag.kind() + " " + tag.location())) {
            t.find("unwanted-link", tag.location(), it.id(), "tag [" + tag.kind() + "->" + it.id() + "] covers "
                    + it.id() + ", which does not need " + tag.kind() + " (" + it.item.location() + " needs "
                    + it.item.needs() + ")");
        }
    }

    private void verdicts() {
        boolean anyTests = false;
        for (ItemTrace it : t.items.values()) {
            anyTests |= !it.testMethods.isEmpty();
        }
        if (t.results.files() == 0 && anyTests) {
            t.find("missing-test", "surefire-reports", "", "no Surefire report (TEST-*.xml) was found: run the"
                    + " tests before the trace, or pass --no-verdicts to trace links only");
            return;
        }
        for (ItemTrace it : t.items.values()) {
            verdicts(it); // a method per item: compiled after a few hundred items, where a long loop stays interpreted
        }
    }

    private void verdicts(ItemTrace it) {
        for (int i = 0; i < it.testMethods.size(); i++) {
            TestResults.Verdict v = it.verdicts.get(i);
            String test = it.testMethods.get(i);
            if (v == null) {
                t.find("missing-test", it.item.location(), it.id(), it.id() + ": verifying test " + test
                        + " has no result in the Surefire reports (not run, renamed or removed?)");
            } else if (!v.passed()) {
                t.find(v.status().equals("failed") ? "failing-test" : "missing-test", it.item.location(),
                        it.id(), it.id() + ": verifying test " + test + " " + v.status()
                                + (v.message().isEmpty() ? "" : ": " + v.firstLine()));
            }
        }
    }

    private void mutation(ItemTrace it) {
        int threshold = t.config.threshold(new Asil(it.asil.level(), -1));
        double score = it.mutationScore();
        if (threshold < 0 || score < 0 || score >= threshold) {
            return;
        }
        int[] m = it.mutation;
        t.find("mutation-score", it.item.location(), it.id(), String.format(Locale.ROOT,
                "%s (%s) own mutation score %.1f%% (%d of %d killed by its own tests) is below %d%%:"
                        + " %d survived, %d killed only by other items' tests, %d not covered", it.id(), it.asil,
                score, m[1], m[0], threshold, m[3], m[2], m[4]));
    }
}
