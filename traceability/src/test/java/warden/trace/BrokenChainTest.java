package warden.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import warden.trace.link.Trace;
import warden.trace.model.TraceConfig;

/**
 * One test per kind of broken chain: the good fixture passes every gate; each overlay breaks one
 * link and the engine exits 1 naming the gate, the place and the reason.
 */
class BrokenChainTest {
    @TempDir
    Path tmp;

    private Fixture.Run broken(String overlay) {
        Fixture.Run r = Fixture.run(Fixture.prepare(tmp, overlay));
        assertEquals(TraceMain.GATE_FAILED, r.exit(), r.all());
        return r;
    }

    private static void says(Fixture.Run r, String... parts) {
        for (String p : parts) {
            assertTrue(r.out().contains(p), "expected '" + p + "' in:\n" + r.all());
        }
    }

    // [utest->dsn~trace.engine~1]
    // [utest->dsn~trace.gates~1]
    @Test
    void theGoodFixturePassesEveryGate() {
        Fixture.Run r = Fixture.run(Fixture.prepare(tmp));
        assertEquals(TraceMain.OK, r.exit(), r.all());
        says(r, "Trace gates: passed", "3 items");
    }

    /**
     * The good fixture's kernel line {@code return x > 10 ? 10 : x;} has one of two branches covered and
     * is listed as reviewed; without that row the gate fails there, and the stale row is noted.
     */
    // [utest->dsn~trace.kernel-branches~1]
    @Test
    void aKernelBranchNoTestTakesFailsTheBuildUnlessReviewed() {
        says(Fixture.run(Fixture.prepare(tmp)), "kernel branch coverage: 3 of 4 branches (75.0 %)");
        says(broken("uncovered-branch"), "[uncovered-branch] mod/src/main/java/demo/Beta.java:9:",
                "1 of 2 branches of `return x > 10 ? 10 : x;` are taken by no test",
                "note: requirements/uncovered-branches.md:5: no uncovered kernel branch has this file and code");
    }

    // [utest->dsn~trace.links~1]
    @Test
    void aDanglingLinkFailsTheBuild() {
        says(broken("dangling-link"), "[dangling-link] requirements/spec.md:23:",
                "dsn~beta~1 links to sg~nothing~1, which names no spec item");
    }

    // [utest->dsn~trace.links~1]
    @Test
    void aTagNamingAnUnknownIdFailsTheBuild() {
        says(broken("unknown-id"), "[unknown-id] mod/src/main/java/demo/Alpha.java:3:", "dsn~gamma~1",
                "which names no spec item", "[uncovered] requirements/spec.md:13: dsn~alpha~1 needs impl");
    }

    // [utest->dsn~trace.links~1]
    @Test
    void anUncoveredItemFailsTheBuild() {
        says(broken("uncovered"), "[uncovered] requirements/spec.md:37: dsn~gamma~1 needs impl but no source has",
                "dsn~gamma~1 needs utest but no source has");
    }

    // [utest->dsn~trace.links~1]
    @Test
    void anOutdatedLinkFailsTheBuild() {
        says(broken("outdated-link"), "[outdated-link] mod/src/main/java/demo/Alpha.java:3:",
                "but the spec has dsn~alpha~2 at requirements/spec.md:13 (revision changed");
    }

    // [utest->dsn~trace.links~1]
    @Test
    void aDuplicateIdFailsTheBuild() {
        says(broken("duplicate-id"), "[duplicate-id]", "item dsn~alpha~1 is defined twice (first at requirements/");
    }

    // [utest->dsn~trace.links~1]
    @Test
    void aTagOnAnItemThatDoesNotNeedItFailsTheBuild() {
        says(broken("unwanted-link"), "[unwanted-link] mod/src/test/java/demo/BetaTest.java:3:",
                "covers sg~safe~1, which does not need utest");
    }

    // [utest->dsn~trace.tags.scope~2]
    @Test
    void aTagLeftBehindByADeletedTestAnnotatesNothingAndFailsTheBuild() {
        says(broken("orphan-tag"), "[orphan-tag] mod/src/test/java/demo/AlphaTest.java:4:",
                "tag [utest" + "->dsn~alpha~1] annotates no class or method",
                "[uncovered] requirements/spec.md:13: dsn~alpha~1 needs utest");
    }

