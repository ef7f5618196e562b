package warden.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * The trace gate's checker on small samples: it reads items and tags as OpenFastTrace does and
 * reports each kind of broken link at its file and line. (Tags here are built by concatenation so
 * that the gate does not read them from this file.)
 *
 * [utest->req~scenario.trace-tags~1]
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TraceTagsCheckerTest {
    private static final String ARROW = "-" + ">";

    private static String tag(String kind, String id) {
        return "[" + kind + ARROW + id + "]";
    }

    private static final List<String> SPEC = List.of(
            "# Spec",                      // 1
            "",                            // 2
            "### Boot",                    // 3
            "`dsn~kernel.boot~2`",         // 4
            "",                            // 5
            "The kernel boots.",           // 6
            "",                            // 7
            "Covers:",                     // 8
            "* `req~boot~1`",              // 9
            "",                            // 10
            "Needs: impl, utest",          // 11
            "",                            // 12
            "### Requirement",             // 13
            "`req~boot~1`",                // 14
            "Needs: dsn",                  // 15
            "",                            // 16
            "### Seal",                    // 17
            "`dsn~kernel.seal~1`",         // 18
            "Covers: `req~gone~1`, `req~boot~3`", // 19
            "Needs: impl",                 // 20
            "```",                         // 21
            "### Not an item",             // 22
            "`dsn~in.a.fence~1`",          // 23
            "```",                         // 24
            "Text mentioning `dsn~not.an.item~1` is no item.");

    private static List<TraceTags.Item> items() {
        return TraceTags.items("requirements/k.md", SPEC);
    }

    @Test
    void items_are_read_with_their_needs_and_links() {
        List<TraceTags.Item> items = items();
        assertEquals(List.of("dsn~kernel.boot~2", "req~boot~1", "dsn~kernel.seal~1"),
                items.stream().map(TraceTags.Item::id).toList());
        assertEquals(List.of("impl", "utest"), items.get(0).needs());
        assertEquals(List.of("req~boot~1"), items.get(0).links());
        assertEquals(4, items.get(0).line());
        assertEquals(List.of("req~gone~1", "req~boot~3"), items.get(2).links());
    }

    @Test
    void tags_are_read_from_comments_with_their_line() {
        List<TraceTags.Tag> tags = TraceTags.tags("A.java", List.of("/**", " * " + tag("impl", "dsn~kernel.boot~2"),
                " */", "// " + tag("utest", "dsn~x.y-z~10") + " and " + tag("impl", "dsn~a~1")));
        assertEquals(List.of(new TraceTags.Tag("impl", "dsn~kernel.boot~2", "A.java", 2),
                new TraceTags.Tag("utest", "dsn~x.y-z~10", "A.java", 4), new TraceTags.Tag("impl", "dsn~a~1", "A.java", 4)),
                tags);
    }

    @Test
    void a_fully_covered_spec_has_no_problem() {
        List<TraceTags.Item> items = TraceTags.items("r.md", List.of("### A", "`req~a~1`", "Needs: dsn", "",
                "### B", "`dsn~b~1`", "Covers:", "* `req~a~1`", "Needs: impl, utest"));
        List<TraceTags.Tag> tags = List.of(new TraceTags.Tag("impl", "dsn~b~1", "B.java", 3),
                new TraceTags.Tag("utest", "dsn~b~1", "BTest.java", 7));
        assertEquals(List.of(), TraceTags.check(items, tags));
    }

    @Test
    void each_kind_of_broken_link_is_reported_at_its_file_and_line() {
        List<TraceTags.Tag> tags = List.of(
                new TraceTags.Tag("impl", "dsn~kernel.boot~1", "Kernel.java", 10),   // revision mismatch
                new TraceTags.Tag("utest", "dsn~nowhere~1", "KernelTest.java", 20), // unknown id
                new TraceTags.Tag("impl", "dsn~kernel.seal~1", "Kernel.java", 30),  // fine
                new TraceTags.Tag("utest", "dsn~kernel.seal~1", "SealTest.java", 5)); // not needed
        assertEquals(List.of(
                "Kernel.java:10: tag [impl" + ARROW + "dsn~kernel.boot~1] has the wrong revision: the spec has"
                        + " dsn~kernel.boot~2 at requirements/k.md:4",
                "KernelTest.java:20: tag [utest" + ARROW + "dsn~nowhere~1] names no spec item",
                "SealTest.java:5: tag [utest" + ARROW + "dsn~kernel.seal~1] covers an item that does not need utest"
                        + " (requirements/k.md:18 needs [impl])",
                "requirements/k.md:18: dsn~kernel.seal~1 links to req~gone~1, which names no spec item",
                "requirements/k.md:18: dsn~kernel.seal~1 links to req~boot~3, which has the wrong revision: the spec"
                        + " has req~boot~1 at requirements/k.md:14",
                "requirements/k.md:4: dsn~kernel.boot~2 needs impl but no source has a [impl" + ARROW
                        + "dsn~kernel.boot~2] tag",
                "requirements/k.md:4: dsn~kernel.boot~2 needs utest but no source has a [utest" + ARROW
                        + "dsn~kernel.boot~2] tag"),
                TraceTags.check(items(), tags));
    }

    @Test
    void a_need_for_another_artifact_type_is_met_only_by_an_item_of_that_type_covering_it() {
        List<TraceTags.Item> items = TraceTags.items("r.md", List.of("### A", "`req~a~1`", "Needs: dsn", "",
                "### B", "`feat~b~1`", "Covers: `req~a~1`"));
        assertEquals(List.of("r.md:2: req~a~1 needs dsn but no dsn item covers it"), TraceTags.check(items, List.of()));
    }

    @Test
    void an_item_defined_twice_is_reported() {
        List<TraceTags.Item> items = TraceTags.items("r.md", List.of("### A", "`req~a~1`", "### A again", "`req~a~1`"));
        assertEquals(List.of("r.md:4: item req~a~1 is defined twice (also at r.md:2)"), TraceTags.check(items, List.of()));
    }
}
