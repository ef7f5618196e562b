package warden.manual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The software safety analysis over a small repository: a goal, two mechanisms, a function, one
 * test class; the good analysis passes, and each kind of wrong data is a located finding.
 */
class SafetyAnalysisTest {
    private static final String SPEC = """
            ### Isolation
            `sg~iso~1`

            Status: approved

            No partition reaches another.

            Tags: ASIL_C

            Needs: dsn

            ### Monitor
            `dsn~mon~1`

            The monitor watches.

            Covers:
            * `sg~iso~1`

            Needs: impl

            ### Backup
            `dsn~backup~1`

            The backup watches the monitor.

            Covers:
            * `sg~iso~1`

            Needs: impl

            ### Function
            `dsn~fn~1`

            Does the work.

            Covers:
            * `sg~iso~1`

            Needs: impl
            """;

    private static final String GOOD = """
            # Analysis

            ## Scope

            | File |
            |---|
            | requirements/spec.md |

            ## FMEA

            | Row | Mechanism | Mode | Failure | Goal | Detection and mitigation | Evidence | Residual |
            |---|---|---|---|---|---|---|---|
            | FM-01 | dsn~mon~1 | not detecting | Miss. | sg~iso~1 | Backup. | dsn~backup~1, demo.MonTest#sees | Two. |
            | FM-02 | dsn~backup~1 | not detecting | Misses it too. | sg~iso~1 | None. | campaign:watchdog | Dual. |
            | FM-03 | dsn~mon~1 | wrong reaction | Acts wrongly. | sg~iso~1 | Tests. | demo.MonTest#sees | Single. |
            | FM-04 | dsn~mon~1 | false detection | Sees a ghost. | - | Restart. | demo.MonTest#sees | Availability. |

            ## Not safety mechanisms

            | Item | Reason |
            |---|---|
            | dsn~fn~1 | A function. |

            ## Fault trees

            | Goal | Top gate |
            |---|---|
            | sg~iso~1 | G-ISO |

            | Gate | Type | Event | Inputs |
            |---|---|---|---|
            | G-ISO | OR | Isolation lost | G-BOTH, FM-03 |
            | G-BOTH | AND | Both miss | FM-01, FM-02 |

            ## Dependent failures

            | Factor | Coupling | Independence argument | Evidence |
            |---|---|---|---|
            | core | c | a | dsn~mon~1 |
            | memory | c | a | dsn~mon~1 |
            | clock | c | a | dsn~mon~1 |
            | monitor-code | c | a | dsn~mon~1 |
            | channel-ring | c | a | dsn~mon~1 |
            | build-tools | c | a | demo.MonTest#sees |
            """;

    @TempDir
    Path root;

    private static final Map<String, String> ASIL = Map.of("dsn~mon~1", "ASIL-C", "dsn~backup~1", "ASIL-C",
            "dsn~fn~1", "ASIL-C", "sg~iso~1", "ASIL-C");

    private void repo(String analysis) throws Exception {
        Files.createDirectories(root.resolve("requirements"));
        Files.writeString(root.resolve("requirements/spec.md"), SPEC);
        Files.writeString(root.resolve(AnalysisFile.PATH), analysis);
        Path test = root.resolve("mod/src/test/java/demo/MonTest.java");
        Files.createDirectories(test.getParent());
        Files.writeString(test, "package demo;\nclass MonTest {\n    void sees() {\n    }\n}\n");
    }

    private List<String> findings(String analysis, Map<String, String> asil) throws Exception {
        repo(analysis);
        Evidence ev = new Evidence(root, root.resolve("out"));
        SafetyAnalysis.write(ev, SpecFile.readAll(root.resolve("requirements")), asil);
        return ev.errors();
    }

    private static AnalysisFile parse(String text) {
        return AnalysisFile.parse(AnalysisFile.PATH, text.lines().toList());
    }

    /** @return the 1-based line of the first line of {@code text} that contains {@code part}. */
    private static int line(String text, String part) {
        List<String> l = text.lines().toList();
        for (int i = 0; i < l.size(); i++) {
            if (l.get(i).contains(part)) {
                return i + 1;
            }
        }
        throw new AssertionError(part);
    }