    // [utest->dsn~trace.class-level-tags~1]
    @Test
    void aClassLevelTestTagFailsUnlessTheReviewedListGivesItsReason() {
        says(broken("class-level-tag"), "[class-level-tag] mod/src/test/java/demo/BetaTest.java:3: tag [utest"
                + "->dsn~beta~1] stands on class demo.BetaTest");
        Fixture.Run ok = Fixture.run(Fixture.prepare(tmp.resolve("ok"), "class-level-tag", "class-level-tag-reviewed"));
        assertEquals(TraceMain.OK, ok.exit(), ok.all());
        assertTrue(ok.all().contains("class-level tag demo.GoneTest:dsn~beta~1 is listed but no such tag exists"),
                ok.all());
    }

    // [utest->dsn~trace.approved-chain~1]
    @Test
    void aDraftDoesNotCoverAnApprovedGoalUnlessTheGoalIsFormallyDeferred() throws java.io.IOException {
        says(broken("draft-chain"), "[uncovered] requirements/integrity.md:4: sg~integrity~1 needs dsn but only"
                + " items that are not approved cover it (dsn~gamma~1 (draft))");
        passesAndPrints(Fixture.prepare(tmp.resolve("ok"), "draft-chain", "draft-chain-deferred"),
                "deferral of sg~safe~1 is not needed", "trace-coverage.adoc",
                "|`sg~integrity~1` |no data is exchanged in this release");
    }

    /** Expects a pass with a note, and a row of a reviewed list in one of the AsciiDoc includes. */
    private static void passesAndPrints(Path root, String note, String include, String row, String... args)
            throws java.io.IOException {
        Fixture.Run ok = Fixture.run(root, args);
        assertEquals(TraceMain.OK, ok.exit(), ok.all());
        assertTrue(ok.all().contains(note), ok.all());
        String adoc = java.nio.file.Files.readString(root.resolve("out/" + include));
        assertTrue(adoc.contains(row), adoc);
    }

    // [utest->dsn~trace.unmutated~1]
    @Test
    void anAsilCItemWithoutMutantsFailsAGatingRunUnlessTheReviewedListSaysWhy() throws java.io.IOException {
        Path root = Fixture.prepare(tmp, "unmutated");
        assertEquals(TraceMain.OK, Fixture.run(root).exit(), "an ordinary run does not require mutants");
        Fixture.Run r = Fixture.run(root, "--mutations", "required");
        assertEquals(TraceMain.GATE_FAILED, r.exit(), r.all());
        says(r, "[unmutated] requirements/delta.md:4: dsn~delta~1 (ASIL-C) is implemented but no mutant lies in"
                + " its code (demo.Delta)");
        passesAndPrints(Fixture.prepare(tmp.resolve("ok"), "unmutated", "unmutated-reviewed"),
                "dsn~alpha~1 is listed as unmutated but has mutants", "trace-mutation.adoc",
                "|`dsn~delta~1` |PIT cannot mutate", "--mutations", "required");
    }

    // [utest->dsn~trace.tests~2]
    @Test
    void aJqwikPropertyIsFoundUnderItsWholeLabel() throws java.io.IOException {
        Path root = Fixture.prepare(tmp, "jqwik-label");
        Fixture.Run r = Fixture.run(root);
        assertEquals(TraceMain.OK, r.exit(), r.all());
        String verdicts = java.nio.file.Files.readString(root.resolve("out/trace-verdicts.adoc"));
        assertTrue(verdicts.contains("|`dsn~alpha~1` |`demo.AlphaTest#twice is even for every int` |passed"), verdicts);
    }

    // [utest->dsn~trace.tests~2]
    // [utest->dsn~trace.verdicts~1]
    @Test
    void aFailingVerifyingTestFailsTheBuild() {
        says(broken("failing-test"), "[failing-test] requirements/spec.md:13:",
                "verifying test demo.AlphaTest#twiceDoubles failed: expected: 4 but was: 5");
    }

    // [utest->dsn~trace.tests~2]
    @Test
    void aVerifyingTestWithoutResultFailsTheBuild() {
        says(broken("missing-test"), "[missing-test] requirements/spec.md:13:",
                "verifying test demo.AlphaTest#twiceDoublesRenamed has no result in the Surefire reports");
    }

    // [utest->dsn~trace.asil~1]
    @Test
    void aChildBelowItsParentsAsilFailsTheBuild() {
        says(broken("asil-inheritance"), "[asil] requirements/spec.md:23: dsn~beta~1 has ASIL-A, below ASIL-C"
                + " of its parent sg~safe~1, and is not part of a decomposition");
    }

