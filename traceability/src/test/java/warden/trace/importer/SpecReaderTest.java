package warden.trace.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import warden.trace.model.InputError;
import warden.trace.model.SpecItem;

/** The OpenFastTrace Markdown reader: every field, and every malformed line located. */
class SpecReaderTest {
    private static SpecReader.Result read(String text) {
        return SpecReader.read("r.md", List.of(text.split("\n", -1)));
    }

    // [utest->dsn~trace.spec.reader~1]
    @Test
    void readsEveryFieldOfAnItem() {
        SpecReader.Result r = read(String.join("\n", "# File", "", "### Boot", "`dsn~kernel.boot~2`", "",
                "Status: proposed", "", "Boot reserves", "the monitor.", "", "Rationale:", "Defence in depth:",
                "the kernel checks.", "", "Covers:", "* `req~a~1`", "* `req~b~3`", "",
                "Decomposition: `dsn~other~1`", "", "Depends:", "- `req~c~1`", "", "Tags: ASIL_B_of_C, kernel", "",
                "Verification: test, review", "", "Needs: impl, utest"));
        assertEquals(List.of(), r.errors());
        assertEquals(1, r.items().size());
        SpecItem i = r.items().get(0);
        assertEquals("dsn~kernel.boot~2", i.id());
        assertEquals("Boot", i.title());
        assertEquals("Boot reserves\nthe monitor.", i.description());
        assertEquals("Defence in depth: the kernel checks.", i.rationale());
        assertEquals(List.of("req~a~1", "req~b~3"), i.covers());
        assertEquals(List.of("req~c~1"), i.depends());
        assertEquals(List.of("dsn~other~1"), i.decomposition());
        assertEquals(List.of("impl", "utest"), i.needs());
        assertEquals(List.of("ASIL_B_of_C", "kernel"), i.tags());
        assertEquals("ASIL-B(C)", i.asil().toString());
        assertEquals("proposed", i.status());
        assertEquals("test, review", i.verification());
        assertEquals("r.md:4", i.location());
    }

    /**
     * OpenFastTrace starts an item on any line that begins with an id, so a sentence wrapped to begin
     * with a backticked id is a second (duplicate) item there: the reader sees the same item and says so.
     */
    // [utest->dsn~trace.spec.reader~1]
    @Test
    void aLineThatStartsWithAnIdStartsAnItemAsInOpenFastTrace() {
        SpecReader.Result r = read(String.join("\n", "Items `tsr~a~1` and", "`tsr~b~1` are a decomposition.", "",
                "### B", "`tsr~b~1`", "", "Text.", "", "Needs: req"));
        assertEquals(List.of("tsr~b~1", "tsr~b~1"), r.items().stream().map(SpecItem::id).toList());
        assertEquals(List.of("r.md:2"), r.errors().stream().map(e -> e.file() + ":" + e.line()).toList());
        assertEquals(List.of(), r.items().get(0).needs());
        assertEquals("B", r.items().get(1).title());
    }

    /** The old forms: OFT reads no tag from {@code Tags: ASIL-C}, and a status only after the id. */
    // [utest->dsn~trace.spec.reader~1]
    @Test
    void aHyphenatedAsilAndALateStatusAreWhatOpenFastTraceIgnores() {
        SpecReader.Result r = read(String.join("\n", "`dsn~a~1`", "", "Text.", "", "Tags: ASIL-C", "",
                "Status: draft", "", "Needs: impl"));
        SpecItem i = r.items().get(0);
        assertEquals(null, i.asil());
        assertEquals(List.of(), i.tags());
        assertEquals("approved", i.status());
        assertEquals(List.of("impl"), i.needs());
        assertEquals(List.of(5, 7), r.errors().stream().map(InputError::line).toList());
        SpecReader.Result rejected = read(String.join("\n", "`dsn~a~1`", "Status: rejected", "Tags: ASIL_C"));
        assertEquals("approved", rejected.items().get(0).status());
        assertEquals("ASIL-C", rejected.items().get(0).asil().toString());
        assertEquals(1, rejected.errors().size());
    }

    /** After a tag list and a blank line OFT is in its Needs state: a bullet there is a needed type. */
    // [utest->dsn~trace.spec.reader~1]
    @Test
    void followsOpenFastTracesStatesIntoTheirCorners() {
        SpecReader.Result r = read(String.join("\n", "`dsn~a~1`", "Covers:", "* `req~x~1`", "Not a link line",
                "* see `req~y~2` too", "Tags: ASIL_C", "", "* impl", "### T", "", "`dsn~b~1`"));
        SpecItem a = r.items().get(0);
        assertEquals(List.of("req~x~1", "req~y~2"), a.covers());
        assertEquals(List.of("impl"), a.needs());
        assertEquals("T", r.items().get(1).title());
    }

    // [utest->dsn~trace.input-errors~1]
    @Test
    void reportsEveryMalformedLineAndKeepsTheGoodItems() {
        SpecReader.Result r = read(String.join("\n", "### A", "`dsn~a`", "Needs: impl", "### B", "`dsn~b~1`",
                "Tags: ASIL_C, ASIL_D", "Needs: Impl!", "Covers:", "* `req~x`", "Covers: `req~y~1`",
                "Tags: ASIL_E", "### C", "`dsn~c~1`", "Decomposition: `x`"));
        assertEquals(List.of(
                "r.md:2: malformed item id `dsn~a`: expected type~name~revision, like dsn~kernel.boot~1 "
                        + "(OpenFastTrace ignores this line)",
                "r.md:3: Needs: stands outside any item (no valid `type~name~revision` id line above it; "
                        + "OpenFastTrace ignores it)",
                "r.md:6: Tags: a second ASIL `ASIL_D` (the item already has ASIL-C)",
                "r.md:7: Needs: OpenFastTrace reads no artifact types from this line (a comma-separated list of "
                        + "words, like `Needs: impl, utest`)",
                "r.md:9: this bullet of a Covers list names no item id (type~name~revision); OpenFastTrace ignores it",
                "r.md:10: Covers: OpenFastTrace reads links only as a bullet list on the lines below, not on this "
                        + "line",
                "r.md:11: Tags: `ASIL_E` is not an ASIL tag (QM, ASIL_A..ASIL_D, or decomposed like ASIL_B_of_C)",
                "r.md:14: Decomposition entry `x` is not an item id (type~name~revision)"),
                r.errors().stream().map(InputError::toString).toList());
        assertEquals(List.of("dsn~b~1", "dsn~c~1"), r.items().stream().map(SpecItem::id).toList());
    }

    // [utest->dsn~trace.spec.reader~1]
    @Test
    void readsTheRealRequirementsWithoutErrors() throws Exception {
        java.nio.file.Path dir = java.nio.file.Path.of("../requirements");
        try (var files = java.nio.file.Files.list(dir)) {
            for (java.nio.file.Path p : (Iterable<java.nio.file.Path>) files::iterator) {
                if (p.toString().endsWith(".md") && !p.getFileName().toString().startsWith("equivalent")
                        && !p.getFileName().toString().startsWith("untagged")) {
                    SpecReader.Result r = SpecReader.read(p.toString(), java.nio.file.Files.readAllLines(p));
                    assertTrue(r.errors().isEmpty(), r.errors().toString());
                }
            }
        }
    }
}