    // [utest->dsn~manual.safety-analysis~1]
    @Test
    void aCompleteAnalysisHasNoFindingsAndItsCountsAreComputed() throws Exception {
        assertEquals(List.of(), findings(GOOD, ASIL));
        String attributes = Files.readString(root.resolve("out/analysis-attributes.adoc"), StandardCharsets.UTF_8);
        assertTrue(attributes.contains(":fmea-rows: 4\n"), attributes);
        assertTrue(attributes.contains(":fmea-mechanisms: 2\n"), attributes);
        assertTrue(attributes.contains(":fmea-availability-rows: 1\n"), attributes);
        assertTrue(attributes.contains(":cut-sets: 2\n:single-point-cut-sets: 1\n"), attributes);
        String fmea = Files.readString(root.resolve("out/fmea.adoc"), StandardCharsets.UTF_8);
        assertTrue(fmea.contains("|`+dsn~mon~1+`") && fmea.contains("none (availability)"), fmea);
    }

    // [utest->dsn~manual.safety-analysis~1]
    @Test
    void anFmeaRowNamingAnItemThatDoesNotExistFailsAtItsLine() throws Exception {
        String bad = GOOD.replace("| FM-03 | dsn~mon~1 |", "| FM-03 | dsn~gone~1 |");
        List<String> f = findings(bad, ASIL);
        assertTrue(f.contains(AnalysisFile.PATH + ":" + line(bad, "FM-03 |")
                + ": \"dsn~gone~1\" is not an existing dsn item"), f.toString());
    }

    // [utest->dsn~manual.safety-analysis~1]
    @Test
    void anAsilCMechanismWithoutAnFmeaRowFailsButOnlyWhenTheAsilIsKnown() throws Exception {
        String bad = GOOD.replace("| dsn~fn~1 | A function. |\n", "");
        List<String> f = findings(bad, ASIL);
        assertEquals(1, f.size(), f.toString());
        assertTrue(f.get(0).startsWith(AnalysisFile.PATH + ":" + line(bad, "| requirements/spec.md |")
                + ": dsn~fn~1 (ASIL-C, requirements/spec.md:"), f.get(0));
        Map<String, String> qm = new HashMap<>(ASIL);
        qm.put("dsn~fn~1", "QM");
        assertEquals(List.of(), findings(bad, qm), "a QM item needs no FMEA row");
        assertEquals(List.of(), findings(bad, null), "without trace.json the scope is not checked");
        assertTrue(Files.readString(root.resolve("out/analysis-findings.adoc")).contains("was not checked"));
    }

    // [utest->dsn~manual.safety-analysis~1]
    @Test
    void aMechanismCannotAlsoBeListedAsNone() throws Exception {
        String bad = GOOD.replace("| dsn~fn~1 | A function. |", "| dsn~fn~1 | A function. |\n| dsn~mon~1 | x |");
        assertTrue(findings(bad, ASIL).contains(AnalysisFile.PATH + ":" + line(bad, "| dsn~mon~1 | x |")
                + ": dsn~mon~1 is the mechanism of an FMEA row and cannot be \"not a mechanism\""));
    }

    // [utest->dsn~manual.safety-analysis~1]
    @Test
    void evidenceMustNameAnItemATestMethodOrACampaignMechanism() throws Exception {
        String bad = GOOD.replace("dsn~backup~1, demo.MonTest#sees", "demo.MonTest#blind, campaign:nothing, "
                + "somewhere");
        List<String> f = findings(bad, ASIL);
        int at = line(bad, "FM-01 |");
        assertTrue(f.contains(AnalysisFile.PATH + ":" + at + ": test method demo.MonTest#blind not found under "
                + "any src/test/java"), f.toString());
        assertTrue(f.stream().anyMatch(s -> s.startsWith(AnalysisFile.PATH + ":" + at
                + ": \"campaign:nothing\" names no mechanism of the fault campaign")), f.toString());
        assertTrue(f.contains(AnalysisFile.PATH + ":" + at + ": \"somewhere\" is not an item id, a test method "
                + "(package.Class#method) or campaign:key"), f.toString());
    }