    // [utest->dsn~trace.asil~1]
    @Test
    void aValidDecompositionPassesAndAnInvalidOneFails() {
        Fixture.Run ok = Fixture.run(Fixture.prepare(tmp, "asil-decomposition"));
        assertEquals(TraceMain.OK, ok.exit(), ok.all());
        Fixture.Run bad = Fixture.run(Fixture.prepare(tmp.resolve("bad"), "asil-bad-decomposition"));
        assertEquals(TraceMain.GATE_FAILED, bad.exit(), bad.all());
        says(bad, "ASIL-B(C) + ASIL-B(C) (dsn~beta~1) is not a valid decomposition of ASIL-C");
    }

    // [utest->dsn~trace.mutation-score~1]
    // [utest->dsn~trace.mutations~1]
    @Test
    void anOwnMutationScoreBelowTheThresholdFailsTheBuild() {
        says(broken("mutation-score"), "[mutation-score] requirements/spec.md:13: dsn~alpha~1 (ASIL-C) own"
                + " mutation score 0.0% (0 of 2 killed by its own tests) is below 90%: 1 survived, 1 killed only"
                + " by other items' tests, 0 not covered");
    }

    // [utest->dsn~trace.mutation-data~1]
    @Test
    void aGatingRunWithoutMutationDataFailsWhereAnOrdinaryRunTurnsTheGateOff() {
        Path root = Fixture.prepare(tmp, "good");
        assertEquals(TraceMain.OK, Fixture.run(root, "--mutations", "required").exit());
        assertTrue(root.resolve("reports/mutations.xml").toFile().delete());
        assertEquals(TraceMain.OK, Fixture.run(root).exit());
        assertEquals(TraceMain.OK, Fixture.run(root, "--mutations", "optional").exit());
        Fixture.Run r = Fixture.run(root, "--mutations", "required");
        assertEquals(TraceMain.GATE_FAILED, r.exit(), r.all());
        says(r, "[mutation-data] target/pit-reports: no PIT report");
        assertEquals(TraceMain.BAD_INPUT, Fixture.run(root, "--mutations", "sometimes").exit());
    }

    // [utest->dsn~trace.mutation-data~1]
    @Test
    void aGatingRunFailsForEachMutatedPathWithoutAMutant() {
        Fixture.Run r = Fixture.run(Fixture.prepare(tmp, "mutation-data"), "--mutations", "required");
        assertEquals(TraceMain.GATE_FAILED, r.exit(), r.all());
        says(r, "[mutation-data] mod2/src/main/java: no mutant lies in this path");
        assertFalse(r.out().contains("[mutation-data] mod/src/main/java"), r.out());
    }

    // [utest->dsn~trace.mutations~1]
    @Test
    void aReportWithoutTheFullMutationMatrixIsBadInputNotAScore() {
        Fixture.Run r = Fixture.run(Fixture.prepare(tmp, "no-matrix"));
        assertEquals(TraceMain.BAD_INPUT, r.exit(), r.all());
        assertTrue(r.err().contains("reports/mutations.xml: written without PIT's fullMutationMatrix"), r.err());
        assertFalse(r.out().contains("[mutation-score]"), r.out());
    }

    /**
     * A trace of requirements and tags alone reads no report, so a report another build step is
     * still writing cannot spoil it; the same tree with reports read is bad input.
     */
    // [utest->dsn~trace.config~1]
    @Test
    void aTraceWithoutReportsReadsNoneOfThem() throws Exception {
        Path root = Fixture.prepare(tmp, "no-matrix");
        TraceOptions o = TraceOptions.parse(new String[] {"--root", root.toString()});
        TraceConfig config = o.config();
        assertFalse(TraceEngine.run(root, config).errors.isEmpty(), "the report is read: bad input");
        config.readReports = false;
        Trace t = TraceEngine.run(root, config);
        assertEquals(List.of(), t.errors);
        assertFalse(t.items.isEmpty(), "items are linked");
        assertTrue(t.mutants.isEmpty(), "no mutant read");
    }