    // [utest->dsn~manual.safety-analysis~1]
    @Test
    void aWrongModeAGoalThatIsNoGoalAndAMalformedTableAreFindings() throws Exception {
        String bad = GOOD.replace("| wrong reaction |", "| broken |").replace("| Sees a ghost. | - |",
                "| Sees a ghost. | dsn~fn~1 |").replace("| G-BOTH | AND | Both miss | FM-01, FM-02 |",
                "| G-BOTH | AND | Both miss |");
        List<String> f = findings(bad, ASIL);
        assertTrue(f.contains(AnalysisFile.PATH + ":" + line(bad, "FM-03 |") + ": failure mode \"broken\" is none "
                + "of not detecting, detecting too late, false detection, wrong reaction"), f.toString());
        assertTrue(f.contains(AnalysisFile.PATH + ":" + line(bad, "FM-04 |")
                + ": \"dsn~fn~1\" is not an approved safety goal"), f.toString());
        assertTrue(f.contains(AnalysisFile.PATH + ":" + line(bad, "| G-BOTH |")
                + ": row has 3 cells, its table has 4"), f.toString());
    }

    // [utest->dsn~manual.fault-trees~1]
    @Test
    void minimalCutSetsAreComputedFromTheGatesWithSupersetsRemoved() {
        AnalysisFile a = parse(GOOD);
        FaultTree t = FaultTree.of(a);
        t.check();
        assertEquals(List.of(List.of("FM-03"), List.of("FM-01", "FM-02")), t.cutSets("G-ISO"));
        AnalysisFile absorbed = parse(GOOD.replace("| G-ISO | OR | Isolation lost | G-BOTH, FM-03 |",
                "| G-ISO | OR | Isolation lost | G-BOTH, FM-01 |"));
        FaultTree u = FaultTree.of(absorbed);
        u.check();
        assertEquals(List.of(List.of("FM-01")), u.cutSets("G-ISO"), "FM-01 alone absorbs FM-01 AND FM-02");
        assertEquals(Set.of("FM-01", "FM-02"), u.basicEvents("G-ISO"), "FM-02 is still in the tree");
        assertEquals(List.of(Set.of("a"), Set.of("b", "c")),
                FaultTree.minimal(List.of(Set.of("b", "c"), Set.of("a", "b"), Set.of("a"), Set.of("a"))));
    }

    // [utest->dsn~manual.fault-trees~1]
    @Test
    void aRowMissingFromItsGoalsTreeACycleAndAnUnknownInputAreFindings() throws Exception {
        String bad = GOOD.replace("| G-ISO | OR | Isolation lost | G-BOTH, FM-03 |",
                "| G-ISO | OR | Isolation lost | G-BOTH, G-LOOP |\n| G-LOOP | OR | Loop | G-ISO, FM-09 |");
        List<String> f = findings(bad, ASIL);
        int loop = line(bad, "| G-LOOP |");
        assertTrue(f.contains(AnalysisFile.PATH + ":" + loop + ": gate G-ISO is its own input (cycle ,G-ISO,G-LOOP,"
                + "G-ISO)"), f.toString());
        assertTrue(f.contains(AnalysisFile.PATH + ":" + loop + ": input FM-09 of gate G-LOOP is neither a gate nor an "
                + "FMEA row"), f.toString());
        String missing = GOOD.replace("G-BOTH, FM-03 |", "G-BOTH |").replace("| G-BOTH | AND | Both miss | FM-01, "
                + "FM-02 |", "| G-BOTH | AND | Both miss | FM-01, FM-02 |");
        List<String> g = findings(missing, ASIL);
        assertTrue(g.contains(AnalysisFile.PATH + ":" + line(missing, "FM-03 |")
                + ": FM-03 names sg~iso~1 but is no basic event of its fault tree"), g.toString());
        String stray = GOOD.replace("G-BOTH, FM-03 |", "G-BOTH, FM-03, FM-04 |");
        assertTrue(findings(stray, ASIL).contains(AnalysisFile.PATH + ":" + line(stray, "FM-04 |")
                + ": FM-04 is a basic event of the fault tree of sg~iso~1 but names -"));
    }

    // [utest->dsn~manual.fault-trees~1]
    @Test
    void eachTreeIsDrawnAsSvgWithItsGatesAndBasicEventsAndTheSinglePointsAreListed() throws Exception {
        assertEquals(List.of(), findings(GOOD, ASIL));
        String svg = Files.readString(root.resolve("out/fta-iso.svg"), StandardCharsets.UTF_8);
        assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"") && svg.endsWith("</svg>\n"), svg);
        for (String s : new String[] {">G-ISO<", ">G-BOTH<", ">FM-01<", ">FM-02<", ">FM-03<", ">AND<", ">OR<",
            ">mon<", ">backup<", "Isolation lost"}) {
            assertTrue(svg.contains(s), s + " missing in\n" + svg);
        }
        assertFalse(svg.contains("FM-04"), "a row of no goal is in no tree");
        assertFalse(svg.contains("http://") && svg.replace("http://www.w3.org/2000/svg", "").contains("http"));
        String fta = Files.readString(root.resolve("out/fta.adoc"), StandardCharsets.UTF_8);
        assertTrue(fta.contains("image::fta-iso.svg["), fta);
        assertTrue(fta.contains("|`+sg~iso~1+`\n|FM-03\n|`+dsn~mon~1+`\n|wrong reaction\n|Single.\n"), fta);
        assertTrue(fta.contains("|FM-01 AND FM-02\n"), fta);
        assertEquals(List.of("A failure of the", "critical partition …"),
                FaultTreeSvg.wrap("A failure of the critical partition is not detected", 18, 2));
    }

    // [utest->dsn~manual.dependent-failures~1]
    @Test
    void everyCouplingFactorOnceWithArgumentAndExistingEvidence() throws Exception {
        String bad = GOOD.replace("| clock | c | a | dsn~mon~1 |\n", "").replace("| core | c | a | dsn~mon~1 |",
                "| core | c | a | dsn~nothing~1 |").replace("| memory | c | a | dsn~mon~1 |", "| memory | c | | - |")
                .replace("| channel-ring |", "| weather |");
        List<String> f = findings(bad, ASIL);
        assertTrue(f.contains(AnalysisFile.PATH + ":" + line(bad, "| core |")
                + ": \"dsn~nothing~1\" is not an existing item"), f.toString());
        assertTrue(f.contains(AnalysisFile.PATH + ":" + line(bad, "| memory |")
                + ": coupling factor memory needs an independence argument and evidence"), f.toString());
        assertTrue(f.contains(AnalysisFile.PATH + ":" + line(bad, "| weather |") + ": coupling factor \"weather\" "
                + "must be one of core, memory, clock, monitor-code, channel-ring, build-tools, once"), f.toString());
        assertTrue(f.stream().anyMatch(s -> s.endsWith(": coupling factors missing: clock, channel-ring")),
                f.toString());
    }

    // [utest->dsn~manual.safety-analysis~1]
    // [utest->dsn~manual.fault-trees~1]
    // [utest->dsn~manual.dependent-failures~1]
    @Test
    void theRepositorysOwnAnalysisChecksClean() throws Exception {
        Path repo = Path.of("..").toAbsolutePath().normalize();
        Evidence ev = new Evidence(repo, root.resolve("out"));
        // The ASIL per item comes from the trace, which runs after the tests: the build's own run of the
        // generator checks the scope's completeness; here every id and every tree is checked.
        SafetyAnalysis.write(ev, SpecFile.readAll(repo.resolve("requirements")), null);
        assertEquals(List.of(), ev.errors());
        assertTrue(Files.exists(root.resolve("out/fta-critical-service.svg")));
    }

    // [utest->dsn~manual.safety-analysis~1]
    @Test
    void generateStillWritesEveryIncludeAndReportsTheFindings() throws Exception {
        repo(GOOD.replace("dsn~backup~1, demo.MonTest#sees", "dsn~gone~1"));
        Evidence ev = Generate.run(Map.of("root", root.toString(), "out", root.resolve("gen").toString(),
                "faults", "0"));
        assertEquals(1, ev.errors().size(), ev.errors().toString());
        assertTrue(Files.readString(root.resolve("gen/analysis-findings.adoc")).contains("dsn~gone~1"));
        assertTrue(Files.exists(root.resolve("gen/evidence-status.adoc")));
    }

    // [utest->dsn~manual.safety-analysis~1]
    @Test
    void withoutTheAnalysisFileEveryIncludeSaysSoAndTheAttributesStillResolve() throws Exception {
        Evidence ev = new Evidence(root, root.resolve("out"));
        SafetyAnalysis.write(ev, List.of(), null);
        assertTrue(Files.readString(root.resolve("out/fmea.adoc")).contains("Evidence missing"));
        assertTrue(Files.readString(root.resolve("out/analysis-attributes.adoc")).contains(":fmea-rows: no\n"));
        assertFalse(ev.get("analysis").present());
        assertEquals(List.of(), ev.errors());
    }
}