    // [utest->dsn~trace.mutation-score~1]
    // [utest->dsn~trace.config~1]
    @Test
    void theThresholdIsConfigurableAndMutationGatingNeedsMutationData() {
        Path root = Fixture.prepare(tmp, "mutation-score");
        assertEquals(TraceMain.OK, Fixture.run(root, "--threshold", "C=0").exit());
        assertEquals(TraceMain.BAD_INPUT, Fixture.run(root, "--threshold", "C=ninety").exit());
        assertTrue(root.resolve("reports/mutations.xml").toFile().delete());
        Fixture.Run r = Fixture.run(root);
        assertEquals(TraceMain.OK, r.exit(), r.all());
        says(r, "mutation data: none (mutation gate off)");
    }

    // [utest->dsn~trace.equivalent-mutants~2]
    @Test
    void reviewedEquivalentMutantsLeaveTheScoreAndAKilledOneIsAnError() {
        Fixture.Run r = broken("equivalent-mutants");
        says(r, "[equivalent-list] requirements/equivalent-mutants.md:6:",
                "mutant demo.Alpha#twice:MathMutator:return x * 2; (line 6) is listed as equivalent but was killed");
        assertFalse(r.out().contains("[mutation-score]"), r.out());
    }

    // [utest->dsn~trace.equivalent-mutants~2]
    // [utest->dsn~trace.report.html~2]
    @Test
    void anEquivalentMutantKeepsItsKeyWhenItsLineMovesAndIsShownAsEquivalentBesideTheKilledOnes()
            throws java.io.IOException {
        Path root = Fixture.prepare(tmp, "equivalent-moved");
        Fixture.Run r = Fixture.run(root);
        assertEquals(TraceMain.OK, r.exit(), r.all());
        assertFalse(r.all().contains("matches no mutant"), r.all());
        String html = java.nio.file.Files.readString(root.resolve("out/index.html"));
        assertTrue(html.contains("<td>EQUIVALENT (reviewed)</td><td>demo: taken as equivalent for the fixture"
                + " (requirements/equivalent-mutants.md:5)</td>"), html);
        assertTrue(html.contains("<td>KILLED (own test)</td><td>demo.AlphaTest#twiceDoubles</td>"), html);
        assertTrue(html.indexOf("EQUIVALENT (reviewed)") < html.indexOf("KILLED (own test)"), html);
    }

    // [utest->dsn~trace.untagged-code~1]
    @Test
    void kernelCodeImplementingNoRequirementFailsTheBuild() {
        says(broken("untagged-code"), "[untagged-code] mod/src/main/java/demo/Gamma.java:4:",
                "class demo.Gamma implements no requirement");
    }

    // [utest->dsn~trace.input-errors~1]
    // [utest->dsn~trace.cli~1]
    @Test
    void aMalformedRequirementFileIsBadInputNamingEveryLine() {
        Fixture.Run r = Fixture.run(Fixture.prepare(tmp, "malformed"));
        assertEquals(TraceMain.BAD_INPUT, r.exit(), r.all());
        assertTrue(r.err().contains("requirements/broken.md:4: malformed item id `dsn~broken`"), r.err());
        assertTrue(r.err().contains("requirements/broken.md:8: Needs: stands outside any item"), r.err());
        assertTrue(r.err().contains("requirements/broken.md:15: Tags: `ASIL_E` is not an ASIL"), r.err());
        assertTrue(r.err().contains("requirements/broken.md:13: Status: `done` is not one of"), r.err());
        assertTrue(r.err().contains("broken.md:18: this bullet of a Covers list names no item id"), r.err());
        assertFalse(r.all().contains("Exception"), r.all());
    }

    // [utest->dsn~trace.input-errors~1]
    @Test
    void aMalformedReportIsBadInputNamingFileAndLine() {
        Fixture.Run r = Fixture.run(Fixture.prepare(tmp, "malformed-xml"));
        assertEquals(TraceMain.BAD_INPUT, r.exit(), r.all());
        assertTrue(r.err().contains("reports/TEST-demo.AlphaTest.xml:4: not well-formed XML"), r.err());
    }

    // [utest->dsn~trace.cli~1]
    @Test
    void badOptionsAreBadInputAndHelpIsOk() {
        assertEquals(TraceMain.BAD_INPUT, Fixture.run(tmp, "--frobnicate").exit());
        assertEquals(TraceMain.BAD_INPUT, Fixture.run(tmp.resolve("missing")).exit());
        assertEquals(TraceMain.OK, Fixture.run(tmp, "--help").exit());
    }
}
